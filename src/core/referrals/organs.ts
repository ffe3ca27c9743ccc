// The organs a case is referred to (移送), by region. Art. 24 of the Measures: a suspected breach
// of discipline goes to the appointing authority or the supervision organ (任免机关或者监察机关:
// in practice the discipline inspection and supervision commission, 纪委监委); a suspected crime
// to the judicial organs (公安机关, 人民检察院). Each region keeps a register of them; the
// proposal names the receiving organ, and that organ's users read the referred case file.
import { regionCovers } from '../policies/actor.js';
import type { Referral } from '../rulebook/types.js';

export const ORGAN_KINDS = [
  'discipline_commission',
  'appointing_authority',
  'public_security',
  'procuratorate',
] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export const ORGAN_KIND_LABELS: Readonly<Record<OrganKind, string>> = {
  discipline_commission: '纪委监委',
  appointing_authority: '任免机关',
  public_security: '公安机关',
  procuratorate: '人民检察院',
};

/** Art. 24: the organs a referral of each kind may go to, the usual one first. */
export const ORGANS_FOR_REFERRAL: Readonly<Record<Referral, readonly OrganKind[]>> = {
  discipline: ['discipline_commission', 'appointing_authority'],
  judicial: ['procuratorate', 'public_security'],
};

export interface OrganRef {
  id: string;
  kind: OrganKind;
  regionCode: string;
}

/** A region and the regions above it (county → city → province), nearest first. */
export function regionsUp(region: string): string[] {
  return [...new Set([region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`])];
}

/**
 * The organ a referral goes to when the proposal names none: of the kinds the referral allows (in
 * their order), the organ of the case's own region, else of the nearest region above it.
 */
export function defaultOrgan<O extends OrganRef>(
  organs: readonly O[],
  referral: Referral,
  caseRegion: string,
): O | null {
  for (const region of regionsUp(caseRegion))
    for (const kind of ORGANS_FOR_REFERRAL[referral]) {
      const o = organs.find((x) => x.kind === kind && x.regionCode === region);
      if (o) return o;
    }
  return null;
}

/** May a referral of this kind, from a case of this region, go to this organ? */
export function organFits(organ: OrganRef, referral: Referral, caseRegion: string): string | null {
  if (!ORGANS_FOR_REFERRAL[referral].includes(organ.kind))
    return `${ORGAN_KIND_LABELS[organ.kind]}不受理${referral === 'discipline' ? '涉嫌违纪' : '涉嫌犯罪'}的移送`;
  return regionCovers(organ.regionCode, caseRegion) ? null : '该机关不管辖本案所在地区';
}

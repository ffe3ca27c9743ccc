// Building blocks of the act generator: what kind of act a matter is, violation codes, party
// identifiers (unified social credit codes, masked resident ID numbers) and the officers whose
// certificates cover a given day.
import type { DemoAgency, DemoOfficer } from '../../demo/city.js';
import { toDayNumber } from '../calendar/day-number.js';
import { USCC_CHARS, usccCheck } from '../privacy/identifiers.js';
import { maskIdNumber } from '../privacy/mask.js';
import type { Rng } from '../random.js';
import type { ActKind } from './schema.js';

interface MatterInfo {
  kind: ActKind;
  /** Prefix of the violation codes of the matter (penalty, coercion). */
  code: string;
}

/** The demo city's matters; unknown matters are classified by their name. */
const MATTERS: Record<string, MatterInfo> = {
  食品安全监督检查: { kind: 'inspection', code: 'FOOD' },
  特种设备安全检查: { kind: 'inspection', code: 'SE' },
  价格违法行为查处: { kind: 'penalty', code: 'PRICE' },
  无照经营查处: { kind: 'penalty', code: 'UNLIC' },
  违法建设查处: { kind: 'penalty', code: 'BUILD' },
  占道经营查处: { kind: 'penalty', code: 'ROAD' },
  物业管理违规查处: { kind: 'penalty', code: 'PROP' },
  环境污染查封扣押: { kind: 'coercion', code: 'ENV' },
  超限运输查处: { kind: 'penalty', code: 'OVLD' },
  住房公积金违规提取查处: { kind: 'penalty', code: 'HPF' },
  非法占地查处: { kind: 'penalty', code: 'LAND' },
  环境卫生管理: { kind: 'other', code: 'SAN' },
  水土保持费征收: { kind: 'levy', code: 'WSC' },
};

export function matterInfo(matter: string): MatterInfo {
  const known = MATTERS[matter];
  if (known) return known;
  if (matter.endsWith('许可') || matter.endsWith('审批')) return { kind: 'licensing', code: 'LIC' };
  if (matter.endsWith('检查')) return { kind: 'inspection', code: 'INSP' };
  if (matter.endsWith('查处')) return { kind: 'penalty', code: 'GEN' };
  if (matter.includes('查封') || matter.includes('扣押')) return { kind: 'coercion', code: 'GEN' };
  if (matter.endsWith('征收')) return { kind: 'levy', code: 'LEVY' };
  return { kind: 'other', code: 'GEN' };
}

/** Agencies and their matters grouped by the kind of act. */
export function mattersByKind(
  agencies: readonly DemoAgency[],
): Map<ActKind, { agency: DemoAgency; matter: string }[]> {
  const byKind = new Map<ActKind, { agency: DemoAgency; matter: string }[]>();
  for (const agency of agencies) {
    for (const matter of agency.matters) {
      const { kind } = matterInfo(matter);
      const list = byKind.get(kind) ?? [];
      list.push({ agency, matter });
      byKind.set(kind, list);
    }
  }
  return byKind;
}

// --- party identifiers -------------------------------------------------------------------------

// The code's alphabet and check character live with the other identifiers (core/privacy).
export { usccCheck };

/**
 * The n-th organisation's unified social credit code in a region: '91' (enterprise) + region +
 * a 9-character body that differs for every n (each character mixes in the previous one, an
 * injective map) + the check character.
 */
export function orgCode(region: string, n: number): string {
  let body = '';
  let prev = 11;
  let rest = n;
  for (let k = 0; k < 9; k++) {
    const d = rest % 31;
    rest = Math.floor(rest / 31);
    prev = (d + 7 * k + 13 * prev) % 31;
    body += USCC_CHARS[prev];
  }
  const first17 = `91${region}${body}`;
  return first17 + usccCheck(first17);
}

/** A resident ID number masked as published (first six and last four characters shown). */
export function maskedPersonId(region: string, n: number): string {
  const seq = String(n % 1000).padStart(3, '0');
  const check = '0123456789X'[Math.floor(n / 1000) % 11];
  return maskIdNumber(`${region}00000000${seq}${check}`);
}

// --- officers ------------------------------------------------------------------------------------

export interface OfficerCert {
  officer: string;
  certificate: string;
  validUntil: string;
  fromDay: number;
  untilDay: number;
  usable: boolean;
}

/** Every certificate of every officer, by agency; `usable` when its status is valid. */
export function certificatesByAgency(officers: readonly DemoOfficer[]): Map<string, OfficerCert[]> {
  const byAgency = new Map<string, OfficerCert[]>();
  for (const o of officers) {
    const list = byAgency.get(o.agencyId) ?? [];
    for (const c of o.certificates) {
      list.push({
        officer: o.id,
        certificate: c.number,
        validUntil: c.validUntil,
        fromDay: toDayNumber(c.issuedOn),
        untilDay: toDayNumber(c.validUntil),
        usable: c.status === 'valid',
      });
    }
    byAgency.set(o.agencyId, list);
  }
  return byAgency;
}

/**
 * `n` distinct officers of the agency holding a certificate valid on `day`: first those whose
 * certificate was issued by then and is in good standing, then any still unexpired one.
 */
export function validOfficers(
  rng: Rng,
  certs: readonly OfficerCert[],
  day: number,
  n: number,
): OfficerCert[] {
  const good: OfficerCert[] = [];
  const fallback: OfficerCert[] = [];
  for (const c of certs) {
    if (c.untilDay < day) continue;
    if (c.usable && c.fromDay <= day) good.push(c);
    else fallback.push(c);
  }
  const out: OfficerCert[] = [];
  const taken = new Set<string>();
  for (const pool of [good, fallback]) {
    while (out.length < n && pool.length > 0) {
      const i = Math.floor(rng.next() * pool.length);
      const c = pool[i];
      pool[i] = pool[pool.length - 1];
      pool.pop();
      if (taken.has(c.officer)) continue;
      taken.add(c.officer);
      out.push(c);
    }
  }
  return out;
}

/** A certificate of the agency that had expired by `day`, if any. */
export function expiredCertificate(rng: Rng, certs: readonly OfficerCert[], day: number): OfficerCert | null {
  const expired = certs.filter((c) => c.untilDay < day);
  return expired.length > 0 ? rng.pick(expired) : null;
}

// The register of referral organs (移送机关登记册) as the API serves it (GET /api/v1/organs), and
// core's vocabulary: the kinds of organ and which of them may receive each kind of referral
// (src/core/referrals/organs.ts).
import type { OrganKind } from '../../../src/core/referrals/organs';

export {
  /** The organ a referral goes to when the proposal names none (the server's default). */
  defaultOrgan,
  ORGAN_KIND_LABELS,
  ORGAN_KINDS,
  ORGANS_FOR_REFERRAL,
} from '../../../src/core/referrals/organs';
export type { Referral } from '../../../src/core/rulebook/types';
export { REFERRALS } from '../../../src/core/rulebook/types';
export type { OrganKind };

export interface Organ {
  /** `529900-JW`: the region's code and the organ's own. */
  id: string;
  regionCode: string;
  kind: OrganKind;
  kindLabel: string;
  name: string;
}

export interface OrganQuery {
  /** The organs that may receive a case of this region: its own and those of the regions above. */
  forRegion?: string;
  kind?: OrganKind;
}

// The duty lists as the API answers them (src/server/routes/duties.ts).
import type {
  CompletenessColumn,
  DutyColumnName,
  DutyRole,
  PowerType,
} from '../../../../src/core/duties/columns';

export type { CompletenessColumn, DutyColumnName, DutyRole, PowerType };

export interface DutyItem {
  id: number;
  row: number;
  code: string;
  name: string;
  type: PowerType;
  agencyId: string;
  agencyName: string;
  regionCode: string;
  unit: string | null;
  role: DutyRole;
  basis: string | null;
  duties: string[];
  accountability: string[];
  timeLimit: string | null;
  effectiveFrom: string;
  effectiveUntil: string | null;
  version: number;
  missing: CompletenessColumn[];
}

export interface DutyItemPage {
  items: DutyItem[];
  total: number;
  page: number;
  pageSize: number;
  on: string;
}

export interface DutyVersion {
  version: number;
  importId: number;
  importedAt: string;
  importedByName: string;
  fileName: string;
  sha256: string;
  from: string;
  until: string | null;
  items: number;
  inForce: number;
}

export interface DutyVersions {
  agencyId: string;
  agencyName: string;
  on: string;
  items: DutyVersion[];
}

export interface DutyDiff {
  agencyId: string;
  from: number;
  to: number;
  added: DutyItem[];
  removed: DutyItem[];
  changed: { code: string; columns: DutyColumnName[]; before: DutyItem; after: DutyItem }[];
  unchanged: number;
}

/** Which gap rule: only 协办 agencies hold the power, or nobody holds a reference matter. */
export type GapKind = 'assistOnly' | 'reference';

export interface AgencyRef {
  id: string;
  name: string;
}

/** Where an overlap stands: undecided, referred to the establishment office, or its boundary outdated. */
export type OverlapStatus = 'open' | 'referred' | 'reopened';

/** A decision on an overlap (src/server/routes/duty-boundaries.ts): a boundary or a referral. */
export interface DutyResolution {
  id: number;
  kind: 'boundary' | 'referral';
  region: string;
  code: string;
  name: string;
  parties: AgencyRef[];
  lead: AgencyRef | null;
  assisting: AgencyRef[];
  ground: string | null;
  referral: { number: string; referredTo: string; referredOn: string; note: string | null } | null;
  validFrom: string;
  decidedByName: string;
  decidedAt: string;
  supersededBy: number | null;
}

export interface WorklistOverlap {
  code: string;
  name: string;
  region: string | null;
  agencies: AgencyRef[];
  status: OverlapStatus;
  resolution: DutyResolution | null;
  uncovered: AgencyRef[];
}

export interface BoundaryEntry extends DutyResolution {
  regionName: string;
}

export interface BoundaryPage {
  items: BoundaryEntry[];
  total: number;
  page: number;
  pageSize: number;
  on: string;
  abilities: { resolve: boolean };
}

export interface DutyWorklist {
  on: string;
  items: number;
  overlaps: WorklistOverlap[];
  /** Overlaps a boundary in force settles (off the worklist). */
  settled: (Omit<WorklistOverlap, 'status' | 'uncovered' | 'resolution'> & { resolution: DutyResolution })[];
  abilities: { resolve: boolean };
  gaps: {
    code: string;
    name: string;
    region: string | null;
    reason: string;
    kind: GapKind;
    agencies: (AgencyRef & { role: DutyRole })[];
  }[];
  incomplete: {
    id: number;
    row: number;
    code: string;
    name: string;
    agencyId: string;
    agencyName: string;
    version: number;
    missing: CompletenessColumn[];
  }[];
}

export interface DutyImportResult {
  importId: number | null;
  dryRun: boolean;
  fileName: string;
  sha256: string;
  agencies: {
    agencyId: string;
    agencyName: string;
    regionCode: string;
    version: number;
    from: string;
    items: number;
    superseded: number;
  }[];
  report: {
    items: number;
    overlaps: { code: string; name: string; region: string | null; agencies: AgencyRef[] }[];
    gaps: { code: string; name: string; region: string | null; reason: string; kind: GapKind }[];
    incomplete: {
      row: number;
      code: string;
      name: string;
      agencyId: string;
      agencyName: string;
      missing: CompletenessColumn[];
    }[];
  };
}

/** Who may import lists (the server decides each agency; the tab shows for these roles). */
export const mayImportDuties = (user: { role: string; agencyId: string | null }) =>
  user.role === 'admin' ||
  user.role === 'supervisor' ||
  (user.role === 'agency_legal' && user.agencyId !== null);

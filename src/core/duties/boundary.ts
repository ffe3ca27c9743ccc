// Resolving an overlap of the duty lists (职责交叉, issue 13): the supervision office either names the
// lead agency (牵头/主办) and the others 协办 — an entry of the boundary list (职责边界清单) with its
// legal ground (依据) —, or refers the dispute to the establishment office (机构编制部门). Until a
// boundary is recorded the previous split stands, and the worklist shows the overlap as referred.
//
// Sources: "一件事情原则上由一个部门负责"; where several agencies share a matter, one leads and the
// others assist (《中共中央关于深化党和国家机构改革的决定》, 2018); a dispute over the division of
// duties goes to the establishment office, the existing split applying meanwhile (the local practice
// of 职责边界清单, PRACTICE.md (c); check against the jurisdiction's own rules).
//
// The decisions of one power in one region form a history: each later decision (higher id) overrides
// the earlier ones from its `validFrom` on, so the decision in force on a day is the latest decided
// one that has started. Pure: the store keeps the rows, the API checks who decides.
import { safeCsvCell } from '../csv-cell.js';
import { isIsoDate } from '../dates.js';
import { type FieldError, isSafeText, UNSAFE_TEXT_MESSAGE, ValidationError } from '../validation.js';

export const RESOLUTION_KINDS = ['boundary', 'referral'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export const RESOLUTION_KIND_LABELS: Readonly<Record<ResolutionKind, string>> = {
  boundary: '明确牵头单位（职责边界清单）',
  referral: '移交机构编制部门',
};

/** Where an overlap stands on the worklist (a settled one has left it). */
export const OVERLAP_STATUSES = ['open', 'referred', 'reopened'] as const;
export type OverlapStatus = (typeof OVERLAP_STATUSES)[number];
export const OVERLAP_STATUS_LABELS: Readonly<Record<OverlapStatus, string>> = {
  open: '待处理',
  referred: '已移交编制部门',
  reopened: '边界清单未涵盖新的主办部门',
};

/** The default receiver of a referral. */
export const ESTABLISHMENT_OFFICE = '机构编制部门';

/** The longest ground, note or referral text kept. */
export const RESOLUTION_TEXT_MAX = 2000;

export interface ReferralFields {
  /** The referral's document number (移交函文号). */
  number: string;
  /** To whom: the establishment office by its name (default 机构编制部门). */
  referredTo: string;
  referredOn: string;
  note: string | null;
}

/** A decision on one power (职权编码) in one region. */
export interface DutyResolution {
  id: number;
  region: string;
  code: string;
  kind: ResolutionKind;
  /** The agencies that led the power when it was decided. */
  parties: string[];
  /** boundary: the lead agency (牵头/主办). */
  lead: string | null;
  /** boundary: the others, 协办. */
  assisting: string[];
  /** boundary: its legal ground (依据). */
  ground: string | null;
  referral: ReferralFields | null;
  /** In force from this day. */
  validFrom: string;
}

type Keyed = Pick<DutyResolution, 'id' | 'region' | 'code' | 'validFrom'>;

export const resolutionKey = (region: string | null, code: string) => `${region ?? ''}/${code}`;

/**
 * The decision in force on `on` for each (region, 职权编码): the latest decided (highest id) whose
 * `validFrom` is not after `on`.
 */
export function resolutionsInForce<R extends Keyed>(resolutions: readonly R[], on: string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of resolutions) {
    if (r.validFrom > on) continue;
    const key = resolutionKey(r.region, r.code);
    const held = out.get(key);
    if (held === undefined || r.id > held.id) out.set(key, r);
  }
  return out;
}

/** The agencies a boundary entry names, lead first. */
export const boundaryAgencies = (r: Pick<DutyResolution, 'lead' | 'assisting'>): string[] =>
  r.lead === null ? [...r.assisting] : [r.lead, ...r.assisting];

type AgencyLike = string | { id: string };
const idOf = (a: AgencyLike) => (typeof a === 'string' ? a : a.id);

export interface OverlapLike {
  code: string;
  region: string | null;
  agencies: readonly AgencyLike[];
}

export type ResolvedOverlap<O, R> = O & {
  status: OverlapStatus;
  /** The decision in force, if any (a referral, or a boundary that no longer covers everyone). */
  resolution: R | null;
  /** Agencies leading the power that the boundary in force does not name. */
  uncovered: string[];
};

/**
 * The overlaps of a worklist under the decisions in force on `on`: an overlap whose boundary names
 * every agency leading the power is settled and leaves the worklist; a referred one stays, marked;
 * one whose boundary does not name an agency that now leads the power too is open again.
 */
export function applyResolutions<O extends OverlapLike, R extends DutyResolution>(
  overlaps: readonly O[],
  resolutions: readonly R[],
  on: string,
): { open: ResolvedOverlap<O, R>[]; settled: (O & { resolution: R })[] } {
  const inForce = resolutionsInForce(resolutions, on);
  const open: ResolvedOverlap<O, R>[] = [];
  const settled: (O & { resolution: R })[] = [];
  for (const o of overlaps) {
    const r = inForce.get(resolutionKey(o.region, o.code));
    if (r === undefined) {
      open.push({ ...o, status: 'open', resolution: null, uncovered: [] });
    } else if (r.kind === 'referral') {
      open.push({ ...o, status: 'referred', resolution: r, uncovered: [] });
    } else {
      const named = new Set(boundaryAgencies(r));
      const uncovered = o.agencies.map(idOf).filter((a) => !named.has(a));
      if (uncovered.length === 0) settled.push({ ...o, resolution: r });
      else open.push({ ...o, status: 'reopened', resolution: r, uncovered });
    }
  }
  return { open, settled };
}

// --- validation -----------------------------------------------------------------------------------

const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';

function textProblem(path: string, value: string | null | undefined, label: string, required: boolean) {
  if (blank(value)) return required ? { path, message: `请填写${label}` } : null;
  if (!isSafeText(value!)) return { path, message: UNSAFE_TEXT_MESSAGE };
  if (Array.from(value!.trim()).length > RESOLUTION_TEXT_MAX)
    return { path, message: `${label}不得超过 ${RESOLUTION_TEXT_MAX} 字` };
  return null;
}

function dayProblem(path: string, value: string | undefined, label: string): FieldError | null {
  if (blank(value)) return { path, message: `请填写${label}` };
  if (!isIsoDate(value!)) return { path, message: '日期应为 YYYY-MM-DD 且为有效日期' };
  return null;
}

function throwIf(problems: (FieldError | null)[], message: string): void {
  const fields = problems.filter((p): p is FieldError => p !== null);
  if (fields.length > 0) throw new ValidationError(message, fields);
}

export interface BoundaryInput {
  lead: string;
  ground: string;
  /** Default: today. */
  validFrom?: string;
}

export interface BoundaryDecision {
  lead: string;
  assisting: string[];
  ground: string;
  validFrom: string;
}

/**
 * A boundary entry for an overlap led by `leading` (the agencies leading the power on `validFrom`):
 * the lead must be one of them, the others become 协办; the ground is required; it takes effect
 * today or later (a decision does not rewrite the worklist of days past).
 */
export function boundaryDecision(
  input: BoundaryInput,
  leading: readonly string[],
  today: string,
): BoundaryDecision {
  const validFrom = input.validFrom ?? today;
  const dayError =
    input.validFrom === undefined ? null : dayProblem('validFrom', input.validFrom, '生效日期');
  throwIf(
    [
      blank(input.lead)
        ? { path: 'lead', message: '请选择牵头（主办）单位' }
        : leading.includes(input.lead)
          ? null
          : { path: 'lead', message: '牵头单位应为该职责交叉涉及的部门之一' },
      textProblem('ground', input.ground, '依据', true),
      dayError ?? (validFrom < today ? { path: 'validFrom', message: '生效日期不得早于今天' } : null),
    ],
    '职责边界无效',
  );
  return {
    lead: input.lead,
    assisting: leading.filter((a) => a !== input.lead),
    ground: input.ground.trim(),
    validFrom,
  };
}

export interface ReferralInput {
  number: string;
  referredOn: string;
  referredTo?: string;
  note?: string;
}

/** A referral to the establishment office: its number and date (not after today) are required. */
export function referralDecision(input: ReferralInput, today: string): ReferralFields {
  const dayError = dayProblem('referredOn', input.referredOn, '移交日期');
  throwIf(
    [
      textProblem('number', input.number, '移交文号', true),
      dayError ?? (input.referredOn > today ? { path: 'referredOn', message: '移交日期不得晚于今天' } : null),
      textProblem('referredTo', input.referredTo, '接收部门', false),
      textProblem('note', input.note, '说明', false),
    ],
    '移交信息无效',
  );
  return {
    number: input.number.trim(),
    referredOn: input.referredOn,
    referredTo: blank(input.referredTo) ? ESTABLISHMENT_OFFICE : input.referredTo!.trim(),
    note: blank(input.note) ? null : input.note!.trim(),
  };
}

// --- the boundary list as a file -------------------------------------------------------------------

export const BOUNDARY_CSV_HEADERS = [
  '地区',
  '职权编码',
  '职权名称',
  '牵头（主办）单位',
  '协办单位',
  '依据',
  '生效日期',
  '决定人',
  '决定时间',
] as const;

export interface BoundaryListRow {
  regionName: string;
  code: string;
  name: string;
  leadName: string;
  assistingNames: string[];
  ground: string;
  validFrom: string;
  decidedByName: string;
  decidedAt: string;
}

/** The boundary list as CSV (UTF-8 with a BOM for spreadsheet programs, CRLF line ends). */
export function boundaryListCsv(rows: readonly BoundaryListRow[]): string {
  const lines = [BOUNDARY_CSV_HEADERS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.regionName,
        r.code,
        r.name,
        r.leadName,
        r.assistingNames.join('；'),
        r.ground,
        r.validFrom,
        r.decidedByName,
        r.decidedAt,
      ]
        .map(safeCsvCell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

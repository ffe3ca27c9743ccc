// From the records of a year to the assessment's figures (assess.ts's metrics), per agency and per
// officer, each with the ids behind it (`refs`) so that every point can be drilled down to the acts,
// cases and review files it counts. Pure: the store reads the rows, this decides what they mean.
//
// A fault found is either a detection finding (an act and a rule) or a case of another source whose
// investigation found someone liable. What became of it is its case's: decided 追究责任 → pursued;
// 免予追究（不承担责任, 《办法》第二十二条） → statutory exemption; every liable person exempted by a
// tolerance decision (容错免责) → tolerance exemption; anything else (no case yet, open, not
// pursued) → not pursued. An officer's faults are the liable persons' once a case has determined
// them (or the persons a 免予追究 decision exempts), before that the finding's (the act's handler).
import type { Calendar } from '../calendar/calendar.js';
import { type CaseProcedure, type DecisionKind, dueDate } from '../workflow/case.js';
import type { AssessmentInputData, Refs } from './assess.js';
import type { AssessmentGrade } from './policy.js';

export interface CasePersonRow {
  officerId: string;
  liable: boolean;
  toleranceExempt: boolean;
}

export interface FaultRow {
  agencyId: string;
  /** The act of a detection finding; null for a case of another source. */
  actId: string | null;
  /** The officer a finding names (the act's handler). */
  officerId: string | null;
  caseId: string | null;
  decisionKind: DecisionKind | null;
  /** The case's persons (empty before its findings). */
  persons: readonly CasePersonRow[];
}

export type FaultOutcome = 'pursued' | 'tolerance' | 'statutory' | 'open';

/** What became of a fault, for the agency (`officerId` null) or for one of its officers. */
export function faultOutcome(f: FaultRow, officerId: string | null = null): FaultOutcome {
  if (officerId !== null) {
    const p = f.persons.find((x) => x.officerId === officerId);
    if (p?.liable && p.toleranceExempt) return 'tolerance';
    if (f.decisionKind === 'pursue' && p?.liable) return 'pursued';
    return f.decisionKind === 'exempt' ? 'statutory' : 'open';
  }
  if (f.decisionKind === 'pursue') return 'pursued';
  if (f.decisionKind === 'exempt') return 'statutory';
  const liable = f.persons.filter((p) => p.liable);
  return liable.length > 0 && liable.every((p) => p.toleranceExempt) ? 'tolerance' : 'open';
}

/**
 * The officers a fault is counted against: the liable persons once the case determined them (the
 * persons of a case decided 免予追究, whom the decision exempts), before that the finding's officer.
 */
export function faultOfficers(f: FaultRow): string[] {
  const liable = f.persons.filter((p) => p.liable).map((p) => p.officerId);
  if (liable.length > 0) return liable;
  if (f.decisionKind === 'exempt') return f.persons.map((p) => p.officerId);
  return f.officerId !== null && f.persons.length === 0 ? [f.officerId] : [];
}

export interface CaseTimingRow {
  caseId: string;
  agencyId: string;
  /** Liable persons. */
  officerIds: readonly string[];
  registeredOn: string;
  acceptedOn: string | null;
  investigationStartedOn: string | null;
  findingsOn: string | null;
  extensionDays: readonly number[];
  procedure: CaseProcedure;
}

/**
 * A decided case was handled on time when it was accepted within the acceptance period and its
 * findings recorded within the investigation period, extensions included (the pack's procedure
 * parameters `acceptComplaint`, `investigation`, `extension`).
 */
export function caseOnTime(c: CaseTimingRow, cal: Calendar): boolean {
  const p = c.procedure;
  if (c.acceptedOn !== null && c.acceptedOn > dueDate(cal, c.registeredOn, p.acceptComplaint)) return false;
  if (c.investigationStartedOn !== null && c.findingsOn !== null) {
    let due = dueDate(cal, c.investigationStartedOn, p.investigation);
    for (const days of c.extensionDays) due = dueDate(cal, due, { days, unit: p.extension.unit });
    if (c.findingsOn > due) return false;
  }
  return true;
}

export interface ReviewRow {
  fileId: string;
  actId: string;
  agencyId: string;
  officerId: string | null;
  total: number;
}

export interface DisclosureRow {
  actId: string | null;
  agencyId: string;
  onTime: boolean;
}

/** One answer of an external evaluation (外部评议) of an agency: its mean over the form's items (1–5). */
export interface EvaluationRow {
  answerId: string;
  agencyId: string;
  mean: number;
}

export interface ComplaintRow {
  agencyId: string;
  officerId: string | null;
}

export interface YearRecords {
  agencies: readonly { id: string; name: string }[];
  officers: readonly { id: string; name: string; agencyId: string }[];
  /** Acts of the year by agency and by officer (the act's handler). */
  actsByAgency: ReadonlyMap<string, number>;
  actsByOfficer: ReadonlyMap<string, number>;
  faults: readonly FaultRow[];
  /** Cases decided in the year, with whether on time. */
  decided: readonly { caseId: string; agencyId: string; officerIds: readonly string[]; onTime: boolean }[];
  /** Officers pursued in the year (a decision to pursue them). */
  sanctioned: ReadonlySet<string>;
  complaints: readonly ComplaintRow[];
  reviews: readonly ReviewRow[];
  /** Null: there is no disclosure register to read. */
  disclosure: readonly DisclosureRow[] | null;
  /** Answers of the year's external evaluations (of agencies; officers are not evaluated). */
  evaluations?: readonly EvaluationRow[];
  /** Earlier years' grades by subject key (`agency:<id>`, `officer:<id>`). */
  history: ReadonlyMap<string, { year: number; grade: AssessmentGrade }[]>;
}

const uniq = (xs: Iterable<string | null>) =>
  [...new Set([...xs].filter((x): x is string => x !== null))].sort();
const refsOf = (
  acts: Iterable<string | null>,
  cases: Iterable<string | null>,
  files: Iterable<string> = [],
): Refs => {
  const r: Refs = {};
  const a = uniq(acts);
  const c = uniq(cases);
  const f = uniq(files);
  if (a.length > 0) r.acts = a;
  if (c.length > 0) r.cases = c;
  if (f.length > 0) r.files = f;
  return r;
};

function group<T>(rows: readonly T[], keys: (row: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows)
    for (const k of keys(row)) {
      const list = out.get(k);
      if (list) list.push(row);
      else out.set(k, [row]);
    }
  return out;
}

type Metrics = AssessmentInputData['metrics'];

function faultMetrics(rows: readonly FaultRow[], officerId: string | null): Metrics['faults'] {
  const count = { pursued: 0, tolerance: 0, statutory: 0, open: 0 };
  for (const f of rows) count[faultOutcome(f, officerId)] += 1;
  return {
    found: rows.length,
    pursued: count.pursued,
    toleranceExempt: count.tolerance,
    statutoryExempt: count.statutory,
    refs: refsOf(
      rows.map((f) => f.actId),
      rows.map((f) => f.caseId),
    ),
  };
}

/** Every agency's and officer's metrics for the year, ready for assessYear. */
export function yearInputs(r: YearRecords): AssessmentInputData[] {
  const faultsByAgency = group(r.faults, (f) => [f.agencyId]);
  const faultsByOfficer = group(r.faults, faultOfficers);
  const decidedByAgency = group(r.decided, (c) => [c.agencyId]);
  const decidedByOfficer = group(r.decided, (c) => c.officerIds);
  const complaintsByAgency = group(r.complaints, (c) => [c.agencyId]);
  const complaintsByOfficer = group(r.complaints, (c) => (c.officerId ? [c.officerId] : []));
  const reviewsByAgency = group(r.reviews, (x) => [x.agencyId]);
  const reviewsByOfficer = group(r.reviews, (x) => (x.officerId ? [x.officerId] : []));
  const disclosureByAgency = group(r.disclosure ?? [], (d) => [d.agencyId]);
  const evaluationsByAgency = group(r.evaluations ?? [], (e) => [e.agencyId]);

  const metrics = (
    acts: number,
    faults: FaultRow[] | undefined,
    officerId: string | null,
    decided: YearRecords['decided'] | undefined,
    complaints: ComplaintRow[] | undefined,
    reviews: ReviewRow[] | undefined,
    disclosure: DisclosureRow[] | undefined | null,
    evaluations: EvaluationRow[] | undefined,
  ): Metrics => ({
    acts,
    faults: faultMetrics(faults ?? [], officerId),
    cases: decided?.length
      ? {
          closed: decided.length,
          onTime: decided.filter((c) => c.onTime).length,
          refs: refsOf(
            [],
            decided.map((c) => c.caseId),
          ),
        }
      : null,
    // Complaints are counted where there are acts to weigh them against.
    complaints: { count: complaints?.length ?? 0 },
    reviews: reviews?.length
      ? {
          files: reviews.length,
          meanScore: Math.min(100, Math.max(0, reviews.reduce((s, x) => s + x.total, 0) / reviews.length)),
          refs: refsOf(
            reviews.map((x) => x.actId),
            [],
            reviews.map((x) => x.fileId),
          ),
        }
      : null,
    // External evaluation (外部评议): the answers' mean; none answered, the indicator does not apply.
    evaluations: evaluations?.length
      ? {
          responses: evaluations.length,
          meanScore: Math.min(
            5,
            Math.max(1, evaluations.reduce((s, e) => s + e.mean, 0) / evaluations.length),
          ),
          refs: {},
        }
      : null,
    disclosure:
      disclosure === null
        ? null
        : disclosure?.length
          ? {
              due: disclosure.length,
              onTime: disclosure.filter((d) => d.onTime).length,
              refs: refsOf(
                disclosure.filter((d) => !d.onTime).map((d) => d.actId),
                [],
              ),
            }
          : null,
  });

  return [
    ...r.agencies.map((a) => ({
      subject: {
        kind: 'agency' as const,
        id: a.id,
        name: a.name,
        history: r.history.get(`agency:${a.id}`) ?? [],
      },
      metrics: metrics(
        r.actsByAgency.get(a.id) ?? 0,
        faultsByAgency.get(a.id),
        null,
        decidedByAgency.get(a.id),
        complaintsByAgency.get(a.id),
        reviewsByAgency.get(a.id),
        r.disclosure === null ? null : disclosureByAgency.get(a.id),
        evaluationsByAgency.get(a.id),
      ),
    })),
    ...r.officers.map((o) => ({
      subject: {
        kind: 'officer' as const,
        id: o.id,
        name: o.name,
        agency: o.agencyId,
        sanctioned: r.sanctioned.has(o.id),
        history: r.history.get(`officer:${o.id}`) ?? [],
      },
      // Disclosure is the agency's duty, not an officer's.
      metrics: metrics(
        r.actsByOfficer.get(o.id) ?? 0,
        faultsByOfficer.get(o.id),
        o.id,
        decidedByOfficer.get(o.id),
        complaintsByOfficer.get(o.id),
        reviewsByOfficer.get(o.id),
        null,
        undefined,
      ),
    })),
  ];
}

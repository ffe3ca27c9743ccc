// 年度考核 over HTTP: a region's year assessed from the database (src/store/assessment.repository.ts →
// src/core/assessment/figures.ts → assessYear), the earlier years that have data assessed the same
// way for the trends and for the two-years-不合格 rule, the reader's view of it (the region, or an
// agency's legal office its own agency and officers), and the report (.docx with charts).
import type { FastifyRequest } from 'fastify';
import {
  type AssessmentResult,
  assessYear,
  type PursuedFigures,
  pursuedFigures,
  type RankedResult,
  type YearAssessment,
} from '../../core/assessment/assess.js';
import { caseOnTime, yearInputs } from '../../core/assessment/figures.js';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  type AssessmentGrade,
  type AssessmentPolicy,
  SUBJECT_KINDS,
  type SubjectKind,
} from '../../core/assessment/policy.js';
import type { Calendar } from '../../core/calendar/index.js';
import { regionPrefix } from '../../core/policies/actor.js';
import { type AssessmentView, assessmentView, viewReaches } from '../../core/policies/assessment.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import { packNameForRegion } from '../../core/workflow/pack.js';
import type { AssessmentReportModel } from '../../documents/assessment.js';
import {
  actCounts,
  complaintRows,
  decidedCases,
  disclosureRows,
  evaluationRows,
  faultRows,
  reviewRows,
  subjectsOf,
  type YearSpan,
  yearsWithActs,
} from '../../store/assessment.repository.js';
import type { Database } from '../../store/db.js';
import { procedureOf } from '../cases/snapshot.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { actorOf } from '../types.js';

type Req = FastifyRequest;

/** How many years before the assessed one the trends and the consecutive-fail rule look at. */
export const TREND_YEARS = 5;

/** The policy of the region's pack in force at the end of the year, else the one in force today. */
export function policyFor(regionCode: string, year: number, today: string): AssessmentPolicy {
  const pack = packNameForRegion(regionCode);
  const policy =
    selectPack(pack, `${year}-12-31`).params.assessment ?? selectPack(pack, today).params.assessment;
  if (!policy) throw new HttpError(409, '该地区适用的规则包没有年度考核办法（params.assessment）');
  return policy;
}

async function assessOneYear(
  database: Database,
  calendar: Calendar,
  policy: AssessmentPolicy,
  prefix: string,
  year: number,
  asOf: string,
  history: Map<string, { year: number; grade: AssessmentGrade }[]>,
): Promise<YearAssessment> {
  const db = database.db;
  const span: YearSpan = { prefix, from: `${year}-01-01`, to: `${year}-12-31` };
  const { agencies, officers } = await subjectsOf(db, prefix);
  const acts = await actCounts(db, span);
  const decided = await decidedCases(db, span);
  const inputs = yearInputs({
    agencies,
    officers,
    actsByAgency: acts.byAgency,
    actsByOfficer: acts.byOfficer,
    faults: await faultRows(db, span),
    decided: decided.map((c) => ({
      caseId: c.id,
      agencyId: c.agencyId,
      officerIds: c.persons.filter((p) => p.liable).map((p) => p.officerId),
      onTime: caseOnTime(
        {
          caseId: c.id,
          agencyId: c.agencyId,
          officerIds: [],
          registeredOn: c.registeredOn,
          acceptedOn: c.acceptedOn,
          investigationStartedOn: c.investigationStartedOn,
          findingsOn: c.findingsOn,
          extensionDays: c.extensionDays,
          procedure: procedureAt(c, asOf),
        },
        calendar,
      ),
    })),
    sanctioned: new Set(
      decided
        .filter((c) => c.decisionKind === 'pursue')
        .flatMap((c) => c.persons.filter((p) => p.liable && !p.toleranceExempt).map((p) => p.officerId)),
    ),
    complaints: await complaintRows(db, span),
    reviews: await reviewRows(db, span),
    disclosure: await disclosureRows(db, span, asOf),
    evaluations: await evaluationRows(db, span),
    history,
  });
  return assessYear(policy, year, inputs);
}

/** The case's procedure parameters (its pack on the day it was registered; that pack today if none then). */
function procedureAt(c: { pack: string; registeredOn: string }, today: string) {
  try {
    return procedureOf(c).procedure;
  } catch {
    return procedureOf({ pack: c.pack, registeredOn: today }).procedure;
  }
}

export interface RegionAssessment {
  regionCode: string;
  regionName: string;
  year: number;
  policy: AssessmentPolicy;
  /** Every year assessed, earliest first; the last is `year`. */
  years: YearAssessment[];
}

/** The region's assessment of `year`, with the earlier years that have acts (at most TREND_YEARS). */
export async function assessRegion(req: Req, regionCode: string, year: number): Promise<RegionAssessment> {
  const app = req.server;
  const db = app.database.db;
  const region = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', '=', regionCode)
    .executeTakeFirst();
  if (!region) throw notFound('行政区划');
  const today = app.clock.today();
  const policy = policyFor(regionCode, year, today);
  const prefix = regionPrefix(regionCode);
  const span = await yearsWithActs(db, prefix);
  const first = Math.max(year - TREND_YEARS, span ? Math.min(span.first, year) : year);
  const calendar = await app.calendar();
  const history = new Map<string, { year: number; grade: AssessmentGrade }[]>();
  const years: YearAssessment[] = [];
  for (let y = first; y <= year; y++) {
    const assessed = await assessOneYear(app.database, calendar, policy, prefix, y, today, new Map(history));
    years.push(assessed);
    for (const r of assessed.results) {
      if (r.grade === null) continue;
      const key = `${r.subject.kind}:${r.subject.id}`;
      history.set(key, [...(history.get(key) ?? []), { year: y, grade: r.grade }]);
    }
  }
  return { regionCode, regionName: region.name, year, policy, years };
}

/** The reader's view of a region (403 when none). */
export function viewOf(req: Req, regionCode: string): AssessmentView {
  const view = assessmentView(actorOf(req), regionCode);
  if (!view) throw forbidden('无权查看该地区的年度考核');
  return view;
}

// --- presenting -----------------------------------------------------------------------------------

const mean = (xs: number[]) =>
  xs.length === 0 ? null : Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100;

/** The faults of the agencies added up (every fault is one agency's). */
export function regionPursued(results: readonly AssessmentResult[]): PursuedFigures {
  const sum = { found: 0, pursued: 0, toleranceExempt: 0, statutoryExempt: 0 };
  for (const r of results) {
    if (r.subject.kind !== 'agency' || !r.pursued) continue;
    sum.found += r.pursued.found;
    sum.pursued += r.pursued.pursued;
    sum.toleranceExempt += r.pursued.toleranceExempt;
    sum.statutoryExempt += r.pursued.statutoryExempt;
  }
  return pursuedFigures(sum);
}

const gradeCounts = (results: readonly AssessmentResult[]) =>
  Object.fromEntries(
    ASSESSMENT_GRADES.map((g) => [g, results.filter((r) => r.grade === g).length]),
  ) as Record<AssessmentGrade, number>;

export function trendsOf(a: RegionAssessment) {
  return a.years.map((y) => ({
    year: y.year,
    pursued: regionPursued(y.results),
    kinds: Object.fromEntries(
      SUBJECT_KINDS.map((kind) => {
        const of = y.results.filter((r) => r.subject.kind === kind);
        return [
          kind,
          {
            assessed: of.filter((r) => r.total !== null).length,
            meanTotal: mean(of.flatMap((r) => (r.total === null ? [] : [r.total]))),
            grades: gradeCounts(of),
          },
        ];
      }),
    ) as Record<
      SubjectKind,
      { assessed: number; meanTotal: number | null; grades: Record<AssessmentGrade, number> }
    >,
  }));
}

/** One subject's totals and grades across the years assessed. */
export function subjectTrend(a: RegionAssessment, kind: SubjectKind, id: string) {
  return a.years.map((y) => {
    const r = y.results.find((x) => x.subject.kind === kind && x.subject.id === id);
    return {
      year: y.year,
      total: r?.total ?? null,
      grade: r?.grade ?? null,
      pursuedRate: r?.pursued?.rate ?? null,
    };
  });
}

export function summaryOf(r: RankedResult, a: RegionAssessment, agencyNames: ReadonlyMap<string, string>) {
  return {
    kind: r.subject.kind,
    id: r.subject.id,
    name: r.subject.name,
    agencyId: r.subject.agency,
    agencyName: r.subject.agency ? (agencyNames.get(r.subject.agency) ?? r.subject.agency) : null,
    total: r.total,
    grade: r.grade,
    gradeLabel: r.gradeLabel,
    rank: r.rank,
    agencyRank: r.agencyRank,
    parts: r.parts,
    pursued: r.pursued,
    flags: r.flags,
    trend: subjectTrend(a, r.subject.kind, r.subject.id),
  };
}

/** The year's results the reader's view reaches. */
export function visibleResults(a: RegionAssessment, view: AssessmentView): RankedResult[] {
  return a.years.at(-1)!.results.filter((r) => viewReaches(view, r.subject));
}

export function presentYear(a: RegionAssessment, view: AssessmentView) {
  const current = a.years.at(-1)!;
  const names = new Map(
    current.results.filter((r) => r.subject.kind === 'agency').map((r) => [r.subject.id, r.subject.name]),
  );
  const results = visibleResults(a, view);
  // Ranked first, then those without a total, by name.
  const order = (x: RankedResult, y: RankedResult) =>
    (x.rank ?? Number.MAX_SAFE_INTEGER) - (y.rank ?? Number.MAX_SAFE_INTEGER) ||
    x.subject.id.localeCompare(y.subject.id);
  const of = (kind: SubjectKind) =>
    results
      .filter((r) => r.subject.kind === kind)
      .sort(order)
      .map((r) => summaryOf(r, a, names));
  const agencies = of('agency');
  const officers = of('officer');
  return {
    year: a.year,
    regionCode: a.regionCode,
    regionName: a.regionName,
    view: view.kind,
    policy: {
      title: a.policy.title,
      summary: a.policy.summary,
      source: a.policy.source,
      weights: a.policy.weights,
      bands: a.policy.bands,
      pursuedExcludesExemptions: a.policy.pursuedExcludesExemptions,
      consecutiveFail: a.policy.consecutiveFail,
    },
    pursued: regionPursued(view.kind === 'region' ? current.results : results),
    grades: {
      agency: gradeCounts(results.filter((r) => r.subject.kind === 'agency')),
      officer: gradeCounts(results.filter((r) => r.subject.kind === 'officer')),
    },
    agencies,
    officers,
    flagged: officers.filter((o) => o.flags.length > 0),
    trends: view.kind === 'region' ? trendsOf(a) : [],
    gradeLabels: ASSESSMENT_GRADE_LABELS,
  };
}

/** Where a ref leads in the console. */
export const refLinks = (refs: { acts?: string[]; cases?: string[]; files?: string[] }) => ({
  acts: (refs.acts ?? []).map((id) => ({
    id,
    href: `/supervision/acts?act=${encodeURIComponent(id)}&q=${encodeURIComponent(id)}`,
  })),
  cases: (refs.cases ?? []).map((id) => ({ id, href: `/cases/${id}` })),
  files: (refs.files ?? []).map((id) => ({ id, href: `/review/files/${id}` })),
});

export function presentSubject(a: RegionAssessment, view: AssessmentView, id: string) {
  const current = a.years.at(-1)!;
  const r = visibleResults(a, view).find((x) => x.subject.id === id);
  if (!r) throw notFound('考核对象');
  const names = new Map(
    current.results.filter((x) => x.subject.kind === 'agency').map((x) => [x.subject.id, x.subject.name]),
  );
  return {
    year: a.year,
    regionCode: a.regionCode,
    ...summaryOf(r, a, names),
    reasons: r.reasons,
    points: r.points.map((p) => ({ ...p, links: refLinks(p.refs) })),
  };
}

/** The report's model: the region's whole year (the report is the office's, never an agency's view). */
export function reportModel(a: RegionAssessment, generatedAt: string): AssessmentReportModel {
  const current = a.years.at(-1)!;
  const names = new Map(
    current.results.filter((r) => r.subject.kind === 'agency').map((r) => [r.subject.id, r.subject.name]),
  );
  const rows = (kind: SubjectKind) =>
    current.results
      .filter((r) => r.subject.kind === kind)
      .sort(
        (x, y) =>
          (x.rank ?? Number.MAX_SAFE_INTEGER) - (y.rank ?? Number.MAX_SAFE_INTEGER) ||
          x.subject.id.localeCompare(y.subject.id),
      )
      .map((r) => ({
        rank: r.rank,
        name: r.subject.name,
        agencyName: r.subject.agency ? (names.get(r.subject.agency) ?? r.subject.agency) : null,
        total: r.total,
        grade: r.grade,
        parts: Object.fromEntries(
          r.parts.map((p) => [p.part, p.points]),
        ) as AssessmentReportModel['agencies'][number]['parts'],
        pursued: r.pursued,
      }));
  const officers = rows('officer');
  return {
    regionName: a.regionName,
    organName: `${a.regionName}司法局`,
    year: a.year,
    policy: {
      title: a.policy.title,
      source: a.policy.source,
      summary: a.policy.summary,
      weights: a.policy.weights,
      bands: a.policy.bands,
      pursuedExcludesExemptions: a.policy.pursuedExcludesExemptions,
      consecutiveFail: a.policy.consecutiveFail,
    },
    pursued: regionPursued(current.results),
    agencies: rows('agency'),
    officers,
    flagged: current.results
      .filter((r) => r.flags.length > 0)
      .flatMap((r) =>
        r.flags.map((f) => ({
          name: r.subject.name,
          agencyName: r.subject.agency ? (names.get(r.subject.agency) ?? null) : null,
          reason: f.reason,
        })),
      ),
    trends: trendsOf(a).map((t) => ({
      year: t.year,
      pursued: t.pursued,
      agencyMean: t.kinds.agency.meanTotal,
      officerMean: t.kinds.officer.meanTotal,
    })),
    generatedAt,
  };
}

// The results of a case-file review campaign: per file the self-check grade (自查, by the agency's own
// legal office) beside the spot-check grade (抽查评查, by the office's reviewers); per agency and for
// the whole campaign the files scored, the mean score, the grades, the pass and excellence rates, and
// how far the self-check agrees with the spot-check (same grade, graded more leniently, more
// strictly). The spot-check is the campaign's result; the self-check is what it is held against.
// Pure: scored files in, figures out.
import type { ReviewStage } from '../workflow/review-campaign.js';
import { REVIEW_GRADES, type ReviewGrade } from './rubric.js';

export interface ScoredFile {
  fileId: string;
  actId: string;
  agencyId: string;
  stage: ReviewStage;
  /** Null until scored. */
  total: number | null;
  grade: ReviewGrade | null;
}

export interface StageScore {
  fileId: string;
  total: number | null;
  grade: ReviewGrade | null;
}

/** How the self-check graded a file against the spot-check. */
export const AGREEMENTS = ['same', 'lenient', 'strict'] as const;
export type Agreement = (typeof AGREEMENTS)[number];
export const AGREEMENT_LABELS: Readonly<Record<Agreement, string>> = {
  same: '等次一致',
  lenient: '自查偏宽',
  strict: '自查偏严',
};

export interface FileComparison {
  actId: string;
  agencyId: string;
  self: StageScore | null;
  spot: StageScore | null;
  /** Self-check total less spot-check total, when both are scored. */
  difference: number | null;
  /** Null until both are scored. */
  agreement: Agreement | null;
}

export type GradeCounts = Record<ReviewGrade, number>;

export interface StageSummary {
  scored: number;
  /** Mean total of the scored files (two decimals), null when none. */
  mean: number | null;
  grades: GradeCounts;
  /** (优秀 + 合格) ÷ scored, null when none. */
  passRate: number | null;
  excellentRate: number | null;
}

export interface ResultSummary {
  /** Acts drawn. */
  files: number;
  self: StageSummary;
  spot: StageSummary;
  /** Files scored in both stages. */
  compared: number;
  agreements: Record<Agreement, number>;
  /** Mean of (self − spot) over the compared files, null when none. */
  meanDifference: number | null;
}

export interface AgencyResult extends ResultSummary {
  agencyId: string;
}

/** 优秀 above 合格 above 不合格. */
const RANK: Readonly<Record<ReviewGrade, number>> = { excellent: 2, pass: 1, fail: 0 };

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => (xs.length === 0 ? null : round2(xs.reduce((s, x) => s + x, 0) / xs.length));
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function agreementOf(self: ReviewGrade, spot: ReviewGrade): Agreement {
  const d = RANK[self] - RANK[spot];
  return d === 0 ? 'same' : d > 0 ? 'lenient' : 'strict';
}

/** One row per act: its two stages side by side, by agency then act id. */
export function compareStages(files: readonly ScoredFile[]): FileComparison[] {
  const byAct = new Map<string, FileComparison>();
  for (const f of files) {
    const row = byAct.get(f.actId) ?? {
      actId: f.actId,
      agencyId: f.agencyId,
      self: null,
      spot: null,
      difference: null,
      agreement: null,
    };
    row[f.stage] = { fileId: f.fileId, total: f.total, grade: f.grade };
    byAct.set(f.actId, row);
  }
  const rows = [...byAct.values()];
  for (const r of rows) {
    if (r.self?.grade && r.spot?.grade && r.self.total !== null && r.spot.total !== null) {
      r.difference = round2(r.self.total - r.spot.total);
      r.agreement = agreementOf(r.self.grade, r.spot.grade);
    }
  }
  return rows.sort((a, b) => compare(a.agencyId, b.agencyId) || compare(a.actId, b.actId));
}

function stageSummary(scores: (StageScore | null)[]): StageSummary {
  const scored = scores.filter((s): s is StageScore & { total: number; grade: ReviewGrade } =>
    Boolean(s && s.grade !== null && s.total !== null),
  );
  const grades = Object.fromEntries(REVIEW_GRADES.map((g) => [g, 0])) as GradeCounts;
  for (const s of scored) grades[s.grade] += 1;
  const n = scored.length;
  return {
    scored: n,
    mean: mean(scored.map((s) => s.total)),
    grades,
    passRate: n === 0 ? null : round2((grades.excellent + grades.pass) / n),
    excellentRate: n === 0 ? null : round2(grades.excellent / n),
  };
}

function summaryOf(rows: readonly FileComparison[]): ResultSummary {
  const compared = rows.filter((r) => r.agreement !== null);
  const agreements = { same: 0, lenient: 0, strict: 0 };
  for (const r of compared) agreements[r.agreement!] += 1;
  return {
    files: rows.length,
    self: stageSummary(rows.map((r) => r.self)),
    spot: stageSummary(rows.map((r) => r.spot)),
    compared: compared.length,
    agreements,
    meanDifference: mean(compared.map((r) => r.difference!)),
  };
}

/** The figures per agency (in agency order) and for the whole campaign, with the per-file rows. */
export function summarize(files: readonly ScoredFile[]): {
  files: FileComparison[];
  agencies: AgencyResult[];
  campaign: ResultSummary;
} {
  const rows = compareStages(files);
  const byAgency = new Map<string, FileComparison[]>();
  for (const r of rows) {
    const list = byAgency.get(r.agencyId);
    if (list) list.push(r);
    else byAgency.set(r.agencyId, [r]);
  }
  return {
    files: rows,
    agencies: [...byAgency.entries()].map(([agencyId, list]) => ({ agencyId, ...summaryOf(list) })),
    campaign: summaryOf(rows),
  };
}

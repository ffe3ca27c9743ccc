// The results of an evaluation campaign per agency: how many answered (by audience), each item's mean,
// the agency's mean (1–5) and the same on a 100-point scale (1 → 0, 5 → 100, as the annual assessment
// reads it: src/core/assessment), and how many comments wait for moderation. Every answer scores
// every item, so the agency's mean is both the mean of its answers' means and of its items' means.
import {
  EVALUATION_AUDIENCES,
  type EvaluationAudience,
  type EvaluationItem,
  SCORE_MAX,
  SCORE_MIN,
} from './form.js';

export interface AnswerForResults {
  agencyId: string;
  audience: EvaluationAudience;
  scores: Record<string, number>;
  moderation: 'none' | 'pending' | 'approved' | 'rejected';
}

export interface ItemResult {
  key: string;
  label: string;
  mean: number | null;
  responses: number;
}

export interface AgencyResult {
  agencyId: string;
  responses: number;
  byAudience: { audience: EvaluationAudience; responses: number; mean: number | null }[];
  items: ItemResult[];
  mean: number | null;
  /** (mean − 1) / 4 × 100, rounded to 0.1. */
  score100: number | null;
  comments: { approved: number; pending: number; rejected: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const meanOf = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** 1–5 → 0–100. */
export const to100 = (mean: number) => Math.round(((mean - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * 1000) / 10;

/** Results for each agency evaluated (in the order given), answered or not. */
export function evaluationResults(
  items: readonly EvaluationItem[],
  agencyIds: readonly string[],
  answers: readonly AnswerForResults[],
): AgencyResult[] {
  return agencyIds.map((agencyId) => {
    const mine = answers.filter((a) => a.agencyId === agencyId);
    const answerMeans = (xs: readonly AnswerForResults[]) =>
      xs.map(
        (a) => meanOf(items.map((i) => a.scores[i.key]).filter((v): v is number => v !== undefined)) ?? 0,
      );
    const mean = meanOf(answerMeans(mine));
    const count = (m: AnswerForResults['moderation']) => mine.filter((a) => a.moderation === m).length;
    return {
      agencyId,
      responses: mine.length,
      byAudience: EVALUATION_AUDIENCES.map((audience) => {
        const xs = mine.filter((a) => a.audience === audience);
        const m = meanOf(answerMeans(xs));
        return { audience, responses: xs.length, mean: m === null ? null : round2(m) };
      }),
      items: items.map((i) => {
        const v = mine.map((a) => a.scores[i.key]).filter((x): x is number => x !== undefined);
        const m = meanOf(v);
        return { key: i.key, label: i.label, mean: m === null ? null : round2(m), responses: v.length };
      }),
      mean: mean === null ? null : round2(mean),
      score100: mean === null ? null : to100(mean),
      comments: { approved: count('approved'), pending: count('pending'), rejected: count('rejected') },
    };
  });
}

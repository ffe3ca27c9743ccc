// The external evaluation API (/api/v1/evaluation-campaigns, /api/v1/evaluation-answers), and the
// CSV of codes just issued (the codes are shown once: only their hashes are kept).
import { api, type Page } from '../../services/request';
import type {
  EvaluationAnswerRow,
  EvaluationAudience,
  EvaluationCampaign,
  EvaluationCampaignState,
  EvaluationInput,
  EvaluationResults,
  IssuedCodes,
  ModerationState,
} from './types';

const base = '/api/v1/evaluation-campaigns';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listEvaluations = (
  q: { state?: EvaluationCampaignState; q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<Page<EvaluationCampaign>>(base, q, signal);

export const createEvaluation = (input: EvaluationInput) => api.post<EvaluationCampaign>(base, input);

export const getEvaluation = (id: string, signal?: AbortSignal) =>
  api.get<EvaluationCampaign>(one(id), undefined, signal);

export const closeEvaluation = (c: Pick<EvaluationCampaign, 'id' | 'version'>) =>
  api.post<EvaluationCampaign>(`${one(c.id)}/close`, { version: c.version });

export const issueCodes = (
  id: string,
  input: { agencyId: string; audience: EvaluationAudience; count: number; expiresOn?: string },
) => api.post<IssuedCodes>(`${one(id)}/invitations`, input);

export const evaluationAnswers = (
  id: string,
  q: { moderation?: ModerationState; agencyId?: string },
  signal?: AbortSignal,
) => api.get<{ items: EvaluationAnswerRow[] }>(`${one(id)}/answers`, q, signal);

export const moderateAnswer = (
  a: Pick<EvaluationAnswerRow, 'id' | 'version'>,
  decision: 'approve' | 'reject',
  reason?: string,
) =>
  api.post<EvaluationAnswerRow>(`/api/v1/evaluation-answers/${encodeURIComponent(a.id)}/moderate`, {
    version: a.version,
    decision,
    reason,
  });

export const answerSignedIn = (
  id: string,
  input: {
    agencyId: string;
    audience: 'expert' | 'monitor';
    scores: Record<string, number>;
    comment?: string;
  },
) => api.post<{ id: string; moderation: 'none' | 'pending' }>(`${one(id)}/answers`, input);

export const evaluationResults = (id: string, signal?: AbortSignal) =>
  api.get<EvaluationResults>(`${one(id)}/results`, undefined, signal);

export const evaluationHref = (id: string) => `/evaluation/${encodeURIComponent(id)}`;

// A cell a spreadsheet would read as a formula is prefixed with an apostrophe (CSV injection).
const csvCell = (raw: string) => {
  const s = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The codes just issued as a CSV (with a BOM, so spreadsheet programs read the Chinese). */
export function codesCsv(
  issued: IssuedCodes,
  meta: { campaign: string; agency: string; audience: string; origin: string },
  header: [string, string, string, string, string, string],
): string {
  const rows = issued.items.map((i) => [
    meta.campaign,
    meta.agency,
    meta.audience,
    i.code,
    `${meta.origin.replace(/\/+$/, '')}${i.path}`,
    issued.expiresOn,
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// 容错纠错 over HTTP: the applications' register, one application, its steps and its history, the
// figures, the decision's document, the assessment tool, and the city policy a pack carries (null:
// none).
import type { HistoryItem } from '../components/HistoryTimeline';
import type {
  ToleranceAction,
  ToleranceApplyInput,
  ToleranceAssessment,
  ToleranceDetail,
  ToleranceFilter,
  TolerancePage,
  TolerancePolicy,
  ToleranceRequest,
  ToleranceStatistics,
} from '../types/tolerance';
import { api } from './request';

const base = '/api/v1/tolerance-applications';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listTolerance = (
  filter: ToleranceFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<TolerancePage>(base, { ...filter }, signal);

export const toleranceStatistics = (signal?: AbortSignal) =>
  api.get<ToleranceStatistics>(`${base}/statistics`, undefined, signal);

export const getTolerance = (id: string, signal?: AbortSignal) =>
  api.get<ToleranceDetail>(one(id), undefined, signal);

/** Apply for one person of a case (the officer concerned, or the agency's legal office). */
export const applyForTolerance = (input: ToleranceApplyInput) => api.post<ToleranceDetail>(base, input);

/** One step of the procedure, on the version the user saw (a stale one answers 409). */
export const toleranceAction = (
  a: Pick<ToleranceDetail, 'id' | 'version'>,
  action: ToleranceAction,
  input: object,
) => api.post<ToleranceDetail>(`${one(a.id)}/actions/${action}`, { ...input, version: a.version });

/** The application's audit trail (newest first). */
export const toleranceHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryItem[] }>(`${one(id)}/history`, undefined, signal).then((r) => r.items);

export const toleranceDocumentUrl = (id: string) => `${one(id)}/document`;

export const toleranceHref = (id: string) => `/tolerance/${encodeURIComponent(id)}`;

/** The assessment tool: the facts against the policy of the pack in force on `appliedOn`. */
export const assessTolerance = (request: ToleranceRequest) =>
  api.post<ToleranceAssessment>('/api/v1/tolerance/assessments', request);

const policies = new Map<string, Promise<TolerancePolicy | null>>();

/** The tolerance policy of a pack in force on a date (today by default), or null when it has none. */
export function tolerancePolicy(pack: string, on?: string): Promise<TolerancePolicy | null> {
  const key = `${pack}:${on ?? ''}`;
  let p = policies.get(key);
  if (!p) {
    p = api
      .get<{ params: { tolerance?: TolerancePolicy | null } }>('/api/v1/rulebook/params', { pack, on })
      .then((r) => r.params.tolerance ?? null)
      .catch((e) => {
        policies.delete(key);
        throw e;
      });
    policies.set(key, p);
  }
  return p;
}

// 申诉 over HTTP: the register (a panel member's inbox, an officer's own appeals), one appeal, its
// steps and its history, filing against a served decision, the documents, the relief figures and
// the panel's pool (src/server/routes/appeals.ts).
import type { HistoryItem } from '../components/HistoryTimeline';
import type {
  AppealAction,
  AppealDetail,
  AppealFileInput,
  AppealFilter,
  AppealInputs,
  AppealPage,
  AppealStatistics,
  ReliefMember,
} from '../types/appeal';
import { api } from './request';

const base = '/api/v1/appeals';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listAppeals = (
  filter: AppealFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<AppealPage>(base, { ...filter }, signal);

export const appealStatistics = (signal?: AbortSignal) =>
  api.get<AppealStatistics>(`${base}/statistics`, undefined, signal);

export const getAppeal = (id: string, signal?: AbortSignal) =>
  api.get<AppealDetail>(one(id), undefined, signal);

/** File an appeal against a served decision (the officer concerned, for themself). */
export const fileAppeal = (input: AppealFileInput) => api.post<AppealDetail>(base, input);

/** One step of the procedure, on the version the user saw (a stale one answers 409). */
export const appealAction = <A extends AppealAction>(
  a: Pick<AppealDetail, 'id' | 'version'>,
  action: A,
  input: AppealInputs[A],
) => api.post<AppealDetail>(`${one(a.id)}/actions/${action}`, { ...input, version: a.version });

/** The appeal's audit trail (newest first). */
export const appealHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryItem[] }>(`${one(id)}/history`, undefined, signal).then((r) => r.items);

/** An appeal's document, or a document of the case file it shows. */
export const appealDocumentUrl = (id: string, docId: number) => `${one(id)}/documents/${docId}`;

export const appealHref = (id: string) => `/appeals/${encodeURIComponent(id)}`;

/** The relief pool (委员库) of the province. */
export const reliefMembers = (signal?: AbortSignal) =>
  api.get<{ items: ReliefMember[] }>('/api/v1/relief-members', undefined, signal).then((r) => r.items);

// 纠错措施 over HTTP: the register, one measure, its history, setting one, its steps (report,
// recheck) and the re-check of every measure due in the office's jurisdiction.
import type { HistoryItem } from '../components/HistoryTimeline';
import type {
  Correction,
  CorrectionAction,
  CorrectionFilter,
  CorrectionInput,
  CorrectionPage,
} from '../types/correction';
import { api } from './request';

const base = '/api/v1/corrections';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listCorrections = (
  filter: CorrectionFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<CorrectionPage>(base, { ...filter }, signal);

export const getCorrection = (id: string, signal?: AbortSignal) =>
  api.get<Correction>(one(id), undefined, signal);

export const correctionHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryItem[] }>(`${one(id)}/history`, undefined, signal).then((r) => r.items);

/** Set a measure (the supervision office): for a decided tolerance application or a finding. */
export const createCorrection = (input: CorrectionInput) => api.post<Correction>(base, input);

/** One step on the version the user saw (a stale one answers 409). */
export const correctionAction = (
  m: Pick<Correction, 'id' | 'version'>,
  action: CorrectionAction,
  input: object = {},
) => api.post<Correction>(`${one(m.id)}/actions/${action}`, { ...input, version: m.version });

/** Re-check every measure of the jurisdiction that is due (the nightly run does it too). */
export const recheckDueCorrections = () =>
  api.post<{ checked: number; recurred: number }>(`${base}/recheck-due`);

/** The register of measures with one measure open in its drawer. */
export const correctionHref = (id: string) => `/tolerance?view=corrections&measure=${encodeURIComponent(id)}`;

/** A lead in the supervision office's inbox. */
export const leadHref = (id: string) => `/leads?status=all&lead=${encodeURIComponent(id)}`;

/** An enforcement act in the supervision drill-down. */
export const actHref = (id: string) => `/supervision/acts?act=${encodeURIComponent(id)}`;

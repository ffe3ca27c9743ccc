// The annual assessment API (/api/v1/assessment).
import { api } from '../../services/request';
import type { SubjectDetail, YearAssessment } from './types';

const base = (year: number) => `/api/v1/assessment/${year}`;

export const getYear = (year: number, signal?: AbortSignal) =>
  api.get<YearAssessment>(base(year), undefined, signal);

export const getSubject = (year: number, id: string, signal?: AbortSignal) =>
  api.get<SubjectDetail>(`${base(year)}/subjects/${encodeURIComponent(id)}`, undefined, signal);

export const reportUrl = (year: number) => `${base(year)}/report.docx`;

/** A percentage with one decimal, or a dash. */
export const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 10) / 10}%`;

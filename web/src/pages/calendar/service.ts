import { api } from '../../services/request';
import type { CalendarYear, DayKind, SpecialDay } from './types';

const base = '/api/v1/calendar';

export const getCalendar = (year: number, signal?: AbortSignal) =>
  api.get<CalendarYear>(base, { year }, signal);

export const setOverride = (day: string, kind: DayKind, note?: string) =>
  api.put<SpecialDay>(`${base}/overrides/${day}`, { kind, note: note || undefined });

export const removeOverride = (day: string) => api.delete<void>(`${base}/overrides/${day}`);

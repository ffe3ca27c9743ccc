import { api, withQuery } from '../../services/request';
import type { ActDetail, ActFilter, ActPage, EarlyWarning, Rule, Summary, SummaryFilter } from './types';

export const getSummary = (filter: SummaryFilter, signal?: AbortSignal) =>
  api.get<Summary>('/api/v1/supervision/summary', { ...filter }, signal);

export const getEarlyWarning = (asOf: string | undefined, signal?: AbortSignal) =>
  api.get<{ asOf: string; items: EarlyWarning[] }>('/api/v1/supervision/early-warning', { asOf }, signal);

export const getRules = (signal?: AbortSignal) =>
  api.get<{ items: Rule[] }>('/api/v1/supervision/rules', undefined, signal);

export const listActs = (filter: ActFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<ActPage>('/api/v1/acts', { ...filter }, signal);

export const getAct = (id: string, signal?: AbortSignal) =>
  api.get<ActDetail>(`/api/v1/acts/${encodeURIComponent(id)}`, undefined, signal);

/** The findings behind the current figures as a spreadsheet (optionally one rule's). */
export const exportUrl = (filter: SummaryFilter & { rule?: string }) =>
  withQuery('/api/v1/supervision/export.xlsx', { ...filter });

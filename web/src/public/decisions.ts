// 行政执法决定公示 on the portal (issue 15): the published licensing and penalty decisions, masked
// on the server (src/server/routes/public-decisions.ts); the open data downloads.
import { api, type Page } from '../services/request';

const base = '/api/v1/public/decisions';

export type DecisionCategory = 'licensing' | 'penalty' | 'other' | 'accountability';

export interface PublicDecision {
  id: string;
  category: DecisionCategory;
  categoryLabel: string;
  agency: { id: string | null; name: string | null };
  decidedOn: string;
  publishedOn: string | null;
  fields: {
    documentNo: string | null;
    itemName: string | null;
    category: string | null;
    content: string | null;
    reason: string | null;
    basis: string | null;
    result: string | null;
    party: { type: 'org' | 'person'; name: string | null; creditCode: string | null } | null;
  };
}

/** A page of decisions: the server counts up to a cap (totalCapped: more than `total`). */
export type DecisionPage = Page<PublicDecision> & { totalCapped: boolean; next: string | null };

export type DecisionFilter = {
  category?: DecisionCategory;
  year?: number;
  q?: string;
};

export const listDecisions = (
  f: DecisionFilter,
  page: { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<DecisionPage>(base, { ...f, ...page }, signal);

export const getDecision = (id: string, signal?: AbortSignal) =>
  api.get<PublicDecision>(`${base}/${encodeURIComponent(id)}`, undefined, signal);

export const decisionPath = (id: string) => `/public/decision?id=${encodeURIComponent(id)}`;

/** The open data of the same filter, a page of up to 1000. */
export function openDataUrl(f: DecisionFilter, format: 'json' | 'csv'): string {
  const p = new URLSearchParams({ pageSize: '1000' });
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `/api/v1/public/open-data/decisions.${format}?${p}`;
}

// 行政执法决定公示, the supervision side: the register of publications and the figures per agency.
import { api, type Page } from './request';

export type PublicationState = 'published' | 'withheld' | 'withdrawn' | 'taken_down';
export const PUBLICATION_STATES: PublicationState[] = ['published', 'withheld', 'withdrawn', 'taken_down'];

export interface Publication {
  id: string;
  sourceKind: 'act' | 'case';
  sourceId: string;
  category: 'licensing' | 'penalty' | 'other' | 'accountability';
  agencyId: string | null;
  agencyName: string | null;
  state: PublicationState;
  decidedOn: string;
  dueOn: string;
  publishedOn: string | null;
  overdue: boolean;
  withheldGround: string | null;
  withheldReason: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  takeDownOn: string | null;
  fields: { documentNo: string | null; itemName: string | null } | null;
}

export interface AgencyPublications {
  agencyId: string | null;
  agencyName: string | null;
  total: number;
  published: number;
  withheld: number;
  withdrawn: number;
  takenDown: number;
  overdue: number;
}

export type PublicationFilter = {
  state?: PublicationState;
  agency?: string;
  overdue?: 'true';
};

export const listPublications = (
  f: PublicationFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<Page<Publication>>('/api/v1/publications', { ...f }, signal);

export const publicationsByAgency = (signal?: AbortSignal) =>
  api.get<{ items: AgencyPublications[] }>('/api/v1/publications/by-agency', undefined, signal);

// 事前公开 on the portal (issue 15): the enforcement bodies, each with its duty list in force, its
// officers with a valid certificate and the relief channels (src/server/routes/public-disclosure.ts).
import { api, type Page } from '../services/request';

const base = '/api/v1/public/agencies';

export interface DutySummary {
  total: number;
  byType: { type: string; label: string; count: number }[];
}

export interface DisclosedAgency {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  kind: 'administrative' | 'authorized' | 'entrusted';
  kindLabel: string;
  duties: DutySummary;
}

export interface ReliefChannel {
  kind: 'reconsideration' | 'litigation' | 'complaint';
  title: string;
  where: string;
  period: string;
  notes: string[];
  sources: { law: string; article?: string }[];
}

export interface AgencyDisclosure extends DisclosedAgency {
  on: string;
  entrustedBy: string | null;
  relief: ReliefChannel[];
}

export interface PublicDutyItem {
  code: string;
  name: string;
  type: string;
  typeLabel: string;
  role: 'lead' | 'assist';
  unit: string | null;
  basis: string | null;
  procedure: string[];
  timeLimit: string | null;
  effectiveFrom: string;
}

export interface PublicOfficer {
  name: string;
  certificateNumber: string;
  validUntil: string;
}

export const agencyPath = (id: string, tab?: string) =>
  `/public/agency?id=${encodeURIComponent(id)}${tab ? `&tab=${tab}` : ''}`;

export const listAgencies = (q: string | undefined, signal?: AbortSignal) =>
  api.get<{ on: string; items: DisclosedAgency[] }>(base, { q }, signal);

export const agencyDisclosure = (id: string, signal?: AbortSignal) =>
  api.get<AgencyDisclosure>(`${base}/${encodeURIComponent(id)}`, undefined, signal);

export type PagedQuery = { q?: string; page: number; pageSize: number };

export const agencyDuties = (id: string, query: PagedQuery, signal?: AbortSignal) =>
  api.get<Page<PublicDutyItem>>(`${base}/${encodeURIComponent(id)}/duties`, query, signal);

export const agencyOfficers = (id: string, query: PagedQuery, signal?: AbortSignal) =>
  api.get<Page<PublicOfficer>>(`${base}/${encodeURIComponent(id)}/officers`, query, signal);

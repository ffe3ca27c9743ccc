import { api } from '../../services/request';
import type { Lead, LeadFilter, LeadPage, ManualLeadInput, OpenCaseInput } from '../../types/lead';

const base = '/api/v1/leads';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listLeads = (filter: LeadFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<LeadPage>(base, { ...filter }, signal);

export const getLead = (id: string, signal?: AbortSignal) => api.get<Lead>(one(id), undefined, signal);

export const createLead = (input: ManualLeadInput) => api.post<Lead>(base, input);

export const dismissLead = (lead: Lead, reason: string) =>
  api.post<Lead>(`${one(lead.id)}/dismiss`, { version: lead.version, reason });

export const mergeLead = (lead: Lead, into: string) =>
  api.post<Lead>(`${one(lead.id)}/merge`, { version: lead.version, into });

export const openCase = (lead: Lead, input: OpenCaseInput) =>
  api.post<{ caseId: string; number: string }>(`${one(lead.id)}/open`, { ...input, version: lead.version });

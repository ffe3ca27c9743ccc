// The audit log (the audit administrator's): list with filters, and export links.
import { api, type Page, withQuery } from './request';

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  regionCode: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  detail: unknown;
}

export const listAuditLog = (f: AuditFilter & { page: number; pageSize: number }) =>
  api.get<Page<AuditRow>>('/api/v1/audit-log', { ...f });

export const auditExportUrl = (f: AuditFilter, format: 'csv' | 'xlsx') =>
  withQuery('/api/v1/audit-log/export', { ...f, format });

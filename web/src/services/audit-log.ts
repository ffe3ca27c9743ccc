// The audit log (the audit administrator's): list with filters, export links, and the
// verification of its hash chain.
import { api, type Page, withQuery } from './request';

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  /** Rows up to this id: the table opened at a row. */
  maxId?: number;
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

/** POST /api/v1/audit-log/verify: the whole chain against the signed anchors. */
export interface AuditVerification {
  ok: boolean;
  /** Rows found intact (before the first broken one). */
  checked: number;
  firstBroken: { id: number; at: string | null; reason: string } | null;
  anchor: { seq: number; at: string } | null;
  anchorErrors: { line: number; reason: string }[];
}

export const verifyAuditLog = () => api.post<AuditVerification>('/api/v1/audit-log/verify');

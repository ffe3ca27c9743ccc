// The public API (/api/v1/public, no session): agencies, filing and tracking complaints, attachments.
import { ApiError, api, request } from '../services/request';
import { t } from './intl';
import type { ComplaintInput, ComplaintStatus, PublicAgency, UploadedAttachment } from './types';

const base = '/api/v1/public';

export const publicAgencies = () =>
  api.get<{ items: PublicAgency[] }>(`${base}/agencies`).then((r) => r.items);

/** File a complaint. The same idempotency key on a retry returns the same receipt. */
export const fileComplaint = (input: ComplaintInput, idempotencyKey: string) =>
  request<{ receipt: string }>(`${base}/complaints`, {
    method: 'POST',
    body: input,
    headers: { 'idempotency-key': idempotencyKey },
    anonymous: true,
  });

export const trackComplaint = (receipt: string, signal?: AbortSignal) =>
  request<ComplaintStatus>(`${base}/complaints/${encodeURIComponent(receipt.trim().toUpperCase())}`, {
    signal,
    anonymous: true,
  });

/** Ask, once, for a dismissed complaint to be re-examined (复查). */
export const requestReexamination = (receipt: string, grounds: string) =>
  request<{ status: string }>(`${base}/complaints/${encodeURIComponent(receipt)}/reexamination`, {
    method: 'POST',
    body: { grounds },
    anonymous: true,
  });

export function uploadAttachment(receipt: string, file: File): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file);
  return request<UploadedAttachment>(`${base}/complaints/${encodeURIComponent(receipt)}/attachments`, {
    method: 'POST',
    body: form,
    anonymous: true,
  });
}

/** A fresh key per complaint being filed (kept across retries of the same submission). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** What to tell of a failed request that is not about one field. */
export function failure(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('errors.network');
    if (e.status >= 500 || !e.message) return t('errors.server');
    return e.message;
  }
  return t('errors.server');
}

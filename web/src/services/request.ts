// One way to call the API: JSON in and out, the session's CSRF token on every change,
// errors as ApiError { status, message, fields } from the server's { error: {...} } shape.
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly fields: FieldError[];
  constructor(status: number, message: string, fields: FieldError[] = []) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

interface Options {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** Do not treat a 401 as an expired session (login, the first /auth/me). */
  anonymous?: boolean;
}

let csrfToken: string | null = null;
let onSessionExpired: ((message: string) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setSessionExpiredHandler(handler: ((message: string) => void) | null) {
  onSessionExpired = handler;
}

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${url}?${s}` : url;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let message = '';
  let fields: FieldError[] = [];
  try {
    const body = await res.json();
    message = body?.error?.message ?? '';
    fields = Array.isArray(body?.error?.fields) ? body.error.fields : [];
  } catch {
    // not JSON (a proxy's error page): keep the status
  }
  return new ApiError(res.status, message || `HTTP ${res.status}`, fields);
}

export async function request<T>(url: string, opts: Options = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), {
      method,
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, '');
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 401 && !opts.anonymous) onSessionExpired?.(err.message);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(url: string, query?: Query, signal?: AbortSignal) => request<T>(url, { query, signal }),
  post: <T>(url: string, body?: unknown, query?: Query) => request<T>(url, { method: 'POST', body, query }),
  patch: <T>(url: string, body?: unknown) => request<T>(url, { method: 'PATCH', body }),
  put: <T>(url: string, body?: unknown) => request<T>(url, { method: 'PUT', body }),
  delete: <T>(url: string) => request<T>(url, { method: 'DELETE' }),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

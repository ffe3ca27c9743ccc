// What the OpenAPI document says about every operation, derived in one place from the route:
// its operationId (from the method and URL unless the route's schema names one) and its security
// requirement (the session cookie when the route authenticates; with the CSRF header on mutations).
import { CSRF_HEADER, MUTATING, SESSION_COOKIE } from './auth.js';

/** The security schemes of the document: the session cookie and the CSRF header. */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: '登录（POST /api/v1/auth/login）后设置的会话 Cookie。',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: '登录响应中的 csrfToken；每个变更请求（POST、PUT、PATCH、DELETE）须带此头。',
  },
} as const;

// The header name as Node reports it (lower case) is the one the scheme declares.
if (SECURITY_SCHEMES.csrfToken.name.toLowerCase() !== CSRF_HEADER)
  throw new Error('CSRF header name mismatch');

export type SecurityRequirement = Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>;

/** The security requirement of an operation: none on public routes. */
export function securityOf(method: string, authenticated: boolean): SecurityRequirement[] {
  if (!authenticated) return [];
  return MUTATING.has(method) ? [{ sessionCookie: [], csrfToken: [] }] : [{ sessionCookie: [] }];
}

const pascal = (word: string): string => (word ? word[0]!.toUpperCase() + word.slice(1) : '');

/**
 * A stable camelCase operationId from the method and the URL: `/api/v1` dropped, each segment in
 * PascalCase, a parameter as `By<Name>`, a literal colon (`acts::bulk`) or `.`/`-`/`_` as a word
 * break — `GET /api/v1/cases/:id/history` → `getCasesByIdHistory`, `POST /api/v1/acts::bulk` →
 * `postActsBulk`.
 */
export function operationIdOf(method: string, url: string): string {
  const path = url.replace(/^\/api(\/v1)?(?=\/|$)/, '').replace(/::/g, '/');
  const words = path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) =>
      segment.startsWith(':')
        ? // A parameter, and what follows it in the segment (`:year.docx` → ByYearDocx).
          [
            `By${pascal(segment.slice(1).split(/[-_.]/)[0] ?? '')}`,
            ...segment
              .slice(1)
              .split(/[-_.]+/)
              .slice(1)
              .filter(Boolean)
              .map((w) => pascal(w)),
          ]
        : segment
            .split(/[-_.]+/)
            .filter(Boolean)
            .map((w) => pascal(w)),
    );
  return method.toLowerCase() + words.join('');
}

/**
 * OpenAPI 3.0 allows `nullable` only beside a `type`; zod's 3.0 output folds the null branch of a
 * union (`JsonValue`) into `nullable: true` on the `anyOf`. Put it back as a branch of its own.
 */
export function nullableUnions<T>(doc: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.nullable === true && o.type === undefined && Array.isArray(o.anyOf)) {
      delete o.nullable;
      o.anyOf.push({ type: 'string', nullable: true, enum: [null] });
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(doc);
  return doc;
}

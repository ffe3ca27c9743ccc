// Schemas shared by routes: paging, errors, dates.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import { jsonValueSchema } from '../core/json-value.js';
import { BLOCKED } from '../core/workflow/engine.js';

/**
 * The values of a vocabulary that exists only as a TypeScript union, as a list for `z.enum`: the
 * record must name every member (the compiler checks it), so the list cannot fall behind.
 */
export function vocabulary<T extends string>(members: Readonly<Record<T, unknown>>): [T, ...T[]] {
  return Object.keys(members) as [T, ...T[]];
}

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

export const errorSchema = z.object({
  error: z.object({
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});

/**
 * A procedure's actions as a reader sees them (the engine's actionAvailability): each action
 * the reader could ever take, available now or not, and why not.
 */
export function availabilitySchema<T extends string>(actions: readonly [T, ...T[]]) {
  return z.array(
    z.object({
      action: z.enum(actions),
      label: z.string(),
      available: z.boolean(),
      blocked: z.enum(BLOCKED).nullable(),
      reasons: z.array(fieldErrorSchema),
    }),
  );
}

/** Standard error responses to declare on a route (documentation and serialisation). */
export const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

/** What a download handler sends: bytes, a stream of them, or text. */
export type FileBody = string | Buffer | Readable;

/**
 * A file download (200): the bytes, under each content type the route may send. Fastify sends
 * buffers and streams as they are, so the schema documents the body without serialising it.
 */
export function fileResponse(description: string, contentTypes: readonly string[]) {
  // Typed as what handlers send (the serialiser never sees a buffer or a stream).
  const schema = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<FileBody>;
  return {
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema }])),
  };
}

/**
 * The dates the API takes: real calendar dates within the working-day calendar's table
 * (1900–2199, src/core/calendar/lookup.ts), which PostgreSQL handles too.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2199-12-31';

export const isoDate = z
  .string()
  .superRefine((s, ctx) => {
    if (!isIsoDate(s)) ctx.addIssue({ code: 'custom', message: '日期格式应为 YYYY-MM-DD' });
    else if (s < MIN_DATE || s > MAX_DATE)
      ctx.addIssue({ code: 'custom', message: `日期应在 ${MIN_DATE} 至 ${MAX_DATE} 之间` });
  })
  .meta({ format: 'date' });

/** The largest value of a PostgreSQL integer column (versions, serial ids, counts of days). */
export const INT32_MAX = 2_147_483_647;

/** The version of an object as the client read it (optimistic locking): 409 when stale. */
export const versionField = z.number().int().min(1).max(INT32_MAX);

/** A serial id in a path (certificates, files, referrals). */
export const serialId = z.coerce.number().int().min(1).max(INT32_MAX);

export const regionCode = z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字' });

/** ISO timestamp text for a Date coming from the database. */
export const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString();

export const idParam = z.object({ id: z.string().min(1).max(100) });

/** An audit entry's detail: the fields the action recorded (each action its own). */
export const auditDetail = z.record(z.string(), jsonValueSchema);

/** An object's change history (its audit trail), as every history route returns it. */
export const historySchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      detail: auditDetail,
    }),
  ),
});

export function presentHistory(
  rows: { id: number; at: Date; actorName: string | null; action: string; detail: Record<string, unknown> }[],
) {
  // The detail column is jsonb (not null, an object): JSON by construction.
  return {
    items: rows.map((x) => ({ ...x, at: iso(x.at)!, detail: x.detail as z.output<typeof auditDetail> })),
  };
}

// Reading the audit log for the audit administrator: filtered lists and exports. (Appending and
// verifying the chain are in audit.repository.ts; nothing here writes or deletes.)
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest } from './scope.js';

export interface AuditFilter {
  /** Part of the acting account's name. */
  actor?: string;
  objectType?: string;
  objectId?: string;
  /** An action, or a family of actions by its prefix ('auth.' → every sign-in event). */
  action?: string;
  /** China dates, inclusive. */
  from?: string;
  to?: string;
  /** Rows up to this id, inclusive. */
  maxId?: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  regionCode: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  detail: unknown;
}

const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('auditLog');
  if (f.actor) q = q.where('actorName', 'ilike', containsPattern(f.actor));
  if (f.objectType) q = q.where('objectType', '=', f.objectType);
  if (f.objectId) q = q.where('objectId', '=', f.objectId);
  if (f.action) {
    q = f.action.endsWith('.')
      ? q.where('action', 'like', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : q.where('action', '=', f.action);
  }
  if (f.from) q = q.where('at', '>=', chinaMidnight(f.from));
  if (f.to) q = q.where('at', '<', new Date(chinaMidnight(f.to).getTime() + 86_400_000));
  if (f.maxId) q = q.where('id', '<=', f.maxId);
  return q;
}

const columns = [
  'id',
  'at',
  'regionCode',
  'actorId',
  'actorName',
  'action',
  'objectType',
  'objectId',
  'detail',
] as const;

export async function listAuditLog(
  db: Kysely<DB>,
  f: AuditFilter,
  page: PageRequest,
): Promise<Page<AuditRow>> {
  const [{ total }] = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const items = await filtered(db, f)
    .select(columns)
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return { items: items.map((r) => ({ ...r, id: Number(r.id) })), total: Number(total), ...page };
}

/** Every matching row, newest first, in pages of `chunk` (bounded memory per page). */
export async function* auditLogRows(db: Kysely<DB>, f: AuditFilter, chunk = 2000): AsyncGenerator<AuditRow> {
  let before: number | null = null;
  for (;;) {
    let q = filtered(db, f).select(columns).orderBy('id', 'desc').limit(chunk);
    if (before !== null) q = q.where('id', '<', before);
    const rows = await q.execute();
    for (const r of rows) yield { ...r, id: Number(r.id) };
    if (rows.length < chunk) return;
    before = Number(rows[rows.length - 1].id);
  }
}

/** When the entry `id` was recorded, as stored (undefined when there is no such row). */
export async function findAuditEntryTime(db: Kysely<DB>, id: number): Promise<{ at: Date } | undefined> {
  return db.selectFrom('auditLog').select('at').where('id', '=', id).executeTakeFirst();
}

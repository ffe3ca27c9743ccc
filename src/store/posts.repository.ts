// 岗位 (issue 13) in the database: an agency's posts with who held them, a post's changes under its
// version, holdings added and ended (an officer holds a post at most once on any day), an officer's
// holdings, and the facts the attribution of a case reads. Posts and holdings of the rows' meaning
// come from core (src/core/duties/posts.ts); this module loads and stores.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DutyStage } from '../core/duties/columns.js';
import { type Holding, holdingsOverlap, normaliseStages, type Post } from '../core/duties/posts.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A holding as stored, with the officer's name. */
export interface StoredHolding extends Holding {
  id: number;
  officerName: string;
}

/** A post as stored, with its agency's region and every holding (newest first). */
export interface StoredPost extends Post {
  regionCode: string;
  agencyName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  holdings: StoredHolding[];
}

function postQuery(db: Db) {
  return db
    .selectFrom('posts')
    .innerJoin('agencies', 'agencies.id', 'posts.agencyId')
    .selectAll('posts')
    .select('agencies.name as agencyName');
}

async function withHoldings(
  db: Db,
  rows: Awaited<ReturnType<ReturnType<typeof postQuery>['execute']>>,
): Promise<StoredPost[]> {
  const ids = rows.map((r) => r.id);
  const holdings =
    ids.length === 0 ? [] : await holdingRows(db).where('officerPosts.postId', 'in', ids).execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    regionCode: r.regionCode,
    name: r.name,
    stages: normaliseStages(r.stages),
    codes: r.codes,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    holdings: holdings.filter((h) => h.postId === r.id).map(toHolding),
  }));
}

function holdingRows(db: Db) {
  return db
    .selectFrom('officerPosts')
    .innerJoin('officers', 'officers.id', 'officerPosts.officerId')
    .select([
      'officerPosts.id',
      'officerPosts.postId',
      'officerPosts.officerId',
      'officerPosts.fromDate',
      'officerPosts.toDate',
      'officers.name as officerName',
    ])
    .orderBy('officerPosts.fromDate', 'desc')
    .orderBy('officerPosts.id', 'desc');
}

type HoldingRow = Awaited<ReturnType<ReturnType<typeof holdingRows>['execute']>>[number];

const toHolding = (h: HoldingRow): StoredHolding => ({
  id: h.id,
  postId: h.postId,
  officerId: h.officerId,
  officerName: h.officerName,
  from: h.fromDate,
  to: h.toDate,
});

/** An agency's posts by name, each with its holdings. */
export async function listPosts(db: Db, agencyId: string): Promise<StoredPost[]> {
  const rows = await postQuery(db).where('posts.agencyId', '=', agencyId).orderBy('posts.name').execute();
  return withHoldings(db, rows);
}

export async function findPost(db: Db, id: string): Promise<StoredPost | undefined> {
  const rows = await postQuery(db).where('posts.id', '=', id).execute();
  return (await withHoldings(db, rows))[0];
}

export async function postNameTaken(
  db: Db,
  agencyId: string,
  name: string,
  except?: string,
): Promise<boolean> {
  let q = db.selectFrom('posts').select('id').where('agencyId', '=', agencyId).where('name', '=', name);
  if (except) q = q.where('id', '<>', except);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The codes of the given ones that no version of the agency's list ever had. */
export async function unknownDutyCodes(
  db: Db,
  agencyId: string,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set(
    (
      await db
        .selectFrom('dutyItems')
        .select('code')
        .distinct()
        .where('agencyId', '=', agencyId)
        .where('code', 'in', [...codes])
        .execute()
    ).map((r) => r.code),
  );
  return codes.filter((c) => !known.has(c));
}

export interface NewPost {
  agencyId: string;
  regionCode: string;
  name: string;
  stages: readonly DutyStage[];
  codes: readonly string[];
}

export async function insertPost(trx: Transaction<DB>, p: NewPost): Promise<string> {
  const { id } = await trx
    .insertInto('posts')
    .values({
      agencyId: p.agencyId,
      regionCode: p.regionCode,
      name: p.name,
      stages: JSON.stringify(normaliseStages(p.stages)),
      codes: JSON.stringify([...new Set(p.codes)]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Change a post if it is still at the version read (false: someone changed it first → 409). */
export async function updatePost(
  trx: Transaction<DB>,
  id: string,
  version: number,
  patch: { name?: string; stages?: readonly DutyStage[]; codes?: readonly string[] },
): Promise<boolean> {
  const r = await trx
    .updateTable('posts')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.stages !== undefined ? { stages: JSON.stringify(normaliseStages(patch.stages)) } : {}),
      ...(patch.codes !== undefined ? { codes: JSON.stringify([...new Set(patch.codes)]) } : {}),
      updatedAt: new Date(),
    })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Take the post's row lock: holdings of one post are added and ended one at a time. */
async function lockPost(trx: Transaction<DB>, postId: string): Promise<void> {
  await sql`select id from posts where id = ${postId} for update`.execute(trx);
}

/**
 * Add a holding; null when the officer already holds the post on one of its days (nothing written).
 * Bumps the post's version: its holders are part of it.
 */
export async function addHolding(
  trx: Transaction<DB>,
  h: { postId: string; officerId: string; regionCode: string; from: string; to: string | null },
): Promise<number | null> {
  await lockPost(trx, h.postId);
  const held = await trx
    .selectFrom('officerPosts')
    .select(['fromDate as from', 'toDate as to'])
    .where('postId', '=', h.postId)
    .where('officerId', '=', h.officerId)
    .execute();
  if (held.some((x) => holdingsOverlap(x, h))) return null;
  const { id } = await trx
    .insertInto('officerPosts')
    .values({
      postId: h.postId,
      officerId: h.officerId,
      regionCode: h.regionCode,
      fromDate: h.from,
      toDate: h.to,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchPost(trx, h.postId);
  return id;
}

/**
 * End a holding on its last day `to` (or reopen it with null); false when another holding of the
 * same officer and post would then share a day with it.
 */
export async function endHolding(
  trx: Transaction<DB>,
  h: { id: number; postId: string; officerId: string; from: string },
  to: string | null,
): Promise<boolean> {
  await lockPost(trx, h.postId);
  const others = await trx
    .selectFrom('officerPosts')
    .select(['fromDate as from', 'toDate as to'])
    .where('postId', '=', h.postId)
    .where('officerId', '=', h.officerId)
    .where('id', '<>', h.id)
    .execute();
  if (others.some((x) => holdingsOverlap(x, { from: h.from, to }))) return false;
  await trx
    .updateTable('officerPosts')
    .set({ toDate: to, updatedAt: new Date() })
    .where('id', '=', h.id)
    .execute();
  await touchPost(trx, h.postId);
  return true;
}

async function touchPost(trx: Transaction<DB>, postId: string): Promise<void> {
  await trx
    .updateTable('posts')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', postId)
    .execute();
}

/** An officer's holdings (newest first), each with its post. */
export async function officerHoldings(
  db: Db,
  officerId: string,
): Promise<(StoredHolding & { post: StoredPost })[]> {
  const held = (await holdingRows(db).where('officerPosts.officerId', '=', officerId).execute()).map(
    toHolding,
  );
  if (held.length === 0) return [];
  const posts = await withHoldings(
    db,
    await postQuery(db)
      .where('posts.id', 'in', [...new Set(held.map((h) => h.postId))])
      .execute(),
  );
  const byId = new Map(posts.map((p) => [p.id, p]));
  return held.map((h) => ({ ...h, post: byId.get(h.postId)! }));
}

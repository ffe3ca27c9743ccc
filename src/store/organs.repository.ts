// The register of referral organs by region (纪委监委, 任免机关, 公安机关, 人民检察院).
import type { Kysely, Transaction } from 'kysely';
import type { OrganKind } from '../core/referrals/organs.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface OrganFilter {
  /** Organs of these regions (a case's region and the regions above it). */
  regions?: readonly string[];
  kind?: OrganKind;
}

export async function listOrgans(db: Db, f: OrganFilter = {}) {
  let q = db.selectFrom('organs').select(['id', 'regionCode', 'kind', 'name', 'version']);
  if (f.regions) q = f.regions.length ? q.where('regionCode', 'in', f.regions) : q.where('id', '=', '');
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q.orderBy('regionCode', 'desc').orderBy('kind').orderBy('id').execute();
}

export type OrganRow = Awaited<ReturnType<typeof listOrgans>>[number];

export async function findOrgan(db: Db, id: string): Promise<OrganRow | undefined> {
  return db
    .selectFrom('organs')
    .select(['id', 'regionCode', 'kind', 'name', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertOrgan(
  db: Db,
  o: { id: string; regionCode: string; kind: OrganKind; name: string },
): Promise<void> {
  await db.insertInto('organs').values(o).execute();
}

// Loading the demo city (src/demo/city.ts) into the database: on the first start, and on
// `wenze demo` (which first empties every application table).

import { sql } from 'kysely';
import { todayInChina } from '../core/dates.js';
import {
  DEMO_PASSWORD,
  demoAgencies,
  demoOfficers,
  demoOrgans,
  demoRegions,
  demoUsers,
} from '../demo/city.js';
import { demoReliefMembers } from '../demo/relief.js';
import { appendAudit } from './audit.repository.js';
import type { Database } from './db.js';
import { loadDemoDuties } from './demo-duties.js';
import { loadDemoPosts } from './demo-posts.js';
import { loadDemoPreRegistrations } from './demo-pre-registrations.js';
import { hashPassword } from './passwords.js';

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const r = await database.db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0) === 0;
}

/** Empty every application table (not the migration bookkeeping). */
export async function truncateAll(database: Database): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(database.raw);
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename}"`).join(', ');
  await sql.raw(`truncate table ${list} restart identity cascade`).execute(database.raw);
}

export interface DemoSummary {
  regions: number;
  agencies: number;
  officers: number;
  users: { username: string; role: string; displayName: string }[];
  password: string;
}

export async function loadDemo(database: Database, today = todayInChina()): Promise<DemoSummary> {
  const officers = demoOfficers(today);
  // Hash once outside the transaction: every demo account shares the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await database.db.transaction().execute(async (trx) => {
    await trx.insertInto('regions').values(demoRegions).execute();
    // Entrusting agencies before the organisations they entrust.
    const ordered = [...demoAgencies].sort(
      (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null),
    );
    for (const a of ordered) {
      await trx
        .insertInto('agencies')
        .values({
          id: a.id,
          regionCode: a.regionCode,
          name: a.name,
          shortName: a.shortName,
          kind: a.kind,
          parentId: a.parentId,
          principalName: a.principalName,
          phone: null,
          address: null,
        })
        .execute();
    }
    await trx
      .insertInto('officers')
      .values(
        officers.map((o) => ({
          id: o.id,
          regionCode: o.regionCode,
          agencyId: o.agencyId,
          name: o.name,
          gender: o.gender,
          staffing: o.staffing,
          post: o.post,
          phone: o.phone,
        })),
      )
      .execute();
    await trx
      .insertInto('certificates')
      .values(
        officers.flatMap((o) =>
          o.certificates.map((c) => ({ ...c, officerId: o.id, regionCode: o.regionCode })),
        ),
      )
      .execute();
    await trx.insertInto('organs').values(demoOrgans).execute();
    await trx
      .insertInto('users')
      // Marked as demo accounts: their password is published, so the password and two-factor
      // policy does not apply to them.
      .values(demoUsers.map((u) => ({ ...u, passwordHash, isDemo: true })))
      .execute();
    await loadDemoPreRegistrations(trx, today);
    await loadDemoDuties(trx);
    await loadDemoPosts(trx, demoAgencies, officers);
    const userIds = new Map(
      (await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
    );
    await trx
      .insertInto('reliefMembers')
      .values(
        demoReliefMembers.map(({ username, ...m }) => ({ ...m, userId: userIds.get(username) ?? null })),
      )
      .execute();
    await appendAudit(trx, {
      regionCode: '520000',
      actorId: null,
      actorName: 'system',
      action: 'demo.load',
      objectType: 'system',
      objectId: 'demo',
      detail: {
        agencies: demoAgencies.length,
        officers: officers.length,
        organs: demoOrgans.length,
        users: demoUsers.length,
      },
    });
  });
  return {
    regions: demoRegions.length,
    agencies: demoAgencies.length,
    officers: officers.length,
    users: demoUsers.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName })),
    password: DEMO_PASSWORD,
  };
}

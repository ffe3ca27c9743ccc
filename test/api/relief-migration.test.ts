// Migration 0013 moves the appeals the case recorded before (case_appeals, reviewed by the office
// that decided) into the relief register: a reviewed one as decided with its result and reasons, a
// pending one as filed, numbered per region and year; and back down again.
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrate.js';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/db.js';

const provider = { getMigrations: async () => migrations };

describe.each(drivers)('migration 0013 (relief) on %s', (driver) => {
  let db: TestDatabase;
  // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before 0013, not today's types
  let raw: Kysely<any>;

  beforeAll(async () => {
    db = await createTestDatabase(driver, { demo: true });
    raw = db.raw;
  });
  afterAll(async () => db?.drop());

  it('carries reviewed and pending appeals into the register', async () => {
    const migrator = new Migrator({ db: raw, provider });
    const down = await migrator.migrateTo('2026_12_07_0012_corrections');
    expect(down.error).toBeUndefined();
    const officer = await raw
      .selectFrom('officers')
      .select(['id', 'agency_id'])
      .where('id', '=', 'O-0001')
      .executeTakeFirstOrThrow();
    const caseRow = (subject: string, number: string) => ({
      number,
      region_code: '529900',
      state: 'served',
      agency_id: officer.agency_id,
      subject,
      source: 'complaint',
      pack: 'guizhou-a-city',
      registered_on: '2026-01-05',
      served_on: '2026-03-02',
      decision_kind: 'pursue',
      decision_on: '2026-03-01',
    });
    const [a, b] = await Promise.all(
      [caseRow('旧申诉一', 'A市问责〔2026〕901号'), caseRow('旧申诉二', 'A市问责〔2026〕902号')].map((v) =>
        raw.insertInto('cases').values(v).returning('id').executeTakeFirstOrThrow(),
      ),
    );
    await raw
      .insertInto('case_appeals')
      .values([
        {
          case_id: a!.id,
          region_code: '529900',
          officer_id: 'O-0001',
          filed_on: '2026-03-10',
          grounds: '不服一',
          result: 'changed',
          reasons: '变更为诫勉谈话',
          reviewed_on: '2026-04-01',
          reviewed_by: 'sfj',
        },
        {
          case_id: b!.id,
          region_code: '529900',
          officer_id: 'O-0001',
          filed_on: '2026-03-12',
          grounds: '不服二',
          result: null,
          reasons: null,
          reviewed_on: null,
          reviewed_by: null,
        },
      ])
      .execute();
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    const rows = await db.db.selectFrom('appeals').selectAll().orderBy('filedOn').execute();
    expect(rows.map((r) => [r.number, r.state, r.decidedOn])).toEqual([
      ['A市申诉〔2026〕1号', 'decided', '2026-04-01'],
      ['A市申诉〔2026〕2号', 'filed', null],
    ]);
    expect(rows[0]!.decision).toMatchObject({
      outcome: 'changed',
      reasons: ['变更为诫勉谈话'],
      legacy: true,
    });
    expect(rows[1]!.servedOn).toBe('2026-03-02');
    const { rows: tables } = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_name = 'case_appeals'`.execute(
      raw,
    );
    expect(tables[0]!.n).toBe(0);
  });
});

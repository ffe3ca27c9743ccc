import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { agencyScope } from '../core/policies/agency.js';
import { officerScope } from '../core/policies/officer.js';
import { findAgency, listAgencies } from './agencies.repository.js';
import { appendAudit, verifyAuditChain } from './audit.repository.js';
import { isDatabaseEmpty, loadDemo, truncateAll } from './demo.js';
import { migrateToLatest } from './migrate.js';
import { findOfficer, listOfficers } from './officers.repository.js';
import { findUserByUsername } from './users.repository.js';

const supervisor = (regionCode: string) => ({
  id: 'x',
  username: 'x',
  role: 'supervisor' as const,
  regionCode,
  agencyId: null,
  officerId: null,
});

describe.each(drivers)('store on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await loadDemo(t, '2026-11-25');
  });
  afterAll(async () => t?.drop());

  it('migrations are idempotent', async () => {
    expect(await migrateToLatest(t)).toEqual([]);
  });

  it('loads the demo city with agencies of every kind and about 120 officers', async () => {
    expect(await isDatabaseEmpty(t)).toBe(false);
    const all = await listAgencies(t.db, { kind: 'all' }, {}, { page: 1, pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(12);
    expect(new Set(all.items.map((a) => a.kind))).toEqual(
      new Set(['administrative', 'authorized', 'entrusted']),
    );
    const officers = await listOfficers(t.db, { kind: 'all' }, {}, { page: 1, pageSize: 10 }, '2026-11-25');
    expect(officers.total).toBeGreaterThanOrEqual(100);
    for (const status of ['valid', 'expired', 'suspended'] as const) {
      const r = await listOfficers(
        t.db,
        { kind: 'all' },
        { certStatus: status },
        { page: 1, pageSize: 5 },
        '2026-11-25',
      );
      expect(r.total, status).toBeGreaterThan(0);
      expect(r.items.every((o) => o.certStatus === status)).toBe(true);
    }
    const admin = await findUserByUsername(t.db, 'admin');
    expect(admin?.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('scopes lists to the jurisdiction', async () => {
    const county = supervisor('529921');
    const agencies = await listAgencies(t.db, agencyScope(county), {}, { page: 1, pageSize: 100 });
    expect(agencies.items.every((a) => a.regionCode === '529921')).toBe(true);
    const officers = await listOfficers(
      t.db,
      officerScope(county),
      {},
      { page: 1, pageSize: 500 },
      '2026-11-25',
    );
    expect(officers.total).toBeGreaterThan(0);
    expect(officers.items.every((o) => o.regionCode === '529921')).toBe(true);
  });

  it('finds an officer with certificate history and an agency with counts', async () => {
    const o = await findOfficer(t.db, 'O-0001', '2026-11-25');
    expect(o?.certificates.length).toBeGreaterThan(0);
    expect(o?.agencyName).toBe('A市市场监督管理局');
    const a = await findAgency(t.db, '529921-ZZD');
    expect(a?.parentName).toBe('甲县综合行政执法局');
    expect(a?.officerCount).toBeGreaterThan(0);
  });

  it('a hash-chained audit log detects an altered row', async () => {
    for (let i = 0; i < 3; i++) {
      await appendAudit(t.db, {
        regionCode: '529900',
        actorId: null,
        actorName: 'test',
        action: 'test.write',
        objectType: 'thing',
        objectId: String(i),
        detail: { i, nested: { b: 1, a: [1, 'x'] } },
      });
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const rows = await t.db.selectFrom('auditLog').select('id').orderBy('id').execute();
    const target = rows[2].id;
    await sql`update audit_log set detail = '{"i": 99}'::jsonb where id = ${target}`.execute(t.raw);
    const v = await verifyAuditChain(t.db);
    expect(v.ok).toBe(false);
    expect(v.brokenAt?.id).toBe(target);
  });

  it('concurrent appends keep one chain', async () => {
    await truncateAll(t);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        appendAudit(t.db, {
          regionCode: '529900',
          actorId: null,
          actorName: 'c',
          action: 'x',
          objectType: 't',
          objectId: String(i),
        }),
      ),
    );
    const v = await verifyAuditChain(t.db);
    expect(v).toMatchObject({ ok: true, checked: 25 });
    await loadDemo(t, '2026-11-25');
  });

  it('truncates everything for a demo reload', async () => {
    await truncateAll(t);
    expect(await isDatabaseEmpty(t)).toBe(true);
    await loadDemo(t, '2026-11-25');
    expect(await isDatabaseEmpty(t)).toBe(false);
  });
});

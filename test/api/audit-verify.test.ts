// Issue 8: the audit administrator verifies the audit log's hash chain from the console
// (POST /api/v1/audit-log/verify, the check `wenze audit verify` runs): an intact log passes,
// a row altered behind the application's back is named with its time, nobody else may ask,
// and each verification is itself recorded.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('audit log verification on %s', (driver) => {
  let t: TestApp;
  let auditor: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    auditor = await t.login('auditor');
  });
  afterAll(async () => t?.close());

  it('only the audit administrator may verify', async () => {
    for (const username of ['admin', 'secadmin', 'jxsfj', 'sfj']) {
      const c = await t.login(username);
      const res = await c.post('/api/v1/audit-log/verify');
      expect([403, 404], `${username} → ${res.statusCode}`).toContain(res.statusCode);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/audit-log/verify' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('passes on an intact log, then names the first altered row and its time', async () => {
    const ok = await auditor.post('/api/v1/audit-log/verify');
    expect(ok.statusCode, ok.body).toBe(200);
    const intact = ok.json();
    expect(intact).toMatchObject({ ok: true, firstBroken: null, anchorErrors: [] });
    const { rows: count } = await sql<{ n: string }>`select count(*) as n from audit_log`.execute(
      t.database.db,
    );
    // Every row before this verification's own record was checked.
    expect(intact.checked).toBe(Number(count[0].n) - 1);
    expect(intact.checked).toBeGreaterThan(1);

    // The verification is recorded, after the check.
    const mine = (await auditor.get('/api/v1/audit-log?action=audit.verify')).json();
    expect(mine.items[0]).toMatchObject({
      actorName: 'auditor',
      objectType: 'audit_log',
      detail: { ok: true, checked: intact.checked, firstBrokenId: null },
    });

    // Alter one row (not the first) behind the application's back.
    const { rows } = await sql<{ id: string; at: Date }>`
      select id, at from audit_log order by id limit 1 offset 2`.execute(t.database.db);
    const target = Number(rows[0].id);
    await sql`update audit_log set actor_name = 'mallory' where id = ${target}`.execute(t.database.db);

    const broken = await auditor.post('/api/v1/audit-log/verify');
    expect(broken.statusCode).toBe(200);
    const result = broken.json();
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(2);
    expect(result.firstBroken).toMatchObject({ id: target, reason: expect.stringContaining('篡改') });
    expect(new Date(result.firstBroken.at).getTime()).toBe(new Date(rows[0].at).getTime());

    // The table opens at that row: the rows up to it, newest first.
    const at = (await auditor.get(`/api/v1/audit-log?maxId=${target}&pageSize=5`)).json();
    expect(at.total).toBe(3);
    expect(at.items[0]).toMatchObject({ id: target, actorName: 'mallory' });
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { verifyAuditChain } from '../../src/store/audit.repository.js';
import { tokenId } from '../../src/store/users.repository.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('authentication on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('sets an HttpOnly SameSite=Strict cookie and returns the user and a CSRF token', async () => {
    const res = await login('sfj', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'wenze_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'sfj', role: 'supervisor', regionCode: '529900' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(JSON.stringify(body)).not.toContain('argon2');
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('sfj', DEMO_PASSWORD);
    const token = res.cookies.find((c) => c.name === 'wenze_sid')!.value;
    const rows = await t.database.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('answers unknown users and wrong passwords alike', async () => {
    const a = await login('nobody', 'whatever1');
    const b = await login('sfj', 'wrong-password1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it('locks the account after five failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('pingjia', `bad-pass-${i}`)).statusCode).toBe(401);
    const fifth = await login('pingjia', 'bad-pass-5');
    expect(fifth.statusCode).toBe(423);
    const right = await login('pingjia', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toMatch(/失败次数过多/);
    // The security administrator unlocks it (三权分立: not the system administrator).
    const admin = await t.login('secadmin');
    const u = await t.database.db
      .selectFrom('users')
      .select(['id', 'version'])
      .where('username', '=', 'pingjia')
      .executeTakeFirstOrThrow();
    const r = await admin.patch(`/api/v1/users/${u.id}`, { version: u.version, unlock: true });
    expect(r.statusCode, r.body).toBe(200);
    expect((await login('pingjia', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('the session carries the access map the console opens its pages by', async () => {
    const jiwei = (await (await t.login('jiwei')).get('/api/v1/auth/me')).json().user.access;
    expect(Object.keys(jiwei).filter((k) => jiwei[k])).toEqual(
      expect.arrayContaining(['home', 'referrals', 'agencies']),
    );
    expect(jiwei).toMatchObject({ leads: false, cases: false, users: false, auditLog: false });
    const sfj = (await (await t.login('sfj')).get('/api/v1/auth/me')).json().user.access;
    expect(sfj).toMatchObject({ leads: true, cases: true, supervision: true, users: false });
    const signIn = await login('sfj', DEMO_PASSWORD);
    expect(signIn.json().user.access).toEqual(sfj);
  });

  it('logout ends the session', async () => {
    const c = await t.login('jiwei');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('an expired or idle session is refused', async () => {
    const c = await t.login('panel');
    await sql`update sessions set expires_at = now() - interval '1 second'`.execute(t.database.raw);
    const r = await c.get('/api/v1/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toMatch(/过期/);
    const d = await t.login('panel');
    await sql`update sessions set last_seen_at = now() - interval '3 hours'`.execute(t.database.raw);
    expect((await d.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('purges expired and idle sessions, keeping the live ones', async () => {
    const live = await t.login('jiwei');
    const expired = await t.login('jiwei');
    const idle = await t.login('jiwei');
    const idOf = (c: { cookie: string }) => tokenId(c.cookie.slice('wenze_sid='.length));
    await sql`update sessions set expires_at = now() - interval '1 second' where id = ${idOf(expired)}`.execute(
      t.database.raw,
    );
    await sql`update sessions set last_seen_at = now() - interval '3 hours' where id = ${idOf(idle)}`.execute(
      t.database.raw,
    );
    expect(await t.app.purgeExpiredSessions()).toBeGreaterThanOrEqual(2);
    const left = await sql<{ id: string }>`select id from sessions`.execute(t.database.raw);
    const ids = left.rows.map((r) => r.id);
    expect(ids).toContain(idOf(live));
    expect(ids).not.toContain(idOf(expired));
    expect(ids).not.toContain(idOf(idle));
    expect((await live.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('changes the password: checks the current one, the rule, and ends other sessions', async () => {
    const a = await t.login('scjfz');
    const other = await t.login('scjfz');
    const wrong = await a.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'NewPass2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('currentPassword');
    const weak = await a.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    const ok = await a.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'NewPass2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('scjfz', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('scjfz', 'NewPass2026')).statusCode).toBe(200);
  });

  it('records logins in an intact audit chain', async () => {
    const rows = await t.database.db.selectFrom('auditLog').select('action').execute();
    expect(rows.some((r) => r.action === 'auth.login')).toBe(true);
    expect(rows.some((r) => r.action === 'auth.locked')).toBe(true);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('rate-limits login attempts per client', async () => {
    const limited = await createTestApp(driver, { rateLimits: { login: 5 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toContain(429);
    } finally {
      await limited.close();
    }
  });
});

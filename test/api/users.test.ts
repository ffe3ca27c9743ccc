import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('users API on %s', (driver) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('lists and searches users, never exposing password hashes', async () => {
    const r = await admin.get('/api/v1/users?role=supervisor');
    expect(r.statusCode).toBe(200);
    expect(
      r
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['gzsfj', 'jxsfj', 'sfj', 'sfjdc']);
    expect(r.body).not.toContain('argon2');
    expect((await admin.get('/api/v1/users?q=jiwei')).json().total).toBe(1);
  });

  it('creates an officer account only with a matching agency and officer record', async () => {
    const bad = await admin.post('/api/v1/users', {
      username: 'zhangsan',
      password: 'Zs#2026abc',
      displayName: '张三',
      role: 'officer',
      regionCode: '529900',
      agencyId: '529900-SCJ',
      officerId: 'O-0100',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('officerId');
    const ok = await admin.post('/api/v1/users', {
      username: 'zhangsan',
      password: 'Zs#2026abc',
      displayName: '张三',
      role: 'officer',
      regionCode: '529900',
      agencyId: '529900-SCJ',
      officerId: 'O-0002',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const me = await t.login('zhangsan', 'Zs#2026abc');
    // The administrator chose the password: the owner changes it before anything else.
    expect((await me.get('/api/v1/officers')).statusCode).toBe(403);
    const own = await me.post('/api/v1/auth/password', {
      currentPassword: 'Zs#2026abc',
      newPassword: 'Zs#2027own',
    });
    expect(own.statusCode, own.body).toBe(204);
    expect((await me.get('/api/v1/officers')).json().items.map((o: { id: string }) => o.id)).toEqual([
      'O-0002',
    ]);
    const dup = await admin.post('/api/v1/users', {
      username: 'zhangsan',
      password: 'Zs#2026abc',
      displayName: '张三',
      role: 'panel',
      regionCode: '529900',
    });
    expect(dup.json().error.fields[0].path).toBe('username');
  });

  it("changing a role ends the user's sessions; disabling blocks login", async () => {
    const s = await t.login('pingjia');
    const u = (await admin.get('/api/v1/users?q=pingjia')).json().items[0];
    // Roles are the security administrator's (三权分立); enabling and disabling the system administrator's.
    const sec = await t.login('secadmin');
    expect(
      (await admin.patch(`/api/v1/users/${u.id}`, { version: u.version, role: 'panel' })).statusCode,
    ).toBe(403);
    const r = await sec.patch(`/api/v1/users/${u.id}`, { version: u.version, role: 'panel' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    const d = await admin.patch(`/api/v1/users/${u.id}`, { version: r.json().version, active: false });
    expect(d.statusCode).toBe(200);
    await expect(t.login('pingjia')).rejects.toThrow(/401/);
  });

  it('non-admins get 403', async () => {
    const c = await t.login('sfj');
    expect((await c.get('/api/v1/users')).statusCode).toBe(403);
  });
});

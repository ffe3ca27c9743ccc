// Issue 9, 等保2.0 level 3 for accounts: the password policy, lockout per account and address
// with a growing delay, two-factor sign-in, the three separate administrators, and the audit log.
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { totpCode } from '../../src/server/totp.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const GOOD = 'Tq9$vLm2#pX';
/** A password an administrator sets, which its owner must change at the first sign-in. */
const ADMIN_SET = 'Ad#min2026set';

describe.each(drivers)('accounts on %s', (driver) => {
  let t: TestApp;
  let admin: Client;
  let sec: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    sec = await t.login('secadmin');
  });
  afterAll(async () => t?.close());

  const login = (payload: Record<string, unknown>, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });
  const userRow = (username: string) =>
    t.database.db
      .selectFrom('users')
      .select(['id', 'version'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  /** A client from a login response (any address). */
  function clientOf(res: Awaited<ReturnType<typeof login>>, ip = '10.0.0.1'): Client {
    const cookie = `wenze_sid=${res.cookies.find((c) => c.name === 'wenze_sid')?.value}`;
    const csrf = res.json().csrfToken as string;
    const request = (o: InjectOptions) =>
      t.app.inject({
        ...o,
        remoteAddress: ip,
        headers: { cookie, 'x-csrf-token': csrf, ...(o.headers ?? {}) },
      });
    return {
      username: res.json().user.username,
      cookie,
      csrf,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
      patch: (url, payload) =>
        request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    };
  }

  describe('password policy', () => {
    const create = (username: string, password: string, role = 'evaluator') =>
      admin.post('/api/v1/users', { username, password, displayName: '测试', role, regionCode: '529900' });

    it('refuses weak, username-based, demo, common and NUL passwords on creation, naming the field', async () => {
      for (const [pw, why] of [
        ['abc12345', /三类/],
        ['Wangwu#2026', /用户名/],
        [DEMO_PASSWORD, /公开|演示/],
        ['P@ssw0rd', /常见/],
        ['Tq9$vLm2\u0000x', /控制字符|不允许的字符/],
      ] as const) {
        const r = await create('wangwu', pw);
        expect(r.statusCode, pw).toBe(400);
        const f = r.json().error.fields.find((x: { path: string }) => x.path === 'password');
        expect(f?.message, pw).toMatch(why);
      }
      expect((await create('wangwu', GOOD)).statusCode).toBe(201);
    });

    it('refuses them on change too, and a security administrator reset', async () => {
      const c = clientOf(await login({ username: 'wangwu', password: GOOD }));
      const r = await c.post('/api/v1/auth/password', { currentPassword: GOOD, newPassword: 'Wangwu#2026x' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0]).toMatchObject({ path: 'newPassword' });
      const u = await userRow('wangwu');
      const reset = await sec.patch(`/api/v1/users/${u.id}`, { version: u.version, password: 'qwerty123' });
      expect(reset.statusCode).toBe(400);
      expect(reset.json().error.fields[0].path).toBe('password');
      const policy = await c.get('/api/v1/auth/password-policy');
      expect(policy.json()).toMatchObject({ minLength: 8, minClasses: 3, maxAgeDays: 90 });
    });

    it('an expired password must be changed before anything else', async () => {
      await sql`update users set password_changed_at = now() - interval '91 days' where username = 'wangwu'`.execute(
        t.database.raw,
      );
      const res = await login({ username: 'wangwu', password: GOOD });
      expect(res.statusCode).toBe(200);
      expect(res.json().restriction).toBe('change_password');
      const c = clientOf(res);
      expect((await c.get('/api/v1/home')).statusCode).toBe(403);
      expect((await c.get('/api/v1/auth/me')).json().restriction).toBe('change_password');
      const ok = await c.post('/api/v1/auth/password', { currentPassword: GOOD, newPassword: 'Kx4!rW8zQm' });
      expect(ok.statusCode, ok.body).toBe(204);
      expect((await c.get('/api/v1/home')).statusCode).toBe(200);
      // The security administrator sets the period (0: no periodic change).
      const s = (await sec.get('/api/v1/security/settings')).json();
      const put = await sec.request({
        method: 'PUT',
        url: '/api/v1/security/settings',
        payload: { version: s.version, passwordMaxAgeDays: 30 },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await c.get('/api/v1/auth/password-policy')).json().maxAgeDays).toBe(30);
    });

    it('an account an administrator created, or whose password was reset, changes it at the first sign-in', async () => {
      expect((await create('qianba', ADMIN_SET)).statusCode).toBe(201);
      const first = await login({ username: 'qianba', password: ADMIN_SET });
      expect(first.json().restriction).toBe('change_password');
      const c = clientOf(first);
      expect((await c.get('/api/v1/home')).statusCode).toBe(403);
      const own = await c.post('/api/v1/auth/password', { currentPassword: ADMIN_SET, newPassword: GOOD });
      expect(own.statusCode, own.body).toBe(204);
      expect((await c.get('/api/v1/auth/me')).json().restriction).toBeNull();
      expect((await c.get('/api/v1/home')).statusCode).toBe(200);
      // A reset by the security administrator: the owner changes it again.
      const u = await userRow('qianba');
      const reset = await sec.patch(`/api/v1/users/${u.id}`, { version: u.version, password: ADMIN_SET });
      expect(reset.statusCode, reset.body).toBe(200);
      expect((await login({ username: 'qianba', password: ADMIN_SET })).json().restriction).toBe(
        'change_password',
      );
    });

    it('without a settings row (tables emptied), the defaults apply and can be set again', async () => {
      await sql`delete from security_settings`.execute(t.database.raw);
      const c = await t.login('sfj');
      expect((await c.get('/api/v1/auth/password-policy')).json().maxAgeDays).toBe(90);
      const put = await sec.request({
        method: 'PUT',
        url: '/api/v1/security/settings',
        payload: { version: 1, passwordMaxAgeDays: 60 },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().passwordMaxAgeDays).toBe(60);
    });

    it('demo accounts are exempt (their password is published)', async () => {
      await sql`update users set password_changed_at = now() - interval '400 days' where username = 'jiwei'`.execute(
        t.database.raw,
      );
      const res = await login({ username: 'jiwei', password: DEMO_PASSWORD });
      expect(res.json().restriction).toBeNull();
      expect(res.json().user.isDemo).toBe(true);
    });
  });

  describe('lockout per account and address', () => {
    it('nobody locks the administrator out from elsewhere; the lock grows', async () => {
      for (let i = 0; i < 4; i++) {
        expect((await login({ username: 'admin', password: `Wrong#${i}xx` }, '203.0.113.9')).statusCode).toBe(
          401,
        );
      }
      const fifth = await login({ username: 'admin', password: 'Wrong#5xx' }, '203.0.113.9');
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json().error.message).toMatch(/15 分钟/);
      // Even the right password from that address waits …
      expect((await login({ username: 'admin', password: DEMO_PASSWORD }, '203.0.113.9')).statusCode).toBe(
        423,
      );
      // … but the administrator at their own desk signs in.
      expect((await login({ username: 'admin', password: DEMO_PASSWORD }, '10.0.0.7')).statusCode).toBe(200);
      // After the lock, the next failure locks twice as long.
      await sql`update login_failures set locked_until = now() - interval '1 second' where ip = '203.0.113.9'`.execute(
        t.database.raw,
      );
      const again = await login({ username: 'admin', password: 'Wrong#6xx' }, '203.0.113.9');
      expect(again.statusCode).toBe(423);
      expect(again.json().error.message).toMatch(/30 分钟/);
    });

    it('an unknown account answers exactly like a known one, lock included', async () => {
      const known: string[] = [];
      const unknown: string[] = [];
      for (let i = 0; i < 6; i++) {
        const a = await login({ username: 'panel', password: `Nope#${i}xyz` }, '198.51.100.1');
        const b = await login({ username: 'no-such-user', password: `Nope#${i}xyz` }, '198.51.100.1');
        known.push(`${a.statusCode} ${a.json().error.message}`);
        unknown.push(`${b.statusCode} ${b.json().error.message}`);
      }
      expect(unknown).toEqual(known);
      expect(known.at(-1)).toMatch(/^423/);
      // The security administrator unlocks (everywhere).
      const u = await userRow('panel');
      const users = (await sec.get('/api/v1/users?q=panel')).json().items;
      expect(users.find((x: { username: string }) => x.username === 'panel').locked).toBe(true);
      const r = await sec.patch(`/api/v1/users/${u.id}`, { version: u.version, unlock: true });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().locked).toBe(false);
      expect((await login({ username: 'panel', password: DEMO_PASSWORD }, '198.51.100.1')).statusCode).toBe(
        200,
      );
    });

    it('wrong current passwords on password change count as failures', async () => {
      const c = clientOf(
        await login({ username: 'pingjia', password: DEMO_PASSWORD }, '192.0.2.5'),
        '192.0.2.5',
      );
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await c.post('/api/v1/auth/password', {
          currentPassword: `Guess#${i}xx`,
          newPassword: GOOD,
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([400, 400, 400, 400, 423]);
      // Locked from that address, and that session is over.
      expect((await login({ username: 'pingjia', password: DEMO_PASSWORD }, '192.0.2.5')).statusCode).toBe(
        423,
      );
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
      const audit = await t.database.db
        .selectFrom('auditLog')
        .select(['action', 'detail'])
        .where('actorName', '=', 'pingjia')
        .where('action', 'in', ['auth.login_failed', 'auth.locked'])
        .execute();
      expect(audit.length).toBe(5);
    });
  });

  describe('two-factor sign-in', () => {
    let secret = '';
    let usedCode = '';
    it('a supervisor must enrol at the next sign-in and can do nothing else until then', async () => {
      const created = await admin.post('/api/v1/users', {
        username: 'zhaoliu',
        password: ADMIN_SET,
        displayName: '赵六',
        role: 'supervisor',
        regionCode: '529900',
      });
      expect(created.statusCode, created.body).toBe(201);
      // The administrator chose the password: its owner changes it first.
      const first = await login({ username: 'zhaoliu', password: ADMIN_SET });
      expect(first.json().restriction).toBe('change_password');
      const own = await clientOf(first).post('/api/v1/auth/password', {
        currentPassword: ADMIN_SET,
        newPassword: GOOD,
      });
      expect(own.statusCode, own.body).toBe(204);
      const res = await login({ username: 'zhaoliu', password: GOOD });
      expect(res.statusCode).toBe(200);
      expect(res.json().restriction).toBe('enrol_totp');
      expect(res.json().user).toMatchObject({ totpRequired: true, totpEnabled: false, isDemo: false });
      const c = clientOf(res);
      const blocked = await c.get('/api/v1/cases');
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.message).toMatch(/双因素/);
      const setup = await c.post('/api/v1/auth/totp/setup');
      expect(setup.statusCode, setup.body).toBe(200);
      secret = setup.json().secret;
      expect(setup.json().otpauthUri).toContain(`secret=${secret}`);
      const wrong = await c.post('/api/v1/auth/totp/confirm', {
        code: '000000' === (await totpCode(secret)) ? '111111' : '000000',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields[0].path).toBe('code');
      usedCode = await totpCode(secret);
      const ok = await c.post('/api/v1/auth/totp/confirm', { code: usedCode });
      expect(ok.statusCode, ok.body).toBe(204);
      expect((await c.get('/api/v1/cases')).statusCode).toBe(200);
      expect((await c.get('/api/v1/auth/me')).json().user.totpEnabled).toBe(true);
    });

    it('then sign-in asks for the code; a wrong or reused code fails and counts', async () => {
      const noCode = await login({ username: 'zhaoliu', password: GOOD });
      expect(noCode.statusCode).toBe(401);
      expect(noCode.json().error.fields[0].path).toBe('code');
      expect(noCode.cookies.find((c) => c.name === 'wenze_sid')).toBeUndefined();
      // The code that confirmed enrolment is spent.
      const reused = await login({ username: 'zhaoliu', password: GOOD, code: usedCode });
      expect(reused.statusCode).toBe(401);
      expect(reused.json().error.fields[0].path).toBe('code');
      // The next step's code (the authenticator's clock may run ahead by one step) signs in.
      const next = await totpCode(secret, Math.floor(Date.now() / 1000) + 30);
      const ok = await login({ username: 'zhaoliu', password: GOOD, code: next });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().restriction).toBeNull();
      const failures = await t.database.db
        .selectFrom('auditLog')
        .select('detail')
        .where('actorName', '=', 'zhaoliu')
        .where('action', '=', 'auth.login_failed')
        .execute();
      expect(failures.map((f) => (f.detail as { reason: string }).reason)).toEqual(['totp']);
    });

    it('the security administrator resets it; demo accounts do not enrol', async () => {
      const u = await userRow('zhaoliu');
      expect(
        (await admin.patch(`/api/v1/users/${u.id}`, { version: u.version, resetTotp: true })).statusCode,
      ).toBe(403);
      const r = await sec.patch(`/api/v1/users/${u.id}`, { version: u.version, resetTotp: true });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().totpEnabled).toBe(false);
      const res = await login({ username: 'zhaoliu', password: GOOD });
      expect(res.statusCode).toBe(200);
      expect(res.json().restriction).toBe('enrol_totp');
      const demo = await t.login('sfj');
      expect((await demo.post('/api/v1/auth/totp/setup')).statusCode).toBe(400);
      expect((await demo.get('/api/v1/cases')).statusCode).toBe(200);
    });
  });

  describe('三权分立', () => {
    it('walks the three administrators over each other’s routes', async () => {
      const auditor = await t.login('auditor');
      const target = await userRow('jxsfj');
      const newUser = {
        username: 'sunqi',
        password: GOOD,
        displayName: '孙七',
        role: 'evaluator',
        regionCode: '529900',
      };
      const settings = (await sec.get('/api/v1/security/settings')).json();
      type Step = [string, (c: Client) => Promise<{ statusCode: number }>];
      const steps: Step[] = [
        ['create user', (c) => c.post('/api/v1/users', newUser)],
        [
          'rename user',
          (c) => c.patch(`/api/v1/users/${target.id}`, { version: target.version, displayName: '甲县' }),
        ],
        [
          'set role',
          (c) => c.patch(`/api/v1/users/${target.id}`, { version: target.version, role: 'panel' }),
        ],
        ['unlock', (c) => c.patch(`/api/v1/users/${target.id}`, { version: target.version, unlock: true })],
        [
          'reset password',
          (c) => c.patch(`/api/v1/users/${target.id}`, { version: target.version, password: GOOD }),
        ],
        [
          'password policy',
          (c) =>
            c.request({
              method: 'PUT',
              url: '/api/v1/security/settings',
              payload: { version: settings.version, passwordMaxAgeDays: 30 },
            }),
        ],
        ['read audit log', (c) => c.get('/api/v1/audit-log')],
        ['export audit log', (c) => c.get('/api/v1/audit-log/export?format=csv')],
        [
          'create agency',
          (c) =>
            c.post('/api/v1/agencies', {
              id: '529900-ZZZ',
              regionCode: '529900',
              name: '某测试局',
              shortName: '测试局',
              kind: 'administrative',
            }),
        ],
      ];
      const own: Record<string, string[]> = {
        admin: ['create user', 'rename user', 'create agency'],
        secadmin: ['set role', 'unlock', 'reset password', 'password policy'],
        auditor: ['read audit log', 'export audit log'],
      };
      const clients: Record<string, Client> = { admin, secadmin: sec, auditor };
      for (const [who, c] of Object.entries(clients)) {
        for (const [name, run] of steps) {
          if (own[who].includes(name)) continue;
          const r = await run(c);
          expect(r.statusCode, `${who} may not ${name}`).toBe(403);
        }
      }
      // Each may do their own (the mutations that change state are checked elsewhere).
      expect((await admin.post('/api/v1/users', newUser)).statusCode).toBe(201);
      expect((await auditor.get('/api/v1/audit-log')).statusCode).toBe(200);
      expect((await sec.get('/api/v1/users')).statusCode).toBe(200);
      // The system administrator grants no administrator role, and nobody changes their own role.
      const mkAdmin = await admin.post('/api/v1/users', {
        ...newUser,
        username: 'zhouba',
        role: 'audit_admin',
      });
      expect(mkAdmin.statusCode).toBe(403);
      const me = await userRow('secadmin');
      expect(
        (await sec.patch(`/api/v1/users/${me.id}`, { version: me.version, role: 'admin' })).statusCode,
      ).toBe(403);
      // The administrators' accounts are kept with `wenze user` on the server, not through the API:
      // no administrator role granted or removed, no administrator's password or second factor
      // reset, no administrator deactivated — so none can take over or shut out another.
      const admins = { admin: await userRow('admin'), secadmin: me, auditor: await userRow('auditor') };
      const plain = await userRow('jxsfj');
      const adminSteps: [string, Client, string, Record<string, unknown>][] = [
        ['grant audit_admin', sec, plain.id, { version: plain.version, role: 'audit_admin' }],
        ['grant security_admin', sec, plain.id, { version: plain.version, role: 'security_admin' }],
        ['grant admin', sec, plain.id, { version: plain.version, role: 'admin' }],
        ['remove admin', sec, admins.admin.id, { version: admins.admin.version, role: 'supervisor' }],
        ['remove audit_admin', sec, admins.auditor.id, { version: admins.auditor.version, role: 'panel' }],
        ['swap admin roles', sec, admins.auditor.id, { version: admins.auditor.version, role: 'admin' }],
        ['reset admin password', sec, admins.admin.id, { version: admins.admin.version, password: GOOD }],
        [
          'reset audit_admin password',
          sec,
          admins.auditor.id,
          { version: admins.auditor.version, password: GOOD },
        ],
        ['reset admin totp', sec, admins.admin.id, { version: admins.admin.version, resetTotp: true }],
        [
          'reset audit_admin totp',
          sec,
          admins.auditor.id,
          { version: admins.auditor.version, resetTotp: true },
        ],
        ['deactivate security_admin', admin, me.id, { version: me.version, active: false }],
        [
          'deactivate audit_admin',
          admin,
          admins.auditor.id,
          { version: admins.auditor.version, active: false },
        ],
      ];
      const accounts = () =>
        t.database.db
          .selectFrom('users')
          .select(['username', 'role', 'active', 'passwordHash', 'version'])
          .where('username', 'in', ['admin', 'secadmin', 'auditor', 'jxsfj'])
          .orderBy('username')
          .execute();
      const before = await accounts();
      for (const [name, c, id, body] of adminSteps) {
        const r = await c.patch(`/api/v1/users/${id}`, body);
        expect(r.statusCode, `${name}: ${r.body}`).toBe(403);
        expect(r.json().error.message, name).toMatch(/wenze user/);
      }
      expect(await accounts()).toEqual(before);
      // Other accounts stay the security and system administrators' work.
      const sunqi = await userRow('sunqi');
      const toPanel = await sec.patch(`/api/v1/users/${sunqi.id}`, { version: sunqi.version, role: 'panel' });
      expect(toPanel.statusCode, toPanel.body).toBe(200);
      const reset = await sec.patch(`/api/v1/users/${sunqi.id}`, {
        version: toPanel.json().version,
        password: ADMIN_SET,
        resetTotp: true,
      });
      expect(reset.statusCode, reset.body).toBe(200);
      const off = await admin.patch(`/api/v1/users/${sunqi.id}`, {
        version: reset.json().version,
        active: false,
      });
      expect(off.statusCode, off.body).toBe(200);
      expect(off.json()).toMatchObject({ role: 'panel', active: false });
      // The audit and security administrators see no business data.
      for (const c of [auditor, sec]) {
        for (const url of ['/api/v1/cases', '/api/v1/officers', '/api/v1/agencies', '/api/v1/acts']) {
          const r = await c.get(url);
          const seen = r.statusCode === 200 ? r.json().items.length : 0;
          expect([200, 403], `${c.username} ${url}`).toContain(r.statusCode);
          expect(seen, `${c.username} ${url}`).toBe(0);
        }
      }
    });
  });

  describe('audit log', () => {
    it('the audit administrator filters and exports it; nothing younger than six months can be deleted', async () => {
      const auditor = await t.login('auditor');
      const all = await auditor.get('/api/v1/audit-log?pageSize=5');
      expect(all.statusCode).toBe(200);
      expect(all.json().total).toBeGreaterThan(10);
      const byActor = (await auditor.get('/api/v1/audit-log?actor=zhaoliu&action=auth.&pageSize=100')).json();
      expect(byActor.items.length).toBeGreaterThan(0);
      for (const r of byActor.items) {
        expect(r.actorName).toBe('zhaoliu');
        expect(r.action.startsWith('auth.')).toBe(true);
      }
      const u = await userRow('zhaoliu');
      const byObject = (
        await auditor.get(`/api/v1/audit-log?objectType=user&objectId=${u.id}&action=user.update`)
      ).json();
      expect(byObject.items.map((r: { action: string }) => r.action)).toEqual(['user.update']);
      const none = (await auditor.get('/api/v1/audit-log?from=2020-01-01&to=2020-12-31')).json();
      expect(none.total).toBe(0);
      const bad = await auditor.get('/api/v1/audit-log?from=2026-13-01');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('from');
      const csv = await auditor.get('/api/v1/audit-log/export?format=csv&actor=zhaoliu');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment/);
      expect(csv.body).toContain('auth.totp_enabled');
      const xlsx = await auditor.get('/api/v1/audit-log/export?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      // Streamed, the workbook still holds every row of the log with its header.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      const logged = (await auditor.get('/api/v1/audit-log?pageSize=1')).json().total;
      expect(sheet.getRow(1).getCell(1).value).toBe('编号');
      expect(sheet.rowCount - 1).toBe(logged); // the export's own entry included: it is written first
      // The export is itself audited.
      const exports = (await auditor.get('/api/v1/audit-log?action=audit.export')).json();
      expect(exports.total).toBe(2);
      await expect(
        sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(t.database.raw),
      ).rejects.toThrow(/six months/);
    });
  });
});

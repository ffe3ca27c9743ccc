import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.js';
import { isCommonPassword, lockMinutesAfter, passwordProblem } from './password.js';
import { canCreateWithRole, canUser, sessionRestriction, type UserAction } from './user.js';

describe('password policy', () => {
  it('wants 8 characters of three classes', () => {
    expect(passwordProblem('Ab1#')).toMatch(/至少 8 位/);
    expect(passwordProblem('abc12345')).toMatch(/三类/);
    expect(passwordProblem('ABCDEFGH1')).toMatch(/三类/);
    expect(passwordProblem('Kq7#mVt2')).toBeNull();
    expect(passwordProblem('kq7#mvt2x')).toBeNull(); // lower, digit, symbol
  });

  it('refuses control characters, NUL included', () => {
    expect(passwordProblem('Kq7#mVt2\u0000x')).toMatch(/控制字符/);
    expect(passwordProblem('Kq7#\nmVt2')).toMatch(/控制字符/);
  });

  it('refuses the username, also reversed and in other case', () => {
    expect(passwordProblem('Zhangsan#1', 'zhangsan')).toMatch(/用户名/);
    expect(passwordProblem('nasgnahz#1A', 'zhangsan')).toMatch(/用户名/);
    expect(passwordProblem('Zhangsan#1', 'lisi')).toBeNull();
  });

  it('refuses the published demo password and common ones', () => {
    expect(passwordProblem('Wenze@2026')).toMatch(/公开|演示/);
    expect(passwordProblem('wenze@2026')).toMatch(/公开|演示/);
    expect(passwordProblem('P@ssw0rd')).toMatch(/常见/);
    expect(passwordProblem('Password1!')).toMatch(/常见/);
    expect(passwordProblem('Qwerty123!')).toMatch(/常见/);
    expect(passwordProblem('Woaini1314!')).toMatch(/常见/);
    expect(isCommonPassword('Tq9$vLm2#pX')).toBe(false);
  });

  it('locks after five failures for a time that doubles, up to a day', () => {
    expect([1, 4, 5, 6, 7, 20].map((n) => lockMinutesAfter(n))).toEqual([0, 0, 15, 30, 60, 1440]);
  });
});

const actor = (role: Role, id = 'u'): Actor => ({
  id,
  username: 'u',
  role,
  regionCode: '520000',
  agencyId: null,
  officerId: null,
});

describe('三权分立: three administrators, none doing the others’ work', () => {
  it('each has only their own powers', () => {
    const table: Record<string, UserAction[]> = {
      admin: ['read', 'create', 'update_profile'],
      security_admin: ['read', 'set_role', 'unlock', 'reset_password', 'reset_totp', 'password_policy'],
      audit_admin: ['read_audit'],
      supervisor: [],
    };
    const all: UserAction[] = [
      'read',
      'create',
      'update_profile',
      'set_role',
      'unlock',
      'reset_password',
      'reset_totp',
      'password_policy',
      'read_audit',
    ];
    for (const [role, allowed] of Object.entries(table)) {
      for (const action of all) {
        expect(canUser(actor(role as Role), action), `${role} ${action}`).toBe(allowed.includes(action));
      }
    }
  });

  it('the system administrator creates no administrators', () => {
    expect(canCreateWithRole(actor('admin'), 'supervisor')).toBe(true);
    expect(canCreateWithRole(actor('admin'), 'security_admin')).toBe(false);
    expect(canCreateWithRole(actor('admin'), 'admin')).toBe(false);
  });
});

describe('session restrictions', () => {
  const now = new Date('2026-12-07T00:00:00Z');
  const fresh = new Date('2026-12-01T00:00:00Z');
  const old = new Date('2026-06-01T00:00:00Z');
  it('an expired password must be changed first; then 2FA for the roles that need it', () => {
    const base = { role: 'supervisor' as Role, isDemo: false, totpEnabled: false, passwordChangedAt: fresh };
    expect(sessionRestriction(base, 90, now)).toBe('enrol_totp');
    expect(sessionRestriction({ ...base, totpEnabled: true }, 90, now)).toBeNull();
    expect(sessionRestriction({ ...base, passwordChangedAt: old }, 90, now)).toBe('change_password');
    expect(sessionRestriction({ ...base, passwordChangedAt: old }, 0, now)).toBe('enrol_totp');
    expect(sessionRestriction({ ...base, role: 'officer' }, 90, now)).toBeNull();
    expect(sessionRestriction({ ...base, isDemo: true, passwordChangedAt: old }, 90, now)).toBeNull();
  });
});

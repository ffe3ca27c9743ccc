import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './actor.js';
import { commandLineOnly, sessionRestriction, totpRequired } from './user.js';

describe('two-factor sign-in (TOTP), 等保2.0 身份鉴别', () => {
  // Written out, not derived from TOTP_REQUIRED_ROLES: dropping a role from that list must fail here.
  const required: Role[] = ['admin', 'security_admin', 'audit_admin', 'supervisor', 'panel'];
  const now = new Date('2026-12-07T00:00:00Z');
  const fresh = new Date('2026-12-01T00:00:00Z');

  it('is required of the administrators, supervisors and panel members, and of no other role', () => {
    expect(ROLES.filter((r) => totpRequired(r))).toEqual(ROLES.filter((r) => required.includes(r)));
    // Every role is one of the two kinds (a role added later must be decided on here).
    expect([...ROLES].sort()).toEqual(
      [...required, 'agency_legal', 'officer', 'discipline', 'evaluator'].sort(),
    );
  });

  it('a session of a role that requires it can only enrol until it has; others are not held', () => {
    for (const role of ROLES) {
      const account = { role, isDemo: false, totpEnabled: false, passwordChangedAt: fresh };
      expect(sessionRestriction(account, 90, now), role).toBe(required.includes(role) ? 'enrol_totp' : null);
      expect(sessionRestriction({ ...account, totpEnabled: true }, 90, now), role).toBeNull();
      // Demo accounts (a published password) are exempt.
      expect(sessionRestriction({ ...account, isDemo: true }, 90, now), role).toBeNull();
    }
  });
});

describe('三权分立: the administrators’ accounts are kept on the command line', () => {
  const account = (role: Role) => ({ role, active: true });

  it('refuses granting or removing an administrator role through the API', () => {
    for (const adminRole of ['admin', 'security_admin', 'audit_admin'] as const) {
      expect(commandLineOnly(account('supervisor'), { role: adminRole }), adminRole).toEqual(['role']);
      expect(commandLineOnly(account(adminRole), { role: 'panel' }), adminRole).toEqual(['role']);
    }
    expect(commandLineOnly(account('audit_admin'), { role: 'admin' })).toEqual(['role']);
    // The same role sent back (a form sends every field) changes nothing.
    expect(commandLineOnly(account('admin'), { role: 'admin' })).toEqual([]);
    expect(commandLineOnly(account('supervisor'), { role: 'panel' })).toEqual([]);
  });

  it("refuses resetting an administrator's password or second factor, and deactivating one", () => {
    for (const adminRole of ['admin', 'security_admin', 'audit_admin'] as const) {
      expect(
        commandLineOnly(account(adminRole), { password: true, resetTotp: true, active: false }),
        adminRole,
      ).toEqual(['password', 'resetTotp', 'active']);
    }
    expect(commandLineOnly(account('panel'), { password: true, resetTotp: true, active: false })).toEqual([]);
    // Already inactive, or enabled: not a deactivation.
    expect(commandLineOnly({ role: 'admin', active: false }, { active: false })).toEqual([]);
    expect(commandLineOnly(account('admin'), { active: true })).toEqual([]);
  });
});

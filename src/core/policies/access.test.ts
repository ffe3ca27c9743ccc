// What each role may see in the console (the server still decides on every request).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_KEY_LIST, type AccessKey, accessOf, canEditCalendar } from './access.js';
import { ROLES, type Role } from './actor.js';

/** A signed-in user as the session knows them. */
function user(role: Role, officerId: string | null = null) {
  return {
    id: `u-${role}`,
    username: role,
    displayName: role,
    role,
    regionCode: '529900',
    agencyId: null,
    officerId,
    locale: 'zh-CN',
    isDemo: false,
    totpEnabled: false,
    totpRequired: false,
  };
}

const granted = (u: ReturnType<typeof user> | null) =>
  (Object.entries(accessOf(u)) as [AccessKey, boolean][])
    .filter(([, v]) => v)
    .map(([k]) => k)
    .sort();

const EVERYONE: AccessKey[] = ['account', 'home', 'rulebook', 'simulator'];

/** The role table of DOMAIN.md as the console applies it (an officer here has an officer record). */
const EXPECTED: Record<Role, AccessKey[]> = {
  supervisor: [
    ...EVERYONE,
    'agencies',
    'duties',
    'posts',
    'officers',
    'leads',
    'cases',
    'dueSoon',
    'referrals',
    'calendar',
    'supervision',
    'preRegistrations',
    'tolerance',
    'appeals',
    'review',
    'evaluation',
    'assessment',
  ],
  agency_legal: [
    ...EVERYONE,
    'agencies',
    'duties',
    'posts',
    'officers',
    'cases',
    'supervision',
    'preRegistrations',
    'tolerance',
    'appeals',
    'review',
    'evaluation',
    'assessment',
  ],
  officer: [...EVERYONE, 'ownRecord', 'myCases', 'dueSoon', 'preRegistrations', 'tolerance', 'appeals'],
  panel: [...EVERYONE, 'agencies', 'duties', 'posts', 'appeals'],
  discipline: [...EVERYONE, 'agencies', 'duties', 'posts', 'referrals'],
  evaluator: [...EVERYONE, 'agencies', 'duties', 'posts', 'review', 'evaluation'],
  admin: [
    ...EVERYONE,
    'agencies',
    'duties',
    'posts',
    'officers',
    'users',
    'cases',
    'dueSoon',
    'calendar',
    'supervision',
    'preRegistrations',
    'tolerance',
    'appeals',
    'review',
    'evaluation',
    'assessment',
  ],
  security_admin: [...EVERYONE, 'users'],
  audit_admin: [...EVERYONE, 'auditLog'],
};

describe('accessOf', () => {
  it('grants nothing without a user', () => {
    expect(granted(null)).toEqual([]);
    expect(Object.values(accessOf(null)).every((v) => v === false)).toBe(true);
  });

  it('names every key of Access, for every role', () => {
    const keys = Object.keys(accessOf(null)).sort();
    expect(keys).toEqual([...ACCESS_KEY_LIST].sort());
    for (const role of ROLES) expect(Object.keys(accessOf(user(role))).sort()).toEqual(keys);
  });

  it.each(ROLES.map((r) => [r]))('%s sees what the role table says', (role) => {
    const u = user(role, role === 'officer' ? 'OF-0001' : null);
    expect(granted(u)).toEqual([...EXPECTED[role]].sort());
  });

  it('covers every role of core', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  it('an officer account without an officer record has no own record and no own cases', () => {
    const a = accessOf(user('officer', null));
    expect(a.ownRecord).toBe(false);
    expect(a.myCases).toBe(false);
    expect(a.appeals).toBe(false);
    expect(a.dueSoon).toBe(true);
    expect(a.home).toBe(true);
  });

  it('an officer record on another role opens nothing of an officer', () => {
    for (const role of ROLES.filter((r) => r !== 'officer')) {
      const a = accessOf(user(role, 'OF-0001'));
      expect(a.ownRecord).toBe(false);
      expect(a.myCases).toBe(false);
    }
  });

  it('keeps the three administrators apart (三权分立)', () => {
    expect(accessOf(user('audit_admin')).users).toBe(false);
    expect(accessOf(user('security_admin')).auditLog).toBe(false);
    expect(accessOf(user('admin')).auditLog).toBe(false);
    expect(ROLES.filter((r) => accessOf(user(r)).auditLog)).toEqual(['audit_admin']);
  });

  it('depends only on the role and whether there is an officer record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.string(),
        fc.option(fc.string(), { nil: null }),
        fc.boolean(),
        (role, officerId, regionCode, agencyId, isDemo) => {
          const u = { ...user(role, officerId), regionCode, agencyId, isDemo };
          expect(accessOf(u)).toEqual(accessOf(user(role, officerId)));
        },
      ),
    );
  });
});

describe('canEditCalendar', () => {
  it('is the system administrator only', () => {
    expect(ROLES.filter((r) => canEditCalendar(user(r)))).toEqual(['admin']);
    expect(canEditCalendar(null)).toBe(false);
  });

  it('is never granted to whom the calendar is not even shown', () => {
    for (const role of ROLES) {
      const u = user(role);
      if (canEditCalendar(u)) expect(accessOf(u).calendar).toBe(true);
    }
  });
});

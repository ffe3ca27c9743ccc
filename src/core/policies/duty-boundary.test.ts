// Who decides overlaps: the supervision office of the overlap's region (both sides), the
// administrator, and nobody else — the agencies' legal offices are parties, not judges.
import { describe, expect, it } from 'vitest';
import { type Actor, ROLES, type Role } from './actor.js';
import { canResolveOverlapIn, canResolveOverlaps } from './duty-boundary.js';

const actor = (role: Role, regionCode = '529900', agencyId: string | null = null): Actor => ({
  id: `u-${role}`,
  username: role,
  role,
  regionCode,
  agencyId,
  officerId: null,
});

describe('overlap decisions', () => {
  it('a supervisor decides within its region only', () => {
    const county = actor('supervisor', '529921');
    expect(canResolveOverlapIn(county, '529921')).toBe(true);
    expect(canResolveOverlapIn(county, '529922')).toBe(false);
    expect(canResolveOverlapIn(county, '529900')).toBe(false);
    const city = actor('supervisor', '529900');
    expect(canResolveOverlapIn(city, '529921')).toBe(true);
    expect(canResolveOverlapIn(city, '529900')).toBe(true);
  });

  it('the administrator anywhere; every other role nowhere', () => {
    expect(canResolveOverlapIn(actor('admin', '529900'), '529922')).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'supervisor')) {
      const a = actor(role, '529900', role === 'agency_legal' ? '529900-ZHJ' : null);
      expect(canResolveOverlaps(a), role).toBe(false);
      expect(canResolveOverlapIn(a, '529900'), role).toBe(false);
    }
    expect(canResolveOverlaps(actor('supervisor'))).toBe(true);
    expect(canResolveOverlaps(actor('admin'))).toBe(true);
  });
});

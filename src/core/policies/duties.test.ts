// Who reads and imports duty lists: both sides of each role's rule, and the report's scope.
import { describe, expect, it } from 'vitest';
import { type Actor, ROLES, type Role } from './actor.js';
import { canImportDuties, canReadDuties, dutyImportDenial, dutyReportScope, dutyScope } from './duties.js';

const actor = (role: Role, regionCode = '529900', agencyId: string | null = null): Actor => ({
  id: `u-${role}`,
  username: role,
  role,
  regionCode,
  agencyId,
  officerId: null,
});
const ZHJ = { id: '529900-ZHJ', regionCode: '529900' };
const COUNTY = { id: '529921-ZHJ', regionCode: '529921' };
const OTHER = { id: '529922-SCJ', regionCode: '529922' };

describe('duty-list policies', () => {
  it('a supervisor reads and imports within its region only', () => {
    const county = actor('supervisor', '529921');
    expect(canReadDuties(county, COUNTY)).toBe(true);
    expect(canReadDuties(county, ZHJ)).toBe(false);
    expect(dutyImportDenial(county, COUNTY)).toBeNull();
    expect(dutyImportDenial(county, OTHER)).toContain('不在您的辖区');
    const city = actor('supervisor');
    expect(dutyImportDenial(city, COUNTY)).toBeNull();
  });

  it('an agency’s legal office its own agency only; the administrator everything', () => {
    const legal = actor('agency_legal', '529900', ZHJ.id);
    expect(canReadDuties(legal, ZHJ)).toBe(true);
    expect(canReadDuties(legal, { id: '529900-SCJ', regionCode: '529900' })).toBe(false);
    expect(dutyImportDenial(legal, ZHJ)).toBeNull();
    expect(dutyImportDenial(legal, COUNTY)).toContain('只能导入本机关');
    expect(dutyReportScope(legal, '529900')).toEqual({ kind: 'region', prefix: '529900' });
    expect(dutyImportDenial(actor('admin', '520000'), OTHER)).toBeNull();
    expect(canReadDuties(actor('admin', '520000'), OTHER)).toBe(true);
  });

  it('readers of the register read; only the office, the legal office and the administrator import', () => {
    for (const role of ROLES) {
      const a = actor(role, '529900', role === 'agency_legal' ? ZHJ.id : null);
      const reads = ['admin', 'supervisor', 'agency_legal', 'panel', 'discipline', 'evaluator'].includes(
        role,
      );
      expect(dutyScope(a).kind !== 'none', role).toBe(reads);
      expect(canImportDuties(a), role).toBe(['admin', 'supervisor', 'agency_legal'].includes(role));
      if (!['admin', 'supervisor', 'agency_legal'].includes(role)) {
        expect(dutyImportDenial(a, ZHJ), role).toBe('当前角色无权导入权责清单');
      }
    }
    expect(canImportDuties(actor('agency_legal'))).toBe(false);
    expect(dutyReportScope(actor('officer'), null)).toEqual({ kind: 'none' });
  });
});

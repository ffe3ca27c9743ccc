import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { regionCovers, regionPrefix } from './actor.js';
import { agencyScope, canAgency } from './agency.js';
import { canOfficer, officerScope } from './officer.js';

const actor = (over: Partial<Actor>): Actor => ({
  id: 'u',
  username: 'u',
  role: 'supervisor',
  regionCode: '529900',
  agencyId: null,
  officerId: null,
  ...over,
});

describe('jurisdiction', () => {
  it('a region covers itself and what lies below it', () => {
    expect(regionPrefix('520000')).toBe('52');
    expect(regionPrefix('529900')).toBe('5299');
    expect(regionPrefix('529921')).toBe('529921');
    expect(regionCovers('529900', '529921')).toBe(true);
    expect(regionCovers('529921', '529922')).toBe(false);
    expect(regionCovers('529921', '529900')).toBe(false);
  });

  it('a county supervisor sees only agencies of the county', () => {
    const county = actor({ regionCode: '529921' });
    expect(canAgency(county, 'read', { id: 'x', regionCode: '529921' })).toBe(true);
    expect(canAgency(county, 'read', { id: 'y', regionCode: '529922' })).toBe(false);
    expect(canAgency(county, 'read', { id: 'z', regionCode: '529900' })).toBe(false);
    expect(agencyScope(county)).toEqual({ kind: 'region', prefix: '529921' });
  });

  it("an agency's legal office reads and edits only its agency's officers", () => {
    const legal = actor({ role: 'agency_legal', agencyId: 'A' });
    expect(canOfficer(legal, 'update', { id: 'o', regionCode: '529900', agencyId: 'A' })).toBe(true);
    expect(canOfficer(legal, 'read', { id: 'o', regionCode: '529900', agencyId: 'B' })).toBe(false);
    expect(canAgency(legal, 'update', { id: 'A', regionCode: '529900' })).toBe(false);
  });

  it('an officer reads only their own record', () => {
    const me = actor({ role: 'officer', agencyId: 'A', officerId: 'O-1' });
    expect(canOfficer(me, 'read', { id: 'O-1', regionCode: '529900', agencyId: 'A' })).toBe(true);
    expect(canOfficer(me, 'update', { id: 'O-1', regionCode: '529900', agencyId: 'A' })).toBe(false);
    expect(canOfficer(me, 'read', { id: 'O-2', regionCode: '529900', agencyId: 'A' })).toBe(false);
    expect(officerScope(me)).toEqual({ kind: 'officer', officerId: 'O-1' });
  });

  it('panel, discipline and evaluator roles see no officer register', () => {
    for (const role of ['panel', 'discipline', 'evaluator'] as const) {
      expect(officerScope(actor({ role }))).toEqual({ kind: 'none' });
    }
  });
});

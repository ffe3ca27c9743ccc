// Assigning spot-check files to reviewer groups: never a reviewer of the file's own agency (nor of
// the agency that entrusted it, nor of one it entrusted), the least-loaded group first, the same
// answer every time; then the invariants over arbitrary files and groups (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgencyRef, assignGroups, isOwnAgency, type ReviewerCandidate } from './assign.js';

const SCJ: AgencyRef = { id: '529921-SCJ', parentId: null };
const ZHJ: AgencyRef = { id: '529921-ZHJ', parentId: null };
const ZZD: AgencyRef = { id: '529921-ZZD', parentId: '529921-ZHJ' };

describe('isOwnAgency', () => {
  it('is the same agency, the entrusting one or the entrusted one', () => {
    expect(isOwnAgency(null, SCJ)).toBe(false);
    expect(isOwnAgency(SCJ, SCJ)).toBe(true);
    expect(isOwnAgency(ZHJ, SCJ)).toBe(false);
    // The entrusting agency answers for its entrusted organisation's acts, and the other way round.
    expect(isOwnAgency(ZHJ, ZZD)).toBe(true);
    expect(isOwnAgency(ZZD, ZHJ)).toBe(true);
    expect(isOwnAgency(ZZD, SCJ)).toBe(false);
  });
});

describe('assignGroups', () => {
  const reviewers: ReviewerCandidate[] = [
    { userId: 'u-sup', agency: null, group: '第一组' },
    { userId: 'u-zhj', agency: ZHJ, group: '第一组' },
    { userId: 'u-lawyer', agency: null, group: '第二组' },
    { userId: 'u-scj', agency: SCJ, group: '第二组' },
  ];

  it('balances the groups and leaves out the members of the file’s agency', () => {
    const files = [
      { id: 'f1', agency: SCJ },
      { id: 'f2', agency: ZZD },
      { id: 'f3', agency: ZHJ },
      { id: 'f4', agency: SCJ },
    ];
    const r = assignGroups(files, reviewers);
    expect(r.unassignable).toEqual([]);
    expect(r.assignments).toEqual([
      { fileId: 'f1', group: '第一组', reviewerIds: ['u-sup', 'u-zhj'] },
      { fileId: 'f2', group: '第二组', reviewerIds: ['u-lawyer', 'u-scj'] },
      { fileId: 'f3', group: '第一组', reviewerIds: ['u-sup'] },
      { fileId: 'f4', group: '第二组', reviewerIds: ['u-lawyer'] },
    ]);
  });

  it('counts the files a group already has, and names the files nobody may review', () => {
    const only = [{ userId: 'u-scj', agency: SCJ, group: 'A' }];
    expect(assignGroups([{ id: 'f1', agency: SCJ }], only)).toEqual({
      assignments: [],
      unassignable: ['f1'],
    });
    const r = assignGroups([{ id: 'f1', agency: ZHJ }], reviewers, new Map([['第一组', 3]]));
    expect(r.assignments[0]!.group).toBe('第二组');
  });

  const agency = fc.record({
    id: fc.constantFrom('A', 'B', 'C', 'D'),
    parentId: fc.constantFrom(null, 'A', 'B'),
  });
  const groupsArb = fc.array(
    fc.record({
      userId: fc.uuid(),
      agency: fc.option(agency, { nil: null }),
      group: fc.constantFrom('一组', '二组', '三组'),
    }),
    { maxLength: 8 },
  );
  const filesArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), agency }), {
    selector: (f) => f.id,
    maxLength: 30,
  });

  it('never assigns a reviewer of the file’s own agency; every file is assigned or named unassignable', () => {
    fc.assert(
      fc.property(filesArb, groupsArb, (files, rs) => {
        const r = assignGroups(files, rs);
        expect(r.assignments.length + r.unassignable.length).toBe(files.length);
        const byId = new Map(files.map((f) => [f.id, f]));
        const users = new Map(rs.map((x) => [x.userId, x]));
        for (const a of r.assignments) {
          expect(a.reviewerIds.length).toBeGreaterThan(0);
          for (const u of a.reviewerIds) {
            expect(isOwnAgency(users.get(u)!.agency, byId.get(a.fileId)!.agency)).toBe(false);
            expect(users.get(u)!.group).toBe(a.group);
          }
        }
        for (const id of r.unassignable)
          expect(rs.every((x) => isOwnAgency(x.agency, byId.get(id)!.agency))).toBe(true);
        // Deterministic, whatever the order of the files.
        expect(assignGroups([...files].reverse(), rs)).toEqual(r);
      }),
    );
  });

  it('keeps the groups within one file of each other when nobody has a conflict', () => {
    fc.assert(
      fc.property(filesArb, fc.integer({ min: 1, max: 5 }), (files, n) => {
        const rs = Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, agency: null, group: `g${i}` }));
        const counts = new Map<string, number>();
        for (const a of assignGroups(files, rs).assignments)
          counts.set(a.group, (counts.get(a.group) ?? 0) + 1);
        const loads = rs.map((x) => counts.get(x.group) ?? 0);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DrawRules, drawOrder, drawPanel, LEGAL_KINDS, MEMBER_KINDS, type PoolMember } from './panel.js';

const m = (id: string, kind: PoolMember['kind'], extra: Partial<PoolMember> = {}): PoolMember => ({
  id,
  kind,
  agencyId: null,
  officeRegion: null,
  enforcementOfficer: false,
  ...extra,
});

const POOL: PoolMember[] = [
  m('M01', 'legal_expert'),
  m('M02', 'lawyer'),
  m('M03', 'scholar'),
  m('M04', 'senior_officer', { agencyId: '529900-SCJ', enforcementOfficer: true }),
  m('M05', 'senior_officer', { agencyId: '529900-ZHJ', enforcementOfficer: true }),
  m('M06', 'senior_officer', { agencyId: '529900-ZJJ', enforcementOfficer: true }),
  m('M07', 'enforcement_supervisor'),
  m('M08', 'enforcement_supervisor', { officeRegion: '529900' }),
  m('M09', 'scholar'),
  m('M10', 'enforcement_supervisor'),
];
const RULES: DrawRules = { size: 5, appellantAgencyId: '529900-SCJ', decidingOfficeRegion: '529900' };

describe('drawing the relief panel', () => {
  it('is reproducible: the same seed and conflicts give the same panel', () => {
    const a = drawPanel(POOL, RULES, 'seed-2026');
    const b = drawPanel([...POOL].reverse(), RULES, 'seed-2026');
    expect(a.problems).toEqual([]);
    expect(b.panel).toEqual(a.panel);
    expect(drawPanel(POOL, RULES, 'another-seed').panel?.order).not.toEqual(a.panel?.order);
  });

  it("never seats the appellant's agency nor the office that decided", () => {
    for (let i = 0; i < 50; i++) {
      const { panel } = drawPanel(POOL, RULES, `s-${i}`);
      expect(panel?.order).not.toContain('M04');
      expect(panel?.order).not.toContain('M08');
    }
  });

  const member = fc.record({
    kind: fc.constantFrom(...MEMBER_KINDS),
    agencyId: fc.constantFrom(null, '529900-SCJ', '529900-ZHJ', '529921-ZHJ'),
    officeRegion: fc.constantFrom(null, '529900', '529921'),
    enforcementOfficer: fc.boolean(),
  });

  it('holds every rule for any pool, seed and conflicts (or says the pool is short)', () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 0, maxLength: 25 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.subarray([...Array(25).keys()]),
        (members, seed, conflictIdx) => {
          const pool = members.map((x, i) => ({ ...x, id: `P${String(i).padStart(2, '0')}` }));
          const conflicts = conflictIdx.map((i) => `P${String(i).padStart(2, '0')}`);
          const { panel, problems } = drawPanel(pool, RULES, seed, conflicts);
          if (!panel) {
            expect(problems[0]?.path).toBe('pool');
            return;
          }
          const byId = new Map(pool.map((p) => [p.id, p]));
          const seated = panel.members.map((id) => byId.get(id) as PoolMember);
          expect(new Set(panel.members).size).toBe(RULES.size);
          expect(seated.filter((p) => p.enforcementOfficer).length).toBeLessThanOrEqual(1);
          expect(seated.some((p) => LEGAL_KINDS.includes(p.kind))).toBe(true);
          expect(seated.some((p) => p.agencyId === RULES.appellantAgencyId)).toBe(false);
          expect(seated.some((p) => p.officeRegion === RULES.decidingOfficeRegion)).toBe(false);
          expect(panel.members.some((id) => conflicts.includes(id))).toBe(false);
          expect(LEGAL_KINDS).toContain(byId.get(panel.chair)?.kind);
          expect(drawPanel(pool, RULES, seed, conflicts).panel).toEqual(panel);
        },
      ),
    );
  });

  it('a declared conflict is replaced by the next of the order; the others stay', () => {
    const first = drawPanel(POOL, RULES, 'seed-2026').panel!;
    const out = first.members[1] as string;
    const second = drawPanel(POOL, RULES, 'seed-2026', [out]).panel!;
    expect(second.members).not.toContain(out);
    expect(second.members.filter((x) => first.members.includes(x))).toHaveLength(RULES.size - 1);
    const next = first.order.filter(
      (x) => !first.members.includes(x) && !first.passed.some((p) => p.id === x),
    );
    const added = second.members.find((x) => !first.members.includes(x));
    expect(first.order.indexOf(added as string)).toBeGreaterThan(first.order.indexOf(out));
    expect(next.length + first.passed.length).toBeGreaterThan(0);
  });

  it('at most one serving officer: the second is passed over', () => {
    const officers = [
      m('A', 'senior_officer', { enforcementOfficer: true }),
      m('B', 'senior_officer', { enforcementOfficer: true }),
      m('C', 'legal_expert'),
      m('D', 'scholar'),
      m('E', 'scholar'),
      m('F', 'lawyer'),
    ];
    const rules = { ...RULES, appellantAgencyId: null };
    const { panel } = drawPanel(officers, rules, 'x1');
    expect(panel?.members.filter((id) => id === 'A' || id === 'B')).toHaveLength(1);
    expect(panel?.passed.map((p) => p.reason)).toContain('officer_limit');
  });

  it('without a legal expert, or with too few members, no panel: the pool is short', () => {
    const noLawyer = [
      m('A', 'scholar'),
      m('B', 'scholar'),
      m('C', 'scholar'),
      m('D', 'scholar'),
      m('E', 'scholar'),
    ];
    expect(drawPanel(noLawyer, RULES, 's').problems[0]?.path).toBe('pool');
    expect(drawPanel(POOL.slice(0, 4), RULES, 's').problems[0]?.message).toMatch(/不足/);
  });

  it('an even or too small panel is refused', () => {
    expect(drawPanel(POOL, { ...RULES, size: 4 }, 's').problems[0]?.path).toBe('size');
    expect(drawPanel(POOL, { ...RULES, size: 1 }, 's').problems[0]?.path).toBe('size');
  });

  it('the order depends only on the eligible ids, not on their order in the pool', () => {
    expect(drawOrder(POOL, RULES, 'q')).toEqual(drawOrder([...POOL].reverse(), RULES, 'q'));
  });
});

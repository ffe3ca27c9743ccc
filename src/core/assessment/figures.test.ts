// From the year's rows to the assessment's figures: what became of each fault (agency and officer),
// whom it counts against, a case on time, and — for any rows — figures the assessment accepts, every
// fault counted once for its agency (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import { A_CITY_ASSESSMENT } from '../rulebook/packs/a-city-assessment.js';
import { selectPack } from '../rulebook/packs/registry.js';
import { assessYear } from './assess.js';
import { caseOnTime, type FaultRow, faultOfficers, faultOutcome, yearInputs } from './figures.js';

const fault = (over: Partial<FaultRow> = {}): FaultRow => ({
  agencyId: 'A',
  actId: 'X-1',
  officerId: 'O-1',
  caseId: null,
  decisionKind: null,
  persons: [],
  ...over,
});
const person = (officerId: string, liable = true, toleranceExempt = false) => ({
  officerId,
  liable,
  toleranceExempt,
});

describe('what became of a fault', () => {
  it('for the agency: pursued, statutory exemption, tolerance exemption, or not pursued', () => {
    expect(faultOutcome(fault({ decisionKind: 'pursue', persons: [person('O-1')] }))).toBe('pursued');
    expect(faultOutcome(fault({ decisionKind: 'exempt', persons: [person('O-1', false)] }))).toBe(
      'statutory',
    );
    expect(faultOutcome(fault({ decisionKind: 'not_pursue', persons: [person('O-1', true, true)] }))).toBe(
      'tolerance',
    );
    // One of two tolerated, the other not pursued: not a tolerance exemption of the fault.
    expect(
      faultOutcome(
        fault({ decisionKind: 'not_pursue', persons: [person('O-1', true, true), person('O-2')] }),
      ),
    ).toBe('open');
    expect(faultOutcome(fault())).toBe('open');
  });

  it('for an officer: their own part in the case', () => {
    const f = fault({ decisionKind: 'pursue', persons: [person('O-1'), person('O-2', true, true)] });
    expect(faultOutcome(f, 'O-1')).toBe('pursued');
    expect(faultOutcome(f, 'O-2')).toBe('tolerance');
    expect(faultOfficers(f)).toEqual(['O-1', 'O-2']);
    // Before a case: the finding's officer; a case that found nobody liable: nobody.
    expect(faultOfficers(fault())).toEqual(['O-1']);
    expect(faultOfficers(fault({ decisionKind: 'not_pursue', persons: [person('O-1', false)] }))).toEqual([]);
    // 免予追究: the persons the decision exempts.
    const exempt = fault({ decisionKind: 'exempt', persons: [person('O-3', false)] });
    expect(faultOfficers(exempt)).toEqual(['O-3']);
    expect(faultOutcome(exempt, 'O-3')).toBe('statutory');
  });
});

describe('caseOnTime', () => {
  const cal = defaultCalendar();
  const procedure = {
    ...selectPack('guizhou-a-city', '2026-06-01').params.procedure,
    acceptComplaint: { days: 5, unit: 'working_day' as const },
    investigation: { days: 30, unit: 'calendar_day' as const },
    extension: { days: 30, unit: 'calendar_day' as const },
  };
  const base = {
    caseId: 'C',
    agencyId: 'A',
    officerIds: [],
    registeredOn: '2026-03-02',
    acceptedOn: '2026-03-06',
    investigationStartedOn: '2026-03-09',
    findingsOn: '2026-04-08',
    extensionDays: [] as number[],
    procedure,
  };
  it('accepted in time and findings within the investigation period (extensions included)', () => {
    expect(caseOnTime(base, cal)).toBe(true);
    expect(caseOnTime({ ...base, acceptedOn: '2026-03-10' }, cal)).toBe(false);
    expect(caseOnTime({ ...base, findingsOn: '2026-04-09' }, cal)).toBe(false);
    expect(caseOnTime({ ...base, findingsOn: '2026-05-01', extensionDays: [30] }, cal)).toBe(true);
  });
});

const rowArb = fc.record({
  agencyId: fc.constantFrom('A', 'B'),
  actId: fc.option(fc.constantFrom('X-1', 'X-2', 'X-3'), { nil: null }),
  officerId: fc.option(fc.constantFrom('O-1', 'O-2', 'O-3'), { nil: null }),
  caseId: fc.option(fc.constantFrom('C-1', 'C-2'), { nil: null }),
  decisionKind: fc.option(
    fc.constantFrom('pursue', 'not_pursue', 'exempt', 'refer') as fc.Arbitrary<
      FaultRow['decisionKind'] & string
    >,
    { nil: null },
  ),
  persons: fc.uniqueArray(
    fc.record({
      officerId: fc.constantFrom('O-1', 'O-2', 'O-3'),
      liable: fc.boolean(),
      toleranceExempt: fc.boolean(),
    }),
    { selector: (p) => p.officerId, maxLength: 3 },
  ),
});

describe('yearInputs (property)', () => {
  it('gives figures the assessment accepts, each fault counted once for its agency', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.integer({ min: 0, max: 200 }), (faults, acts) => {
        const inputs = yearInputs({
          agencies: [
            { id: 'A', name: '甲局' },
            { id: 'B', name: '乙局' },
          ],
          officers: ['O-1', 'O-2', 'O-3'].map((id) => ({ id, name: id, agencyId: 'A' })),
          actsByAgency: new Map([
            ['A', acts],
            ['B', acts],
          ]),
          actsByOfficer: new Map([['O-1', acts]]),
          faults,
          decided: [],
          sanctioned: new Set(),
          complaints: [],
          reviews: [],
          disclosure: null,
          history: new Map(),
        });
        const year = assessYear(A_CITY_ASSESSMENT, 2026, inputs);
        const agencies = year.results.filter((r) => r.subject.kind === 'agency');
        expect(agencies.reduce((s, r) => s + (r.pursued?.found ?? 0), 0)).toBe(faults.length);
        for (const r of year.results) {
          if (r.total !== null) expect(r.total).toBeGreaterThanOrEqual(0);
          if (r.pursued) expect(r.pursued.unpursued).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe('external evaluation in the assessment', () => {
  it("scores an agency by its answers' mean; officers and agencies without answers have no such point", () => {
    const inputs = yearInputs({
      agencies: [
        { id: 'A', name: '甲局' },
        { id: 'B', name: '乙局' },
      ],
      officers: [{ id: 'O-1', name: 'O-1', agencyId: 'A' }],
      actsByAgency: new Map([['A', 10]]),
      actsByOfficer: new Map([['O-1', 10]]),
      faults: [],
      decided: [],
      sanctioned: new Set(),
      complaints: [],
      reviews: [],
      disclosure: null,
      evaluations: [
        { answerId: 'e1', agencyId: 'A', mean: 4 },
        { answerId: 'e2', agencyId: 'A', mean: 5 },
      ],
      history: new Map(),
    });
    const byId = new Map(inputs.map((i) => [i.subject.id, i.metrics]));
    expect(byId.get('A')?.evaluations).toEqual({ responses: 2, meanScore: 4.5, refs: {} });
    expect(byId.get('B')?.evaluations).toBeNull();
    expect(byId.get('O-1')?.evaluations).toBeNull();
    const year = assessYear(A_CITY_ASSESSMENT, 2026, inputs);
    const a = year.results.find((r) => r.subject.id === 'A');
    const point = a?.points.find((p) => p.indicator === 'evaluation_score');
    expect(point).toMatchObject({ applicable: true, value: 4.5 });
    expect(point?.explanation).toContain('外部评议 2 份，平均 4.5 分');
    // 4.5 of 1–5 is 87.5 % of the indicator's points.
    expect(point!.points).toBeCloseTo(point!.max * 0.875, 1);
  });
});

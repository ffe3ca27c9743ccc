import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation.js';
import { assessToleranceRequest, type ToleranceFacts } from './assess.js';
import { toleranceRequest } from './fixtures.js';
import {
  CORRECTION_STATES,
  MISCONDUCT_KINDS,
  MISTAKE_CAUSES,
  TOLERANCE_CONDITIONS,
  TOLERANCE_EXCLUSIONS,
  type ToleranceCondition,
  type ToleranceExclusion,
} from './policy.js';

const request = toleranceRequest;

const assess = (facts: Partial<ToleranceFacts> = {}, codes?: string[]) =>
  assessToleranceRequest(request(facts, codes));

const unmet = (a: ReturnType<typeof assess>) => a.conditions.filter((c) => !c.met).map((c) => c.id);
const excluded = (a: ReturnType<typeof assess>) => a.exclusions.map((e) => e.id);

function fieldsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields.map((x) => x.path);
    throw e;
  }
  throw new Error('no ValidationError');
}

describe('tolerance assessment (A市 policy)', () => {
  it('exempts when every condition holds and nothing on the negative list applies', () => {
    const a = assess();
    expect(a.outcome).toBe('exempt');
    expect(a.eligible).toBe(true);
    expect(a.outcomeCite).toContain('第七条');
    expect(unmet(a)).toEqual([]);
    expect(a.exclusions).toEqual([]);
    expect(a.conditions.map((c) => c.id)).toEqual([...TOLERANCE_CONDITIONS]);
    expect(a.explanation.at(-1)).toContain('免责');
    expect(a.pack.key).toBe('guizhou@1.0>guizhou-a-city@2.0');
  });

  // Each condition on both sides: the clean facts meet it; the changed facts fail it, and only it.
  const failing: Record<ToleranceCondition, Partial<ToleranceFacts>> = {
    within_duty: { withinDuty: false },
    procedure_followed: { procedureFollowed: false },
    no_private_gain: { privateGain: true },
    excusable_cause: { cause: 'other' },
    corrected: { corrected: 'no' },
  };
  for (const id of TOLERANCE_CONDITIONS) {
    it(`condition ${id}: met on the clean facts, unmet and rejected when it fails`, () => {
      expect(assess().conditions.find((c) => c.id === id)?.met).toBe(true);
      const a = assess(failing[id]);
      expect(unmet(a)).toEqual([id]);
      expect(a.outcome).toBe('reject');
      expect(a.eligible).toBe(false);
      const c = a.conditions.find((x) => x.id === id)!;
      expect(c.cite).toMatch(/^《A市行政执法容错纠错实施办法（示例）》第四条第（[一二三四五]）项$/);
      expect(a.explanation.join('')).toContain(`不符合${c.cite}`);
    });
  }

  const triggering: Record<ToleranceExclusion, Partial<ToleranceFacts>> = {
    private_gain: { privateGain: true },
    knowing_violation: { knowingViolation: true },
    expressly_prohibited: { expresslyProhibited: true },
    misconduct: { misconduct: 'abuse' },
    falsified: { falsified: true },
    obstructed: { obstructed: true },
    crime_suspected: { crimeSuspected: true },
    tolerated_before: { priorTolerance: [{ date: '2026-03-01', fault: 'licensing.07' }] },
  };
  for (const id of TOLERANCE_EXCLUSIONS) {
    it(`exclusion ${id}: absent on the clean facts, rejects when present`, () => {
      expect(excluded(assess())).toEqual([]);
      const a = assess(triggering[id]);
      expect(excluded(a)).toEqual([id]);
      expect(a.outcome).toBe('reject');
      expect(a.exclusions[0]!.cite).toContain('第六条');
    });
  }

  it('lists every unmet condition and every exclusion, not only the first', () => {
    const a = assess({
      withinDuty: false,
      procedureFollowed: false,
      privateGain: true,
      knowingViolation: true,
      misconduct: 'favouritism',
      corrected: 'no',
    });
    expect(unmet(a)).toEqual(['within_duty', 'procedure_followed', 'no_private_gain', 'corrected']);
    expect(excluded(a)).toEqual(['private_gain', 'knowing_violation', 'misconduct']);
    expect(a.exclusions.find((e) => e.id === 'misconduct')?.reason).toContain('徇私舞弊');
  });

  it('mitigates a late correction when nothing else is wrong; rejects a late correction with another gap', () => {
    const late = assess({ corrected: 'late' });
    expect(late.outcome).toBe('mitigate');
    expect(late.eligible).toBe(true);
    expect(late.outcomeCite).toContain('第八条');
    expect(late.conditions.find((c) => c.id === 'corrected')).toMatchObject({ met: false, partial: true });
    expect(assess({ corrected: 'late', withinDuty: false }).outcome).toBe('reject');
    expect(assess({ corrected: 'late', obstructed: true }).outcome).toBe('reject');
  });

  it('an accepted pre-registration shows the cause of an exploratory measure', () => {
    expect(assess({ cause: 'other' }).outcome).toBe('reject');
    const a = assess({ cause: 'other', preRegistered: 'BA-2026-0003' });
    expect(a.outcome).toBe('exempt');
    expect(a.conditions.find((c) => c.id === 'excusable_cause')?.reason).toContain('BA-2026-0003');
    expect(a.distinction).toMatchObject({ pair: 'exploration', side: 'tolerable' });
  });

  it('counts a prior tolerance of the same item within one year before the fault, by the calendar', () => {
    // The year ending on 2026-10-08 starts on 2025-10-09.
    expect(excluded(assess({ priorTolerance: [{ date: '2025-10-09', fault: 'licensing.07' }] }))).toEqual([
      'tolerated_before',
    ]);
    expect(excluded(assess({ priorTolerance: [{ date: '2025-10-08', fault: 'licensing.07' }] }))).toEqual([]);
    // Another item of the same category is not "the same kind" under sameKindBy 'item'.
    expect(excluded(assess({ priorTolerance: [{ date: '2026-05-01', fault: 'licensing.01' }] }))).toEqual([]);
    // A tolerance after the fault occurred did not come before it.
    expect(excluded(assess({ priorTolerance: [{ date: '2026-11-01', fault: 'licensing.07' }] }))).toEqual([]);
  });

  it('records which of the three distinctions the facts show', () => {
    expect(assess({ knowingViolation: true }).distinction).toMatchObject({
      pair: 'experience',
      side: 'culpable',
      label: '明知故犯',
    });
    expect(assess({ expresslyProhibited: true }).distinction).toMatchObject({
      pair: 'exploration',
      side: 'culpable',
    });
    expect(assess({ privateGain: true }).distinction).toMatchObject({
      pair: 'development',
      side: 'culpable',
    });
    expect(assess({ cause: 'objective' }).distinction).toMatchObject({
      pair: 'development',
      side: 'tolerable',
      label: '为推动发展的无意过失',
    });
    expect(assess({ cause: 'other' }).distinction.label).toBe('因缺乏经验、先行先试出现的失误');
  });

  it('names the field on bad input', () => {
    expect(fieldsOf(() => assessToleranceRequest({}))).toEqual(['appliedOn', 'fault', 'facts']);
    expect(
      fieldsOf(() =>
        assessToleranceRequest({
          ...request(),
          fault: { occurredOn: '2026-10-08', codes: ['licensing.99'] },
        }),
      ),
    ).toEqual(['fault.codes[0]']);
    expect(fieldsOf(() => assessToleranceRequest(request({ misconduct: 'bribery' as 'none' })))).toEqual([
      'facts.misconduct',
    ]);
    expect(
      fieldsOf(() =>
        assessToleranceRequest({
          ...request(),
          fault: { occurredOn: '2026-12-01', codes: ['licensing.07'] },
        }),
      ),
    ).toEqual(['fault.occurredOn']);
  });

  it('refuses a pack without a tolerance policy (the province) or a date before the city has one', () => {
    expect(fieldsOf(() => assessToleranceRequest({ ...request(), pack: 'guizhou' }))).toEqual(['pack']);
    // A市 1.0 (2024-07-01 to 2025-12-31) has no tolerance policy yet.
    expect(
      fieldsOf(() =>
        assessToleranceRequest({
          ...request(),
          appliedOn: '2025-06-01',
          fault: { occurredOn: '2025-05-01', codes: ['licensing.07'] },
        }),
      ),
    ).toEqual(['pack']);
  });

  it('property: the outcome follows from the lists — reject iff an exclusion or an unmet condition that is not a mitigable late correction', () => {
    const facts = fc.record({
      withinDuty: fc.boolean(),
      procedureFollowed: fc.boolean(),
      privateGain: fc.boolean(),
      knowingViolation: fc.boolean(),
      expresslyProhibited: fc.boolean(),
      misconduct: fc.constantFrom(...MISCONDUCT_KINDS),
      falsified: fc.boolean(),
      obstructed: fc.boolean(),
      crimeSuspected: fc.boolean(),
      cause: fc.constantFrom(...MISTAKE_CAUSES),
      corrected: fc.constantFrom(...CORRECTION_STATES),
      preRegistered: fc.option(fc.constant('BA-1'), { nil: null }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const a = assess(f);
        const u = unmet(a);
        const expected =
          a.exclusions.length > 0
            ? 'reject'
            : u.length === 0
              ? 'exempt'
              : u.length === 1 && u[0] === 'corrected' && f.corrected === 'late'
                ? 'mitigate'
                : 'reject';
        expect(a.outcome).toBe(expected);
        expect(a.eligible).toBe(a.outcome !== 'reject');
        // Every unmet condition and every exclusion is in the explanation.
        const text = a.explanation.join('\n');
        for (const c of a.conditions) if (!c.met) expect(text).toContain(c.cite);
        for (const e of a.exclusions) expect(text).toContain(e.cite);
        // A culpable distinction never goes with tolerance.
        if (a.distinction.side === 'culpable') expect(a.outcome).toBe('reject');
      }),
    );
  });
});

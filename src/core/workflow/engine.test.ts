import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import {
  availableActions,
  CASE_ACTIONS,
  CASE_PROCEDURE,
  CASE_STATES,
  type CaseAction,
  type CaseActor,
  type CaseSnapshot,
  caseActionAvailability,
  type GuardContext,
} from './case.js';
import {
  actionAvailability,
  auditDetail,
  checkAction,
  defineProcedure,
  issuedDocuments,
  problem,
} from './engine.js';

// A toy procedure: a request is filed, then granted by a reviewer (who must have read it) or withdrawn.
type State = 'filed' | 'granted' | 'withdrawn';
interface Snap {
  state: State;
  read: boolean;
}
const toy = defineProcedure<
  State,
  Snap,
  { grant: { note: string }; withdraw: Record<string, never> },
  'reviewer' | 'applicant',
  { today: string },
  'grant_letter'
>({
  name: 'request',
  noun: '申请',
  states: ['filed', 'granted', 'withdrawn'],
  stateLabels: { filed: '已提交', granted: '已批准', withdrawn: '已撤回' },
  actions: {
    grant: {
      from: ['filed'],
      to: 'granted',
      by: ['reviewer'],
      label: '批准',
      pre: [(s) => (s.read ? [] : problem('read', '尚未阅卷'))],
      guards: [(_s, i) => (i.note.trim() ? [] : problem('note', '须填写意见'))],
      issues: ['grant_letter'],
      audit: (i) => ({ note: i.note.slice(0, 10) }),
    },
    withdraw: { from: ['filed'], to: 'withdrawn', by: ['applicant'], label: '撤回', guards: [] },
  },
});

describe('the procedure engine', () => {
  it('refuses a declaration naming an unknown state or an action nobody may take', () => {
    expect(() =>
      defineProcedure({
        name: 'x',
        noun: '事项',
        states: ['a'],
        stateLabels: { a: 'A' },
        actions: { go: { from: ['b' as 'a'], to: 'a', by: ['x'], label: '走', guards: [] } },
      }),
    ).toThrow(/unknown state b/);
    expect(() =>
      defineProcedure({
        name: 'x',
        noun: '事项',
        states: ['a'],
        stateLabels: { a: 'A' },
        actions: { go: { from: ['a'], to: 'a', by: [], label: '走', guards: [] } },
      }),
    ).toThrow(/nobody/);
  });

  it('checks state, then actor, then preconditions and guards together', () => {
    const ctx = { today: '2026-12-07' };
    const granted = checkAction(
      toy,
      { state: 'granted', read: true },
      'grant',
      { note: 'ok' },
      ['reviewer'],
      ctx,
    );
    expect(granted).toMatchObject({ ok: false, blocked: 'state', next: 'granted' });
    expect(granted.problems[0].message).toBe('申请处于“已批准”，不能批准');
    const applicant = checkAction(
      toy,
      { state: 'filed', read: true },
      'grant',
      { note: 'ok' },
      ['applicant'],
      ctx,
    );
    expect(applicant).toMatchObject({
      ok: false,
      blocked: 'actor',
      problems: [{ path: 'actor', message: '无权批准' }],
    });
    const both = checkAction(toy, { state: 'filed', read: false }, 'grant', { note: ' ' }, ['reviewer'], ctx);
    expect(both).toMatchObject({ ok: false, blocked: 'precondition' });
    expect(both.problems.map((p) => p.path)).toEqual(['read', 'note']);
    const ok = checkAction(toy, { state: 'filed', read: true }, 'grant', { note: '同意' }, ['reviewer'], ctx);
    expect(ok).toEqual({ ok: true, blocked: null, problems: [], next: 'granted' });
  });

  it('lists the actions an actor may ever take, each open or not with the reason', () => {
    const ctx = { today: '2026-12-07' };
    expect(actionAvailability(toy, { state: 'filed', read: false }, ['reviewer'], ctx)).toEqual([
      {
        action: 'grant',
        label: '批准',
        available: false,
        blocked: 'precondition',
        reasons: [{ path: 'read', message: '尚未阅卷' }],
      },
    ]);
    expect(actionAvailability(toy, { state: 'granted', read: true }, ['applicant'], ctx)).toEqual([
      {
        action: 'withdraw',
        label: '撤回',
        available: false,
        blocked: 'state',
        reasons: [{ path: 'state', message: '申请处于“已批准”，不能撤回' }],
      },
    ]);
    expect(actionAvailability(toy, { state: 'filed', read: true }, [], ctx)).toEqual([]);
  });

  it('says what a step issues and what its audit entry records', () => {
    expect(issuedDocuments(toy, 'grant', { state: 'filed', read: true }, { note: 'x' })).toEqual([
      'grant_letter',
    ]);
    expect(issuedDocuments(toy, 'withdraw', { state: 'filed', read: true }, {})).toEqual([]);
    expect(
      auditDetail(toy, 'grant', { version: 3, note: '同意批准这一申请，理由如下' }, 'filed', 'granted'),
    ).toEqual({
      note: '同意批准这一申请，理',
      from: 'filed',
      to: 'granted',
    });
    expect(auditDetail(toy, 'withdraw', { version: 3 }, 'filed', 'withdrawn')).toEqual({
      from: 'filed',
      to: 'withdrawn',
    });
  });
});

describe('the accountability case on the engine', () => {
  const ctx: GuardContext = {
    today: '2026-03-03',
    calendar: defaultCalendar(),
    procedure: {
      acceptComplaint: { days: 15, unit: 'working_day' },
      minInvestigators: 2,
      investigation: { days: 30, unit: 'working_day' },
      extension: { days: 15, unit: 'working_day' },
      maxExtensions: 1,
      hearDefenceBeforeDecision: true,
      appealWithin: { days: 30, unit: 'working_day' },
      decisionStandsDuringAppeal: true,
      collectiveDiscussionFrom: 'off_post_training',
      statementWithin: { days: 5, unit: 'working_day' },
    },
    actorUserId: 'u1',
    actorOfficerId: 'O-1',
  };
  const snapshot = fc.record({
    state: fc.constantFrom(...CASE_STATES),
    investigators: fc.array(fc.record({ userId: fc.constantFrom('u1', 'u2', 'u3'), recused: fc.boolean() }), {
      maxLength: 3,
    }),
    findingsRecorded: fc.boolean(),
    persons: fc.array(
      fc.record({
        id: fc.constantFrom('O-1', 'O-2'),
        liable: fc.boolean(),
        statement: fc.constantFrom(null, { on: '2026-03-01' }),
        waived: fc.boolean(),
        hearingRequested: fc.boolean(),
        hearingHeld: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    proposal: fc.constantFrom(
      null,
      { kind: 'pursue' as const, sanctions: [{ personId: 'O-1', form: 'written_self_criticism' as const }] },
      { kind: 'pursue' as const, sanctions: [{ personId: 'O-1', form: 'off_post_training' as const }] },
    ),
    decision: fc.constantFrom(
      null,
      { kind: 'pursue' as const, on: '2026-02-01' },
      { kind: 'exempt' as const, on: '2026-02-01' },
    ),
    servedOn: fc.constantFrom(null, '2026-02-02', '2025-01-01'),
    appeal: fc.constantFrom(null, {
      filedOn: '2026-02-10',
      by: 'O-1',
      result: null,
      reviewedOn: null,
      dueOn: '2026-04-11',
    }),
    agencyAppealOpen: fc.boolean(),
    statementNoticeOn: fc.constantFrom(null, '2026-02-20', '2026-03-02'),
  });
  const kinds = fc.subarray<CaseActor>(['supervisor', 'investigator', 'subject']);

  it('offers exactly the actions whose availability is open, and gives a reason for every other', () => {
    fc.assert(
      fc.property(snapshot, kinds, (partial, k) => {
        const s: CaseSnapshot = {
          registeredOn: '2026-01-05',
          acceptedOn: null,
          investigationStartedOn: null,
          extensions: [],
          ...partial,
        };
        const availability = caseActionAvailability(s, k, ctx);
        expect(availability.filter((a) => a.available).map((a) => a.action)).toEqual(
          availableActions(s, k, ctx),
        );
        for (const a of availability) {
          expect(a.available).toBe(a.reasons.length === 0);
          expect(CASE_ACTIONS[a.action].by.some((b) => k.includes(b))).toBe(true);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('issues a referral letter with a decision that refers someone, and only then', () => {
    const base = {
      state: 'statement' as const,
      registeredOn: '2026-01-05',
      proposal: null,
      acceptedOn: null,
      investigators: [],
      investigationStartedOn: null,
      extensions: [],
      findingsRecorded: true,
      statementNoticeOn: null,
      decision: null,
      servedOn: null,
      appeal: null,
      agencyAppealOpen: false,
    };
    const p = {
      id: 'O-1',
      liable: true,
      statement: null,
      waived: false,
      hearingRequested: false,
      hearingHeld: false,
    };
    // The decision approves the investigators' proposal: its kind is the proposal's.
    const decide = (persons: CaseSnapshot['persons'], kind: 'pursue' | 'refer') =>
      issuedDocuments(
        CASE_PROCEDURE,
        'decide' satisfies CaseAction,
        { ...base, state: 'proposed', persons, proposal: { kind, sanctions: [] } },
        { opinion: '同意' },
      );
    expect(decide([p], 'pursue')).toEqual(['decision']);
    expect(decide([p], 'refer')).toEqual(['decision', 'referral_letter']);
    expect(decide([{ ...p, suspected: true }], 'pursue')).toEqual(['decision', 'referral_letter']);
    expect(decide([{ ...p, liable: false, suspected: true }], 'pursue')).toEqual(['decision']);
  });
});

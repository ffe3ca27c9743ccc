import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import type { Determination } from '../determine/types.js';
import { type Actor, ROLES } from '../policies/actor.js';
import { type AppealRef, appealActorKinds, canReadAppeal } from '../policies/appeal.js';
import { GUIZHOU_PARAMS } from '../rulebook/packs/guizhou.js';
import type { AgencyMeasure } from '../rulebook/types.js';
import {
  APPEAL_PROCEDURE,
  APPEAL_STAGES,
  APPEAL_STATES,
  type AppealActor,
  type AppealContext,
  type AppealSnapshot,
  agencyMeasuresOf,
  appealDeadline,
  appealDecisionDue,
  appealEligible,
  filedLate,
} from './appeal.js';
import { actionAvailability, checkAction, issuedDocuments } from './engine.js';

const calendar = defaultCalendar();
const relief = GUIZHOU_PARAMS.relief;
const ctx = (over: Partial<AppealContext> = {}): AppealContext => ({
  today: '2026-03-02',
  calendar,
  relief,
  appealWithin: { days: 30, unit: 'working_day' },
  actorDecided: false,
  actorMemberId: 'A',
  ...over,
});
const MEMBERS = ['A', 'B', 'C', 'D', 'E'];
const snap = (over: Partial<AppealSnapshot> = {}): AppealSnapshot => ({
  state: 'filed',
  stage: 'appeal',
  reviewDecidedOn: null,
  filedOn: '2026-02-10',
  servedOn: '2026-02-02',
  acceptedOn: null,
  originalForm: 'circulated_criticism',
  originalMeasures: null,
  panelSize: 5,
  panel: null,
  sessions: [],
  votes: [],
  extensions: 0,
  ...over,
});
const voting = (over: Partial<AppealSnapshot> = {}) =>
  snap({
    state: 'voting',
    acceptedOn: '2026-02-11',
    panel: { members: MEMBERS, chair: 'A' },
    sessions: [
      { id: 's1', on: '2026-02-20', evidence: true, attendees: ['A', 'B', 'C', 'D'], recorded: true },
    ],
    ...over,
  });

/** A well-formed input for every action (as the API's schemas would hand it over). */
const INPUTS: Record<string, unknown> = {
  accept: { opinion: '受理' },
  reject: { reason: '不予受理' },
  draw: {},
  declare_conflict: { reason: '近亲属关系' },
  schedule_hearing: { on: '2026-03-20', place: '会议室', evidence: true },
  record_session: { sessionId: 'nope', attendees: [], appellantHeard: true, note: '记录' },
  open_vote: {},
  vote: { outcome: 'upheld', form: null, reasons: '维持原决定' },
  extend: { reason: '案情复杂' },
  withdraw: { reason: '撤回' },
  decide_review: { outcome: 'upheld', form: null, reasons: '维持原决定' },
};

describe('the appeal procedure', () => {
  it('filed in time is accepted with the document; filed late can only be rejected', () => {
    const ok = checkAction(APPEAL_PROCEDURE, snap(), 'accept', { opinion: '受理' }, ['office'], ctx());
    expect(ok).toMatchObject({ ok: true, next: 'accepted' });
    expect(issuedDocuments(APPEAL_PROCEDURE, 'accept', snap(), { opinion: '受理' })).toEqual([
      'appeal_acceptance',
    ]);
    // Served Mon 2026-02-02: the 30th working day after it (Spring Festival 02-15..02-23 off) is in March.
    const late = snap({ filedOn: '2026-04-30' });
    expect(filedLate(late, ctx())).toBe(true);
    expect(filedLate(snap(), ctx())).toBe(false);
    const refused = checkAction(APPEAL_PROCEDURE, late, 'accept', { opinion: '受理' }, ['office'], ctx());
    expect(refused.problems.map((p) => p.path)).toEqual(['filedOn']);
    expect(
      checkAction(APPEAL_PROCEDURE, late, 'reject', { reason: '超过申诉期限' }, ['office'], ctx()).ok,
    ).toBe(true);
  });

  it('no one who took part in the decision handles the appeal', () => {
    const r = checkAction(
      APPEAL_PROCEDURE,
      snap(),
      'accept',
      { opinion: '受理' },
      ['office'],
      ctx({ actorDecided: true }),
    );
    expect(r.problems.map((p) => p.path)).toEqual(['actor']);
  });

  it('the decision is due 60 days after acceptance, 30 more once extended, and no more than once', () => {
    const s = snap({ state: 'accepted', acceptedOn: '2026-03-02' });
    expect(appealDecisionDue(s, ctx())).toBe('2026-05-01');
    expect(appealDecisionDue({ ...s, extensions: 1 }, ctx())).toBe('2026-05-31');
    const twice = checkAction(
      APPEAL_PROCEDURE,
      { ...s, extensions: 1 },
      'extend',
      { reason: '案情复杂' },
      ['office'],
      ctx(),
    );
    expect(twice.problems.map((p) => p.path)).toEqual(['extensions']);
  });

  it('a hearing is noticed in time; the vote needs recorded hearings and a quorum', () => {
    const panel = voting({ state: 'panel', sessions: [] });
    const soon = checkAction(
      APPEAL_PROCEDURE,
      panel,
      'schedule_hearing',
      { on: '2026-03-03', place: '会议室', evidence: true },
      ['office'],
      ctx(),
    );
    expect(soon.problems.map((p) => p.path)).toEqual(['on']);
    expect(
      checkAction(
        APPEAL_PROCEDURE,
        panel,
        'schedule_hearing',
        { on: '2026-03-09', place: '会议室', evidence: true },
        ['office'],
        ctx(),
      ).ok,
    ).toBe(true);
    expect(
      checkAction(APPEAL_PROCEDURE, panel, 'open_vote', {}, ['chair'], ctx()).problems.map((p) => p.path),
    ).toEqual(['sessions']);
    const twoPresent = voting({
      state: 'panel',
      sessions: [{ id: 's1', on: '2026-02-20', evidence: true, attendees: ['A', 'B'], recorded: true }],
    });
    expect(
      checkAction(APPEAL_PROCEDURE, twoPresent, 'open_vote', {}, ['chair'], ctx()).problems.map(
        (p) => p.path,
      ),
    ).toEqual(['quorum']);
    expect(
      checkAction(APPEAL_PROCEDURE, voting({ state: 'panel' }), 'open_vote', {}, ['chair'], ctx()).ok,
    ).toBe(true);
  });

  it('only eligible members vote, once; the last vote decides and issues the decision (and restoration)', () => {
    const s = voting();
    expect(appealEligible(s)).toEqual(['A', 'B', 'C', 'D']);
    const absent = checkAction(
      APPEAL_PROCEDURE,
      s,
      'vote',
      { outcome: 'upheld', form: null, reasons: '维持原决定' },
      ['member'],
      ctx({ actorMemberId: 'E' }),
    );
    expect(absent.problems.map((p) => p.path)).toEqual(['actor']);
    const vote = (memberId: string, outcome: 'upheld' | 'revoked') => ({
      memberId,
      outcome,
      form: null,
      reasons: '理由充分',
    });
    const three = voting({ votes: [vote('A', 'revoked'), vote('B', 'revoked'), vote('C', 'upheld')] });
    const again = checkAction(
      APPEAL_PROCEDURE,
      three,
      'vote',
      { outcome: 'upheld', form: null, reasons: '维持原决定' },
      ['member'],
      ctx({ actorMemberId: 'A' }),
    );
    expect(again.problems.map((p) => p.path)).toEqual(['actor']);
    const last = checkAction(
      APPEAL_PROCEDURE,
      three,
      'vote',
      { outcome: 'revoked', form: null, reasons: '应予撤销' },
      ['member'],
      ctx({ actorMemberId: 'D' }),
    );
    expect(last).toMatchObject({ ok: true, next: 'decided' });
    expect(
      issuedDocuments(APPEAL_PROCEDURE, 'vote', three, {
        outcome: 'revoked',
        form: null,
        reasons: '应予撤销',
      }),
    ).toEqual(['appeal_decision', 'restoration']);
    const notLast = checkAction(
      APPEAL_PROCEDURE,
      voting(),
      'vote',
      { outcome: 'upheld', form: null, reasons: '维持原决定' },
      ['member'],
      ctx(),
    );
    expect(notLast).toMatchObject({ ok: true, next: 'voting' });
    const heavier = checkAction(
      APPEAL_PROCEDURE,
      voting(),
      'vote',
      { outcome: 'changed', form: 'disqualification', reasons: '从重处理' },
      ['member'],
      ctx(),
    );
    expect(heavier.problems.map((p) => p.path)).toEqual(['form']);
  });

  it('offers exactly the actions checkAction allows, for every state and actor kind (no input needed)', () => {
    const kinds = fc.subarray<AppealActor>(['office', 'member', 'chair', 'appellant']);
    fc.assert(
      fc.property(
        fc.constantFrom(...APPEAL_STATES),
        fc.constantFrom(...APPEAL_STAGES),
        kinds,
        fc.boolean(),
        (state, stage, k, decided) => {
          const s = voting({ state, stage });
          const c = ctx({ actorDecided: decided });
          for (const a of actionAvailability(APPEAL_PROCEDURE, s, k, c)) {
            const check = checkAction(APPEAL_PROCEDURE, s, a.action, INPUTS[a.action], k, c);
            expect(check.blocked).toBe(a.blocked);
            expect(a.available).toBe(a.reasons.length === 0);
          }
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });
});

describe('复核 by the office that decided', () => {
  const review = (over: Partial<AppealSnapshot> = {}) => snap({ stage: 'review', ...over });

  it('is requested within 30 days of service and decided within 30 days, without extension', () => {
    // Served 2026-02-02: 30 calendar days run to 03-04.
    expect(appealDeadline(review(), ctx())).toBe('2026-03-04');
    expect(filedLate(review({ filedOn: '2026-03-04' }), ctx())).toBe(false);
    expect(filedLate(review({ filedOn: '2026-03-05' }), ctx())).toBe(true);
    const late = checkAction(
      APPEAL_PROCEDURE,
      review({ filedOn: '2026-03-05' }),
      'accept',
      { opinion: '受理' },
      ['office'],
      ctx(),
    );
    expect(late.problems[0]?.message).toContain('复核申请');
    const accepted = review({ state: 'accepted', acceptedOn: '2026-03-02' });
    expect(appealDecisionDue(accepted, ctx())).toBe('2026-04-01');
    const extend = checkAction(
      APPEAL_PROCEDURE,
      accepted,
      'extend',
      { reason: '案情复杂' },
      ['office'],
      ctx(),
    );
    expect(extend.problems.map((p) => p.path)).toEqual(['stage']);
  });

  it('the office decides it, never heavier, with the 复核决定书 (and restoration when changed)', () => {
    const accepted = review({ state: 'accepted', acceptedOn: '2026-02-11' });
    const draw = checkAction(APPEAL_PROCEDURE, accepted, 'draw', {}, ['office'], ctx());
    expect(draw.problems.map((p) => p.path)).toEqual(['stage']);
    const heavier = { outcome: 'changed', form: 'removal_from_post', reasons: '应当加重' } as const;
    expect(
      checkAction(APPEAL_PROCEDURE, accepted, 'decide_review', heavier, ['office'], ctx()).problems.map(
        (p) => p.path,
      ),
    ).toEqual(['form']);
    const lighter = { outcome: 'changed', form: 'admonition_talk', reasons: '情节较轻' } as const;
    expect(
      checkAction(APPEAL_PROCEDURE, accepted, 'decide_review', lighter, ['office'], ctx()),
    ).toMatchObject({ ok: true, next: 'decided' });
    expect(issuedDocuments(APPEAL_PROCEDURE, 'decide_review', accepted, lighter)).toEqual([
      'review_decision',
      'restoration',
    ]);
    expect(
      checkAction(
        APPEAL_PROCEDURE,
        accepted,
        'decide_review',
        lighter,
        ['office'],
        ctx({ actorDecided: true }),
      ).problems.map((p) => p.path),
    ).toEqual(['actor']);
    // The panel's stage has no 复核 decision.
    const appeal = snap({ state: 'accepted', acceptedOn: '2026-02-11' });
    expect(
      checkAction(APPEAL_PROCEDURE, appeal, 'decide_review', lighter, ['office'], ctx()).problems.map(
        (p) => p.path,
      ),
    ).toEqual(['stage']);
  });

  it('an appeal after a 复核 runs 15 days from its decision, not from service', () => {
    const after = snap({ reviewDecidedOn: '2026-03-20', filedOn: '2026-04-04' });
    expect(appealDeadline(after, ctx())).toBe('2026-04-04');
    expect(filedLate(after, ctx())).toBe(false);
    expect(filedLate({ ...after, filedOn: '2026-04-05' }, ctx())).toBe(true);
  });
});

describe('who acts on an appeal', () => {
  const ref: AppealRef = {
    regionCode: '529900',
    agencyId: '529900-SCJ',
    appellantKind: 'officer',
    officerId: 'O-1',
    panelUsers: ['u-m'],
    chairUser: 'u-c',
  };
  const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor =>
    ({
      id: `u-${role}`,
      username: role,
      role,
      regionCode: '529900',
      agencyId: null,
      officerId: null,
      ...over,
    }) as Actor;

  it('the region office, the seated members and chair, the officer concerned; the agency reads', () => {
    expect(appealActorKinds(actor('supervisor', { regionCode: '520000' }), ref)).toEqual(['office']);
    expect(appealActorKinds(actor('supervisor', { regionCode: '529921' }), ref)).toEqual([]);
    expect(appealActorKinds(actor('panel', { id: 'u-m' }), ref)).toEqual(['member']);
    expect(appealActorKinds(actor('panel', { id: 'u-c' }), { ...ref, panelUsers: ['u-c'] })).toEqual([
      'member',
      'chair',
    ]);
    expect(appealActorKinds(actor('panel', { id: 'u-x' }), ref)).toEqual([]);
    expect(appealActorKinds(actor('officer', { officerId: 'O-1' }), ref)).toEqual(['appellant']);
    expect(canReadAppeal(actor('agency_legal', { agencyId: '529900-SCJ' }), ref)).toBe(true);
    expect(canReadAppeal(actor('agency_legal', { agencyId: '529900-ZHJ' }), ref)).toBe(false);
    for (const role of ROLES.filter(
      (r) => !['supervisor', 'panel', 'officer', 'agency_legal', 'admin'].includes(r),
    ))
      expect(canReadAppeal(actor(role), ref)).toBe(false);
  });
});

describe("an agency's appeal against Art. 25 measures", () => {
  const det = {
    agencies: [
      { id: 'AG-1', liable: true, measures: ['circulated_criticism', 'rectify_within_limit'] },
      { id: 'AG-2', liable: false, measures: [] },
    ],
  } as unknown as Pick<Determination, 'agencies'>;

  it("the measures imposed are the determination's for the case's agency, lightest first", () => {
    expect(agencyMeasuresOf(det, 'AG-1')).toEqual(['rectify_within_limit', 'circulated_criticism']);
    expect(agencyMeasuresOf(det, 'AG-2')).toEqual([]);
    expect(agencyMeasuresOf(null, 'AG-1')).toEqual([]);
  });

  it('its legal office is the appellant; the officer of the case is not', () => {
    const ref: AppealRef = {
      regionCode: '529900',
      agencyId: 'AG-1',
      appellantKind: 'agency',
      officerId: null,
      panelUsers: [],
      chairUser: null,
    };
    const legal = {
      id: 'u-l',
      username: 'l',
      role: 'agency_legal',
      regionCode: '529900',
      agencyId: 'AG-1',
    } as Actor;
    expect(appealActorKinds(legal, ref)).toEqual(['appellant']);
    expect(appealActorKinds({ ...legal, agencyId: 'AG-2' } as Actor, ref)).toEqual([]);
    expect(appealActorKinds({ ...legal, role: 'officer', officerId: 'O-1' } as Actor, ref)).toEqual([]);
    expect(appealActorKinds(legal, { ...ref, appellantKind: 'officer', officerId: 'O-1' })).toEqual([]);
  });

  it('a change must name lighter measures, never heavier', () => {
    const s = voting({
      originalForm: null,
      originalMeasures: ['rectify_within_limit', 'circulated_criticism'],
    });
    const vote = (measures: AgencyMeasure[] | null, outcome: 'changed' | 'revoked' = 'changed') =>
      checkAction(
        APPEAL_PROCEDURE,
        s,
        'vote',
        { outcome, form: null, measures, reasons: '理由充分成立' },
        ['member'],
        ctx(),
      );
    expect(vote(['rectify_within_limit']).problems).toEqual([]);
    expect(vote(['award_disqualification']).problems.map((p) => p.path)).toEqual(['measures']);
    expect(vote(['circulated_criticism']).problems.map((p) => p.path)).toEqual(['measures']);
    expect(vote(null).problems.map((p) => p.path)).toEqual(['measures']);
    expect(vote(null, 'revoked').problems).toEqual([]);
  });
});

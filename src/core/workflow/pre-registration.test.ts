import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import type { Actor } from '../policies/actor.js';
import {
  canReadPreRegistration,
  canRegister,
  mayRegister,
  preRegistrationActorKinds,
  preRegistrationScope,
} from '../policies/pre-registration.js';
import { A_CITY_TOLERANCE } from '../rulebook/packs/a-city-tolerance.js';
import { auditDetail, checkAction, issuedDocuments } from './engine.js';
import {
  checkMeasure,
  type MeasureContent,
  PRE_REGISTRATION_ACTIONS,
  PRE_REGISTRATION_PROCEDURE,
  PRE_REGISTRATION_STATES,
  type PreRegistrationActor,
  type PreRegistrationSnapshot,
  parsePreRegistrationNumber,
  preRegistrationAvailability,
  preRegistrationNumber,
  reviewDeadline,
} from './pre-registration.js';

const cal = defaultCalendar();
const ctx = { today: '2026-03-03' };

const MEASURE: MeasureContent = {
  title: '轻微违法行为首次不罚清单外的包容审慎监管',
  measure: '对新业态经营者的首次轻微违法行为，以指导整改代替罚款。',
  reason: '新业态发展需要包容审慎监管。',
  legalGap: '上位法对新业态的首次轻微违法未作明确规定。',
  risks: '可能被认为放松监管。',
  safeguards: '整改期满复查，复查不合格依法处罚。',
  plannedFrom: '2026-03-10',
};

const inputs: Record<string, unknown> = {
  accept: { opinion: '同意受理' },
  return: { reasons: '风险防范措施不具体' },
  withdraw: {},
  resubmit: MEASURE,
};

describe('the pre-registration procedure', () => {
  it('is reviewed by the office: accepted with an opinion (issuing the decision) or returned with reasons', () => {
    const s: PreRegistrationSnapshot = { state: 'submitted', submittedOn: '2026-03-02' };
    expect(
      checkAction(PRE_REGISTRATION_PROCEDURE, s, 'accept', { opinion: '同意' }, ['office'], ctx),
    ).toEqual({
      ok: true,
      blocked: null,
      problems: [],
      next: 'accepted',
    });
    expect(
      checkAction(PRE_REGISTRATION_PROCEDURE, s, 'accept', { opinion: ' ' }, ['office'], ctx).problems,
    ).toEqual([{ path: 'opinion', message: '请写明初审意见（至少 2 字）' }]);
    expect(
      checkAction(PRE_REGISTRATION_PROCEDURE, s, 'return', { reasons: '不行' }, ['office'], ctx).problems,
    ).toEqual([{ path: 'reasons', message: '请写明退回理由（至少 4 字）' }]);
    expect(
      checkAction(PRE_REGISTRATION_PROCEDURE, s, 'accept', { opinion: '同意' }, ['registrant'], ctx),
    ).toMatchObject({ ok: false, blocked: 'actor' });
    expect(issuedDocuments(PRE_REGISTRATION_PROCEDURE, 'accept', s, { opinion: '同意' })).toEqual([
      'acceptance_decision',
    ]);
    expect(issuedDocuments(PRE_REGISTRATION_PROCEDURE, 'return', s, { reasons: '理由充分' })).toEqual([
      'return_notice',
    ]);
    expect(issuedDocuments(PRE_REGISTRATION_PROCEDURE, 'withdraw', s, {})).toEqual([]);
    expect(
      auditDetail(
        PRE_REGISTRATION_PROCEDURE,
        'accept',
        { version: 2, opinion: '同意' },
        'submitted',
        'accepted',
      ),
    ).toEqual({ opinion: '同意', from: 'submitted', to: 'accepted' });
  });

  it('lets the registrant withdraw before acceptance, and amend a returned registration', () => {
    const returned: PreRegistrationSnapshot = { state: 'returned', submittedOn: '2026-03-02' };
    expect(
      checkAction(PRE_REGISTRATION_PROCEDURE, returned, 'resubmit', MEASURE, ['registrant'], ctx).next,
    ).toBe('submitted');
    expect(checkAction(PRE_REGISTRATION_PROCEDURE, returned, 'withdraw', {}, ['registrant'], ctx).next).toBe(
      'withdrawn',
    );
    const accepted: PreRegistrationSnapshot = { state: 'accepted', submittedOn: '2026-03-02' };
    const late = checkAction(PRE_REGISTRATION_PROCEDURE, accepted, 'withdraw', {}, ['registrant'], ctx);
    expect(late).toMatchObject({ ok: false, blocked: 'state' });
    expect(late.problems[0]!.message).toBe('报备处于“已受理”，不能撤回');
    // An amended measure must still come before acting, every part written.
    const bad = checkAction(
      PRE_REGISTRATION_PROCEDURE,
      returned,
      'resubmit',
      { ...MEASURE, risks: ' ', plannedFrom: '2026-03-02' },
      ['registrant'],
      ctx,
    );
    expect(bad.problems.map((p) => p.path)).toEqual(['risks', 'plannedFrom']);
  });

  it('checks a registration’s content: every part, and a planned start not before the day of registration', () => {
    expect(checkMeasure(MEASURE, '2026-03-10')).toEqual([]);
    expect(checkMeasure({ ...MEASURE, legalGap: '无', title: '' }, '2026-03-11').map((p) => p.path)).toEqual([
      'title',
      'legalGap',
      'plannedFrom',
    ]);
  });

  it('offers exactly the actions checkAction allows, for every state and actor kind', () => {
    const snapshot = fc.record({
      state: fc.constantFrom(...PRE_REGISTRATION_STATES),
      submittedOn: fc.constantFrom('2026-02-27', '2026-03-02', '2026-03-03'),
    });
    const kinds = fc.subarray<PreRegistrationActor>(['office', 'registrant']);
    fc.assert(
      fc.property(snapshot, kinds, (s, k) => {
        const availability = preRegistrationAvailability(s, k, ctx);
        for (const a of availability) {
          expect(a.available).toBe(a.reasons.length === 0);
          const check = checkAction(PRE_REGISTRATION_PROCEDURE, s, a.action, inputs[a.action], k, ctx);
          // Open means a well-formed input goes through; blocked means no input could.
          expect(check.ok).toBe(a.available);
          expect(check.blocked).toBe(a.blocked);
        }
        // Every action the kinds may take is listed; none that they may not.
        const mayTake = PRE_REGISTRATION_ACTIONS.filter((a) =>
          PRE_REGISTRATION_PROCEDURE.actions[a].by.some((b) => k.includes(b)),
        );
        expect(availability.map((a) => a.action)).toEqual(mayTake);
        for (const a of PRE_REGISTRATION_ACTIONS.filter((x) => !mayTake.includes(x))) {
          expect(checkAction(PRE_REGISTRATION_PROCEDURE, s, a, inputs[a], k, ctx).blocked).not.toBeNull();
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('the initial review’s deadline', () => {
  const label = 'A市规则包 guizhou-a-city 2.0';

  it('falls on the next working day, across a weekend and a holiday, and cites the policy', () => {
    // Friday 2026-03-06 → Monday 2026-03-09.
    const d = reviewDeadline(
      { state: 'submitted', submittedOn: '2026-03-06' },
      A_CITY_TOLERANCE,
      cal,
      '2026-03-06',
      label,
    );
    expect(d).toMatchObject({ startOn: '2026-03-06', dueOn: '2026-03-09', status: 'near' });
    expect(d.source).toContain('第十条');
    expect(d.source).toContain('1 个工作日');
    expect(d.param).toBe('tolerance.preRegistrationReview');
    // National Day 2026: registered on 30 September, due on the first working day after the holiday.
    const holiday = reviewDeadline(
      { state: 'submitted', submittedOn: '2026-09-30' },
      A_CITY_TOLERANCE,
      cal,
      '2026-09-30',
      label,
    );
    expect(holiday.dueOn > '2026-10-07').toBe(true);
    expect(holiday.dueOn <= '2026-10-12').toBe(true);
  });

  it('is overdue after the due date while awaiting review, and done once reviewed', () => {
    const s = { state: 'submitted' as const, submittedOn: '2026-03-06' };
    expect(reviewDeadline(s, A_CITY_TOLERANCE, cal, '2026-03-09', label).status).toBe('near');
    expect(reviewDeadline(s, A_CITY_TOLERANCE, cal, '2026-03-10', label).status).toBe('overdue');
    expect(
      reviewDeadline({ ...s, state: 'accepted' }, A_CITY_TOLERANCE, cal, '2026-03-10', label).status,
    ).toBe('done');
  });
});

describe('the number', () => {
  it('reads back what it writes', () => {
    expect(preRegistrationNumber('A市', 2026, 3)).toBe('A市报备〔2026〕3号');
    expect(parsePreRegistrationNumber('A市报备〔2026〕3号')).toEqual({
      regionName: 'A市',
      year: 2026,
      seq: 3,
    });
    expect(parsePreRegistrationNumber('A市问责〔2026〕3号')).toBeNull();
    expect(parsePreRegistrationNumber('A市报备〔2026〕0号')).toBeNull();
  });
});

describe('who registers, reads and reviews', () => {
  const actor = (over: Partial<Actor>): Actor => ({
    id: 'u',
    username: 'u',
    role: 'supervisor',
    regionCode: '529900',
    agencyId: null,
    officerId: null,
    ...over,
  });
  const reg = { regionCode: '529921', agencyId: '529921-ZHJ', officerId: 'O-7' };
  const city = actor({});
  const county = actor({ regionCode: '529922' });
  const legal = actor({ role: 'agency_legal', regionCode: '529921', agencyId: '529921-ZHJ' });
  const otherLegal = actor({ role: 'agency_legal', regionCode: '529921', agencyId: '529921-SCJ' });
  const officer = actor({ role: 'officer', regionCode: '529921', agencyId: '529921-ZHJ', officerId: 'O-7' });
  const colleague = actor({
    role: 'officer',
    regionCode: '529921',
    agencyId: '529921-ZHJ',
    officerId: 'O-8',
  });
  const admin = actor({ role: 'admin', regionCode: '520000' });

  it('gives each role its actor kinds on a registration', () => {
    expect(preRegistrationActorKinds(city, reg)).toEqual(['office']);
    expect(preRegistrationActorKinds(county, reg)).toEqual([]);
    expect(preRegistrationActorKinds(legal, reg)).toEqual(['registrant']);
    expect(preRegistrationActorKinds(otherLegal, reg)).toEqual([]);
    expect(preRegistrationActorKinds(officer, reg)).toEqual(['registrant']);
    expect(preRegistrationActorKinds(colleague, reg)).toEqual([]);
    expect(preRegistrationActorKinds(admin, reg)).toEqual([]);
  });

  it('scopes the register', () => {
    expect(preRegistrationScope(city)).toEqual({ kind: 'region', prefix: '5299' });
    expect(canReadPreRegistration(county, reg)).toBe(false);
    expect(canReadPreRegistration(admin, reg)).toBe(true);
    expect(canReadPreRegistration(colleague, reg)).toBe(false);
    expect(canReadPreRegistration(legal, reg)).toBe(true);
    expect(preRegistrationScope(actor({ role: 'panel' }))).toEqual({ kind: 'none' });
  });

  it('lets the legal office register for its agency and an officer for themself', () => {
    expect(canRegister(legal, '529921-ZHJ', null)).toBe(true);
    expect(canRegister(legal, '529921-ZHJ', 'O-7')).toBe(true);
    expect(canRegister(legal, '529921-SCJ', null)).toBe(false);
    expect(canRegister(officer, '529921-ZHJ', 'O-7')).toBe(true);
    expect(canRegister(officer, '529921-ZHJ', 'O-8')).toBe(false);
    expect(canRegister(officer, '529921-ZHJ', null)).toBe(false);
    expect(canRegister(city, '529921-ZHJ', null)).toBe(false);
    expect(mayRegister(officer)).toBe(true);
    expect(mayRegister(admin)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar } from '../calendar/index.js';
import {
  availableActions,
  type CaseActor,
  type CaseInputs,
  type CaseProcedure,
  type CaseSnapshot,
  checkTransition,
  type GuardContext,
} from './case.js';
import { caseDeadlines, currentDeadline } from './deadlines.js';

const procedure: CaseProcedure = {
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
};
const calendar = defaultCalendar();
const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({
  today: '2025-03-03',
  calendar,
  procedure,
  actorUserId: 'u1',
  actorOfficerId: null,
  ...over,
});
const snap = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  state: 'registered',
  registeredOn: '2025-01-24',
  acceptedOn: null,
  investigators: [],
  investigationStartedOn: null,
  extensions: [],
  findingsRecorded: false,
  statementNoticeOn: null,
  persons: [],
  proposal: null,
  decision: null,
  servedOn: null,
  appeal: null,
  agencyAppealOpen: false,
  ...over,
});
const person = (id: string, over = {}) => ({
  id,
  liable: true,
  statement: null,
  waived: false,
  hearingRequested: false,
  hearingHeld: false,
  ...over,
});
const SUP: CaseActor[] = ['supervisor'];
const PURSUE: CaseInputs['propose_decision'] = {
  kind: 'pursue',
  reasons: 'x',
  sanctions: [{ personId: 'O-1', form: 'written_self_criticism' }],
};
const INV: CaseActor[] = ['investigator'];

describe('case transitions', () => {
  it('accept needs an opinion; decline a reason; both only from registered', () => {
    expect(checkTransition(snap(), 'accept', { opinion: '' }, SUP, ctx()).problems[0].path).toBe('opinion');
    expect(checkTransition(snap(), 'accept', { opinion: '同意立案' }, SUP, ctx())).toMatchObject({
      ok: true,
      next: 'accepted',
    });
    expect(checkTransition(snap(), 'decline', { reason: '不属于受理范围' }, SUP, ctx()).next).toBe(
      'declined',
    );
    const again = checkTransition(snap({ state: 'accepted' }), 'accept', { opinion: 'x' }, SUP, ctx());
    expect(again.ok).toBe(false);
    expect(again.problems[0].path).toBe('state');
  });

  it('only the right kind of actor may act', () => {
    const r = checkTransition(snap(), 'accept', { opinion: 'x' }, ['subject'], ctx());
    expect(r.problems[0].path).toBe('actor');
  });

  it('an investigation needs two investigators who have not recused', () => {
    const one = snap({
      state: 'accepted',
      investigators: [
        { userId: 'a', recused: false },
        { userId: 'b', recused: true },
      ],
    });
    expect(checkTransition(one, 'start_investigation', {}, SUP, ctx()).problems[0].path).toBe(
      'investigators',
    );
    const two = snap({
      state: 'accepted',
      investigators: [
        { userId: 'a', recused: false },
        { userId: 'b', recused: false },
      ],
    });
    expect(checkTransition(two, 'start_investigation', {}, SUP, ctx())).toMatchObject({
      ok: true,
      next: 'investigating',
    });
  });

  it('the investigation may be extended once, by at most 15 working days, with approval', () => {
    const s = snap({ state: 'investigating', investigationStartedOn: '2025-01-24' });
    expect(
      checkTransition(
        s,
        'extend_investigation',
        { days: 15, reason: '证据复杂', approvedBy: '局长' },
        SUP,
        ctx(),
      ).ok,
    ).toBe(true);
    expect(
      checkTransition(
        s,
        'extend_investigation',
        { days: 16, reason: '证据复杂', approvedBy: '局长' },
        SUP,
        ctx(),
      ).problems[0].path,
    ).toBe('days');
    expect(
      checkTransition(s, 'extend_investigation', { days: 5, reason: '证据复杂', approvedBy: '' }, SUP, ctx())
        .problems[0].path,
    ).toBe('approvedBy');
    const twice = { ...s, extensions: [{ days: 10 }] };
    expect(
      checkTransition(twice, 'extend_investigation', { days: 5, reason: 'x', approvedBy: 'y' }, SUP, ctx())
        .ok,
    ).toBe(false);
  });

  it('changing a conclusion needs a written reason', () => {
    const s = snap({ state: 'investigating', persons: [person('O-1')] });
    const r = checkTransition(
      s,
      'record_findings',
      { overrides: [{ personId: 'O-1', reason: '' }] },
      INV,
      ctx(),
    );
    expect(r.problems[0].path).toBe('overrides[0].reason');
    expect(checkTransition(s, 'record_findings', { overrides: [] }, INV, ctx()).next).toBe('findings');
  });

  it('no decision before the statement and defence, unless the period is over', () => {
    const findings = snap({ state: 'findings', findingsRecorded: true, persons: [person('O-1')] });
    expect(checkTransition(findings, 'propose_decision', PURSUE, INV, ctx()).problems[0].path).toBe('state');
    const st = snap({
      state: 'statement',
      findingsRecorded: true,
      statementNoticeOn: '2025-02-26',
      persons: [person('O-1')],
    });
    // 5 working days after Wed 2025-02-26 is Wed 2025-03-05: still open on 03-05, over on 03-06.
    expect(checkTransition(st, 'propose_decision', PURSUE, INV, ctx({ today: '2025-03-05' })).ok).toBe(false);
    expect(checkTransition(st, 'propose_decision', PURSUE, INV, ctx({ today: '2025-03-06' })).ok).toBe(true);
    const heard = { ...st, persons: [person('O-1', { statement: { on: '2025-02-27' } })] };
    expect(checkTransition(heard, 'propose_decision', PURSUE, INV, ctx({ today: '2025-02-28' })).ok).toBe(
      true,
    );
  });

  it('a requested hearing must be held before deciding', () => {
    const s = snap({
      state: 'statement',
      statementNoticeOn: '2025-02-26',
      persons: [person('O-1', { statement: { on: '2025-02-27' }, hearingRequested: true })],
    });
    expect(checkTransition(s, 'propose_decision', PURSUE, INV, ctx()).problems[0].message).toMatch(/听证/);
  });

  describe('审批定案: the investigators propose, the head approves or a meeting decides', () => {
    const recommended = {
      forms: ['admonition_talk', 'written_self_criticism', 'off_post_training'] as const,
      recommended: 'written_self_criticism' as const,
    };
    const heard = snap({
      state: 'statement',
      findingsRecorded: true,
      statementNoticeOn: '2025-02-26',
      persons: [
        person('O-1', { statement: { on: '2025-02-27' }, sanctions: recommended }),
        person('O-2', { liable: false }),
      ],
    });
    const propose = (
      input: Partial<typeof PURSUE> & { sanctions?: { personId: string; form: string; reason?: string }[] },
    ) => checkTransition(heard, 'propose_decision', { ...PURSUE, ...input } as typeof PURSUE, INV, ctx());

    it('the proposal gives each liable person a form of the determination; departing needs a reason', () => {
      expect(propose({}).ok).toBe(true);
      expect(propose({}).next).toBe('proposed');
      expect(propose({ sanctions: [] }).problems.map((p) => p.path)).toEqual(['sanctions']);
      expect(propose({ sanctions: [{ personId: 'O-1', form: 'disqualification' }] }).problems[0].path).toBe(
        'sanctions[0].form',
      );
      const departs = propose({ sanctions: [{ personId: 'O-1', form: 'off_post_training' }] });
      expect(departs.problems.map((p) => p.path)).toEqual(['sanctions[0].reason']);
      expect(
        propose({ sanctions: [{ personId: 'O-1', form: 'off_post_training', reason: '情节较重，影响恶劣' }] })
          .ok,
      ).toBe(true);
      expect(
        propose({ sanctions: [{ personId: 'O-2', form: 'written_self_criticism' }] }).problems.map(
          (p) => p.path,
        ),
      ).toContain('sanctions[0].personId');
      expect(propose({ kind: 'not_pursue' as never }).problems.map((p) => p.path)).toEqual(['sanctions']);
      expect(propose({ kind: 'not_pursue' as never, sanctions: [] }).ok).toBe(true);
      // The head does not propose; the investigators do not approve.
      expect(checkTransition(heard, 'propose_decision', PURSUE, SUP, ctx()).ok).toBe(false);
    });

    const proposed = (form: 'written_self_criticism' | 'off_post_training') =>
      snap({
        ...heard,
        state: 'proposed',
        proposal: { kind: 'pursue', sanctions: [{ personId: 'O-1', form }] },
      });
    const meeting = {
      meetingOn: '2025-03-03',
      attendees: ['局长 张一', '副局长 李二', '科长 王三', '科长 赵四', '科长 钱五'],
      votesFor: 4,
      votesAgainst: 1,
      votesAbstain: 0,
      minutes: '经讨论，同意调查组意见。',
    };

    it('the head approves a light sanction alone; 离岗培训 and heavier need a collective discussion', () => {
      const light = checkTransition(
        proposed('written_self_criticism'),
        'decide',
        { opinion: '同意' },
        SUP,
        ctx(),
      );
      expect(light.ok).toBe(true);
      expect(light.next).toBe('decided');
      const heavy = checkTransition(proposed('off_post_training'), 'decide', { opinion: '同意' }, SUP, ctx());
      expect(heavy.problems.map((p) => p.path)).toEqual(['collective']);
      expect(heavy.problems[0].message).toContain('离岗培训');
      expect(
        checkTransition(
          proposed('off_post_training'),
          'decide',
          { opinion: '同意', collective: meeting },
          SUP,
          ctx(),
        ).ok,
      ).toBe(true);
      // A pack without the rule lets the head decide alone.
      const none = ctx({ procedure: { ...procedure, collectiveDiscussionFrom: null } });
      expect(
        checkTransition(proposed('off_post_training'), 'decide', { opinion: '同意' }, SUP, none).ok,
      ).toBe(true);
    });

    it('a collective discussion needs a quorum, a majority of those present, the minutes and a past date', () => {
      const decide = (c: Partial<typeof meeting>) =>
        checkTransition(
          proposed('off_post_training'),
          'decide',
          { opinion: '同意', collective: { ...meeting, ...c } },
          SUP,
          ctx(),
        ).problems.map((p) => p.path);
      expect(decide({ attendees: ['张一', '李二'], votesFor: 2, votesAgainst: 0 })).toEqual([
        'collective.attendees',
      ]);
      expect(decide({ votesFor: 2, votesAgainst: 2, votesAbstain: 1 })).toEqual(['collective.votesFor']);
      expect(decide({ votesFor: 5, votesAgainst: 1 })).toEqual(['collective.votesFor']);
      expect(decide({ minutes: ' ' })).toEqual(['collective.minutes']);
      expect(decide({ meetingOn: '2025-03-04' })).toEqual(['collective.meetingOn']);
      expect(decide({ attendees: ['张一', '张一', '李二', '王三'], votesFor: 3 })).toEqual([
        'collective.attendees',
      ]);
    });

    it('the head returns a proposal to the investigators with a reason', () => {
      const s = proposed('written_self_criticism');
      expect(checkTransition(s, 'return_proposal', { reason: '' }, SUP, ctx()).problems[0].path).toBe(
        'reason',
      );
      expect(checkTransition(s, 'return_proposal', { reason: '事实不清，补充调查' }, SUP, ctx()).next).toBe(
        'findings',
      );
      expect(availableActions(s, INV, ctx())).not.toContain('decide');
    });
  });

  it('an officer states a defence only for themself', () => {
    const s = snap({ state: 'statement', persons: [person('O-1'), person('O-2')] });
    const other = checkTransition(
      s,
      'record_statement',
      { personId: 'O-2', text: '我有异议' },
      ['subject'],
      ctx({ actorOfficerId: 'O-1' }),
    );
    expect(other.ok).toBe(false);
    const own = checkTransition(
      s,
      'record_statement',
      { personId: 'O-1', text: '我有异议' },
      ['subject'],
      ctx({ actorOfficerId: 'O-1' }),
    );
    expect(own.ok).toBe(true);
  });

  it('an open appeal before the relief panel: the decision stands (executes), the case cannot close', () => {
    const s = snap({
      state: 'served',
      servedOn: '2025-09-26',
      decision: { kind: 'pursue', on: '2025-09-25' },
      persons: [person('O-1')],
    });
    const open = { filedOn: '2025-10-09', by: 'O-1', result: null, reviewedOn: null, dueOn: '2025-12-08' };
    const pending = { ...s, appeal: open };
    expect(checkTransition(pending, 'execute', { note: '已谈话' }, SUP, ctx()).ok).toBe(true);
    const executed = { ...pending, state: 'executed' as const };
    expect(
      checkTransition(executed, 'close', {}, SUP, ctx({ today: '2025-12-31' })).problems.map((p) => p.path),
    ).toEqual(['appeal']);
    const decided = { ...executed, appeal: { ...open, result: 'upheld' as const, reviewedOn: '2025-11-20' } };
    expect(checkTransition(decided, 'close', {}, SUP, ctx({ today: '2025-12-31' })).ok).toBe(true);
    // Nor while the agency's appeal against its Art. 25 measures is open.
    const agency = { ...decided, agencyAppealOpen: true };
    expect(
      checkTransition(agency, 'close', {}, SUP, ctx({ today: '2025-12-31' })).problems.map((p) => p.path),
    ).toEqual(['appeal']);
    const revoked = { ...pending, appeal: { ...open, result: 'revoked' as const, reviewedOn: '2025-11-20' } };
    expect(
      checkTransition(revoked, 'execute', { note: 'x' }, SUP, ctx()).problems.map((p) => p.path),
    ).toEqual(['appeal']);
  });

  it('closing: a pursued decision must be executed; not-pursued closes after the appeal window', () => {
    const pursued = snap({
      state: 'served',
      servedOn: '2025-01-02',
      decision: { kind: 'pursue', on: '2025-01-02' },
    });
    expect(checkTransition(pursued, 'close', {}, SUP, ctx()).ok).toBe(false);
    const notPursued = snap({
      state: 'served',
      servedOn: '2025-01-02',
      decision: { kind: 'not_pursue', on: '2025-01-02' },
    });
    expect(checkTransition(notPursued, 'close', {}, SUP, ctx({ today: '2025-02-10' })).ok).toBe(false);
    expect(checkTransition(notPursued, 'close', {}, SUP, ctx({ today: '2025-03-31' })).ok).toBe(true);
    expect(checkTransition(notPursued, 'execute', { note: 'x' }, SUP, ctx()).ok).toBe(false);
  });

  it('does not offer an action whose preconditions fail', () => {
    const served = snap({
      state: 'served',
      servedOn: '2025-09-26',
      decision: { kind: 'pursue', on: '2025-09-25' },
      persons: [person('O-1')],
    });
    const me = ctx({ today: '2025-10-09', actorOfficerId: 'O-1' });
    // The person's appeal goes to the relief panel (appeal.ts), not through the case.
    expect(availableActions(served, ['subject'], me)).toEqual([]);
    expect(availableActions(snap({ state: 'findings', findingsRecorded: true }), SUP, ctx())).not.toContain(
      'decide',
    );
  });

  it('lists the actions an actor may take in a state', () => {
    expect(availableActions(snap(), SUP).sort()).toEqual(['accept', 'decline']);
    expect(availableActions(snap({ state: 'statement' }), ['subject']).sort()).toEqual([
      'record_statement',
      'waive_statement',
    ]);
  });
});

describe('case deadlines on the working-day calendar', () => {
  it('acceptance across the 2024 Spring Festival (make-up Sunday 02-18 counts)', () => {
    const d = caseDeadlines(
      snap({ registeredOn: '2024-02-08' }),
      procedure,
      calendar,
      '2024-02-20',
      'guizhou 1.0',
    );
    expect(d[0]).toMatchObject({ step: 'accept', dueOn: '2024-03-06', status: 'ok' });
  });

  it('acceptance across the 2025 Spring Festival; yellow when near, red when past', () => {
    const s = snap({ registeredOn: '2025-01-24' });
    expect(caseDeadlines(s, procedure, calendar, '2025-02-17', 'p')[0]).toMatchObject({
      dueOn: '2025-02-20',
      status: 'near',
    });
    expect(caseDeadlines(s, procedure, calendar, '2025-02-21', 'p')[0].status).toBe('overdue');
    expect(caseDeadlines({ ...s, state: 'accepted' }, procedure, calendar, '2025-02-21', 'p')[0].status).toBe(
      'done',
    );
  });

  it('investigation across National Day 2024, with an approved extension', () => {
    const s = snap({ state: 'investigating', investigationStartedOn: '2024-09-27' });
    const base = caseDeadlines(s, procedure, calendar, '2024-10-08', 'p').find(
      (x) => x.step === 'investigation',
    );
    // 30 working days after Fri 2024-09-27 (09-29 and 10-12 worked, 10-01..10-07 off).
    expect(base?.dueOn).toBe('2024-11-13');
    const ext = caseDeadlines({ ...s, extensions: [{ days: 15 }] }, procedure, calendar, '2024-10-08', 'p');
    expect(ext.find((x) => x.step === 'investigation')?.dueOn).toBe('2024-12-04');
    expect(currentDeadline(ext)?.step).toBe('investigation');
  });

  it("the appeal's answer is due when the relief panel must decide; none before it is accepted", () => {
    const appeal = { filedOn: '2025-09-26', by: 'O-1', result: null, reviewedOn: null, dueOn: '2025-11-25' };
    const s = snap({ state: 'served', servedOn: '2025-09-20', appeal });
    const d = caseDeadlines(s, procedure, calendar, '2025-10-09', 'p');
    expect(d.find((x) => x.step === 'appeal_answer')).toMatchObject({
      dueOn: '2025-11-25',
      param: 'relief.decideWithin',
    });
    const filed = caseDeadlines(
      snap({ ...s, appeal: { ...appeal, dueOn: null } }),
      procedure,
      calendar,
      '2025-10-09',
      'p',
    );
    expect(filed.find((x) => x.step === 'appeal_answer')).toBeUndefined();
  });

  it('a deadline that runs into a year whose schedule is not loaded is provisional', () => {
    const last = Math.max(...calendar.coveredYears);
    const within = caseDeadlines(
      snap({ registeredOn: `${last}-03-02` }),
      procedure,
      calendar,
      `${last}-03-02`,
      'p',
    );
    expect(within[0].provisional).toBe(false);
    const across = caseDeadlines(
      snap({ registeredOn: `${last}-12-28` }),
      procedure,
      calendar,
      `${last}-12-28`,
      'p',
    );
    expect(across[0].dueOn.slice(0, 4)).toBe(String(last + 1));
    expect(across[0].provisional).toBe(true);
    const loaded = createCalendar({ coveredYears: [last + 1] });
    expect(
      caseDeadlines(snap({ registeredOn: `${last}-12-28` }), procedure, loaded, `${last}-12-28`, 'p')[0]
        .provisional,
    ).toBe(false);
  });
});

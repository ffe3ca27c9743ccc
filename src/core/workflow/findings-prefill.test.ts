import { describe, expect, it } from 'vitest';
import {
  actDate,
  actOfficerIds,
  findingsPrefill,
  type PrefillAct,
  type PrefillInput,
  type PrefillLead,
  type RegisterOfficer,
  roleOnAct,
} from './findings-prefill.js';

const lead: PrefillLead = {
  id: 'L-1',
  source: 'detection',
  actId: 'A-2026-0000001',
  faultCode: 'penalty.04',
  rule: 'duplicate-fine',
  basis: '《行政处罚法》第二十九条',
  occurredOn: '2026-03-12',
};

const act: PrefillAct = {
  id: 'A-2026-0000001',
  agencyId: '529900-SCJ',
  agencyName: 'A市市场监督管理局',
  body: {
    officers: [
      { id: 'O-0001', certificate: '52990000005' },
      { id: 'O-0002', certificate: '52990000008' },
    ],
    chain: { handler: 'O-0001', reviewer: 'O-0003', approver: 'O-0004' },
    incidentDate: '2026-03-01',
    dates: { filed: '2026-03-02', decided: '2026-03-10', served: '2026-03-11' },
  },
};

const register = (...officers: RegisterOfficer[]) => new Map(officers.map((o) => [o.id, o]));
const scj = (id: string, name: string): RegisterOfficer => ({
  id,
  name,
  agencyId: '529900-SCJ',
  agencyName: 'A市市场监督管理局',
});

function input(over: Partial<PrefillInput> = {}): PrefillInput {
  return {
    lead,
    act,
    officers: register(scj('O-0001', '戴峰'), scj('O-0002', '李明')),
    faultText: (code) => (code === 'penalty.04' ? '对同一违法行为给予两次以上罚款的' : undefined),
    ruleLabel: (rule) => (rule === 'duplicate-fine' ? '重复罚款' : undefined),
    ...over,
  };
}

describe('findings prefill from a detection lead', () => {
  it('preselects the fault, the act officers as handlers, the act date and the decision kind', () => {
    const p = findingsPrefill(input());
    expect(p).toMatchObject({
      leadId: 'L-1',
      actId: 'A-2026-0000001',
      agency: { id: '529900-SCJ', name: 'A市市场监督管理局' },
      faults: ['penalty.04'],
      fault: { code: 'penalty.04', text: '对同一违法行为给予两次以上罚款的' },
      ruleLabel: '重复罚款',
      occurredOn: '2026-03-10',
      decision: 'approval',
    });
    expect(p?.people).toEqual([
      {
        id: 'O-0001',
        role: 'handler',
        certificate: '52990000005',
        name: '戴峰',
        agencyId: '529900-SCJ',
        agencyName: 'A市市场监督管理局',
        registered: true,
        otherAgency: false,
      },
      expect.objectContaining({ id: 'O-0002', role: 'handler', name: '李明', otherAgency: false }),
    ]);
    expect(p?.note).toBe(
      '已根据线索预填：违法事项 penalty.04（对同一违法行为给予两次以上罚款的）、执法行为 A-2026-0000001、执法人员 戴峰（O-0001）、李明（O-0002）',
    );
  });

  it('same agency → no flag; an officer of another agency → flagged', () => {
    const same = findingsPrefill(input());
    expect(same?.people.some((x) => x.otherAgency)).toBe(false);
    const other = findingsPrefill(
      input({
        officers: register(scj('O-0001', '戴峰'), {
          id: 'O-0002',
          name: '王强',
          agencyId: '529921-ZHJ',
          agencyName: '甲县综合行政执法局',
        }),
      }),
    );
    expect(other?.people.map((x) => [x.id, x.otherAgency, x.agencyName])).toEqual([
      ['O-0001', false, 'A市市场监督管理局'],
      ['O-0002', true, '甲县综合行政执法局'],
    ]);
  });

  it('an officer the register does not know is kept, unnamed and not flagged', () => {
    const p = findingsPrefill(input({ officers: register(scj('O-0001', '戴峰')) }));
    expect(p?.people[1]).toMatchObject({ id: 'O-0002', registered: false, name: null, otherAgency: false });
    expect(p?.note).toContain('执法人员 戴峰（O-0001）、O-0002');
  });

  it('no act, or not a detection lead → no prefill', () => {
    expect(findingsPrefill(input({ act: null }))).toBeNull();
    expect(findingsPrefill(input({ lead: null }))).toBeNull();
    expect(findingsPrefill(input({ lead: { ...lead, source: 'complaint' } }))).toBeNull();
    expect(findingsPrefill(input({ lead: { ...lead, actId: null } }))).toBeNull();
    expect(findingsPrefill(input({ act: { ...act, id: 'A-OTHER' } }))).toBeNull();
  });

  it('a code outside the catalogue is named but not preselected', () => {
    const p = findingsPrefill(input({ lead: { ...lead, faultCode: 'penalty.99' } }));
    expect(p?.faults).toEqual([]);
    expect(p?.fault).toEqual({ code: 'penalty.99', text: null });
  });

  it('an act without reviewer or approver is a direct decision; dates fall back in order', () => {
    const body = { officers: [{ id: 'O-0001' }], chain: null, dates: { accepted: '2026-02-01' } };
    const p = findingsPrefill(input({ act: { ...act, body } }));
    expect(p).toMatchObject({ decision: 'direct', occurredOn: '2026-02-01' });
    expect(p?.people.map((x) => x.certificate)).toEqual([null]);
    expect(actDate({ dates: {}, incidentDate: '2026-01-05' })).toBe('2026-01-05');
    expect(findingsPrefill(input({ act: { ...act, body: { officers: [], dates: {} } } }))?.occurredOn).toBe(
      '2026-03-12',
    );
  });

  it('roles follow the chain; an act with no officers listed falls back to the chain handler', () => {
    expect(roleOnAct(act.body, 'O-0003')).toBe('reviewer');
    expect(roleOnAct(act.body, 'O-0004')).toBe('approver');
    expect(roleOnAct(act.body, 'O-0002')).toBe('handler');
    expect(actOfficerIds({ officers: [], chain: { handler: 'O-0009' } })).toEqual(['O-0009']);
    expect(actOfficerIds({ officers: [{ id: 'O-1' }, { id: 'O-1' }, { id: '' }] })).toEqual(['O-1']);
  });
});

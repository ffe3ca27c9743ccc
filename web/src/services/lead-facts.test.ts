// The findings request made from a detection lead's suggestion, and the other-agency check.
import { describe, expect, it } from 'vitest';
import { type FindingsPrefill, otherAgency, prefillFacts } from './lead-facts';

const prefill: FindingsPrefill = {
  leadId: 'L-1',
  actId: 'A-2026-0000001',
  agency: { id: '529900-SCJ', name: 'A市市场监督管理局' },
  faults: ['penalty.04'],
  fault: { code: 'penalty.04', text: '对当事人的同一违法行为重复罚款的' },
  rule: 'duplicate-fine',
  ruleLabel: '重复罚款',
  basis: null,
  occurredOn: '2026-03-10',
  decision: 'approval',
  people: [
    {
      id: 'O-0001',
      role: 'handler',
      certificate: null,
      name: '戴峰',
      agencyId: '529900-SCJ',
      agencyName: 'A市市场监督管理局',
      registered: true,
      otherAgency: false,
    },
    {
      id: 'O-0012',
      role: 'reviewer',
      certificate: null,
      name: '李勇鑫',
      agencyId: '529900-JTJ',
      agencyName: 'A市交通运输局',
      registered: true,
      otherAgency: true,
    },
  ],
  note: '',
};

describe('prefillFacts', () => {
  it('takes the fault, date, decision and the officers in their roles, of the act agency', () => {
    const f = prefillFacts({ pack: 'guizhou-a-city', agencyId: '529900-SCJ' }, prefill, '2026-12-07');
    expect(f).toMatchObject({
      pack: 'guizhou-a-city',
      faults: ['penalty.04'],
      occurredOn: '2026-03-10',
      decision: 'approval',
      agencies: [{ id: '529900-SCJ', triggers: [] }],
    });
    expect(f.people.map((p) => [p.id, p.role, p.agency])).toEqual([
      ['O-0001', 'handler', '529900-SCJ'],
      ['O-0012', 'reviewer', '529900-SCJ'],
    ]);
  });

  it('with no officers or date, one blank handler and today', () => {
    const f = prefillFacts(
      { pack: 'guizhou', agencyId: '529921-ZHJ' },
      { ...prefill, people: [], occurredOn: null },
      '2026-12-07',
    );
    expect(f.occurredOn).toBe('2026-12-07');
    expect(f.people).toEqual([expect.objectContaining({ id: '', role: 'handler', agency: '529900-SCJ' })]);
    // The case's agency, when another than the act's, is there to choose too.
    expect(f.agencies.map((a) => a.id)).toEqual(['529900-SCJ', '529921-ZHJ']);
  });
});

describe('otherAgency', () => {
  it('flags only a known officer of another agency', () => {
    expect(otherAgency({ agencyId: '529900-SCJ' }, '529900-SCJ')).toBe(false);
    expect(otherAgency({ agencyId: '529900-JTJ' }, '529900-SCJ')).toBe(true);
    expect(otherAgency(undefined, '529900-SCJ')).toBe(false);
    expect(otherAgency({ agencyId: '529900-JTJ' }, undefined)).toBe(false);
  });
});

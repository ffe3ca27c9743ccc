import { describe, expect, it } from 'vitest';
import { adoptProposal } from './posts';
import { blankPerson } from './simulator-codec';

const proposal = {
  people: [
    {
      officerId: 'O-2',
      name: '乙',
      role: 'approver' as const,
      faults: ['penalty.04'],
      posts: ['审批决定岗'],
    },
    { officerId: 'O-1', name: '甲', role: 'handler' as const, faults: ['penalty.09'], posts: ['告知送达岗'] },
  ],
};

describe('adopting the attribution proposal', () => {
  it('fills a request with nobody named yet, on approval when an approver joins', () => {
    const out = adoptProposal(
      { people: [blankPerson('', 'handler', 'A')], decision: 'direct' },
      proposal,
      'A',
    );
    expect(out.people.map((p) => [p.id, p.role, p.agency])).toEqual([
      ['O-2', 'approver', 'A'],
      ['O-1', 'handler', 'A'],
    ]);
    expect(out.decision).toBe('approval');
  });

  it('keeps the people named, adds only the others, and leaves a full request as it is', () => {
    const facts = { people: [blankPerson('O-1', 'reviewer', 'A')], decision: 'collective' as const };
    const out = adoptProposal(facts, proposal, 'A');
    expect(out.people.map((p) => [p.id, p.role])).toEqual([
      ['O-1', 'reviewer'],
      ['O-2', 'approver'],
    ]);
    expect(out.decision).toBe('collective');
    expect(adoptProposal(out, proposal, 'A')).toBe(out);
  });
});

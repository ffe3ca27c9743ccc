import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SANCTION_FORMS } from '../rulebook/types.js';
import { APPEAL_OUTCOMES, eligibleVoters, quorumProblems, tally, type Vote, voteProblems } from './vote.js';

const v = (outcome: Vote['outcome'], form: Vote['form'] = null): Vote => ({
  memberId: 'x',
  outcome,
  form,
  reasons: '理由充分',
});

describe('who may vote and the quorum', () => {
  const sessions = [
    { id: 's1', on: '2026-03-01', evidence: true, attendees: ['A', 'B', 'C', 'D'] },
    { id: 's2', on: '2026-03-05', evidence: false, attendees: ['A', 'B'] },
    { id: 's3', on: '2026-03-08', evidence: true, attendees: ['A', 'B', 'C', 'E'] },
  ];

  it('only members present at every session that received evidence vote', () => {
    expect(eligibleVoters(['A', 'B', 'C', 'D', 'E'], sessions)).toEqual(['A', 'B', 'C']);
    expect(eligibleVoters(['A', 'B'], [])).toEqual(['A', 'B']);
  });

  it('a quorum is more than half the panel', () => {
    expect(quorumProblems(5, 3)).toEqual([]);
    expect(quorumProblems(5, 2)[0]?.path).toBe('quorum');
  });
});

describe('a vote', () => {
  it('never makes the sanction heavier: a change must be strictly lighter', () => {
    expect(voteProblems(v('changed', 'written_self_criticism'), 'circulated_criticism')).toEqual([]);
    expect(voteProblems(v('changed', 'circulated_criticism'), 'circulated_criticism')[0]?.path).toBe('form');
    expect(voteProblems(v('changed', 'disqualification'), 'circulated_criticism')[0]?.message).toMatch(
      /不因申诉加重/,
    );
    expect(voteProblems(v('changed'), 'circulated_criticism')[0]?.path).toBe('form');
    expect(voteProblems(v('upheld', 'admonition_talk'), 'circulated_criticism')[0]?.path).toBe('form');
    expect(voteProblems({ ...v('revoked'), reasons: '' }, 'circulated_criticism')[0]?.path).toBe('reasons');
  });
});

describe('the tally', () => {
  it('a majority decides; the most lenient outcome a majority supports', () => {
    expect(tally([v('upheld'), v('upheld'), v('revoked')]).outcome).toBe('upheld');
    expect(tally([v('revoked'), v('revoked'), v('upheld')]).outcome).toBe('revoked');
    const mixed = tally([
      v('revoked'),
      v('revoked'),
      v('changed', 'admonition_talk'),
      v('upheld'),
      v('upheld'),
    ]);
    expect(mixed).toMatchObject({ outcome: 'changed', form: 'admonition_talk', dissenting: 4, voters: 5 });
    expect(mixed.counts).toEqual({ upheld: 2, changed: 1, revoked: 2 });
  });

  it('a tie keeps the decision', () => {
    expect(tally([v('revoked'), v('revoked'), v('upheld'), v('upheld')]).outcome).toBe('upheld');
  });

  const anyVote = fc
    .record({
      outcome: fc.constantFrom(...APPEAL_OUTCOMES),
      form: fc.constantFrom(...SANCTION_FORMS.slice(0, 3)),
    })
    .map(({ outcome, form }) => v(outcome, outcome === 'changed' ? form : null));

  it('the result is supported by a majority and its form is one that was voted', () => {
    fc.assert(
      fc.property(fc.array(anyVote, { minLength: 1, maxLength: 9 }), (votes) => {
        const t = tally(votes);
        const order = (x: Pick<Vote, 'outcome' | 'form'>) =>
          x.outcome === 'upheld' ? 0 : x.outcome === 'revoked' ? 99 : 10 - SANCTION_FORMS.indexOf(x.form!);
        const supporting = votes.filter((x) => order(x) >= order(t)).length;
        expect(supporting * 2).toBeGreaterThan(votes.length);
        if (t.outcome === 'changed') expect(votes.some((x) => x.form === t.form)).toBe(true);
        // Adding a vote to uphold never makes the result more lenient.
        expect(order(tally([...votes, v('upheld')]))).toBeLessThanOrEqual(order(t));
      }),
    );
  });
});

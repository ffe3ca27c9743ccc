import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_MEASURES, type AgencyMeasure, SANCTION_FORMS } from '../rulebook/types.js';
import {
  APPEAL_OUTCOMES,
  eligibleVoters,
  measuresWeight,
  quorumProblems,
  tally,
  type Vote,
  voteProblems,
} from './vote.js';

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

describe("an agency's appeal (Art. 25 measures)", () => {
  const a = (outcome: Vote['outcome'], measures: AgencyMeasure[] | null = null): Vote => ({
    memberId: 'x',
    outcome,
    form: null,
    measures,
    reasons: '理由充分',
  });
  const measureSets = fc.subarray([...AGENCY_MEASURES]);

  it('the measures are ordered lightest first: 限期整改 < 通报批评 < 取消评优评先资格', () => {
    expect(AGENCY_MEASURES).toEqual([
      'rectify_within_limit',
      'circulated_criticism',
      'award_disqualification',
    ]);
    expect(measuresWeight([])).toBe(0);
    expect(measuresWeight(['circulated_criticism', 'rectify_within_limit'])).toBe(2);
  });

  it('a change must be strictly lighter than the original measures, never heavier', () => {
    fc.assert(
      fc.property(measureSets, measureSets, (original, changed) => {
        const problems = voteProblems(a('changed', changed), null, original);
        const lighter = changed.length > 0 && measuresWeight(changed) < measuresWeight(original);
        expect(problems.length === 0).toBe(lighter);
        if (!lighter) expect(problems.map((p) => p.path)).toEqual(['measures']);
      }),
    );
    expect(
      voteProblems(a('changed', ['award_disqualification']), null, ['circulated_criticism'])[0]?.message,
    ).toMatch(/不因申诉加重/);
    expect(
      voteProblems({ ...a('changed', ['rectify_within_limit']), form: 'admonition_talk' }, null, [
        'circulated_criticism',
      ])[0]?.path,
    ).toBe('form');
    expect(voteProblems(a('upheld', ['rectify_within_limit']), null, ['circulated_criticism'])[0]?.path).toBe(
      'measures',
    );
    // An officer's appeal takes no agency measures.
    expect(voteProblems(a('revoked', ['rectify_within_limit']), 'admonition_talk')[0]?.path).toBe('measures');
  });

  it('the tally is the most lenient result a majority supports, and never heavier than a vote cast', () => {
    const anyAgencyVote = fc
      .record({ outcome: fc.constantFrom(...APPEAL_OUTCOMES), ms: measureSets.filter((m) => m.length > 0) })
      .map(({ outcome, ms }) => a(outcome, outcome === 'changed' ? ms : null));
    fc.assert(
      fc.property(fc.array(anyAgencyVote, { minLength: 1, maxLength: 9 }), (votes) => {
        const t = tally(votes);
        const order = (x: { outcome: Vote['outcome']; measures?: readonly AgencyMeasure[] | null }) =>
          x.outcome === 'upheld' ? 0 : x.outcome === 'revoked' ? 99 : 10 - measuresWeight(x.measures ?? []);
        const supporting = votes.filter((x) => order(x) >= order(t)).length;
        expect(supporting * 2).toBeGreaterThan(votes.length);
        if (t.outcome === 'changed') {
          expect(t.form).toBeNull();
          expect(
            votes.some((x) => x.measures && measuresWeight(x.measures) === measuresWeight(t.measures!)),
          ).toBe(true);
        } else expect(t.measures).toBeNull();
        expect(order(tally([...votes, a('upheld')]))).toBeLessThanOrEqual(order(t));
      }),
    );
  });
});

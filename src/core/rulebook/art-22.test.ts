// Art. 22: exemptions — nobody, person or agency, is liable.
import { describe, expect, it } from 'vitest';
import { person, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

const heavy = (circumstances: string[]) =>
  determine(
    request({
      circumstances: circumstances as never,
      people: [
        person('h', 'handler', { conduct: ['falsified'], circumstances: ['retaliated'] }),
        person('r', 'reviewer', { conduct: ['decided_without_referral'] }),
      ],
      agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
      suspected: { discipline: true, crime: true },
    }),
  );

describe.each([
  ['force_majeure', 1],
  ['self_defence_or_necessity', 2],
  ['counterparty_fault', 3],
])('Art. 22(%s)', (circumstance, clause) => {
  it(`clause ${clause}: nobody is liable, agencies included, whatever else holds`, () => {
    const d = heavy([circumstance]);
    expect(d.persons.every((p) => p.outcome === 'not_liable' && !p.liable && p.sanctions === undefined)).toBe(
      true,
    );
    expect(d.persons.every((p) => p.referrals.length === 0)).toBe(true);
    expect(d.agencies.every((a) => !a.liable && a.measures.length === 0)).toBe(true);
    expect(d.lines[0]).toMatchObject({ subject: null, cites: [{ article: 22, clause }] });
  });
});

describe('Art. 22 absent', () => {
  it('the same facts without an exemption are pursued', () => {
    const d = heavy([]);
    expect(d.persons.every((p) => p.outcome === 'pursue')).toBe(true);
    expect(d.agencies[0]!.liable).toBe(true);
  });
  it('Art. 23 alone is not an exemption', () => {
    expect(heavy(['trivial']).persons.every((p) => p.liable)).toBe(true);
  });
});

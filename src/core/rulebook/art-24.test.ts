// Art. 24 (summary): sanction forms chosen by severity; referrals.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

type Severity = {
  nature: 'minor' | 'ordinary' | 'egregious';
  harm: 'small' | 'large';
  impact: 'small' | 'large';
};

const sanction = (severity: Severity, personal: string[] = []) =>
  personOf(
    determine(
      request({
        severity,
        people: [
          person('h', 'handler', { conduct: ['acted_without_approval'], circumstances: personal as never }),
        ],
      }),
    ),
    'h',
  ).sanctions;

describe('Art. 24 sanction forms by severity', () => {
  it.each([
    [{ nature: 'minor', harm: 'small', impact: 'small' }, 1, 'admonition_talk'],
    [{ nature: 'ordinary', harm: 'small', impact: 'small' }, 1, 'written_self_criticism'],
    [{ nature: 'ordinary', harm: 'large', impact: 'small' }, 2, 'circulated_criticism'],
    [{ nature: 'ordinary', harm: 'large', impact: 'large' }, 3, 'off_post_training'],
    [{ nature: 'egregious', harm: 'small', impact: 'small' }, 3, 'off_post_training'],
    [{ nature: 'egregious', harm: 'large', impact: 'small' }, 4, 'removal_from_post'],
    [{ nature: 'egregious', harm: 'large', impact: 'large' }, 4, 'disqualification'],
  ] as [Severity, number, string][])('%o → 24(%i) %s', (severity, clause, recommended) => {
    const s = sanction(severity);
    expect(s).toMatchObject({ article: 24, clause, recommended });
    expect(s!.forms).toContain(recommended);
  });
  it('aggravation at the top stays at the top', () => {
    expect(
      sanction({ nature: 'egregious', harm: 'large', impact: 'large' }, ['retaliated'])?.recommended,
    ).toBe('disqualification');
  });
  it('lightening at the bottom stays at the bottom', () => {
    expect(
      sanction({ nature: 'minor', harm: 'small', impact: 'small' }, ['remedied_harm_occurred'])?.recommended,
    ).toBe('admonition_talk');
  });
  it('aggravation and lightening cancel out', () => {
    expect(
      sanction({ nature: 'ordinary', harm: 'large', impact: 'small' }, [
        'retaliated',
        'remedied_harm_occurred',
      ])?.recommended,
    ).toBe('circulated_criticism');
  });
  it('a person who is not liable has no sanctions at all', () => {
    const d = determine(request({ people: [person('r', 'reviewer')] }));
    expect('sanctions' in personOf(d, 'r')).toBe(false);
  });
});

describe('Art. 24 referrals', () => {
  const refer = (suspected: { discipline: boolean; crime: boolean }) =>
    determine(
      request({
        suspected,
        people: [person('h', 'handler', { conduct: ['falsified'] }), person('r', 'reviewer')],
      }),
    );
  it('suspected breach of discipline → discipline; suspected crime → judicial, for liable persons', () => {
    const d = refer({ discipline: true, crime: true });
    expect(personOf(d, 'h').referrals).toEqual(['discipline', 'judicial']);
    expect(personOf(d, 'r').referrals).toEqual([]);
  });
  it('nothing suspected → no referral', () => {
    expect(personOf(refer({ discipline: false, crime: false }), 'h').referrals).toEqual([]);
  });
});

// Art. 24 (summary): sanction forms chosen by severity; referrals.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';
import { ValidationError } from '../validation.js';
import { BUILTIN_PACKS, createPackRegistry } from './packs/registry.js';
import type { SanctionForm } from './types.js';

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
    // 24(4) reads "暂扣或者取消行政执法资格": suspension is the rung below disqualification.
    [{ nature: 'egregious', harm: 'large', impact: 'large' }, 4, 'suspension_of_qualification'],
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

describe('Art. 24(4) "暂扣或者取消行政执法资格" (D3)', () => {
  it('has three forms, suspension between removal from post and disqualification', () => {
    const s = sanction({ nature: 'egregious', harm: 'large', impact: 'small' });
    expect(s?.forms).toEqual(['removal_from_post', 'suspension_of_qualification', 'disqualification']);
  });
  it('the clauses (一)–(三) keep their forms', () => {
    expect(sanction({ nature: 'minor', harm: 'small', impact: 'small' })?.forms).toEqual([
      'admonition_talk',
      'written_self_criticism',
    ]);
  });
});

describe('the ladder is a recommendation of the pack, not of an article (D14)', () => {
  const city = (ladder: SanctionForm[]) =>
    createPackRegistry([
      ...BUILTIN_PACKS,
      {
        name: 'strict-city',
        title: '示例',
        region: '529901',
        parent: 'guizhou',
        versions: [
          { version: '1', validFrom: '2024-01-01', validTo: null, params: { sanctions: { ladder } } },
        ],
      },
    ]);
  const recommend = (ladder: SanctionForm[]) =>
    personOf(
      determine(
        request({
          pack: 'strict-city',
          people: [person('h', 'handler', { conduct: ['acted_without_approval'] })],
        }),
        city(ladder),
      ),
      'h',
    ).sanctions;
  it('a pack may reorder the forms: the rung’s form and its clause follow', () => {
    expect(recommend(['written_self_criticism', 'admonition_talk'])).toMatchObject({
      clause: 1,
      recommended: 'written_self_criticism',
    });
    expect(recommend(['circulated_criticism', 'admonition_talk'])).toMatchObject({
      clause: 2,
      recommended: 'circulated_criticism',
    });
  });
  it('each form at most once', () => {
    expect(() => city(['admonition_talk', 'admonition_talk'])).toThrow(ValidationError);
  });
  it('the explanation calls the form a recommendation (量责建议) beside the forms of the clause', () => {
    const d = determine(request({ people: [person('h', 'handler', { conduct: ['falsified'] })] }));
    expect(d.explanation).toContainEqual(
      expect.stringMatching(
        /^承办人 h：依第二十四条第（一）项（摘要），可给予诫勉谈话或者书面检查；量责建议：诫勉谈话（/,
      ),
    );
  });
});

// Art. 25 (summary): agencies.
import { describe, expect, it } from 'vitest';
import { person, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';
import { ValidationError } from '../validation.js';
import { ARTICLES } from './rules.js';

describe('Art. 25 act overturned in reconsideration or litigation', () => {
  it('makes the agency liable: rectification within a time limit', () => {
    const d = determine(
      request({
        agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
        people: [person('h', 'handler')],
      }),
    );
    expect(d.agencies).toEqual([
      {
        id: 'a1',
        liable: true,
        outcome: 'pursue',
        basis: [{ article: 25 }],
        measures: ['rectify_within_limit'],
      },
    ]);
  });
  it('if serious, also circulated criticism or loss of award eligibility', () => {
    const d = determine(
      request({
        severity: { nature: 'egregious', harm: 'small', impact: 'small' },
        agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
        people: [person('h', 'handler')],
      }),
    );
    expect(d.agencies[0]!.measures).toEqual([
      'rectify_within_limit',
      'circulated_criticism',
      'award_disqualification',
    ]);
  });
  it('not overturned and not joint → the agency is not liable', () => {
    const d = determine(request({ people: [person('h', 'handler', { conduct: ['falsified'] })] }));
    expect(d.agencies[0]).toMatchObject({ liable: false, outcome: 'not_liable', basis: [], measures: [] });
  });
  it('without `agencies`, the agencies are those the people name, in order', () => {
    const d = determine(
      request({
        agencies: undefined,
        people: [person('h', 'handler', { agency: 'x' }), person('r', 'reviewer', { agency: 'y' })],
      }),
    );
    expect(d.agencies.map((a) => a.id)).toEqual(['x', 'y']);
  });
  it('a person naming an agency not listed is bad input', () => {
    expect(() => determine(request({ people: [person('h', 'handler', { agency: 'zz' })] }))).toThrow(
      ValidationError,
    );
  });
});

describe('Art. 25 (summary) has no numbered clause', () => {
  it('the overturned act is its example; the text reads 取消评比先进资格', () => {
    const art = ARTICLES.find((a) => a.number === 25)!;
    expect(art.clauses).toEqual([]);
    expect(art.intro).toContain('取消评比先进资格');
    expect(art.intro).toContain('例如，具体行政行为在行政复议或者行政诉讼中被变更、撤销或者确认违法的');
    const d = determine(
      request({
        agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
        people: [person('h', 'handler')],
      }),
    );
    expect(d.explanation.find((l) => l.startsWith('机关 a1：'))).toMatch(/^机关 a1：依第二十五条（摘要），/);
  });
});

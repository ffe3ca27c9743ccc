// Art. 23: trivial circumstances and harm → may not pursue.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';
import { ValidationError } from '../validation.js';

const run = (circumstances: string[], personal: string[] = []) =>
  determine(
    request({
      circumstances: circumstances as never,
      people: [
        person('h', 'handler', { conduct: ['acted_without_approval'], circumstances: personal as never }),
      ],
      agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
    }),
  );

describe('Art. 23 trivial', () => {
  it('liable persons and agencies may be left unpursued', () => {
    const d = run(['trivial']);
    expect(personOf(d, 'h')).toMatchObject({ liable: true, outcome: 'may_not_pursue' });
    expect(d.agencies[0]).toMatchObject({ liable: true, outcome: 'may_not_pursue' });
    expect(d.explanation).toContain(
      '承办人 h：依第二十三条，过错行为情节、危害后果显著轻微，可以不予追究行政执法过错责任。',
    );
  });
  it('still gives the sanction forms that apply if the authority pursues (guizhou)', () => {
    const d = run(['trivial']);
    expect(personOf(d, 'h').sanctions?.recommended).toBe('admonition_talk');
    expect(d.explanation.some((l) => l.includes('如决定追究，依第二十四条'))).toBe(true);
  });
  it('an Art. 19 aggravation bars it', () => {
    expect(personOf(run(['trivial'], ['obstructed_investigation']), 'h').outcome).toBe('pursue');
  });
  it('without it, the fault is pursued', () => {
    const d = run([]);
    expect(personOf(d, 'h').outcome).toBe('pursue');
    expect(d.agencies[0]!.outcome).toBe('pursue');
  });
});

describe('Art. 23 "显著轻微" against an egregious nature or large harm or impact (D11)', () => {
  const fields = (severity: { nature: string; harm: string; impact: string }) => {
    try {
      determine(
        request({
          circumstances: ['trivial'],
          severity: severity as never,
          people: [person('h', 'handler')],
        }),
      );
      return [];
    } catch (e) {
      if (e instanceof ValidationError) return e.fields.map((f) => f.path);
      throw e;
    }
  };
  it('is bad input naming both fields', () => {
    expect(fields({ nature: 'egregious', harm: 'small', impact: 'small' })).toEqual([
      'circumstances[0]',
      'severity.nature',
    ]);
    expect(fields({ nature: 'minor', harm: 'large', impact: 'large' })).toEqual([
      'circumstances[0]',
      'severity.harm',
      'severity.impact',
    ]);
  });
  it('with an ordinary nature and small harm and impact it is accepted', () => {
    expect(fields({ nature: 'ordinary', harm: 'small', impact: 'small' })).toEqual([]);
  });
});

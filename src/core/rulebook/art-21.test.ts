// Art. 21: remedy.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';
import { ValidationError } from '../validation.js';

const handler = (circumstances: string[]) =>
  personOf(
    determine(
      request({
        people: [
          person('h', 'handler', {
            conduct: ['acted_without_approval'],
            circumstances: circumstances as never,
          }),
        ],
      }),
    ),
    'h',
  );

describe('Art. 21 remedy that prevented the harm', () => {
  it('allows not pursuing: liable, may_not_pursue', () => {
    const p = handler(['remedied_harm_prevented']);
    expect(p).toMatchObject({ liable: true, outcome: 'may_not_pursue', basis: [{ article: 15, clause: 1 }] });
  });
  it('without a remedy the fault is pursued', () => {
    expect(handler([]).outcome).toBe('pursue');
  });
  it('an aggravating circumstance bars the leniency (guizhou)', () => {
    const d = determine(
      request({
        people: [
          person('h', 'handler', {
            conduct: ['acted_without_approval'],
            circumstances: ['remedied_harm_prevented', 'retaliated'],
          }),
        ],
      }),
    );
    expect(personOf(d, 'h').outcome).toBe('pursue');
    expect(d.explanation).toContain(
      '承办人 h：虽有可以不予追究的情形，但具有第十九条规定的从重情形，仍应追究。',
    );
  });
});

describe('Art. 21 remedy that did not prevent the harm', () => {
  it('is pursued, lighter or reduced', () => {
    const p = handler(['remedied_harm_occurred']);
    expect(p.outcome).toBe('pursue');
    // "但可以从轻或者减轻追究": marked discretionary.
    expect(p.adjustments).toEqual([{ kind: 'lighten_or_reduce', article: 21, discretionary: true }]);
  });
  it('without it, no lightening', () => expect(handler([]).adjustments).toEqual([]));
  it('both kinds of remedy at once are contradictory input', () => {
    expect(() => handler(['remedied_harm_prevented', 'remedied_harm_occurred'])).toThrow(ValidationError);
  });
});

describe('Art. 21 is discretionary ("可以"), Art. 20 mandatory ("应当") (D9)', () => {
  it('the lightening after a remedy is marked discretionary and explained with 可以', () => {
    const d = determine(
      request({
        people: [
          person('h', 'handler', {
            conduct: ['acted_without_approval'],
            circumstances: ['remedied_harm_occurred'],
          }),
        ],
        severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
      }),
    );
    expect(personOf(d, 'h').adjustments[0]!.discretionary).toBe(true);
    expect(d.explanation).toContainEqual(expect.stringMatching(/，可以从轻或者减轻一档）。$/));
  });
  it('the lightening of a secondary share is mandatory and explained without 可以', () => {
    const d = determine(
      request({
        people: [
          person('h', 'handler', { conduct: ['negligent_wrong_opinion'] }),
          person('r', 'reviewer', { conduct: ['failed_to_detect'], share: 'secondary' }),
        ],
        severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
      }),
    );
    expect(personOf(d, 'r').adjustments[0]!.discretionary).toBe(false);
    const line = d.explanation.find(
      (l) => l.startsWith('审核人 r：如决定追究') || l.startsWith('审核人 r：依第二十四条'),
    )!;
    expect(line).toMatch(/，从轻或者减轻一档）。$/);
    expect(line).not.toContain('可以从轻');
  });
});

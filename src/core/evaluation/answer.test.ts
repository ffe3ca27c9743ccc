// An answer scores every item 1–5 and names what is wrong by field; an invitation is answered once,
// while the campaign is open, up to and including its last day.
import { describe, expect, it } from 'vitest';
import { A_CITY_EVALUATION as FORM } from '../rulebook/packs/a-city-evaluation.js';
import { ValidationError } from '../validation.js';
import { answerMean, invitationStatus, parseAnswer } from './answer.js';
import { evaluationFormSchema } from './form.js';

const all = (n: number) => Object.fromEntries(FORM.items.map((i) => [i.key, n]));
const fields = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields.map((x) => x.path);
    throw e;
  }
  return [];
};

describe('an evaluation answer', () => {
  it('the pack’s form is a valid form', () => {
    expect(evaluationFormSchema.parse(FORM)).toEqual(FORM);
  });

  it('scores every item 1–5, with an optional comment trimmed', () => {
    expect(parseAnswer(FORM, { scores: all(5), comment: '  很好  ' })).toEqual({
      scores: all(5),
      comment: '很好',
    });
    expect(parseAnswer(FORM, { scores: all(1), comment: '   ' }).comment).toBeNull();
    expect(answerMean({ a: 1, b: 4 })).toBe(2.5);
  });

  it('names the item left out, out of range, unknown, and a comment too long', () => {
    const [first, second] = FORM.items;
    expect(
      fields(() =>
        parseAnswer(FORM, {
          scores: { ...all(3), [first!.key]: undefined, [second!.key]: 0, nope: 3 },
          comment: '长'.repeat(FORM.commentMax + 1),
        }),
      ),
    ).toEqual([`scores.${first!.key}`, `scores.${second!.key}`, 'scores.nope', 'comment']);
    expect(fields(() => parseAnswer(FORM, { scores: { ...all(3), [first!.key]: 2.5 } }))).toEqual([
      `scores.${first!.key}`,
    ]);
  });

  it('an invitation is used once, not after the campaign closes, valid through its last day', () => {
    const inv = { usedAt: null, expiresOn: '2026-12-25' };
    expect(invitationStatus(inv, 'open', '2026-12-25')).toBe('valid');
    expect(invitationStatus(inv, 'open', '2026-12-26')).toBe('expired');
    expect(invitationStatus(inv, 'closed', '2026-12-01')).toBe('closed');
    expect(invitationStatus({ ...inv, usedAt: new Date() }, 'closed', '2027-01-01')).toBe('used');
  });
});

// The vote form offers exactly the forms core's rule accepts: strictly lighter than the original
// (不因申诉加重处理), none when no sanction was given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { voteProblems } from '../../../src/core/relief/vote';
import { SANCTION_FORMS } from '../../../src/core/rulebook/types';
import { lighterForms } from './appeal';

describe('lighterForms', () => {
  it('offers what the vote accepts as a change, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...SANCTION_FORMS), { nil: null }),
        fc.constantFrom(...SANCTION_FORMS),
        (original, form) => {
          const accepted =
            voteProblems({ outcome: 'changed', form, reasons: '理由充分成立' }, original).length === 0;
          expect(lighterForms(original).includes(form)).toBe(accepted);
        },
      ),
    );
  });

  it('lists the lighter forms lightest first', () => {
    expect(lighterForms('circulated_criticism')).toEqual(['admonition_talk', 'written_self_criticism']);
    expect(lighterForms('admonition_talk')).toEqual([]);
    expect(lighterForms(null)).toEqual([]);
  });
});

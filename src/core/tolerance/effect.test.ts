import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUIZHOU_PARAMS } from '../rulebook/packs/guizhou.js';
import { SANCTION_FORMS, type SanctionForm } from '../rulebook/types.js';
import { toleratedSanctions } from './effect.js';

const params = GUIZHOU_PARAMS.sanctions;
const art24_1 = {
  forms: ['admonition_talk', 'written_self_criticism'] as SanctionForm[],
  recommended: 'written_self_criticism' as SanctionForm,
};
const art24_2 = {
  forms: ['circulated_criticism'] as SanctionForm[],
  recommended: 'circulated_criticism' as SanctionForm,
};

describe('what a tolerance decision does to the sanction', () => {
  it('no tolerance: unchanged; exempt: not pursued', () => {
    expect(toleratedSanctions(art24_1, null, params)).toBe(art24_1);
    expect(toleratedSanctions(art24_1, { outcome: 'exempt' }, params)).toBeNull();
  });

  it('mitigate: one rung down the ladder, the lighter form made available (减轻)', () => {
    expect(toleratedSanctions(art24_2, { outcome: 'mitigate' }, params)).toEqual({
      forms: ['written_self_criticism', 'circulated_criticism'],
      recommended: 'written_self_criticism',
    });
    expect(toleratedSanctions(art24_1, { outcome: 'mitigate' }, params)).toEqual({
      forms: ['admonition_talk', 'written_self_criticism'],
      recommended: 'admonition_talk',
    });
  });

  it('property: a mitigated recommendation is never heavier, and stays among the forms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SANCTION_FORMS), fc.integer({ min: 0, max: 3 }), (rec, steps) => {
        const out = toleratedSanctions(
          { forms: [rec], recommended: rec },
          { outcome: 'mitigate' },
          { ...params, lightenSteps: steps },
        )!;
        expect(SANCTION_FORMS.indexOf(out.recommended)).toBeLessThanOrEqual(SANCTION_FORMS.indexOf(rec));
        expect(out.forms).toContain(out.recommended);
        expect(out.forms).toContain(rec);
      }),
    );
  });
});

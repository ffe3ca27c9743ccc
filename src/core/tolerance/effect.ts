// What a tolerance decision does to the person's accountability case: an exempt person is not
// pursued (no sanction may be proposed for them, and the decision cites the tolerance rule); a
// mitigated person's recommended sanction moves down the pack's ladder as an Art. 20 lightening
// does (`sanctions.lightenSteps` rungs), and the lighter forms down to it become available (减轻).
// Exempted faults do not count towards Art. 19(2) or the early warning (store/acts.repository).
import type { SanctionParams } from '../rulebook/packs/types.js';
import type { SanctionForm } from '../rulebook/types.js';
import type { ToleranceOutcome } from './policy.js';

/** The tolerance decided for a person of a case, as the case keeps it. */
export interface PersonTolerance {
  applicationId: string;
  number: string;
  outcome: Exclude<ToleranceOutcome, 'reject'>;
  /** The policy's rule the decision rests on (《…》第七条 / 第八条). */
  cite: string;
  on: string;
}

export interface SanctionChoice {
  forms: readonly SanctionForm[];
  recommended: SanctionForm;
}

/**
 * The sanction forms and the recommendation once the tolerance is applied: null for an exempt
 * person (not pursued); for a mitigated one the recommendation `lightenSteps` rungs down the
 * ladder (not below its lightest rung), the forms widened down to it.
 */
export function toleratedSanctions(
  choice: SanctionChoice | null,
  tolerance: Pick<PersonTolerance, 'outcome'> | null,
  params: Pick<SanctionParams, 'ladder' | 'lightenSteps'>,
): SanctionChoice | null {
  if (!tolerance || !choice) return choice;
  if (tolerance.outcome === 'exempt') return null;
  const ladder = params.ladder;
  const at = ladder.indexOf(choice.recommended);
  if (at < 0) return choice;
  const to = Math.max(0, at - params.lightenSteps);
  const recommended = ladder[to]!;
  const lighter = ladder.slice(to, at).filter((f) => !choice.forms.includes(f));
  // Lightest first, as the ladder and the Art. 24 clauses list them.
  const forms = [...lighter, ...choice.forms].sort((a, b) => ladder.indexOf(a) - ladder.indexOf(b));
  return { forms, recommended };
}

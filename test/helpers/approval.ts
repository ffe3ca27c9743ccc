// 审批定案 in the API tests: the investigators propose the decision with the rulebook's
// recommended sanction for each liable person, then the office's head approves it.
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './app.js';

type Act = (
  c: Client,
  action: string,
  body: Record<string, unknown>,
  expected?: number,
) => Promise<LightMyRequestResponse>;

interface DeterminedCase {
  persons: { officerId: string; liable: boolean }[];
  determination: { persons: { id: string; sanctions?: { recommended: string } }[] } | null;
}

/** The proposal the rulebook suggests: each liable person's recommended form when pursued. */
export function recommendedProposal(c: DeterminedCase, kind: string, reasons: string) {
  const sanctions =
    kind === 'pursue'
      ? c.persons
          .filter((p) => p.liable)
          .map((p) => ({
            personId: p.officerId,
            form: c.determination?.persons.find((d) => d.id === p.officerId)?.sanctions?.recommended,
          }))
      : [];
  return { kind, reasons, sanctions };
}

/** Propose (as `inv`) what the rulebook recommends, then approve (as `sup`); returns the approval. */
export async function proposeAndDecide(
  act: Act,
  caseId: string,
  inv: Client,
  sup: Client,
  kind: string,
  reasons: string,
  expected = 200,
) {
  const c = (await sup.get(`/api/v1/cases/${caseId}`)).json() as DeterminedCase;
  const proposed = await act(inv, 'propose_decision', recommendedProposal(c, kind, reasons), expected);
  if (proposed.statusCode !== 200) return proposed;
  return act(sup, 'decide', { opinion: '同意调查组意见。' });
}

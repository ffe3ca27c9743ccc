// What a case's detection lead knows, as the findings' starting point (GET /api/v1/cases/:id/lead-facts;
// computed by src/core/workflow/findings-prefill.ts), and the findings request made from it.
import type { FindingsPrefill } from '../../../src/core/workflow/findings-prefill';
import type { Facts } from '../types/case';
import { api } from './request';
import { blankPerson, newCase } from './simulator-codec';

export type { FindingsPrefill };
export type PrefillPerson = FindingsPrefill['people'][number];

export interface LeadFacts {
  /** Findings are recorded already: the form starts from them. */
  recorded: boolean;
  /** Null unless the case was opened from a detection lead on a known act. */
  prefill: FindingsPrefill | null;
}

export const getLeadFacts = (caseId: string, signal?: AbortSignal) =>
  api.get<LeadFacts>(`/api/v1/cases/${encodeURIComponent(caseId)}/lead-facts`, undefined, signal);

/**
 * A new request from the lead: its catalogue item, the act's date and decision kind, the act's
 * officers in the roles the act gives them, of the act's agency (the case's when they differ).
 */
export function prefillFacts(
  c: { pack: string; agencyId: string },
  p: FindingsPrefill,
  today: string,
): Facts {
  const base = newCase({ pack: c.pack, faults: p.faults });
  const agency = p.agency.id || c.agencyId;
  const agencies = [{ id: agency, triggers: [] }];
  if (c.agencyId && c.agencyId !== agency) agencies.push({ id: c.agencyId, triggers: [] });
  return {
    ...base,
    occurredOn: p.occurredOn ?? today,
    decision: p.decision,
    people:
      p.people.length > 0
        ? p.people.map((x) => blankPerson(x.id, x.role, agency))
        : [blankPerson('', 'handler', agency)],
    agencies,
  };
}

/** The officer's agency differs from the act's (known only for officers the register knows). */
export function otherAgency(
  officer: { agencyId: string } | undefined,
  actAgencyId: string | undefined,
): boolean {
  return !!officer && !!actAgencyId && officer.agencyId !== actAgencyId;
}

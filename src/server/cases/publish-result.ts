// 问责处理结果公开 (issue 15): when a decision to pursue is served, each liable person's sanction of
// a form the pack publishes (params.disclosure.accountability: A市 publishes 通报批评) goes on the
// portal in masked summary, in the step's transaction — and comes off again, with the reason, when a
// 复核 or the relief panel changes or revokes it (issue 12: the appeal's effects call
// withdrawCaseResult).

import type { Kysely } from 'kysely';
import type { Determination } from '../../core/determine/types.js';
import {
  caseResultSourceId,
  isPublicResult,
  publishedCaseResult,
  reliefWithdrawalReason,
} from '../../core/disclosure/accountability.js';
import { publicationDueOn, takeDownOn } from '../../core/disclosure/deadlines.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import type { AppealStage } from '../../core/workflow/appeal.js';
import { calendarInForce } from '../../store/calendar-days.js';
import { withdrawPublications } from '../../store/publications.repository.js';
import { measuresTitleOf } from './documents.js';
import type { EffectContext } from './effects.js';
import { proposalOf } from './snapshot.js';

export async function publishCaseResults(x: EffectContext, servedOn: string): Promise<number> {
  const c = x.c;
  const proposal = proposalOf(c);
  if (c.decisionKind !== 'pursue' || !proposal) return 0;
  const params = selectPack(c.pack, servedOn).params.disclosure;
  const published = proposal.sanctions.filter((s) => isPublicResult(params, s.form));
  if (published.length === 0) return 0;
  // The calendar in force, read in the step's transaction (the due date is in working days).
  const calendar = await calendarInForce(x.trx as unknown as Kysely<unknown>);
  const faults = (c.determination as Determination | null)?.faults ?? [];
  const measuresTitle = measuresTitleOf(c);
  const decidedOn = c.decisionOn ?? servedOn;
  let n = 0;
  for (const s of published) {
    const person = c.persons.find((p) => p.officerId === s.personId && p.liable);
    if (!person) continue;
    const fields = publishedCaseResult({
      caseNumber: c.number,
      agencyName: person.agencyName,
      officerName: person.name,
      form: s.form,
      faults,
      measuresTitle,
    });
    const r = await x.trx
      .insertInto('publications')
      .values({
        regionCode: c.regionCode,
        agencyId: c.agencyId,
        sourceKind: 'case',
        sourceId: caseResultSourceId(c.id, s.personId),
        category: 'accountability',
        partyType: 'person',
        fields: JSON.stringify(fields),
        decidedOn,
        publishedOn: x.today,
        dueOn: publicationDueOn(calendar, 'accountability', decidedOn, params),
        state: 'published',
        takeDownOn: takeDownOn('person', x.today, params),
      })
      .onConflict((oc) => oc.columns(['sourceKind', 'sourceId']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** Relief changed or revoked the person's decision: its published result comes off, with the reason. */
export function withdrawCaseResult(
  trx: EffectContext['trx'],
  a: { caseId: string; officerId: string; number: string; stage: AppealStage },
  outcome: 'changed' | 'revoked',
  on: string,
): Promise<number> {
  return withdrawPublications(
    trx,
    { sourceKind: 'case', sourceId: caseResultSourceId(a.caseId, a.officerId) },
    reliefWithdrawalReason(a.stage === 'review' ? '复核' : '申诉', outcome, a.number),
    on,
  );
}

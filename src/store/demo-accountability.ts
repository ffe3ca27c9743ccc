// What the demo city did with the faults its detection found (after loadDemoActs), so that its
// annual assessment (年度考核) has something to weigh: most detection leads older than a month became
// a case, decided and closed — pursued, exempted by a tolerance
// decision (容错免责) or under the Measures (免予追究) — a few are still under investigation, and the
// rest have no case yet. Deterministic (by the findings' order); one in seven cases was accepted late.
// The cases carry what the assessment reads (dates, decision, persons), not a full investigation.
import { addDays } from '../core/calendar/index.js';
import { todayInChina } from '../core/dates.js';
import { selectPack } from '../core/rulebook/packs/registry.js';
import type { DecisionKind } from '../core/workflow/case.js';
import { packNameForRegion } from '../core/workflow/pack.js';
import { nextCaseNumber } from './cases.repository.js';
import type { Database } from './db.js';

type Fate = 'pursue' | 'tolerance' | 'exempt' | 'open' | 'none';
/** The sanctions of the pursued demo cases, in turn: mostly the lighter forms of Art. 24. */
const DEMO_FORMS = [
  'admonition_talk',
  'written_self_criticism',
  'admonition_talk',
  'circulated_criticism',
  'written_self_criticism',
  'off_post_training',
  'admonition_talk',
  'removal_from_post',
] as const;

/** By the finding's place in the order, modulo 10. */
const FATES: readonly Fate[] = [
  'pursue',
  'pursue',
  'pursue',
  'pursue',
  'pursue',
  'pursue',
  'tolerance',
  'exempt',
  'open',
  'none',
];

const DECISION: Record<'pursue' | 'tolerance' | 'exempt', DecisionKind> = {
  pursue: 'pursue',
  tolerance: 'not_pursue',
  exempt: 'exempt',
};

/** The region's pack if it was in force on the day, else the province's (A市's starts mid-2024). */
function packOn(regionCode: string, day: string): string {
  const name = packNameForRegion(regionCode);
  try {
    selectPack(name, day);
    return name;
  } catch {
    return 'guizhou';
  }
}

export async function loadDemoAccountability(
  database: Database,
  asOf = todayInChina(),
): Promise<{ cases: number }> {
  const db = database.db;
  // The detection opened a lead for each finding (status new): those older than a month.
  const findings = await db
    .selectFrom('leads as l')
    .innerJoin('findings as f', (j) => j.onRef('f.actId', '=', 'l.actId').onRef('f.rule', '=', 'l.rule'))
    .innerJoin('officers as o', 'o.id', 'f.officerId')
    .innerJoin('regions as r', 'r.code', 'f.regionCode')
    .select([
      'l.id as leadId',
      'f.actId',
      'f.rule',
      'f.regionCode',
      'r.name as regionName',
      'f.agencyId',
      'f.officerId',
      'f.occurredOn',
      'f.detail',
    ])
    .where('l.source', '=', 'detection')
    .where('l.status', '=', 'new')
    .where('l.caseId', 'is', null)
    .where('f.occurredOn', '<=', addDays(asOf, -30))
    .orderBy('f.occurredOn')
    .orderBy('f.actId')
    .orderBy('f.rule')
    .execute();
  let cases = 0;
  await db.transaction().execute(async (trx) => {
    for (const [i, f] of findings.entries()) {
      const fate = FATES[i % FATES.length]!;
      if (fate === 'none' || !f.occurredOn || !f.officerId) continue;
      const registeredOn = addDays(f.occurredOn, 10);
      const acceptedOn = addDays(registeredOn, cases % 7 === 3 ? 20 : 2);
      const findingsOn = addDays(acceptedOn, 25);
      const decisionOn = addDays(findingsOn, 10);
      const decided = fate !== 'open' && decisionOn <= asOf;
      const closedOn = addDays(decisionOn, 20);
      const year = Number(registeredOn.slice(0, 4));
      const c = await trx
        .insertInto('cases')
        .values({
          number: await nextCaseNumber(trx, f.regionCode, f.regionName, year),
          regionCode: f.regionCode,
          source: 'detection',
          state: !decided ? 'investigating' : closedOn <= asOf ? 'closed' : 'decided',
          agencyId: f.agencyId,
          subject: f.detail.slice(0, 200),
          pack: packOn(f.regionCode, registeredOn),
          registeredOn,
          acceptedOn,
          investigationStartedOn: acceptedOn,
          findingsOn: decided ? findingsOn : null,
          decisionKind: decided ? DECISION[fate as keyof typeof DECISION] : null,
          decisionOn: decided ? decisionOn : null,
          // The sanction a pursued case decided (the portal's statistics count them by form).
          proposal:
            decided && fate === 'pursue'
              ? JSON.stringify({
                  kind: 'pursue',
                  sanctions: [{ personId: f.officerId, form: DEMO_FORMS[cases % DEMO_FORMS.length] }],
                })
              : null,
          closedOn: decided && closedOn <= asOf ? closedOn : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('casePersons')
        .values({
          caseId: c.id,
          officerId: f.officerId,
          regionCode: f.regionCode,
          liable: fate !== 'exempt',
          tolerance:
            fate === 'tolerance' && decided ? JSON.stringify({ outcome: 'exempt', on: findingsOn }) : null,
        })
        .execute();
      await trx
        .updateTable('leads')
        .set({ status: 'opened', caseId: c.id, officerId: f.officerId })
        .where('id', '=', f.leadId)
        .execute();
      cases += 1;
    }
  });
  return { cases };
}

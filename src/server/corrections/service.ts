// Correction measures (纠错) over HTTP and in the nightly run: setting a measure for a tolerated or a
// detected fault, the agency's report, and the re-check when it falls due — a recurrence opens a
// lead in the office's inbox, in the same transaction as the step and its audit entry.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RULE_NAMES } from '../../core/detect/rule.js';
import type { Actor, Scope } from '../../core/policies/actor.js';
import { canReadCorrection, canSetCorrection, correctionActorKinds } from '../../core/policies/correction.js';
import {
  CORRECTION_PROCEDURE,
  CORRECTION_SOURCES,
  type CorrectionAction,
  type CorrectionActor,
  MEASURE_STATES,
  type Recurrence,
} from '../../core/workflow/correction.js';
import { actionAvailability, auditDetail, checkAction } from '../../core/workflow/engine.js';
import { appendAudit } from '../../store/audit.repository.js';
import {
  dueCorrectionIds,
  findRecurrences,
  insertCorrection,
  type LoadedCorrection,
  loadCorrection,
} from '../../store/corrections.repository.js';
import { insertLead } from '../../store/leads.repository.js';
import { claimVersion } from '../../store/scope.js';
import { caseFaultsOf, loadApplication } from '../../store/tolerance.repository.js';
import { auditAs } from '../audit.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { refuseUnlessAllowed } from '../procedure.js';
import { availabilitySchema, iso, isoDate, versionField } from '../schemas.js';
import { actorOf } from '../types.js';

const text = (max: number) => z.string().trim().max(max);

export const createCorrectionSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('tolerance'),
    applicationId: z.uuid({ message: '容错申请编号无效' }),
    measure: text(2000).min(4, { message: '请写明纠错措施（至少 4 字）' }),
    responsible: text(100).min(1, { message: '请写明责任人' }),
    dueOn: isoDate,
  }),
  z.object({
    source: z.literal('finding'),
    actId: z.string().trim().min(1).max(100),
    rule: z.enum(RULE_NAMES),
    measure: text(2000).min(4, { message: '请写明整改措施（至少 4 字）' }),
    responsible: text(100).min(1, { message: '请写明责任人' }),
    dueOn: isoDate,
  }),
]);

export const correctionActionSchemas = {
  report: z.object({ version: versionField, note: text(5000) }),
  recheck: z.object({ version: versionField }),
} satisfies { [A in CorrectionAction]: z.ZodType };

const refOf = (m: LoadedCorrection) => ({
  regionCode: m.regionCode,
  agencyId: m.agencyId,
  officerId: m.officerId,
});
const bad = (path: string, message: string) => new HttpError(400, message, [{ path, message }]);

/** Set a measure: what it corrects (its agency, officer, rules and catalogue items come from there). */
export async function createCorrection(
  req: FastifyRequest,
  body: z.output<typeof createCorrectionSchema>,
): Promise<string> {
  const app = req.server;
  const actor = actorOf(req);
  const db = app.database.db;
  const today = app.clock.today();
  if (body.dueOn <= today) throw bad('dueOn', '整改期限应晚于今天');
  let row: {
    regionCode: string;
    agencyId: string;
    officerId: string | null;
    applicationId: string | null;
    actId: string | null;
    rules: string[];
    faults: string[];
  };
  if (body.source === 'tolerance') {
    const a = await loadApplication(db, body.applicationId);
    if (!a || !canSetCorrection(actor, a.regionCode)) throw notFound('容错申请');
    const outcome = (a.decision as { outcome?: string } | null)?.outcome;
    if (a.state !== 'decided' || (outcome !== 'exempt' && outcome !== 'mitigate'))
      throw bad('applicationId', '只有已决定容错（免责或从轻减轻）的申请才设纠错措施');
    row = {
      regionCode: a.regionCode,
      agencyId: a.agencyId,
      officerId: a.officerId,
      applicationId: a.id,
      actId: null,
      rules: [],
      faults: caseFaultsOf(a.caseFacts).codes,
    };
  } else {
    const f = await db
      .selectFrom('findings')
      .select(['actId', 'rule', 'regionCode', 'agencyId', 'officerId', 'fault'])
      .where('actId', '=', body.actId)
      .where('rule', '=', body.rule)
      .executeTakeFirst();
    if (!f || !canSetCorrection(actor, f.regionCode)) throw notFound('该执法行为的这一发现');
    row = {
      regionCode: f.regionCode,
      agencyId: f.agencyId,
      officerId: f.officerId,
      applicationId: null,
      actId: f.actId,
      rules: [f.rule],
      faults: f.fault ? [f.fault] : [],
    };
  }
  return db.transaction().execute(async (trx) => {
    const id = await insertCorrection(trx, {
      ...row,
      source: body.source,
      rules: JSON.stringify(row.rules),
      faults: JSON.stringify(row.faults),
      since: today,
      measure: body.measure,
      responsible: body.responsible,
      dueOn: body.dueOn,
      state: 'open',
      createdBy: actor.id,
    });
    await auditAs(req, trx, {
      regionCode: row.regionCode,
      action: 'correction.create',
      objectType: CORRECTION_PROCEDURE.name,
      objectId: id,
      detail: { ...body },
    });
    return id;
  });
}

/**
 * One step on a measure, as `by` (a user with their actor kinds, or the system's nightly run): the
 * engine's checks; a re-check reads the later findings and opens a lead when the fault recurs.
 */
export async function performCorrectionAction<A extends CorrectionAction>(
  app: FastifyInstance,
  id: string,
  action: A,
  body: z.output<(typeof correctionActionSchemas)[A]>,
  by: { actor: Actor | null },
): Promise<void> {
  const db = app.database.db;
  const today = app.clock.today();
  const m = await loadCorrection(db, id);
  if (!m || (by.actor && !canReadCorrection(by.actor, refOf(m)))) throw notFound('纠错措施');
  const kinds: CorrectionActor[] = by.actor ? correctionActorKinds(by.actor, refOf(m)) : ['system'];
  if (body.version !== m.version) throw conflict();
  const recurrences: Recurrence[] = action === 'recheck' ? await findRecurrences(db, m, today) : [];
  const input = action === 'recheck' ? { recurrences } : body;
  const check = checkAction(CORRECTION_PROCEDURE, m, action, input, kinds, { today });
  refuseUnlessAllowed(check);
  await db.transaction().execute(async (trx) => {
    if (!(await claimVersion(trx, 'corrections', m.id, m.version))) throw conflict();
    const signed = { by: by.actor?.id ?? null, byName: by.actor?.username ?? '系统', on: today };
    if (action === 'report') {
      await trx
        .updateTable('corrections')
        .set({ report: JSON.stringify({ note: (body as { note: string }).note, ...signed }) })
        .where('id', '=', m.id)
        .execute();
    } else {
      let leadId: string | null = null;
      const first = recurrences[0];
      if (first) {
        leadId = await insertLead(trx, {
          regionCode: m.regionCode,
          source: 'detection',
          agencyId: m.agencyId,
          officerId: m.officerId,
          subject: `整改到期复查：${m.agencyName}同类问题再次发生`,
          narrative: `纠错措施“${m.measure}”（责任人：${m.responsible}，期限 ${m.dueOn}）到期复查，发现 ${m.since} 之后同类问题再次发生 ${recurrences.length} 起：${recurrences
            .slice(0, 10)
            .map((r) => `${r.actId}（${r.rule}，${r.occurredOn ?? '日期不详'}）`)
            .join('、')}。`,
          occurredOn: first.occurredOn,
          actId: first.actId,
          rule: first.rule,
          createdBy: by.actor?.id ?? null,
        });
      }
      await trx
        .updateTable('corrections')
        .set({ recheck: JSON.stringify({ recurrences, ...signed }), leadId })
        .where('id', '=', m.id)
        .execute();
    }
    await trx.updateTable('corrections').set({ state: check.next }).where('id', '=', m.id).execute();
    await appendAudit(trx, {
      regionCode: m.regionCode,
      actorId: by.actor?.id ?? null,
      actorName: by.actor?.username ?? null,
      action: `correction.${action}`,
      objectType: CORRECTION_PROCEDURE.name,
      objectId: m.id,
      detail: auditDetail(
        CORRECTION_PROCEDURE,
        action,
        input as Record<string, unknown>,
        m.state,
        check.next,
      ),
    });
  });
}

/** Re-check every measure due by today within `scope` (the nightly run: all of them). */
export async function recheckDue(
  app: FastifyInstance,
  scope: Scope,
  actor: Actor | null,
): Promise<{ checked: number; recurred: number }> {
  const ids = await dueCorrectionIds(app.database.db, scope, app.clock.today());
  let recurred = 0;
  for (const id of ids) {
    const m = await loadCorrection(app.database.db, id);
    if (!m) continue;
    await performCorrectionAction(app, id, 'recheck', { version: m.version }, { actor });
    if ((await loadCorrection(app.database.db, id))?.state === 'recurred') recurred++;
  }
  return { checked: ids.length, recurred };
}

// --- presentation ------------------------------------------------------------------------

const ACTIONS = Object.keys(CORRECTION_PROCEDURE.actions) as [CorrectionAction, ...CorrectionAction[]];

export const correctionSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  source: z.enum(CORRECTION_SOURCES),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  actId: z.string().nullable(),
  rules: z.array(z.string()),
  faults: z.array(z.string()),
  since: z.string(),
  measure: z.string(),
  responsible: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  state: z.enum(MEASURE_STATES),
  report: z.object({ note: z.string(), byName: z.string(), on: z.string() }).nullable(),
  recheck: z
    .object({
      recurrences: z.array(
        z.object({ actId: z.string(), rule: z.string(), occurredOn: z.string().nullable() }),
      ),
      byName: z.string(),
      on: z.string(),
    })
    .nullable(),
  leadId: z.string().nullable(),
  availability: availabilitySchema(ACTIONS),
  version: z.number(),
  createdAt: z.string(),
});

export function presentCorrection(
  actor: Actor,
  m: LoadedCorrection,
  today: string,
): z.output<typeof correctionSchema> {
  const kinds = correctionActorKinds(actor, refOf(m));
  return {
    id: m.id,
    regionCode: m.regionCode,
    agencyId: m.agencyId,
    agencyName: m.agencyName,
    officerId: m.officerId,
    officerName: m.officerName,
    source: m.source,
    applicationId: m.applicationId,
    applicationNumber: m.applicationNumber,
    actId: m.actId,
    rules: m.rules,
    faults: m.faults,
    since: m.since,
    measure: m.measure,
    responsible: m.responsible,
    dueOn: m.dueOn,
    overdue: (m.state === 'open' || m.state === 'reported') && today > m.dueOn,
    state: m.state,
    report: (m.report ?? null) as z.output<typeof correctionSchema>['report'],
    recheck: (m.recheck ?? null) as z.output<typeof correctionSchema>['recheck'],
    leadId: m.leadId,
    availability: actionAvailability(CORRECTION_PROCEDURE, m, kinds, { today }),
    version: m.version,
    createdAt: iso(m.createdAt)!,
  };
}

// The case actions as the API takes them: a zod schema per action (the body also carries the
// `version` the user saw), the workflow's guards, then the effects in one transaction.
import type { FastifyRequest } from 'fastify';
import type { Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import { todayInChina } from '../../core/dates.js';
import { determine } from '../../core/determine/index.js';
import type { Determination } from '../../core/determine/types.js';
import { type Actor, regionCovers } from '../../core/policies/actor.js';
import { caseActorKinds } from '../../core/policies/case.js';
import {
  APPEAL_RESULTS,
  type CaseAction,
  type CaseInputs,
  checkTransition,
  DECISION_KINDS,
} from '../../core/workflow/case.js';
import { claimCaseVersion, type LoadedCase, loadCase } from '../../store/cases.repository.js';
import type { CasesTable, DB } from '../../store/schema.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError } from '../errors.js';
import { INT32_MAX, isoDate, versionField } from '../schemas.js';
import { procedureOf, snapshotOf } from './snapshot.js';

const text = (max: number) => z.string().trim().max(max);
const version = versionField;

export const OUTCOMES = ['pursue', 'may_not_pursue', 'not_liable'] as const;

export const actionSchemas = {
  accept: z.object({ version, opinion: text(2000) }),
  decline: z.object({ version, reason: text(2000) }),
  assign_investigators: z.object({ version, userIds: z.array(z.uuid()).max(10) }),
  recuse: z.object({ version, userId: z.uuid(), reason: text(500) }),
  start_investigation: z.object({ version }),
  extend_investigation: z.object({
    version,
    days: z.number().int().min(-INT32_MAX).max(INT32_MAX),
    reason: text(500),
    approvedBy: text(50),
  }),
  record_findings: z.object({
    version,
    facts: z.record(z.string(), z.unknown()),
    findingsText: text(10000).optional(),
    overrides: z
      .array(z.object({ personId: z.string(), outcome: z.enum(OUTCOMES), reason: text(1000) }))
      .max(20)
      .default([]),
  }),
  notify_statement: z.object({ version }),
  record_statement: z.object({
    version,
    personId: z.string(),
    text: text(10000),
    hearingRequested: z.boolean().optional(),
  }),
  waive_statement: z.object({ version, personId: z.string(), reason: text(500) }),
  hold_hearing: z.object({ version, personId: z.string(), heldOn: isoDate, summary: text(10000) }),
  decide: z.object({ version, kind: z.enum(DECISION_KINDS), reasons: text(10000) }),
  serve: z.object({
    version,
    servedOn: isoDate,
    recipient: text(100),
    method: text(50),
    place: text(200).optional(),
  }),
  execute: z.object({ version, note: text(2000) }),
  close: z.object({ version, note: text(2000).optional() }),
  appeal: z.object({ version, grounds: text(10000) }),
  review_appeal: z.object({ version, result: z.enum(APPEAL_RESULTS), reasons: text(10000) }),
} satisfies { [A in CaseAction]: z.ZodType };

export type ActionBody<A extends CaseAction> = z.output<(typeof actionSchemas)[A]>;

export function caseRefOf(c: LoadedCase) {
  return {
    regionCode: c.regionCode,
    agencyId: c.agencyId,
    investigators: c.investigators.filter((i) => !i.recused).map((i) => i.userId),
    persons: c.persons.map((p) => p.officerId),
  };
}

export interface ActionDeps {
  calendar: import('../../core/calendar/index.js').Calendar;
  /** Generates and stores the documents of a step (inside the transaction). */
  documents(trx: Transaction<DB>, caseId: string, kinds: DocumentKind[], actor: Actor): Promise<void>;
  today?: string;
}

export type DocumentKind = 'acceptance_form' | 'investigation_report' | 'decision' | 'service_receipt';

interface Outcome {
  determination: Determination;
  liable: Map<string, boolean>;
}

function applyOverrides(d: Determination, overrides: { personId: string; outcome: string }[]): Outcome {
  const liable = new Map(d.persons.map((p) => [p.id, p.liable]));
  for (const o of overrides) liable.set(o.personId, o.outcome !== 'not_liable');
  return { determination: d, liable };
}

/** Run one action on a case: guards, then effects and the audit entry, all or nothing. */
export async function performCaseAction<A extends CaseAction>(
  req: FastifyRequest,
  caseId: string,
  action: A,
  body: ActionBody<A>,
  deps: ActionDeps,
): Promise<void> {
  const db = req.server.database.db;
  const actor = req.actor!;
  const today = deps.today ?? todayInChina();
  const c = await loadCase(db, caseId);
  if (!c) throw new HttpError(404, '案件不存在或无权查看');
  const kinds = caseActorKinds(actor, caseRefOf(c));
  if (kinds.length === 0) throw new HttpError(404, '案件不存在或无权查看');
  if (body.version !== c.version) throw conflict();
  const { procedure } = procedureOf(c);
  const snapshot = snapshotOf(c);
  const ctx = {
    today,
    calendar: deps.calendar,
    procedure,
    actorUserId: actor.id,
    actorOfficerId: actor.officerId,
  };

  // record_findings: the facts go through the rulebook first; the snapshot then sees the persons.
  let findings: (Outcome & { people: string[] }) | null = null;
  if (action === 'record_findings') {
    const b = body as ActionBody<'record_findings'>;
    const facts = { ...b.facts, pack: c.pack };
    let determination: Determination;
    try {
      determination = determine(facts);
    } catch (e) {
      if (e instanceof Error && 'fields' in e) {
        const fields = (e as { fields: { path: string; message: string }[] }).fields.map((f) => ({
          path: `facts.${f.path}`,
          message: f.message,
        }));
        throw new HttpError(400, '认定事实有误', fields);
      }
      throw e;
    }
    const people = determination.persons.map((p) => p.id);
    const known = await db
      .selectFrom('officers')
      .select(['id', 'regionCode'])
      .where('id', 'in', people.length ? people : [''])
      .execute();
    const problems = people.flatMap((id, i) => {
      const o = known.find((k) => k.id === id);
      if (!o)
        return [
          { path: `facts.people[${i}].id`, message: `执法人员 ${id} 不存在（人员编号应为执法人员档案编号）` },
        ];
      if (!regionCovers(c.regionCode, o.regionCode) && !regionCovers(o.regionCode, c.regionCode)) {
        return [{ path: `facts.people[${i}].id`, message: `执法人员 ${id} 不在本案辖区` }];
      }
      return [];
    });
    b.overrides.forEach((o, i) => {
      if (!people.includes(o.personId))
        problems.push({ path: `overrides[${i}].personId`, message: '该人员不在认定事实中' });
    });
    if (problems.length > 0) throw new HttpError(400, '认定事实有误', problems);
    findings = { ...applyOverrides(determination, b.overrides), people };
    snapshot.persons = people.map((id) => ({
      id,
      liable: findings!.liable.get(id) ?? false,
      statement: null,
      waived: false,
      hearingRequested: false,
      hearingHeld: false,
    }));
  }

  const check = checkTransition(snapshot, action, body as unknown as CaseInputs[A], kinds, ctx);
  if (!check.ok) {
    const status = check.problems.some((p) => p.path === 'actor') ? 403 : 400;
    if (status === 403) throw forbidden(check.problems[0].message);
    throw new HttpError(400, check.problems.map((p) => p.message).join('；'), check.problems);
  }
  if (action === 'assign_investigators')
    await checkInvestigators(req, c, (body as ActionBody<'assign_investigators'>).userIds);

  await db.transaction().execute(async (trx) => {
    if (!(await claimCaseVersion(trx, c.id, c.version))) throw conflict();
    const docs = await applyEffects(trx, c, action, body, { actor, today, findings });
    await trx.updateTable('cases').set({ state: check.next }).where('id', '=', c.id).execute();
    if (docs.length > 0) await deps.documents(trx, c.id, docs, actor);
    const { version: _v, ...detail } = body as Record<string, unknown>;
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: `case.${action}`,
      objectType: 'case',
      objectId: c.id,
      detail: { ...detail, from: c.state, to: check.next },
    });
  });
}

async function checkInvestigators(req: FastifyRequest, c: LoadedCase, userIds: string[]) {
  const users = await req.server.database.db
    .selectFrom('users')
    .select(['id', 'role', 'regionCode', 'active'])
    .where('id', 'in', userIds)
    .execute();
  const problems = userIds.flatMap((id, i) => {
    const u = users.find((x) => x.id === id);
    if (!u?.active) return [{ path: `userIds[${i}]`, message: '用户不存在或已停用' }];
    if (u.role !== 'supervisor' || !regionCovers(u.regionCode, c.regionCode)) {
      return [{ path: `userIds[${i}]`, message: '调查人员须为本辖区执法监督机构人员' }];
    }
    if (c.investigators.some((x) => x.userId === id && x.recused))
      return [{ path: `userIds[${i}]`, message: '该人员已回避' }];
    return [];
  });
  if (problems.length > 0) throw new HttpError(400, '调查人员有误', problems);
}

async function applyEffects(
  trx: Transaction<DB>,
  c: LoadedCase,
  action: CaseAction,
  body: unknown,
  ctx: { actor: Actor; today: string; findings: (Outcome & { people: string[] }) | null },
): Promise<DocumentKind[]> {
  const { today, actor } = ctx;
  const set = (values: Updateable<CasesTable>) =>
    trx.updateTable('cases').set(values).where('id', '=', c.id).execute();
  const person = (officerId: string) =>
    trx.updateTable('casePersons').where('caseId', '=', c.id).where('officerId', '=', officerId);
  switch (action) {
    case 'accept': {
      const b = body as ActionBody<'accept'>;
      await set({ acceptedOn: today, acceptanceOpinion: b.opinion });
      return ['acceptance_form'];
    }
    case 'decline': {
      await set({ declineReason: (body as ActionBody<'decline'>).reason });
      return [];
    }
    case 'assign_investigators': {
      const b = body as ActionBody<'assign_investigators'>;
      const existing = new Set(c.investigators.map((i) => i.userId));
      const fresh = b.userIds.filter((id) => !existing.has(id));
      if (fresh.length) {
        await trx
          .insertInto('caseInvestigators')
          .values(
            fresh.map((userId) => ({ caseId: c.id, userId, regionCode: c.regionCode, recusalReason: null })),
          )
          .execute();
      }
      return [];
    }
    case 'recuse': {
      const b = body as ActionBody<'recuse'>;
      await trx
        .updateTable('caseInvestigators')
        .set({ recused: true, recusalReason: b.reason })
        .where('caseId', '=', c.id)
        .where('userId', '=', b.userId)
        .execute();
      return [];
    }
    case 'start_investigation':
      await set({ investigationStartedOn: today });
      return [];
    case 'extend_investigation': {
      const b = body as ActionBody<'extend_investigation'>;
      await trx
        .insertInto('caseExtensions')
        .values({
          caseId: c.id,
          regionCode: c.regionCode,
          days: b.days,
          reason: b.reason,
          approvedBy: b.approvedBy,
          approvedOn: today,
        })
        .execute();
      return [];
    }
    case 'record_findings': {
      const b = body as ActionBody<'record_findings'>;
      const f = ctx.findings!;
      await set({
        facts: JSON.stringify({ ...b.facts, pack: c.pack }),
        determination: JSON.stringify(f.determination),
        overrides: JSON.stringify(b.overrides.map((o) => ({ ...o, by: actor.username, on: today }))),
        findingsText: b.findingsText ?? null,
        findingsOn: today,
      });
      await trx.deleteFrom('casePersons').where('caseId', '=', c.id).execute();
      const regions = await trx
        .selectFrom('officers')
        .select(['id', 'regionCode'])
        .where('id', 'in', f.people)
        .execute();
      await trx
        .insertInto('casePersons')
        .values(
          f.people.map((id) => ({
            caseId: c.id,
            officerId: id,
            regionCode: regions.find((r) => r.id === id)?.regionCode ?? c.regionCode,
            liable: f.liable.get(id) ?? false,
            statementText: null,
            statementOn: null,
            waiveReason: null,
            hearingHeldOn: null,
            hearingSummary: null,
          })),
        )
        .execute();
      return ['investigation_report'];
    }
    case 'notify_statement':
      await set({ statementNoticeOn: today });
      return [];
    case 'record_statement': {
      const b = body as ActionBody<'record_statement'>;
      await person(b.personId)
        .set({ statementText: b.text, statementOn: today, hearingRequested: b.hearingRequested ?? false })
        .execute();
      return [];
    }
    case 'waive_statement': {
      const b = body as ActionBody<'waive_statement'>;
      await person(b.personId).set({ waived: true, waiveReason: b.reason }).execute();
      return [];
    }
    case 'hold_hearing': {
      const b = body as ActionBody<'hold_hearing'>;
      await person(b.personId).set({ hearingHeldOn: b.heldOn, hearingSummary: b.summary }).execute();
      return [];
    }
    case 'decide': {
      const b = body as ActionBody<'decide'>;
      await set({ decisionKind: b.kind, decisionOn: today, decisionReasons: b.reasons });
      // Referrals the rulebook found (suspected breach of discipline or crime), for liable persons.
      const det = c.determination as Determination | null;
      const liable = new Set(c.persons.filter((p) => p.liable).map((p) => p.officerId));
      const referrals = (det?.persons ?? []).flatMap((p) =>
        liable.has(p.id) ? p.referrals.map((organ) => ({ organ, officerId: p.id })) : [],
      );
      if (b.kind === 'refer' && referrals.length === 0) {
        for (const id of liable) referrals.push({ organ: 'discipline', officerId: id });
      }
      if (referrals.length > 0) {
        await trx
          .insertInto('referrals')
          .values(
            referrals.map((r) => ({
              caseId: c.id,
              regionCode: c.regionCode,
              organ: r.organ,
              officerId: r.officerId,
              note: `${c.number}：${r.organ === 'judicial' ? '涉嫌犯罪，移送司法机关' : '涉嫌违纪，移送任免机关或监察机关'}`,
              referredOn: today,
              outcome: null,
              outcomeOn: null,
              outcomeBy: null,
            })),
          )
          .execute();
      }
      return ['decision'];
    }
    case 'serve': {
      const b = body as ActionBody<'serve'>;
      await set({
        servedOn: b.servedOn,
        service: JSON.stringify({
          recipient: b.recipient,
          method: b.method,
          place: b.place ?? null,
          server: actor.username,
        }),
      });
      return ['service_receipt'];
    }
    case 'execute': {
      await set({ executedOn: today, executionNote: (body as ActionBody<'execute'>).note });
      return [];
    }
    case 'close':
      await set({ closedOn: today });
      return [];
    case 'appeal': {
      const b = body as ActionBody<'appeal'>;
      await trx
        .insertInto('caseAppeals')
        .values({
          caseId: c.id,
          regionCode: c.regionCode,
          officerId: actor.officerId!,
          filedOn: today,
          grounds: b.grounds,
          result: null,
          reasons: null,
          reviewedOn: null,
          reviewedBy: null,
        })
        .execute();
      return [];
    }
    case 'review_appeal': {
      const b = body as ActionBody<'review_appeal'>;
      await trx
        .updateTable('caseAppeals')
        .set({ result: b.result, reasons: b.reasons, reviewedOn: today, reviewedBy: actor.username })
        .where('caseId', '=', c.id)
        .execute();
      return [];
    }
  }
}

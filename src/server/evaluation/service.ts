// 外部评议 over HTTP: setting up a campaign (the form copied from the region's pack), issuing one-time
// codes (shown once; only their hashes are kept), answers by code on the public portal or signed in by
// an evaluator, the moderation of comments (nobody but the office reads one before it is approved),
// and the results per agency. Every write is audited in its transaction; every check is made against
// the stored campaign.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { addDays } from '../../core/calendar/day-number.js';
import {
  answerInputSchema,
  answerMean,
  INVITATION_STATUS_MESSAGES,
  invitationStatus,
  parseAnswer,
} from '../../core/evaluation/answer.js';
import { codeFromBytes, formatCode, normalizeCode } from '../../core/evaluation/code.js';
import {
  EVALUATION_AUDIENCES,
  EVALUATION_CAMPAIGN_STATES,
  type EvaluationAudience,
  type EvaluationForm,
  evaluationFormSchema,
  evaluationItemSchema,
  MODERATION_STATES,
  SIGNED_IN_AUDIENCES,
} from '../../core/evaluation/form.js';
import { evaluationResults } from '../../core/evaluation/results.js';
import { regionCovers } from '../../core/policies/actor.js';
import {
  canCreateEvaluation,
  canReadEvaluation,
  isEvaluationOffice,
  resultsReach,
  seesUnmoderated,
  signedInAnswerRefusal,
} from '../../core/policies/evaluation.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import { ValidationError } from '../../core/validation.js';
import { packNameForRegion } from '../../core/workflow/pack.js';
import { appendAudit } from '../../store/audit.repository.js';
import {
  type AnswerRow,
  claimEvaluationCampaign,
  closeEvaluationCampaign,
  codeHash,
  type EvaluationCampaignRow,
  findAnswer,
  findEvaluationCampaign,
  findInvitationByHash,
  findSignedInAnswer,
  insertAnswer,
  insertEvaluationCampaign,
  insertInvitations,
  invitationCounts,
  listAnswers,
  moderateAnswer,
  useInvitation,
} from '../../store/evaluation.repository.js';
import { agenciesOf, agencyNames, regionExists } from '../../store/review.repository.js';
import type { DB } from '../../store/schema.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { iso, isoDate, regionCode, versionField } from '../schemas.js';
import { actorOf } from '../types.js';

type Req = FastifyRequest;
const bad = (path: string, message: string) => new HttpError(400, message, [{ path, message }]);

// --- schemas ------------------------------------------------------------------------------------

export const createEvaluationSchema = z.object({
  name: z.string().trim().min(2, { message: '请填写评议活动名称（至少 2 字）' }).max(100),
  regionCode: regionCode.optional(),
  agencyIds: z.array(z.string().trim().min(1).max(40)).min(1, { message: '请选择被评议的执法机关' }).max(200),
  from: isoDate,
  to: isoDate,
  audiences: z.array(z.enum(EVALUATION_AUDIENCES)).min(1, { message: '请选择评议主体' }),
  /** The form's items; default the pack's. */
  items: z.array(evaluationItemSchema).min(1).max(30).optional(),
});

export const closeEvaluationSchema = z.object({ version: versionField });

export const issueSchema = z.object({
  agencyId: z.string().trim().min(1, { message: '请选择被评议的执法机关' }).max(40),
  audience: z.enum(EVALUATION_AUDIENCES),
  count: z
    .number()
    .int()
    .min(1, { message: '至少发放 1 个评议码' })
    .max(500, { message: '每次最多发放 500 个' }),
  /** The last day a code may be used; default today + the form's validity. */
  expiresOn: isoDate.optional(),
});

export const signedInAnswerSchema = answerInputSchema.extend({
  agencyId: z.string().trim().min(1).max(40),
  audience: z.enum(SIGNED_IN_AUDIENCES),
});

export const moderateSchema = z
  .object({
    version: versionField,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(500).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予采用须说明理由' });
  });

export const answersQuery = z.object({
  moderation: z.enum(MODERATION_STATES).optional(),
  agencyId: z.string().max(40).optional(),
});

export const evaluationCampaignSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  from: z.string(),
  to: z.string(),
  audiences: z.array(z.enum(EVALUATION_AUDIENCES)),
  form: evaluationFormSchema,
  state: z.enum(EVALUATION_CAMPAIGN_STATES),
  invitations: z.number(),
  answers: z.number(),
  /** Comments waiting for moderation (the office's count; 0 for others). */
  pending: z.number(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  /** What the reader may do. */
  office: z.boolean(),
  canAnswer: z.boolean(),
});

export const issuedSchema = z.object({
  expiresOn: z.string(),
  items: z.array(z.object({ code: z.string(), path: z.string() })),
});

export const answerSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  audience: z.enum(EVALUATION_AUDIENCES),
  byCode: z.boolean(),
  scores: z.record(z.string(), z.number()),
  mean: z.number(),
  /** Null unless approved, or the reader moderates. */
  comment: z.string().nullable(),
  moderation: z.enum(MODERATION_STATES),
  moderatedByName: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  moderationReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

const audienceResult = z.object({
  audience: z.enum(EVALUATION_AUDIENCES),
  responses: z.number(),
  mean: z.number().nullable(),
});
export const evaluationResultsSchema = z.object({
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      responses: z.number(),
      byAudience: z.array(audienceResult),
      items: z.array(
        z.object({ key: z.string(), label: z.string(), mean: z.number().nullable(), responses: z.number() }),
      ),
      mean: z.number().nullable(),
      score100: z.number().nullable(),
      comments: z.object({ approved: z.number(), pending: z.number(), rejected: z.number() }),
    }),
  ),
  invitations: z.array(
    z.object({
      agencyId: z.string(),
      audience: z.enum(EVALUATION_AUDIENCES),
      issued: z.number(),
      used: z.number(),
      expired: z.number(),
    }),
  ),
});

export const publicFormSchema = z.object({
  campaign: z.string(),
  agency: z.string(),
  audience: z.enum(EVALUATION_AUDIENCES),
  period: z.object({ from: z.string(), to: z.string() }),
  expiresOn: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), hint: z.string().nullable() })),
  scale: z.array(z.string()),
  commentMax: z.number(),
});

// --- reading ------------------------------------------------------------------------------------

/** The campaign as the reader may see it: 404 when they may not. */
export async function visibleEvaluation(req: Req, id: string): Promise<EvaluationCampaignRow> {
  const c = await findEvaluationCampaign(req.server.database.db, id);
  if (!c || !canReadEvaluation(actorOf(req), c)) throw notFound('评议活动');
  return c;
}

/** The campaign, where the reader must be its office (404 outside their reach, 403 inside it). */
async function managedEvaluation(req: Req, id: string): Promise<EvaluationCampaignRow> {
  const c = await visibleEvaluation(req, id);
  if (!isEvaluationOffice(actorOf(req), c)) throw forbidden('只有本辖区的执法监督机构可以组织外部评议');
  return c;
}

export async function presentEvaluation(req: Req, c: EvaluationCampaignRow) {
  const actor = actorOf(req);
  const names = await agencyNames(req.server.database.db, c.agencyIds);
  return {
    id: c.id,
    regionCode: c.regionCode,
    regionName: c.regionName,
    name: c.name,
    agencies: c.agencyIds.map((id) => ({ id, name: names.get(id) ?? id })),
    from: c.periodFrom,
    to: c.periodTo,
    audiences: c.audiences,
    form: c.form,
    state: c.state,
    invitations: c.invitations,
    answers: c.answers,
    pending: seesUnmoderated(actor, c) ? c.pending : 0,
    createdByName: c.createdByName,
    createdAt: iso(c.createdAt)!,
    version: c.version,
    office: isEvaluationOffice(actor, c),
    canAnswer:
      signedInAnswerRefusal(actor, c) === null && c.audiences.some((a) => a === 'expert' || a === 'monitor'),
  };
}

function presentAnswer(a: AnswerRow, moderator: boolean) {
  return {
    id: a.id,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    audience: a.audience,
    byCode: a.invitationId !== null,
    scores: a.scores,
    mean: Math.round(a.mean * 100) / 100,
    comment: moderator || a.moderation === 'approved' ? a.comment : null,
    moderation: a.moderation,
    moderatedByName: moderator ? a.moderatedByName : null,
    moderatedAt: moderator ? iso(a.moderatedAt) : null,
    moderationReason: moderator ? a.moderationReason : null,
    createdAt: iso(a.createdAt)!,
    version: a.version,
  };
}

/**
 * A campaign's answers: the office reads all of them (the moderation queue is `moderation=pending`);
 * an agency's legal office its agency's answers with approved comments only; others none.
 */
export async function campaignAnswers(req: Req, c: EvaluationCampaignRow, q: z.output<typeof answersQuery>) {
  const actor = actorOf(req);
  const reach = resultsReach(actor, c);
  if (reach === null) throw forbidden('无权查看评议内容');
  const moderator = seesUnmoderated(actor, c);
  if (!moderator && q.moderation && q.moderation !== 'approved')
    throw forbidden('未经审核的评议意见只有执法监督机构可以查看');
  const rows = await listAnswers(req.server.database.db, c.id, {
    agencyId: reach === 'all' ? q.agencyId : reach.agencyId,
    moderation: moderator ? q.moderation : 'approved',
  });
  return { items: rows.map((a) => presentAnswer(a, moderator)) };
}

/** Results per agency (the office and the administrator: all; an agency's legal office: its own). */
export async function campaignResults(req: Req, c: EvaluationCampaignRow) {
  const actor = actorOf(req);
  const reach = resultsReach(actor, c);
  if (reach === null) throw forbidden('无权查看评议结果');
  const db = req.server.database.db;
  const agencyIds = reach === 'all' ? c.agencyIds : [reach.agencyId];
  const rows = await listAnswers(db, c.id, reach === 'all' ? {} : { agencyId: reach.agencyId });
  const names = await agencyNames(db, agencyIds);
  const moderator = seesUnmoderated(actor, c);
  const results = evaluationResults(c.form.items, agencyIds, rows);
  return {
    agencies: results.map((r) => ({
      ...r,
      agencyName: names.get(r.agencyId) ?? r.agencyId,
      comments: moderator ? r.comments : { approved: r.comments.approved, pending: 0, rejected: 0 },
    })),
    invitations: (await invitationCounts(db, c.id, req.server.clock.today())).filter((i) =>
      agencyIds.includes(i.agencyId),
    ),
  };
}

// --- writing (console) --------------------------------------------------------------------------

/** Set up a campaign: agencies of the region, a period, audiences, the form of the region's pack. */
export async function createEvaluation(
  req: Req,
  b: z.output<typeof createEvaluationSchema>,
): Promise<string> {
  const app = req.server;
  const db = app.database.db;
  const actor = actorOf(req);
  const today = app.clock.today();
  const region = b.regionCode ?? actor.regionCode;
  if (!canCreateEvaluation(actor, region)) throw forbidden('只有本辖区的执法监督机构可以组织外部评议');
  if (!(await regionExists(db, region))) throw bad('regionCode', '行政区划不存在');
  const fields: { path: string; message: string }[] = [];
  if (b.from > b.to) fields.push({ path: 'to', message: '结束日期不得早于开始日期' });
  const agencyIds = [...new Set(b.agencyIds)];
  const found = new Map((await agenciesOf(db, agencyIds)).map((a) => [a.id, a]));
  b.agencyIds.forEach((id, i) => {
    const a = found.get(id);
    if (!a || !regionCovers(region, a.regionCode))
      fields.push({ path: `agencyIds[${i}]`, message: `执法机关 ${id} 不存在或不在评议地区内` });
  });
  const pack = packNameForRegion(region);
  const packForm = selectPack(pack, today).params.evaluation;
  if (!packForm)
    fields.push({ path: 'regionCode', message: '该地区适用的规则包没有外部评议表（params.evaluation）' });
  let form: EvaluationForm | null = null;
  if (packForm) {
    const parsed = evaluationFormSchema.safeParse({ ...packForm, items: b.items ?? packForm.items });
    if (parsed.success) form = parsed.data;
    else for (const i of parsed.error.issues) fields.push({ path: i.path.join('.'), message: i.message });
  }
  if (fields.length > 0 || !form) throw new ValidationError('评议活动无效', fields);
  const audiences = [...new Set(b.audiences)];
  return db.transaction().execute(async (trx) => {
    const id = await insertEvaluationCampaign(trx, {
      regionCode: region,
      name: b.name,
      agencyIds: JSON.stringify(agencyIds),
      periodFrom: b.from,
      periodTo: b.to,
      audiences: JSON.stringify(audiences),
      form: JSON.stringify(form),
      pack,
      packOn: today,
      createdBy: actor.id,
    });
    await auditAs(req, trx, {
      regionCode: region,
      action: 'evaluation.create',
      objectType: 'evaluation',
      objectId: id,
      detail: {
        name: b.name,
        agencyIds,
        from: b.from,
        to: b.to,
        audiences,
        items: form.items.map((i) => i.key),
        pack,
      },
    });
    return id;
  });
}

export async function closeEvaluation(req: Req, id: string, b: z.output<typeof closeEvaluationSchema>) {
  const c = await managedEvaluation(req, id);
  if (c.state === 'closed') throw bad('state', '评议活动已经结束');
  if (b.version !== c.version) throw conflict();
  await req.server.database.db.transaction().execute(async (trx) => {
    if (!(await claimEvaluationCampaign(trx, c.id, c.version))) throw conflict();
    await closeEvaluationCampaign(trx, c.id);
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: 'evaluation.close',
      objectType: 'evaluation',
      objectId: c.id,
      detail: { answers: c.answers, invitations: c.invitations },
    });
  });
}

/** Issue `count` one-time codes for one agency and audience; the codes are returned here only. */
export async function issueInvitations(req: Req, id: string, b: z.output<typeof issueSchema>) {
  const app = req.server;
  const c = await managedEvaluation(req, id);
  const today = app.clock.today();
  const fields: { path: string; message: string }[] = [];
  if (c.state !== 'open') fields.push({ path: 'state', message: '评议活动已经结束，不能发放评议码' });
  if (!c.agencyIds.includes(b.agencyId))
    fields.push({ path: 'agencyId', message: '该机关不在本次评议范围内' });
  if (!c.audiences.includes(b.audience)) fields.push({ path: 'audience', message: '本次评议不含该评议主体' });
  const expiresOn = b.expiresOn ?? addDays(today, c.form.codeValidDays);
  if (expiresOn < today) fields.push({ path: 'expiresOn', message: '有效期不得早于今天' });
  if (fields.length > 0) throw new ValidationError('不能发放评议码', fields);
  const codes = new Set<string>();
  while (codes.size < b.count) codes.add(codeFromBytes(randomBytes(16)));
  await app.database.db.transaction().execute(async (trx) => {
    await insertInvitations(
      trx,
      [...codes].map((code) => ({
        campaignId: c.id,
        regionCode: c.regionCode,
        agencyId: b.agencyId,
        audience: b.audience,
        codeHash: codeHash(code),
        expiresOn,
        issuedBy: actorOf(req).id,
      })),
    );
    // The audit keeps the count, never the codes.
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: 'evaluation.invite',
      objectType: 'evaluation',
      objectId: c.id,
      detail: { agencyId: b.agencyId, audience: b.audience, count: b.count, expiresOn },
    });
  });
  return {
    expiresOn,
    items: [...codes].map((code) => ({
      code: formatCode(code),
      path: `/public/evaluate?code=${formatCode(code)}`,
    })),
  };
}

/** A moderator approves or rejects a pending comment, with the reason when rejected. */
export async function moderate(req: Req, answerId: string, b: z.output<typeof moderateSchema>) {
  const app = req.server;
  const db = app.database.db;
  const a = await findAnswer(db, answerId);
  const c = a ? await findEvaluationCampaign(db, a.campaignId) : undefined;
  if (!a || !c || !canReadEvaluation(actorOf(req), c)) throw notFound('评议意见');
  if (!seesUnmoderated(actorOf(req), c)) throw forbidden('只有本辖区的执法监督机构可以审核评议意见');
  if (a.moderation !== 'pending') throw bad('decision', '该评议意见已经审核');
  if (b.version !== a.version) throw conflict();
  const moderation = b.decision === 'approve' ? 'approved' : 'rejected';
  await db.transaction().execute(async (trx) => {
    const ok = await moderateAnswer(trx, a.id, a.version, {
      moderation,
      moderatedBy: actorOf(req).id,
      moderatedAt: app.clock.now(),
      reason: b.reason ?? null,
    });
    if (!ok) throw conflict();
    await auditAs(req, trx, {
      regionCode: a.regionCode,
      action: `evaluation_answer.${b.decision}`,
      objectType: 'evaluation_answer',
      objectId: a.id,
      detail: { campaignId: c.id, agencyId: a.agencyId, reason: b.reason ?? null },
    });
  });
  return presentAnswer((await findAnswer(db, a.id))!, true);
}

async function storeAnswer(
  trx: Transaction<DB>,
  c: { id: string; regionCode: string; form: EvaluationForm },
  who: { agencyId: string; audience: EvaluationAudience; invitationId: string | null; userId: string | null },
  input: z.output<typeof answerInputSchema>,
) {
  const answer = parseAnswer(c.form, input);
  const moderation = answer.comment === null ? 'none' : 'pending';
  const id = await insertAnswer(trx, {
    campaignId: c.id,
    regionCode: c.regionCode,
    agencyId: who.agencyId,
    audience: who.audience,
    invitationId: who.invitationId,
    userId: who.userId,
    scores: JSON.stringify(answer.scores),
    mean: answerMean(answer.scores),
    comment: answer.comment,
    moderation,
  });
  return { id, moderation, mean: answerMean(answer.scores) } as const;
}

/** An evaluator (expert, 行政执法监督员) answers signed in: once per agency and campaign. */
export async function answerSignedIn(req: Req, id: string, b: z.output<typeof signedInAnswerSchema>) {
  const actor = actorOf(req);
  const db = req.server.database.db;
  const c = await visibleEvaluation(req, id);
  const refusal = signedInAnswerRefusal(actor, c);
  if (refusal) throw forbidden(refusal);
  const fields: { path: string; message: string }[] = [];
  if (!c.agencyIds.includes(b.agencyId))
    fields.push({ path: 'agencyId', message: '该机关不在本次评议范围内' });
  if (!c.audiences.includes(b.audience)) fields.push({ path: 'audience', message: '本次评议不含该评议主体' });
  if (fields.length > 0) throw new ValidationError('评议内容无效', fields);
  parseAnswer(c.form, b);
  if (await findSignedInAnswer(db, c.id, b.agencyId, actor.id))
    throw conflict('您已评议过该机关，每人对每个机关只能评议一次');
  return db.transaction().execute(async (trx) => {
    const stored = await storeAnswer(
      trx,
      c,
      { agencyId: b.agencyId, audience: b.audience, invitationId: null, userId: actor.id },
      b,
    ).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw conflict('您已评议过该机关，每人对每个机关只能评议一次');
      throw e;
    });
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: 'evaluation_answer.create',
      objectType: 'evaluation_answer',
      objectId: stored.id,
      detail: {
        campaignId: c.id,
        agencyId: b.agencyId,
        audience: b.audience,
        comment: stored.moderation === 'pending',
      },
    });
    return { id: stored.id, moderation: stored.moderation };
  });
}

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

// --- the public portal ----------------------------------------------------------------------------

const codeError = (status: number, message: string) =>
  new HttpError(status, message, [{ path: 'code', message }]);

/** The invitation of a typed code, answerable today: 400 (not a code), 404 (unknown), 410 (used, closed, expired). */
async function answerableInvitation(app: FastifyInstance, raw: string) {
  const code = normalizeCode(raw);
  if (!code) throw codeError(400, '评议码格式不正确，请核对后重新输入');
  const inv = await findInvitationByHash(app.database.db, codeHash(code));
  if (!inv) throw codeError(404, '评议码不存在，请核对后重新输入');
  const status = invitationStatus(inv, inv.campaignState, app.clock.today());
  if (status !== 'valid') throw codeError(410, INVITATION_STATUS_MESSAGES[status]);
  return inv;
}

export async function publicForm(app: FastifyInstance, raw: string) {
  const inv = await answerableInvitation(app, raw);
  return {
    campaign: inv.campaignName,
    agency: inv.agencyName,
    audience: inv.audience,
    period: { from: inv.periodFrom, to: inv.periodTo },
    expiresOn: inv.expiresOn,
    items: inv.form.items.map((i) => ({ key: i.key, label: i.label, hint: i.hint ?? null })),
    scale: inv.form.scale,
    commentMax: inv.form.commentMax,
  };
}

/** Answer by code: the code is spent and the answer stored in one transaction, or neither. */
export async function publicAnswer(app: FastifyInstance, raw: string, b: z.output<typeof answerInputSchema>) {
  const inv = await answerableInvitation(app, raw);
  const form = inv.form;
  parseAnswer(form, b);
  return app.database.db.transaction().execute(async (trx) => {
    if (!(await useInvitation(trx, inv.id, app.clock.now())))
      throw codeError(410, INVITATION_STATUS_MESSAGES.used);
    const stored = await storeAnswer(
      trx,
      { id: inv.campaignId, regionCode: inv.regionCode, form },
      { agencyId: inv.agencyId, audience: inv.audience, invitationId: inv.id, userId: null },
      b,
    );
    await appendAudit(trx, {
      regionCode: inv.regionCode,
      actorId: null,
      actorName: 'public',
      action: 'evaluation_answer.create',
      objectType: 'evaluation_answer',
      objectId: stored.id,
      detail: {
        campaignId: inv.campaignId,
        agencyId: inv.agencyId,
        audience: inv.audience,
        invitationId: inv.id,
        comment: stored.moderation === 'pending',
      },
    });
    return { moderation: stored.moderation };
  });
}

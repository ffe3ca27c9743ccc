// 岗位 (issue 13): an agency's posts (the stages of its duty list's 责任事项 each answers for, for all
// of its items or some 职权编码), who held them from one day to another, an officer's duties (the
// posts held → their stages → the items of the agency's list in force), and the attribution a case's
// findings start from: the officers who held the post answerable for the stage where each fault
// arose, on the act's day (src/core/duties/posts.ts). Reading follows the duty lists
// (policies/posts.ts); keeping posts is for the supervision office of the agency's region, the
// administrator and the agency's legal office; jurisdiction is checked against the stored agency.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DUTY_STAGES, type DutyStage } from '../../core/duties/columns.js';
import { DUTY_CODE } from '../../core/duties/item.js';
import {
  type AttributionFault,
  heldOn,
  matterItem,
  officerDuties,
  proposeAttribution,
} from '../../core/duties/posts.js';
import type { Actor } from '../../core/policies/actor.js';
import { caseActorKinds } from '../../core/policies/case.js';
import { canOfficer } from '../../core/policies/officer.js';
import { canReadPosts, postDenial } from '../../core/policies/posts.js';
import { ROLES } from '../../core/rulebook/types.js';
import { actDate, type PrefillActBody } from '../../core/workflow/findings-prefill.js';
import { findActWithAgency } from '../../store/acts.repository.js';
import { findAgency } from '../../store/agencies.repository.js';
import { loadCase } from '../../store/cases.repository.js';
import { dutyItemsInForce } from '../../store/duties.repository.js';
import { findLead } from '../../store/leads.repository.js';
import { findOfficer, registerOfficersByIds } from '../../store/officers.repository.js';
import {
  addHolding,
  endHolding,
  findPost,
  insertPost,
  listPosts,
  officerHoldings,
  postNameTaken,
  type StoredPost,
  unknownDutyCodes,
  updatePost,
} from '../../store/posts.repository.js';
import { auditAs } from '../audit.js';
import { caseRefOf } from '../cases/actions.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { errors, idParam, iso, isoDate, serialId, versionField } from '../schemas.js';
import { actorOf } from '../types.js';

const stage = z.enum(DUTY_STAGES);
const agencyId = z.string().trim().min(1).max(64);
const postName = z.string().trim().min(1, { message: '请填写岗位名称' }).max(50);
const stages = z.array(stage).min(1, { message: '至少选择一个环节' }).max(DUTY_STAGES.length);
const codes = z
  .array(z.string().trim().regex(DUTY_CODE, { message: '职权编码应为字母、数字、“-”“.”“_”' }))
  .max(500);
const postParams = z.object({ id: z.uuid({ message: '岗位编号无效' }) });

const holdingSchema = z.object({
  id: z.number(),
  officerId: z.string(),
  officerName: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  /** Held on the day asked. */
  current: z.boolean(),
});

const postSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  regionCode: z.string(),
  name: z.string(),
  stages: z.array(stage),
  codes: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  holders: z.array(holdingSchema),
  permissions: z.object({ update: z.boolean() }),
});

/** The agency a post belongs to, as the policies name it. */
const agencyOf = (p: StoredPost) => ({ id: p.agencyId, regionCode: p.regionCode });

function presentPost(p: StoredPost, actor: Actor, on: string) {
  return {
    id: p.id,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    regionCode: p.regionCode,
    name: p.name,
    stages: [...p.stages],
    codes: [...p.codes],
    version: p.version,
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
    holders: p.holdings.map((h) => ({
      id: h.id,
      officerId: h.officerId,
      officerName: h.officerName,
      from: h.from,
      to: h.to,
      current: heldOn(h, on),
    })),
    permissions: { update: postDenial(actor, agencyOf(p)) === null },
  };
}

const itemRef = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  role: z.enum(['lead', 'assist']),
});

/** `penalty.04` or `penalty.12:service` (the stage the investigator gives), comma-separated. */
const faultList = z
  .string()
  .max(2000)
  .transform((s, ctx): AttributionFault[] => {
    const out: AttributionFault[] = [];
    for (const part of s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [code, given] = part.split(':');
      if (
        !/^[a-z]+\.\d{2}$/.test(code) ||
        (given !== undefined && !DUTY_STAGES.includes(given as DutyStage))
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `无效的违法事项：${part}（如 penalty.04 或 penalty.12:service）`,
        });
        return z.NEVER;
      }
      out.push({ code, stage: (given as DutyStage | undefined) ?? null });
    }
    return out;
  });

const attributionSchema = z.object({
  caseId: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  on: z.string(),
  actId: z.string().nullable(),
  /** The act's matter and the duty item of the agency's list it names (null: not on the list). */
  matter: z.string().nullable(),
  item: itemRef.nullable(),
  faults: z.array(
    z.object({
      code: z.string(),
      stage: stage.nullable(),
      source: z.enum(['given', 'rule', 'catalogue']).nullable(),
      role: z.enum(ROLES).nullable(),
      duties: z.array(z.string()),
      posts: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          holders: z.array(z.object({ officerId: z.string(), name: z.string() })),
        }),
      ),
      gap: z.enum(['no_stage', 'no_post', 'no_holder']).nullable(),
    }),
  ),
  people: z.array(
    z.object({
      officerId: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      faults: z.array(z.string()),
      posts: z.array(z.string()),
    }),
  ),
});

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export default async function postRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  /** The agency, if the actor may read its posts (else 404, as for any object). */
  async function readableAgency(actor: Actor, id: string) {
    const agency = await findAgency(db(), id);
    if (!agency || !canReadPosts(actor, agency)) throw notFound('执法机关');
    return agency;
  }

  /** The stored post, readable (404) and kept by the actor (403). */
  async function keptPost(actor: Actor, id: string) {
    const post = await findPost(db(), id);
    if (!post || !canReadPosts(actor, agencyOf(post))) throw notFound('岗位');
    const why = postDenial(actor, agencyOf(post));
    if (why) throw forbidden(why);
    return post;
  }

  async function checkCodes(agency: string, given: readonly string[] | undefined) {
    if (!given || given.length === 0) return;
    const unknown = await unknownDutyCodes(db(), agency, given);
    if (unknown.length > 0) {
      throw new HttpError(
        400,
        '职权编码不在该机关的权责清单中',
        unknown.map((c) => ({ path: `codes[${given.indexOf(c)}]`, message: `该机关的权责清单中没有 ${c}` })),
      );
    }
  }

  async function checkName(agency: string, name: string | undefined, except?: string) {
    if (name !== undefined && (await postNameTaken(db(), agency, name, except))) {
      throw new HttpError(400, '岗位名称重复', [{ path: 'name', message: '该机关已有同名岗位' }]);
    }
  }

  const answer = async (actor: Actor, id: string, on = app.clock.today()) =>
    presentPost((await findPost(db(), id))!, actor, on);

  r.get(
    '/posts',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '岗位：某机关的岗位、所负环节、职权范围和在岗人员',
        description: 'holders 为全部任职记录（新的在前），current 表示 on（默认今天）当日在岗。',
        querystring: z.object({ agencyId, on: isoDate.optional() }),
        response: {
          200: z.object({
            agencyId: z.string(),
            agencyName: z.string(),
            on: z.string(),
            items: z.array(postSchema),
            permissions: z.object({ create: z.boolean() }),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const agency = await readableAgency(actor, req.query.agencyId);
      const on = req.query.on ?? app.clock.today();
      const posts = await listPosts(db(), agency.id);
      return {
        agencyId: agency.id,
        agencyName: agency.name,
        on,
        items: posts.map((p) => presentPost(p, actor, on)),
        permissions: { create: postDenial(actor, agency) === null },
      };
    },
  );

  r.post(
    '/posts',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '新增岗位',
        description:
          'codes 为空表示负责该机关清单的全部事项；非空时只负责所列职权编码（须在该机关的清单中）。',
        body: z.object({ agencyId, name: postName, stages, codes: codes.default([]) }),
        response: { 201: postSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body;
      const agency = await readableAgency(actor, body.agencyId);
      const why = postDenial(actor, agency);
      if (why) throw forbidden(why);
      await checkName(agency.id, body.name);
      await checkCodes(agency.id, body.codes);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const id = await insertPost(trx, {
            agencyId: agency.id,
            regionCode: agency.regionCode,
            name: body.name,
            stages: body.stages,
            codes: body.codes,
          });
          await auditAs(req, trx, {
            regionCode: agency.regionCode,
            action: 'post.create',
            objectType: 'post',
            objectId: id,
            detail: { agencyId: agency.id, name: body.name, stages: body.stages, codes: body.codes },
          });
          return id;
        });
      return reply.code(201).send(await answer(actor, id));
    },
  );

  r.patch(
    '/posts/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '修改岗位（名称、环节、职权范围）',
        params: postParams,
        body: z.object({
          version: versionField,
          name: postName.optional(),
          stages: stages.optional(),
          codes: codes.optional(),
        }),
        response: { 200: postSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const post = await keptPost(actor, req.params.id);
      const { version, ...patch } = req.body;
      await checkName(post.agencyId, patch.name, post.id);
      await checkCodes(post.agencyId, patch.codes);
      await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await updatePost(trx, post.id, version, patch))) throw conflict();
          await auditAs(req, trx, {
            regionCode: post.regionCode,
            action: 'post.update',
            objectType: 'post',
            objectId: post.id,
            detail: { ...patch },
          });
        });
      return answer(actor, post.id);
    },
  );

  r.post(
    '/posts/:id/holders',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '任命在岗人员（自某日起，可定止日）',
        description: 'to 为最后在岗日（含）；同一人员在同一岗位的任职期间不得重叠。人员须属该岗位所在机关。',
        params: postParams,
        body: z
          .object({
            officerId: z.string().trim().min(1).max(40),
            from: isoDate,
            to: isoDate.nullable().optional(),
          })
          .refine((b) => b.to == null || b.to >= b.from, { path: ['to'], message: '止日不得早于起日' }),
        response: { 201: postSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const post = await keptPost(actor, req.params.id);
      const { officerId, from } = req.body;
      const to = req.body.to ?? null;
      const officer = await findOfficer(db(), officerId, app.clock.today());
      if (!officer || officer.agencyId !== post.agencyId) {
        throw new HttpError(400, '人员不属于该岗位所在机关', [
          { path: 'officerId', message: `${post.agencyName}没有该执法人员` },
        ]);
      }
      await db()
        .transaction()
        .execute(async (trx) => {
          const id = await addHolding(trx, {
            postId: post.id,
            officerId,
            regionCode: post.regionCode,
            from,
            to,
          });
          if (id === null) {
            throw new HttpError(400, '任职期间重叠', [
              { path: 'from', message: `${officer.name}在此期间已在该岗位` },
            ]);
          }
          await auditAs(req, trx, {
            regionCode: post.regionCode,
            action: 'post.assign',
            objectType: 'post',
            objectId: post.id,
            detail: { holdingId: id, officerId, from, to },
          });
        });
      return reply.code(201).send(await answer(actor, post.id));
    },
  );

  r.patch(
    '/posts/:id/holders/:holderId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '免去在岗人员（定最后在岗日）或撤销止日',
        description: 'to 为最后在岗日（含），不得早于起日；null 撤销止日（继续在岗）。',
        params: z.object({ id: postParams.shape.id, holderId: serialId }),
        body: z.object({ to: isoDate.nullable() }),
        response: { 200: postSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const post = await keptPost(actor, req.params.id);
      const h = post.holdings.find((x) => x.id === req.params.holderId);
      if (!h) throw notFound('任职记录');
      const to = req.body.to;
      if (to !== null && to < h.from) {
        throw new HttpError(400, '止日不得早于起日', [{ path: 'to', message: `不得早于起日 ${h.from}` }]);
      }
      await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await endHolding(trx, h, to))) {
            throw new HttpError(400, '任职期间重叠', [
              { path: 'to', message: `${h.officerName}在此期间已在该岗位` },
            ]);
          }
          await auditAs(req, trx, {
            regionCode: post.regionCode,
            action: to === null ? 'post.reinstate' : 'post.unassign',
            objectType: 'post',
            objectId: post.id,
            detail: { holdingId: h.id, officerId: h.officerId, from: h.from, to },
          });
        });
      return answer(actor, post.id);
    },
  );

  r.get(
    '/officers/:id/duties',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '执法人员的岗位与职责（所任岗位 → 环节 → 所在机关某日施行的清单事项）',
        params: idParam,
        querystring: z.object({ on: isoDate.optional() }),
        response: {
          200: z.object({
            officerId: z.string(),
            agencyId: z.string(),
            on: z.string(),
            /** Every post held, newest first; `current` on the day asked. */
            held: z.array(
              z.object({
                postId: z.string(),
                postName: z.string(),
                agencyId: z.string(),
                stages: z.array(stage),
                codes: z.array(z.string()),
                from: z.string(),
                to: z.string().nullable(),
                current: z.boolean(),
              }),
            ),
            /** The posts held on the day, each with the items it answers for. */
            duties: z.array(
              z.object({
                postId: z.string(),
                postName: z.string(),
                stages: z.array(stage),
                items: z.array(itemRef.extend({ duties: z.array(z.string()) })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const on = req.query.on ?? app.clock.today();
      const officer = await findOfficer(db(), req.params.id, app.clock.today());
      if (!officer || !canOfficer(actor, 'read', officer)) throw notFound('执法人员');
      const held = await officerHoldings(db(), officer.id);
      const current = held.filter((h) => heldOn(h, on));
      const agencies = [...new Set(current.map((h) => h.post.agencyId))];
      const items = (
        await Promise.all(agencies.map((a) => dutyItemsInForce(db(), { kind: 'agency', agencyId: a }, on)))
      ).flat();
      const duties = current.map((h) => {
        const [d] = officerDuties(
          [h.post],
          items.filter((i) => i.agency === h.post.agencyId),
        );
        return {
          postId: h.post.id,
          postName: h.post.name,
          stages: [...h.post.stages],
          items: d.items.map((x) => ({
            code: x.item.code,
            name: x.item.name,
            type: x.item.type,
            role: x.item.role,
            duties: x.duties,
          })),
        };
      });
      return {
        officerId: officer.id,
        agencyId: officer.agencyId,
        on,
        held: held.map((h) => ({
          postId: h.post.id,
          postName: h.post.name,
          agencyId: h.post.agencyId,
          stages: [...h.post.stages],
          codes: [...h.post.codes],
          from: h.from,
          to: h.to,
          current: heldOn(h, on),
        })),
        duties,
      };
    },
  );

  r.get(
    '/cases/:id/attribution',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '岗位归责建议：各违法事项所在环节的责任岗位及行为当日在岗人员',
        description:
          '环节依检测规则、违法事项（过错行为目录）确定，或由 faults 中“编码:环节”指定（如 penalty.12:service）。' +
          'faults 默认为已认定的违法事项，否则为线索的违法事项；on 默认为认定的发生日期、执法行为日期或线索日期。' +
          '岗位限定职权编码时，按执法行为的事项（matter）所对应的清单事项确定。仅为建议，由调查人员确认或修改。',
        params: z.object({ id: z.uuid({ message: '案件编号无效' }) }),
        querystring: z.object({ faults: faultList.optional(), on: isoDate.optional() }),
        response: { 200: attributionSchema, ...errors },
      },
    },
    async (req) => {
      const c = await loadCase(db(), req.params.id);
      const kinds = c ? caseActorKinds(actorOf(req), caseRefOf(c)) : [];
      if (!c || !kinds.some((k) => k === 'supervisor' || k === 'investigator')) throw notFound('案件');
      const lead = c.leadId ? await findLead(db(), c.leadId) : undefined;
      const act = lead?.actId ? await findActWithAgency(db(), lead.actId) : undefined;
      const body = (act?.body ?? {}) as PrefillActBody & { matter?: unknown };
      const facts = (c.facts ?? {}) as { faults?: unknown; occurredOn?: unknown };
      const recorded = Array.isArray(facts.faults)
        ? facts.faults.filter((f): f is string => typeof f === 'string')
        : [];
      const asked: AttributionFault[] =
        req.query.faults ??
        (recorded.length > 0 ? recorded : lead?.faultCode ? [lead.faultCode] : []).map((code) => ({ code }));
      // The lead's rule says the stage of the fault it found.
      const faults = asked.map((f) => ({ ...f, rule: f.code === lead?.faultCode ? lead.rule : null }));
      const on =
        req.query.on ??
        text(facts.occurredOn) ??
        (act ? actDate(body) : null) ??
        lead?.occurredOn ??
        c.registeredOn;
      const agency =
        (await findAgency(db(), act?.agencyId ?? c.agencyId)) ?? (await findAgency(db(), c.agencyId))!;
      const [posts, items] = await Promise.all([
        listPosts(db(), agency.id),
        dutyItemsInForce(db(), { kind: 'agency', agencyId: agency.id }, on),
      ]);
      const matter = text(body.matter);
      const item = matterItem(items, matter);
      const proposal = proposeAttribution({
        faults,
        on,
        posts,
        holdings: posts.flatMap((p) => p.holdings),
        item,
      });
      const names = new Map(
        (
          await registerOfficersByIds(db(), [
            ...new Set(posts.flatMap((p) => p.holdings.map((h) => h.officerId))),
          ])
        ).map((o) => [o.id, o.name]),
      );
      const postById = new Map(posts.map((p) => [p.id, p]));
      return {
        caseId: c.id,
        agency: { id: agency.id, name: agency.name },
        on,
        actId: act?.id ?? null,
        matter,
        item: item ? { code: item.code, name: item.name, type: item.type, role: item.role } : null,
        faults: proposal.faults.map((f) => ({
          ...f,
          posts: f.posts.map((p) => ({
            id: p.postId,
            name: postById.get(p.postId)!.name,
            holders: p.officerIds.map((officerId) => ({
              officerId,
              name: names.get(officerId) ?? officerId,
            })),
          })),
        })),
        people: proposal.people.map((p) => ({
          officerId: p.officerId,
          name: names.get(p.officerId) ?? p.officerId,
          role: p.role,
          faults: p.faults,
          posts: p.postIds.map((id) => postById.get(id)!.name),
        })),
      };
    },
  );
}

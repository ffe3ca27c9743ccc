// The leads inbox (线索): complaints, detection findings and referrals entered by hand.
// Triage: merge duplicates, dismiss with a reason (told to a named complainant through the
// tracking page), or open a case. Also the referrals to discipline and judicial organs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/policies/actor.js';
import {
  canManageLeads,
  canReadLead,
  canReadReferral,
  canRecordReferralOutcome,
  leadActorKinds,
  leadScope,
  referralOrgan,
  referralScope,
} from '../../core/policies/case.js';
import { REFERRALS } from '../../core/rulebook/types.js';
import { actionAvailability, checkAction } from '../../core/workflow/engine.js';
import {
  LEAD_PROCEDURE,
  LEAD_STATUSES,
  type LeadAction,
  type LeadInputs,
  leadSnapshotOf,
  MANUAL_LEAD_SOURCES,
} from '../../core/workflow/lead.js';
import { packNameForRegion } from '../../core/workflow/pack.js';
import { findAgency } from '../../store/agencies.repository.js';
import { insertCase, nextCaseNumber } from '../../store/cases.repository.js';
import {
  findLead,
  insertLead,
  type LeadRow,
  listLeads,
  setLeadCase,
  updateLead,
} from '../../store/leads.repository.js';
import { officerExists } from '../../store/officers.repository.js';
import { findReferral, listReferrals, recordReferralOutcome } from '../../store/referrals.repository.js';
import type { LeadSource } from '../../store/schema.js';
import { auditAs } from '../audit.js';
import { LEAD_SOURCES, SOURCE_LABELS } from '../cases/present.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { refuseUnlessAllowed } from '../procedure.js';
import {
  availabilitySchema,
  errors,
  iso,
  isoDate,
  pageOf,
  pageQuery,
  serialId,
  versionField,
} from '../schemas.js';
import { actorOf } from '../types.js';

const SOURCES = LEAD_SOURCES;
const MANUAL_SOURCES = MANUAL_LEAD_SOURCES;
const STATUSES = LEAD_STATUSES;

const leadSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  source: z.enum(SOURCES),
  sourceLabel: z.string(),
  status: z.enum(STATUSES),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  officerId: z.string().nullable(),
  subject: z.string(),
  narrative: z.string(),
  occurredOn: z.string().nullable(),
  receipt: z.string().nullable(),
  anonymous: z.boolean().nullable(),
  officerNamed: z.string().nullable(),
  actId: z.string().nullable(),
  rule: z.string().nullable(),
  faultCode: z.string().nullable(),
  basis: z.string().nullable(),
  detail: z.string().nullable(),
  mergedInto: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  dismissReason: z.string().nullable(),
  /** 复查: the complainant asked for the dismissal to be re-examined (the lead is back in the inbox). */
  reexamination: z
    .object({ requestedOn: z.string(), grounds: z.string(), dismissReason: z.string().nullable() })
    .nullable(),
  version: z.number(),
  createdAt: z.string(),
});

function present(l: LeadRow) {
  return {
    id: l.id,
    regionCode: l.regionCode,
    source: l.source,
    sourceLabel: SOURCE_LABELS[l.source] ?? l.source,
    status: l.status,
    agencyId: l.agencyId,
    agencyName: l.agencyName,
    officerId: l.officerId,
    subject: l.subject,
    narrative: l.narrative,
    occurredOn: l.occurredOn,
    receipt: l.receipt,
    anonymous: l.anonymous,
    officerNamed: l.complaintOfficerName,
    actId: l.actId,
    rule: l.rule,
    faultCode: l.faultCode,
    basis: l.basis,
    detail: l.detail,
    mergedInto: l.mergedInto,
    caseId: l.caseId,
    caseNumber: l.caseNumber,
    dismissReason: l.dismissReason,
    reexamination: (l.reexamination ?? null) as {
      requestedOn: string;
      grounds: string;
      dismissReason: string | null;
    } | null,
    version: l.version,
    createdAt: iso(l.createdAt)!,
  };
}

const LEAD_ACTIONS = Object.keys(LEAD_PROCEDURE.actions) as [LeadAction, ...LeadAction[]];

/** One lead as its reader sees it: with the triage steps open to them, or why not. */
const leadDetailSchema = leadSchema.extend({ availability: availabilitySchema(LEAD_ACTIONS) });

function presentDetail(l: LeadRow, actor: Actor) {
  return {
    ...present(l),
    availability: actionAvailability(LEAD_PROCEDURE, leadSnapshotOf(l), leadActorKinds(actor, l.regionCode), {
      actorId: actor.id,
    }),
  };
}

const leadId = z.object({ id: z.uuid({ message: '线索编号无效' }) });

export default async function leadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  /** The engine's checks of a triage step on the stored lead (after manageable). */
  function triage<A extends LeadAction>(
    req: Parameters<typeof actorOf>[0],
    lead: LeadRow,
    action: A,
    input: LeadInputs[A],
  ): void {
    const kinds = leadActorKinds(actorOf(req), lead.regionCode);
    const check = checkAction(LEAD_PROCEDURE, leadSnapshotOf(lead), action, input, kinds, {
      actorId: actorOf(req).id,
    });
    refuseUnlessAllowed(check);
  }

  async function manageable(req: Parameters<typeof actorOf>[0], id: string) {
    const actor = actorOf(req);
    const lead = await findLead(db(), id);
    // Outside the reader's inbox it does not exist; inside it, only its office triages.
    if (!lead || !canReadLead(actor, lead.regionCode)) throw notFound('线索');
    if (!canManageLeads(actor, lead.regionCode)) throw forbidden('只有执法监督机构可以处理线索');
    return lead;
  }

  r.get(
    '/leads',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '线索列表',
        querystring: z.object({
          status: z.enum(STATUSES).optional(),
          source: z.enum(SOURCES).optional(),
          agencyId: z.string().max(40).optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(leadSchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const scope = leadScope(actorOf(req));
      if (scope.kind === 'none') throw forbidden('当前角色无权查看线索');
      const result = await listLeads(db(), scope, f, { page, pageSize });
      return { ...result, items: result.items.map(present) };
    },
  );

  r.get(
    '/leads/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '线索详情',
        params: leadId,
        response: { 200: leadDetailSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const lead = await findLead(db(), req.params.id);
      if (!lead || !canReadLead(actor, lead.regionCode)) throw notFound('线索');
      return presentDetail(lead, actor);
    },
  );

  r.post(
    '/leads',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '登记线索（上级交办、人大转办、媒体、案卷评查、复议诉讼纠错等）',
        body: z.object({
          source: z.enum(MANUAL_SOURCES),
          agencyId: z.string().max(40),
          officerId: z.string().max(40).optional(),
          subject: z.string().trim().min(2).max(100),
          narrative: z.string().trim().min(1).max(5000),
          occurredOn: isoDate.optional(),
        }),
        response: { 201: leadSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const agency = await findAgency(db(), req.body.agencyId);
      if (!agency) throw new HttpError(400, '机关不存在', [{ path: 'agencyId', message: '机关不存在' }]);
      if (!canManageLeads(actor, agency.regionCode)) throw forbidden('只能登记本辖区的线索');
      const b = req.body;
      // An empty choice names nobody; a named officer must be on the register.
      const officerId = b.officerId?.trim() || null;
      if (officerId && !(await officerExists(db(), officerId))) {
        throw new HttpError(400, '执法人员不存在', [{ path: 'officerId', message: '执法人员不存在' }]);
      }
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const newId = await insertLead(trx, {
            regionCode: agency.regionCode,
            source: b.source as LeadSource,
            agencyId: agency.id,
            officerId,
            subject: b.subject,
            narrative: b.narrative,
            occurredOn: b.occurredOn ?? null,
            complaintId: null,
            findingKey: null,
            actId: null,
            rule: null,
            faultCode: null,
            basis: null,
            detail: null,
            mergedInto: null,
            caseId: null,
            dismissReason: null,
            createdBy: actor.id,
            updatedAt: app.clock.now(),
          });
          await auditAs(req, trx, {
            regionCode: agency.regionCode,
            action: 'lead.create',
            objectType: 'lead',
            objectId: newId,
            detail: { ...b },
          });
          return newId;
        });
      return reply.code(201).send(presentDetail((await findLead(db(), id))!, actorOf(req)));
    },
  );

  r.post(
    '/leads/:id/dismiss',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '不予立案（须写明理由；实名投诉人可凭回执号看到理由）',
        params: leadId,
        body: z.object({
          version: versionField,
          reason: z.string().trim().min(4, { message: '请写明理由（至少 4 字）' }).max(2000),
        }),
        response: { 200: leadDetailSchema, ...errors },
      },
    },
    async (req) => {
      const lead = await manageable(req, req.params.id);
      triage(req, lead, 'dismiss', req.body);
      await db()
        .transaction()
        .execute(async (trx) => {
          if (
            !(await updateLead(trx, lead.id, req.body.version, {
              status: 'dismissed',
              dismissReason: req.body.reason,
              dismissedBy: actorOf(req).id,
            }))
          )
            throw conflict();
          await auditAs(req, trx, {
            regionCode: lead.regionCode,
            action: 'lead.dismiss',
            objectType: 'lead',
            objectId: lead.id,
            detail: { reason: req.body.reason },
          });
        });
      return presentDetail((await findLead(db(), lead.id))!, actorOf(req));
    },
  );

  r.post(
    '/leads/:id/merge',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '合并重复线索',
        params: leadId,
        body: z.object({ version: versionField, into: z.uuid() }),
        response: { 200: leadDetailSchema, ...errors },
      },
    },
    async (req) => {
      const lead = await manageable(req, req.params.id);
      const found = await findLead(db(), req.body.into);
      triage(req, lead, 'merge', {
        into: req.body.into,
        target: found ? { id: found.id, city: found.regionCode.slice(0, 4), status: found.status } : null,
      });
      const target = found!;
      await db()
        .transaction()
        .execute(async (trx) => {
          if (
            !(await updateLead(trx, lead.id, req.body.version, { status: 'merged', mergedInto: target.id }))
          )
            throw conflict();
          await auditAs(req, trx, {
            regionCode: lead.regionCode,
            action: 'lead.merge',
            objectType: 'lead',
            objectId: lead.id,
            detail: { into: target.id },
          });
        });
      return presentDetail((await findLead(db(), lead.id))!, actorOf(req));
    },
  );

  r.post(
    '/leads/:id/open',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '据线索登记案件（其后经立案审批进入调查）',
        params: leadId,
        body: z.object({
          version: versionField,
          agencyId: z.string().max(40).optional(),
          subject: z.string().trim().min(2).max(100).optional(),
          summary: z.string().trim().max(5000).optional(),
        }),
        response: { 201: z.object({ caseId: z.string(), number: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const lead = await manageable(req, req.params.id);
      triage(req, lead, 'open', req.body);
      const agencyId = req.body.agencyId ?? lead.agencyId;
      if (!agencyId)
        throw new HttpError(400, '须指定被调查的执法机关', [
          { path: 'agencyId', message: '须指定被调查的执法机关' },
        ]);
      const agency = await findAgency(db(), agencyId);
      if (!agency || !canManageLeads(actorOf(req), agency.regionCode)) {
        throw new HttpError(400, '机关不存在或不在本辖区', [
          { path: 'agencyId', message: '机关不存在或不在本辖区' },
        ]);
      }
      const today = app.clock.today();
      const result = await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await updateLead(trx, lead.id, req.body.version, { status: 'opened' }))) throw conflict();
          const number = await nextCaseNumber(
            trx,
            `${agency.regionCode.slice(0, 4)}00`,
            agency.regionName,
            Number(today.slice(0, 4)),
          );
          const caseId = await insertCase(trx, {
            number,
            regionCode: agency.regionCode,
            leadId: lead.id,
            source: lead.source,
            state: 'registered',
            agencyId: agency.id,
            subject: req.body.subject ?? lead.subject,
            summary: req.body.summary ?? [lead.narrative, lead.detail].filter(Boolean).join('\n'),
            pack: packNameForRegion(agency.regionCode),
            registeredOn: today,
            acceptedOn: null,
            acceptanceOpinion: null,
            declineReason: null,
            investigationStartedOn: null,
            facts: null,
            determination: null,
            findingsText: null,
            findingsOn: null,
            statementNoticeOn: null,
            decisionKind: null,
            decisionOn: null,
            decisionReasons: null,
            servedOn: null,
            service: null,
            executedOn: null,
            executionNote: null,
            closedOn: null,
            createdBy: actorOf(req).id,
            updatedAt: app.clock.now(),
          });
          await setLeadCase(trx, lead.id, caseId);
          await auditAs(req, trx, {
            regionCode: agency.regionCode,
            action: 'lead.open',
            objectType: 'lead',
            objectId: lead.id,
            detail: { caseId, number },
          });
          await auditAs(req, trx, {
            regionCode: agency.regionCode,
            action: 'case.register',
            objectType: 'case',
            objectId: caseId,
            detail: { lead: lead.id, number },
          });
          return { caseId, number };
        });
      return reply.code(201).send(result);
    },
  );

  const referralSchema = z.object({
    id: z.number(),
    caseId: z.string(),
    caseNumber: z.string(),
    regionCode: z.string(),
    organ: z.enum(REFERRALS),
    /** The registered organ it went to, by name (null for referrals made before the register). */
    organId: z.string().nullable(),
    organName: z.string().nullable(),
    officerId: z.string().nullable(),
    officerName: z.string().nullable(),
    note: z.string(),
    referredOn: z.string(),
    outcome: z.string().nullable(),
    outcomeOn: z.string().nullable(),
    outcomeBy: z.string().nullable(),
    version: z.number(),
  });

  r.get(
    '/referrals',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '移送纪检监察、司法机关的案件',
        querystring: z.object({ pending: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(referralSchema) }), ...errors },
      },
    },
    async (req) => {
      const scope = referralScope(actorOf(req));
      if (scope.kind === 'none') throw forbidden('当前角色无权查看移送案件');
      const rows = await listReferrals(
        db(),
        scope,
        { pending: req.query.pending === 'true', organId: referralOrgan(actorOf(req)) ?? undefined },
        500,
      );
      return { items: rows };
    },
  );

  r.post(
    '/referrals/:id/outcome',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '登记移送处理结果（纪检监察）',
        params: z.object({ id: serialId }),
        body: z.object({ version: versionField, outcome: z.string().trim().min(2).max(2000) }),
        response: { 200: referralSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const ref = await findReferral(db(), req.params.id);
      if (!ref || !canReadReferral(actor, ref)) throw notFound('移送记录');
      if (!canRecordReferralOutcome(actor, ref)) throw forbidden('只有纪检监察机关可以登记处理结果');
      await db()
        .transaction()
        .execute(async (trx) => {
          const recorded = await recordReferralOutcome(trx, ref.id, req.body.version, {
            outcome: req.body.outcome,
            outcomeOn: app.clock.today(),
            outcomeBy: actor.username,
          });
          if (!recorded) throw conflict();
          await auditAs(req, trx, {
            regionCode: ref.regionCode,
            action: 'referral.outcome',
            objectType: 'case',
            objectId: ref.caseId,
            detail: { referral: ref.id, outcome: req.body.outcome },
          });
        });
      return (await findReferral(db(), ref.id))!;
    },
  );
}

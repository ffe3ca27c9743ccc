// 职责边界清单 (issue 13): the supervision office resolves an overlap of the duty lists by naming the
// lead agency and the others 协办, with the legal ground (a boundary), or refers it to the
// establishment office (机构编制部门); the worklist shows a referred overlap as such until a boundary
// is recorded, and a settled one leaves it. The boundary list in force on a day reads as the lists do
// and downloads as CSV. Decisions are for the supervision office of the overlap's region and the
// administrator (policies/duty-boundary.ts), checked against the region of the stored items.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  boundaryDecision,
  boundaryListCsv,
  type DutyResolution,
  OVERLAP_STATUSES,
  RESOLUTION_KINDS,
  RESOLUTION_TEXT_MAX,
  referralDecision,
} from '../../core/duties/boundary.js';
import { DUTY_CODE } from '../../core/duties/item.js';
import type { Actor, Scope } from '../../core/policies/actor.js';
import { dutyReportScope } from '../../core/policies/duties.js';
import { canResolveOverlapIn, canResolveOverlaps } from '../../core/policies/duty-boundary.js';
import { findAgency } from '../../store/agencies.repository.js';
import type { DutyWorklist } from '../../store/duties.repository.js';
import {
  agencyNames,
  allBoundaries,
  listBoundaries,
  namedAgencies,
  OverlapRefusal,
  recordResolution,
  resolveWorklist,
  type StoredResolution,
} from '../../store/duty-boundaries.repository.js';
import type { DB } from '../../store/schema.js';
import { attachment } from '../download.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { errors, fileResponse, iso, isoDate, pageOf, pageQuery, regionCode } from '../schemas.js';
import { actorOf } from '../types.js';

const agencyRef = z.object({ id: z.string(), name: z.string() });

export const resolutionSchema = z.object({
  id: z.number(),
  kind: z.enum(RESOLUTION_KINDS),
  region: z.string(),
  code: z.string(),
  name: z.string(),
  /** The agencies leading the power when decided. */
  parties: z.array(agencyRef),
  lead: agencyRef.nullable(),
  assisting: z.array(agencyRef),
  ground: z.string().nullable(),
  referral: z
    .object({
      number: z.string(),
      referredTo: z.string(),
      referredOn: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  validFrom: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
  supersededBy: z.number().nullable(),
});

/** What the worklist adds to an overlap: where it stands and the decision in force. */
export const overlapStateFields = {
  status: z.enum(OVERLAP_STATUSES),
  resolution: resolutionSchema.nullable(),
  /** Agencies leading the power that the boundary in force does not name (status reopened). */
  uncovered: z.array(agencyRef),
};

export const worklistDecisionFields = (overlap: z.ZodObject) => ({
  settled: z.array(overlap.extend({ resolution: resolutionSchema })),
  abilities: z.object({ resolve: z.boolean() }),
});

type Names = Map<string, string>;
const ref = (names: Names) => (id: string) => ({ id, name: names.get(id) ?? id });

function presentResolution(r: StoredResolution, names: Names): z.infer<typeof resolutionSchema> {
  const agency = ref(names);
  return {
    id: r.id,
    kind: r.kind,
    region: r.region,
    code: r.code,
    name: r.name,
    parties: r.parties.map(agency),
    lead: r.lead === null ? null : agency(r.lead),
    assisting: r.assisting.map(agency),
    ground: r.ground,
    referral: r.referral,
    validFrom: r.validFrom,
    decidedByName: r.decidedByName,
    decidedAt: iso(r.decidedAt)!,
    supersededBy: r.supersededBy,
  };
}

async function namesOf(db: Kysely<DB>, rs: readonly DutyResolution[], known: Names = new Map()) {
  const missing = namedAgencies(rs).filter((id) => !known.has(id));
  const fetched = await agencyNames(db, missing);
  return new Map([...known, ...fetched]);
}

/** The worklist's scope: the lists an actor reads, an agency's legal office its agency's region. */
export async function worklistScope(db: Kysely<DB>, actor: Actor): Promise<Scope> {
  let agencyRegion: string | null = null;
  if (actor.role === 'agency_legal' && actor.agencyId) {
    agencyRegion = (await findAgency(db, actor.agencyId))?.regionCode ?? null;
  }
  return dutyReportScope(actor, agencyRegion);
}

/** The worklist under the decisions in force on its day, with names and what the actor may do. */
export async function presentResolvedWorklist(
  db: Kysely<DB>,
  actor: Actor,
  scope: Scope,
  worklist: DutyWorklist,
) {
  const resolved = await resolveWorklist(db, scope, worklist);
  const known: Names = new Map(worklist.overlaps.flatMap((o) => o.agencies.map((a) => [a.id, a.name])));
  const names = await namesOf(
    db,
    [...resolved.overlaps, ...resolved.settled].flatMap((o) => (o.resolution ? [o.resolution] : [])),
    known,
  );
  return {
    ...resolved,
    overlaps: resolved.overlaps.map((o) => ({
      ...o,
      resolution: o.resolution && presentResolution(o.resolution, names),
      uncovered: o.uncovered.map(ref(names)),
    })),
    settled: resolved.settled.map((o) => ({ ...o, resolution: presentResolution(o.resolution, names) })),
    abilities: { resolve: canResolveOverlaps(actor) },
  };
}

const params = z.object({
  region: regionCode,
  code: z.string().regex(DUTY_CODE, { message: '职权编码无效' }),
});
const text = (label: string, max = RESOLUTION_TEXT_MAX) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不得超过 ${max} 字`);

const resolveBody = z.object({
  lead: z.string().trim().min(1, '请选择牵头（主办）单位').max(64),
  ground: text('依据'),
  validFrom: isoDate.optional(),
});

const referBody = z.object({
  number: text('移交文号', 200),
  referredOn: isoDate,
  referredTo: z.string().trim().max(100).optional(),
  note: z.string().trim().max(RESOLUTION_TEXT_MAX).optional(),
});

const boundaryQuery = z.object({
  on: isoDate.optional(),
  kind: z.enum(RESOLUTION_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
});

const entrySchema = resolutionSchema.extend({ regionName: z.string() });

export default async function dutyBoundaryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  /** Decide an overlap of the stored items' region: the office of that region or the administrator. */
  async function decide(
    actor: Actor,
    where: z.infer<typeof params>,
    on: string,
    decision: Parameters<typeof recordResolution>[1]['decide'],
    action: string,
  ) {
    if (!canResolveOverlaps(actor)) throw forbidden('只有执法监督机构可以处理职责交叉');
    if (!canResolveOverlapIn(actor, where.region)) throw notFound('职责交叉');
    try {
      const saved = await recordResolution(db(), {
        ...where,
        on,
        decidedBy: { id: actor.id, name: actor.username },
        decide: decision,
        audit: (s, supersedes) => ({
          regionCode: s.region,
          actorId: actor.id,
          actorName: actor.username,
          action,
          objectType: 'duty_boundary',
          objectId: String(s.id),
          detail: {
            code: s.code,
            name: s.name,
            parties: s.parties,
            lead: s.lead,
            assisting: s.assisting,
            ground: s.ground,
            referral: s.referral,
            validFrom: s.validFrom,
            supersedes,
          },
        }),
      });
      return presentResolution(saved, await namesOf(db(), [saved]));
    } catch (e) {
      if (e instanceof OverlapRefusal) throw new HttpError(e.status, e.message);
      throw e;
    }
  }

  r.post(
    '/duty-lists/overlaps/:region/:code/resolve',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '处理职责交叉：明确牵头（主办）单位，其余为协办，列入职责边界清单',
        description:
          '牵头单位须为该职权在该地区于生效日期（默认今天，不得早于今天）同日主办的部门之一；依据必填。' +
          '职责交叉所在地区的执法监督机构或系统管理员可处理（按清单项的地区判断）。' +
          '记录后该职责交叉自生效日期起移出“重叠与缺位”；此前的处理（如移交编制部门）被取代。',
        params,
        body: resolveBody,
        response: { 201: resolutionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const today = app.clock.today();
      const b = req.body;
      const saved = await decide(
        actorOf(req),
        req.params,
        b.validFrom ?? today,
        (overlap) => ({
          kind: 'boundary',
          referral: null,
          ...boundaryDecision(b, overlap.agencies, today),
        }),
        'duties.boundary',
      );
      return reply.code(201).send(saved);
    },
  );

  r.post(
    '/duty-lists/overlaps/:region/:code/refer',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '处理职责交叉：移交机构编制部门（记录移交文号、日期和说明）',
        description:
          '移交后维持原分工，“重叠与缺位”中该职责交叉显示为“已移交编制部门”，直至记录职责边界。' +
          '已移交且未记录职责边界的，不得再次移交（409）。移交日期不得晚于今天。',
        params,
        body: referBody,
        response: { 201: resolutionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const today = app.clock.today();
      const b = req.body;
      const saved = await decide(
        actorOf(req),
        req.params,
        today,
        (overlap) => {
          if (overlap.status === 'referred') {
            throw new OverlapRefusal('该职责交叉已移交机构编制部门，待其确定后记录职责边界', 409);
          }
          const referral = referralDecision(b, today);
          return {
            kind: 'referral',
            lead: null,
            assisting: [],
            ground: null,
            referral,
            validFrom: referral.referredOn,
          };
        },
        'duties.referral',
      );
      return reply.code(201).send(saved);
    },
  );

  async function readScope(actor: Actor) {
    const scope = await worklistScope(db(), actor);
    if (scope.kind === 'none') throw forbidden('当前角色无权查看权责清单');
    return scope;
  }

  r.get(
    '/duty-lists/boundaries',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '职责边界清单：某日（默认今天）有效的职责边界（或移交编制部门待定的事项），分页',
        description:
          'kind=boundary（默认）为职责边界清单：牵头单位、协办单位和依据；kind=referral 为已移交机构编制部门、尚待确定的事项。' +
          'q 检索职权编码、名称、依据和移交文号。执法监督机构为本辖区，执法部门法制机构为本机关所在地区。',
        querystring: boundaryQuery.extend(pageQuery),
        response: {
          200: pageOf(entrySchema).extend({ on: z.string(), abilities: z.object({ resolve: z.boolean() }) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const scope = await readScope(actor);
      const { on = app.clock.today(), kind = 'boundary', q, page, pageSize } = req.query;
      const listed = await listBoundaries(db(), scope, { on, kind, q }, { page, pageSize });
      const names = await namesOf(db(), listed.items);
      return {
        ...listed,
        items: listed.items.map((e) => ({ ...presentResolution(e, names), regionName: e.regionName })),
        on,
        abilities: { resolve: canResolveOverlaps(actor) },
      };
    },
  );

  r.get(
    '/duty-lists/boundaries/export.csv',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '下载职责边界清单（CSV）',
        description: '与 GET /api/v1/duty-lists/boundaries 同一范围，某日（默认今天）有效的全部职责边界。',
        querystring: boundaryQuery.omit({ kind: true }),
        response: { 200: fileResponse('职责边界清单（CSV，UTF-8）', ['text/csv; charset=utf-8']), ...errors },
      },
    },
    async (req, reply) => {
      const scope = await readScope(actorOf(req));
      const { on = app.clock.today(), q } = req.query;
      const entries = await allBoundaries(db(), scope, { on, kind: 'boundary', q });
      const names = await namesOf(db(), entries);
      const name = (id: string) => names.get(id) ?? id;
      const csv = boundaryListCsv(
        entries.map((e) => ({
          regionName: e.regionName,
          code: e.code,
          name: e.name,
          leadName: e.lead === null ? '' : name(e.lead),
          assistingNames: e.assisting.map(name),
          ground: e.ground ?? '',
          validFrom: e.validFrom,
          decidedByName: e.decidedByName,
          decidedAt: iso(e.decidedAt)!,
        })),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`职责边界清单-${on}.csv`))
        .send(csv);
    },
  );
}

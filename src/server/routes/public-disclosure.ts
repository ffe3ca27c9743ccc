// 事前公开 on the public portal (issue 15, no login, rate-limited like the complaint channel): the
// agencies with the summary of their duty lists in force, and each agency's list (主体、职责、权限、
// 依据、程序、办结时限), its enforcement officers with a valid certificate (name, certificate number,
// validity — nothing else of theirs), and the relief channels against its acts. Only public data:
// no principal, phone or address of an agency, no officer's phone, post or ID number.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGENCY_KIND_LABELS,
  publicDutyItem,
  RELIEF_CHANNEL_KINDS,
  reliefChannels,
} from '../../core/disclosure/before-enforcement.js';
import { DUTY_ROLES, POWER_TYPES } from '../../core/duties/columns.js';
import { listDutyItems } from '../../store/duties.repository.js';
import { listOfficers } from '../../store/officers.repository.js';
import {
  findPublicAgency,
  listPublicAgencies,
  type PublicAgency,
} from '../../store/public-disclosure.repository.js';
import { notFound } from '../errors.js';
import { errorSchema, pageOf } from '../schemas.js';

/** Public pages are small: at most 100 rows a page. */
const publicPage = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const search = z.string().trim().max(50).optional();
const agencyParams = z.object({ id: z.string().trim().min(1).max(64) });

const summarySchema = z.object({
  total: z.number(),
  byType: z.array(z.object({ type: z.enum(POWER_TYPES), label: z.string(), count: z.number() })),
});

const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(['administrative', 'authorized', 'entrusted']),
  kindLabel: z.string(),
  /** The summary of its duty list in force today. */
  duties: summarySchema,
});

const reliefSchema = z.object({
  kind: z.enum(RELIEF_CHANNEL_KINDS),
  title: z.string(),
  where: z.string(),
  period: z.string(),
  notes: z.array(z.string()),
  sources: z.array(z.object({ law: z.string(), article: z.string().optional() })),
});

const dutySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(POWER_TYPES),
  typeLabel: z.string(),
  role: z.enum(DUTY_ROLES),
  unit: z.string().nullable(),
  basis: z.string().nullable(),
  procedure: z.array(z.string()),
  timeLimit: z.string().nullable(),
  effectiveFrom: z.string(),
});

const officerSchema = z.object({
  name: z.string(),
  certificateNumber: z.string(),
  validUntil: z.string(),
});

const publicErrors = { 400: errorSchema, 404: errorSchema, 429: errorSchema };

function presentAgency(a: PublicAgency & { duties: z.infer<typeof summarySchema> }) {
  return {
    id: a.id,
    name: a.name,
    regionCode: a.regionCode,
    regionName: a.regionName,
    kind: a.kind,
    kindLabel: AGENCY_KIND_LABELS[a.kind],
    duties: a.duties,
  };
}

export default async function publicDisclosureRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const rateLimit = { max: app.rateLimits.public, timeWindow: '1 minute' };

  /** The agency in service, or 404. */
  async function publicAgency(id: string, on: string) {
    const a = await findPublicAgency(db(), id, on);
    if (!a) throw notFound('执法主体');
    return a;
  }

  r.get(
    '/public/agencies',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '执法主体（事前公开）：在职的执法机关及其现行权责清单的事项数（按类型）；也供投诉时选择',
        description: 'q 按名称检索。按行政区划、机构编码排列。',
        querystring: z.object({ q: search }),
        response: { 200: z.object({ on: z.string(), items: z.array(agencySchema) }), ...publicErrors },
      },
    },
    async (req) => {
      const on = app.clock.today();
      const rows = await listPublicAgencies(db(), { on, q: req.query.q });
      return { on, items: rows.map(presentAgency) };
    },
  );

  r.get(
    '/public/agencies/:id',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '执法主体详情（事前公开）：主体、现行权责清单的事项数和救济渠道',
        description:
          '救济渠道：行政复议、行政诉讼（期限与法律依据）和投诉举报。清单项见 /public/agencies/{id}/duties，执法人员见 /public/agencies/{id}/officers。',
        params: agencyParams,
        response: {
          200: agencySchema.extend({
            on: z.string(),
            /** For an entrusted organisation: the agency that entrusted it. */
            entrustedBy: z.string().nullable(),
            relief: z.array(reliefSchema),
          }),
          ...publicErrors,
        },
      },
    },
    async (req) => {
      const on = app.clock.today();
      const a = await publicAgency(req.params.id, on);
      const entrustedBy = a.kind === 'entrusted' ? a.parentName : null;
      return {
        ...presentAgency(a),
        on,
        entrustedBy,
        relief: reliefChannels({ name: a.name, kind: a.kind, regionName: a.regionName, entrustedBy }),
      };
    },
  );

  r.get(
    '/public/agencies/:id/duties',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary:
          '执法主体的现行权责清单（事前公开）：职责（名称、类型）、权限（主办或协办、承办机构）、依据、程序（责任事项）、办结时限',
        description: 'q 检索职权名称、编码、承办机构和依据；分页，每页至多 100 项。',
        params: agencyParams,
        querystring: z.object({ q: search, ...publicPage }),
        response: { 200: pageOf(dutySchema).extend({ on: z.string() }), ...publicErrors },
      },
    },
    async (req) => {
      const on = app.clock.today();
      const a = await publicAgency(req.params.id, on);
      const { q, page, pageSize } = req.query;
      const listed = await listDutyItems(
        db(),
        { kind: 'agency', agencyId: a.id },
        { on, agencyId: a.id, q },
        { page, pageSize },
      );
      return { ...listed, items: listed.items.map(publicDutyItem), on };
    },
  );

  r.get(
    '/public/agencies/:id/officers',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '执法主体的执法人员（事前公开）：姓名、执法证号、有效期至',
        description:
          '只列在职且执法证今日有效的人员；不公开其他个人信息。q 检索姓名或执法证号；分页，每页至多 100 人。',
        params: agencyParams,
        querystring: z.object({ q: search, ...publicPage }),
        response: { 200: pageOf(officerSchema).extend({ on: z.string() }), ...publicErrors },
      },
    },
    async (req) => {
      const on = app.clock.today();
      const a = await publicAgency(req.params.id, on);
      const { q, page, pageSize } = req.query;
      const listed = await listOfficers(
        db(),
        { kind: 'agency', agencyId: a.id },
        { q, certStatus: 'valid', active: true },
        { page, pageSize },
        on,
      );
      return {
        ...listed,
        // Only these three: the rows carry the officer's phone, post and more.
        items: listed.items.map((o) => ({
          name: o.name,
          certificateNumber: o.certificateNumber!,
          validUntil: o.certificateValidUntil!,
        })),
        on,
      };
    },
  );
}

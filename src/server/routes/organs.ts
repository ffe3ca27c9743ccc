// The register of referral organs (移送机关登记册): the discipline inspection and supervision
// commissions, appointing authorities, public security bureaus and procuratorates of each region.
// Staff read it (a proposal names the organ a referral goes to); an administrator registers them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionCovers } from '../../core/policies/actor.js';
import { ORGAN_KIND_LABELS, ORGAN_KINDS, regionsUp } from '../../core/referrals/organs.js';
import { findRegion } from '../../store/agencies.repository.js';
import { findOrgan, insertOrgan, listOrgans } from '../../store/organs.repository.js';
import { auditAs } from '../audit.js';
import { forbidden, HttpError } from '../errors.js';
import { errors, regionCode } from '../schemas.js';
import { actorOf } from '../types.js';

const organSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  kind: z.enum(ORGAN_KINDS),
  kindLabel: z.string(),
  name: z.string(),
});

const present = (o: {
  id: string;
  regionCode: string;
  kind: (typeof ORGAN_KINDS)[number];
  name: string;
}) => ({
  id: o.id,
  regionCode: o.regionCode,
  kind: o.kind,
  kindLabel: ORGAN_KIND_LABELS[o.kind],
  name: o.name,
});

export default async function organRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get(
    '/organs',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '移送机关登记册（纪委监委、任免机关、公安机关、人民检察院）',
        querystring: z.object({
          /** The organs that may receive a case of this region: its own and those above it. */
          forRegion: regionCode.optional(),
          kind: z.enum(ORGAN_KINDS).optional(),
        }),
        response: { 200: z.object({ items: z.array(organSchema) }), ...errors },
      },
    },
    async (req) => {
      const { forRegion, kind } = req.query;
      const rows = await listOrgans(db(), { regions: forRegion ? regionsUp(forRegion) : undefined, kind });
      return { items: rows.map(present) };
    },
  );

  r.post(
    '/organs',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['leads'],
        summary: '登记移送机关（管理员）',
        body: z.object({
          id: z
            .string()
            .trim()
            .regex(/^\d{6}-[A-Z0-9]{1,12}$/, {
              message: '编号应为“6 位行政区划代码-大写字母或数字”，如 529900-JW',
            }),
          regionCode,
          kind: z.enum(ORGAN_KINDS),
          name: z.string().trim().min(2).max(100),
        }),
        response: { 201: organSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      if (!regionCovers(actor.regionCode, b.regionCode)) throw forbidden('只能登记本辖区的移送机关');
      if (!b.id.startsWith(`${b.regionCode}-`))
        throw new HttpError(400, '编号与行政区划不符', [
          { path: 'id', message: `编号应以 ${b.regionCode}- 开头` },
        ]);
      const region = await findRegion(db(), b.regionCode);
      if (!region)
        throw new HttpError(400, '行政区划不存在', [{ path: 'regionCode', message: '行政区划不存在' }]);
      await db()
        .transaction()
        .execute(async (trx) => {
          if (await findOrgan(trx, b.id)) throw new HttpError(409, `移送机关 ${b.id} 已登记`);
          await insertOrgan(trx, b);
          await auditAs(req, trx, {
            regionCode: b.regionCode,
            action: 'organ.create',
            objectType: 'organ',
            objectId: b.id,
            detail: { kind: b.kind, name: b.name },
          });
        });
      reply.code(201);
      return present((await findOrgan(db(), b.id))!);
    },
  );
}

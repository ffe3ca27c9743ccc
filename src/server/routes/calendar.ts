// The working-day calendar: the State Council schedule shipped with Wenze (seed) and the days
// an administrator adds for a new year or corrects (overrides). Every deadline counts on it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { missingSchedule, seedSchedule } from '../../core/calendar/index.js';
import {
  deleteCalendarOverride,
  listCalendarOverrides,
  syncCalendarTable,
  upsertCalendarOverride,
} from '../../store/calendar-days.js';
import { auditAs } from '../audit.js';
import { notFound } from '../errors.js';
import { errors, isoDate } from '../schemas.js';
import { actorOf } from '../types.js';

const daySchema = z.object({
  day: z.string(),
  kind: z.enum(['holiday', 'workday']),
  source: z.enum(['seed', 'admin']),
  note: z.string().nullable(),
});

export default async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get(
    '/calendar',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['system'],
        summary: '工作日历：某年的法定节假日与调休上班日',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2199) }),
        response: {
          200: z.object({
            year: z.number(),
            covered: z.boolean(),
            seedYears: z.array(z.number()),
            days: z.array(daySchema),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { year } = req.query;
      const seed = seedSchedule();
      const prefix = `${year}-`;
      const overrides = await listCalendarOverrides(db(), year);
      const byDay = new Map<string, z.infer<typeof daySchema>>();
      for (const d of seed.holidays.filter((x) => x.startsWith(prefix)))
        byDay.set(d, { day: d, kind: 'holiday', source: 'seed', note: null });
      for (const d of seed.workdays.filter((x) => x.startsWith(prefix)))
        byDay.set(d, { day: d, kind: 'workday', source: 'seed', note: null });
      for (const o of overrides)
        byDay.set(o.day, { day: o.day, kind: o.kind, source: 'admin', note: o.note });
      return {
        year,
        covered: seed.years.includes(year) || overrides.length > 0,
        seedYears: seed.years,
        days: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
      };
    },
  );

  r.get(
    '/calendar/status',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['system'],
        summary: '工作日历是否已载入当年及次年的节假日安排（自 11 月 1 日起提示次年）',
        response: {
          200: z.object({
            today: z.string(),
            coveredYears: z.array(z.number()),
            /** The year whose schedule should be loaded now; null when none is missing. */
            missingYear: z.number().nullable(),
          }),
          ...errors,
        },
      },
    },
    async () => {
      const today = app.clock.today();
      const calendar = await app.calendar();
      return {
        today,
        coveredYears: [...calendar.coveredYears],
        missingYear: missingSchedule(calendar, today),
      };
    },
  );

  r.put(
    '/calendar/overrides/:day',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['system'],
        summary: '设定某日为节假日或调休上班日（管理员）',
        params: z.object({ day: isoDate }),
        body: z.object({ kind: z.enum(['holiday', 'workday']), note: z.string().trim().max(100).optional() }),
        response: { 200: daySchema, ...errors },
      },
    },
    async (req) => {
      const { day } = req.params;
      await db()
        .transaction()
        .execute(async (trx) => {
          await upsertCalendarOverride(trx, {
            day,
            kind: req.body.kind,
            note: req.body.note ?? null,
            createdBy: actorOf(req).username,
          });
          await auditAs(req, trx, {
            regionCode: actorOf(req).regionCode,
            action: 'calendar.set',
            objectType: 'calendar',
            objectId: day,
            detail: { ...req.body },
          });
        });
      app.invalidateCalendar();
      await syncCalendarTable(app.database.raw);
      return { day, kind: req.body.kind, source: 'admin' as const, note: req.body.note ?? null };
    },
  );

  r.delete(
    '/calendar/overrides/:day',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['system'],
        summary: '删除管理员设定的日期（恢复为国务院公布的安排或普通周末/工作日）',
        params: z.object({ day: isoDate }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { day } = req.params;
      await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await deleteCalendarOverride(trx, day))) throw notFound('日历设定');
          await auditAs(req, trx, {
            regionCode: actorOf(req).regionCode,
            action: 'calendar.unset',
            objectType: 'calendar',
            objectId: day,
          });
        });
      app.invalidateCalendar();
      await syncCalendarTable(app.database.raw);
      return reply.code(204).send(null);
    },
  );
}

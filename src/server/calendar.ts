// The working-day calendar in force: the State Council schedule shipped with the code plus the
// days an admin added (calendar_overrides). Built once and rebuilt when the admin changes it.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Calendar, createCalendar } from '../core/calendar/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    calendar(): Promise<Calendar>;
    invalidateCalendar(): void;
  }
}

async function calendarPlugin(app: FastifyInstance) {
  let cached: Promise<Calendar> | null = null;
  app.decorate('calendar', () => {
    cached ??= (async () => {
      const rows = await app.database.db.selectFrom('calendarOverrides').select(['day', 'kind']).execute();
      return createCalendar({
        holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
        workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
      });
    })();
    return cached;
  });
  app.decorate('invalidateCalendar', () => {
    cached = null;
  });
}

export default fp(calendarPlugin, { name: 'wenze-calendar' });

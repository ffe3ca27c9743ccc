// The deadlines an actor should watch: open cases they take part in (or, for a supervisor,
// of their region) whose current deadline is near (yellow) or past (red).
import type { FastifyInstance } from 'fastify';
import { todayInChina } from '../../core/dates.js';
import type { Actor } from '../../core/policies/actor.js';
import { caseListScope } from '../../core/policies/case.js';
import { listCases, loadCase } from '../../store/cases.repository.js';
import { summaryOf } from './present.js';

export async function dueSoon(app: FastifyInstance, actor: Actor) {
  const calendar = await app.calendar();
  const today = todayInChina();
  const open = await listCases(app.database.db, caseListScope(actor), {}, { page: 1, pageSize: 2000 });
  const items: ReturnType<typeof summaryOf>[] = [];
  let openCount = 0;
  for (const id of open.ids) {
    const c = await loadCase(app.database.db, id);
    if (!c || c.state === 'closed' || c.state === 'declined') continue;
    const s = summaryOf(c, actor, calendar, today);
    if (s.roles.length === 0 && actor.role !== 'admin') continue;
    openCount += 1;
    if (s.currentDeadline && (s.currentDeadline.status === 'near' || s.currentDeadline.status === 'overdue'))
      items.push(s);
  }
  items.sort((a, b) => (a.currentDeadline!.dueOn < b.currentDeadline!.dueOn ? -1 : 1));
  return {
    items,
    open: openCount,
    overdue: items.filter((i) => i.currentDeadline?.status === 'overdue').length,
    near: items.filter((i) => i.currentDeadline?.status === 'near').length,
  };
}

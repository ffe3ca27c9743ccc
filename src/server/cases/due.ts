// The deadlines an actor should watch: open cases they take part in (or, for a supervisor,
// of their region) whose current deadline is near (yellow) or past (red).
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../core/policies/actor.js';
import { caseListScope } from '../../core/policies/case.js';
import { listCases, loadCases } from '../../store/cases.repository.js';
import { summaryOf } from './present.js';

export async function dueSoon(app: FastifyInstance, actor: Actor) {
  const calendar = await app.calendar();
  const today = app.clock.today();
  // The open cases and their parts in a fixed number of queries; deadlines computed in memory.
  const open = await listCases(
    app.database.db,
    caseListScope(actor),
    { open: true },
    { page: 1, pageSize: 2000 },
  );
  const items: ReturnType<typeof summaryOf>[] = [];
  let openCount = 0;
  for (const c of await loadCases(app.database.db, open.ids)) {
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

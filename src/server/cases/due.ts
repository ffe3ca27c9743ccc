// The lists that depend on the deadlines, which are computed per case on the working-day calendar
// and not stored: the deadlines an actor should watch (open cases they take part in, or, for a
// supervisor, of their region, whose current deadline is near — yellow — or past — red), and the
// case list ranked by urgency. Both walk every matching case in batches (caseBatches: a keyset
// cursor, a fixed number of queries per batch), so none is left out and memory stays bounded.
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../core/policies/actor.js';
import { caseListScope } from '../../core/policies/case.js';
import { byUrgency, type CaseDeadline } from '../../core/workflow/deadlines.js';
import { CASE_BATCH, type CaseFilter, caseBatches, loadCases } from '../../store/cases.repository.js';
import type { PageRequest } from '../../store/scope.js';
import { summaryOf } from './present.js';

type Summary = ReturnType<typeof summaryOf>;

export interface BatchOptions {
  /** Cases loaded at a time (default CASE_BATCH). */
  batchSize?: number;
}

export async function dueSoon(app: FastifyInstance, actor: Actor, opts: BatchOptions = {}) {
  const calendar = await app.calendar();
  const today = app.clock.today();
  const items: Summary[] = [];
  let openCount = 0;
  const batches = caseBatches(
    app.database.db,
    caseListScope(actor),
    { open: true },
    opts.batchSize ?? CASE_BATCH,
  );
  for await (const batch of batches) {
    for (const c of batch) {
      const s = summaryOf(c, actor, calendar, today);
      if (s.roles.length === 0 && actor.role !== 'admin') continue;
      openCount += 1;
      if (
        s.currentDeadline &&
        (s.currentDeadline.status === 'near' || s.currentDeadline.status === 'overdue')
      )
        items.push(s);
    }
  }
  items.sort((a, b) => (a.currentDeadline!.dueOn < b.currentDeadline!.dueOn ? -1 : 1));
  return {
    items,
    open: openCount,
    overdue: items.filter((i) => i.currentDeadline?.status === 'overdue').length,
    near: items.filter((i) => i.currentDeadline?.status === 'near').length,
  };
}

/**
 * A page of the cases `filter` selects, ranked by urgency (byUrgency; among equals newest first,
 * the order of listCases). Every match is ranked, however many: the batches keep only each case's
 * ranking key (its id and current deadline's status and due date); the page's cases are then
 * reloaded, except those of the last batch, still at hand (all of them when one batch holds the
 * whole match).
 */
export async function urgentCases(
  app: FastifyInstance,
  actor: Actor,
  filter: CaseFilter,
  page: PageRequest,
  opts: BatchOptions = {},
): Promise<{ items: Summary[]; total: number }> {
  const db = app.database.db;
  const calendar = await app.calendar();
  const today = app.clock.today();
  const keys: { id: string; deadline: Pick<CaseDeadline, 'status' | 'dueOn'> | null }[] = [];
  let lastBatch = new Map<string, Summary>();
  for await (const batch of caseBatches(db, caseListScope(actor), filter, opts.batchSize ?? CASE_BATCH)) {
    lastBatch = new Map();
    for (const c of batch) {
      const s = summaryOf(c, actor, calendar, today);
      const d = s.currentDeadline;
      keys.push({ id: s.id, deadline: d ? { status: d.status, dueOn: d.dueOn } : null });
      lastBatch.set(s.id, s);
    }
  }
  // Stable: ties keep the batches' order, newest first.
  keys.sort((a, b) => byUrgency(a.deadline, b.deadline));
  const ids = keys.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((k) => k.id);
  const missing = ids.filter((id) => !lastBatch.has(id));
  const reloaded = new Map(
    (await loadCases(db, missing)).map((c) => [c.id, summaryOf(c, actor, calendar, today)]),
  );
  const items = ids.flatMap((id) => {
    const s = lastBatch.get(id) ?? reloaded.get(id);
    return s ? [s] : [];
  });
  return { items, total: keys.length };
}

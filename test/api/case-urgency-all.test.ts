// No case is left out of the lists that depend on the deadlines (issue #17): the urgent sort
// ranked at most 5000 cases and "due soon" read at most 2000. Both now walk every matching case
// in batches (a keyset cursor over the newest-first order); here with batches of 3 across many
// cases, and through the API with more cases than the old caps.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policies/actor.js';
import { byUrgency, type DeadlineStatus } from '../../src/core/workflow/deadlines.js';
import { packNameForRegion } from '../../src/core/workflow/pack.js';
import { dueSoon, urgentCases } from '../../src/server/cases/due.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

interface Summary {
  id: string;
  state: string;
  subject: string;
  roles: string[];
  currentDeadline: { status: DeadlineStatus; dueOn: string } | null;
}

const BATCH = 3;

describe.each(drivers)('every case ranked and every due case listed on %s', (driver) => {
  const clock = fixedClock();
  let t: TestApp;
  let sup: Client;
  let actor: Actor;
  let tags = 0;
  let serial = 0;

  beforeAll(async () => {
    clock.set(clock.today()); // one day for the whole file: the statuses cannot move under it
    t = await createTestApp(driver, { clock });
    sup = await t.login('sfj');
    const u = await t.database.db
      .selectFrom('users')
      .select(['id', 'username', 'role', 'regionCode', 'agencyId', 'officerId', 'organId'])
      .where('username', '=', 'sfj')
      .executeTakeFirstOrThrow();
    actor = u;
  });
  afterAll(async () => t?.close());

  /**
   * `n` cases of the supervisor's city, inserted together (so with the same created_at: the
   * order among them is by id), one registered each day going back from a week ahead (wrapping
   * every 50 days): overdue, near and distant deadlines, some equal; one in five closed and one
   * in seven declined. Created now, or at `createdAt`.
   */
  async function addCases(n: number, createdAt?: string): Promise<void> {
    const tag = `批量${++tags}`;
    const today = clock.today();
    await sql`
      insert into cases (number, region_code, source, state, agency_id, subject, pack, registered_on, created_at)
      select ${tag} || '-' || g, '529900', 'other',
             case when g % 5 = 0 then 'closed' when g % 7 = 0 then 'declined' else 'registered' end,
             '529900-SCJ', ${tag} || '案件' || g, ${packNameForRegion('529900')},
             ${today}::date + 8 - (g % 50), coalesce(${createdAt ?? null}::timestamptz, now())
      from generate_series(${serial + 1}::int, ${serial + n}::int) g`.execute(t.database.db);
    serial += n;
  }

  /** The cases as the newest-first list pages them (the order ties keep when ranked). */
  async function newestFirst(q = ''): Promise<Summary[]> {
    const out: Summary[] = [];
    for (let page = 1; ; page++) {
      const r = await sup.get(`/api/v1/cases?pageSize=500&page=${page}${q}`);
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as Summary[];
      out.push(...items);
      if (items.length < 500) return out;
    }
  }

  /** Overdue first, then near, then the rest, each by due date; among equals newest first. */
  const ranked = (cases: Summary[]) =>
    [...cases].sort((a, b) => byUrgency(a.currentDeadline, b.currentDeadline)).map((c) => c.id);

  /** What "due soon" should list for the supervisor: open cases of theirs, near or overdue. */
  const due = (cases: Summary[]) =>
    cases.filter(
      (c) =>
        !['closed', 'declined'].includes(c.state) &&
        c.roles.length > 0 &&
        (c.currentDeadline?.status === 'near' || c.currentDeadline?.status === 'overdue'),
    );

  it('the urgent sort ranks every case, in batches of 3, in the order of one whole ranking', async () => {
    for (let i = 0; i < 5; i++) await addCases(7); // created_at ties within, and across batches
    // Created a microsecond apart: the cursor keeps created_at to the microsecond.
    for (const us of ['000001', '000002', '000003']) await addCases(4, `2026-01-05T02:00:00.${us}Z`);
    const all = await newestFirst();
    expect(all.length).toBeGreaterThan(10 * BATCH);
    const expected = ranked(all);
    // Some of each kind, so that the order really is tested.
    const statuses = new Set(all.map((c) => c.currentDeadline?.status ?? 'none'));
    expect([...statuses].sort()).toEqual(['near', 'none', 'ok', 'overdue']);

    // Page by page (pages of 10 across batches of 3), and all in one page: the same order.
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const r = await urgentCases(t.app, actor, {}, { page, pageSize: 10 }, { batchSize: BATCH });
      expect(r.total).toBe(all.length);
      seen.push(...r.items.map((c) => c.id));
      if (r.items.length < 10) break;
    }
    expect(seen).toEqual(expected);
    // Each case as the list shows it, whether from the last batch or reloaded for the page.
    const byId = new Map(all.map((c) => [c.id, c]));
    const whole = await urgentCases(t.app, actor, {}, { page: 1, pageSize: 500 }, { batchSize: BATCH });
    expect(whole.items).toEqual(expected.map((id) => byId.get(id)));
    // A filter still applies to every batch.
    const open = await newestFirst('&state=registered');
    const filtered = await urgentCases(
      t.app,
      actor,
      { state: 'registered' },
      { page: 1, pageSize: 500 },
      { batchSize: BATCH },
    );
    expect(filtered.total).toBe(open.length);
    expect(filtered.items.map((c) => c.id)).toEqual(ranked(open));
  }, 120_000);

  it('"due soon" reads every open case, in batches of 3', async () => {
    await addCases(11);
    const all = await newestFirst();
    const expected = due(all);
    expect(expected.length).toBeGreaterThan(3 * BATCH);
    const r = await dueSoon(t.app, actor, { batchSize: BATCH });
    expect(r.items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    const dates = r.items.map((c) => c.currentDeadline!.dueOn);
    expect(dates).toEqual([...dates].sort());
    expect(r.overdue).toBe(expected.filter((c) => c.currentDeadline?.status === 'overdue').length);
    expect(r.near).toBe(expected.filter((c) => c.currentDeadline?.status === 'near').length);
    expect(r.open).toBe(
      all.filter((c) => !['closed', 'declined'].includes(c.state) && c.roles.length > 0).length,
    );
  });

  it('through the API, more cases than the old caps: none is left out', async () => {
    await addCases(5100);
    const all = await newestFirst();
    expect(all.length).toBeGreaterThan(5000);
    const expected = ranked(all);
    // The last page of the urgent sort: beyond the 5000 cases once ranked.
    const pageSize = 500;
    const last = Math.ceil(all.length / pageSize);
    for (const page of [1, last]) {
      const r = await sup.get(`/api/v1/cases?sort=urgent&pageSize=${pageSize}&page=${page}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().total).toBe(all.length);
      expect(r.json().items.map((c: Summary) => c.id)).toEqual(
        expected.slice((page - 1) * pageSize, page * pageSize),
      );
    }
    // "Due soon" and the home page: beyond the 2000 cases once read.
    const dueCases = due(all);
    expect(dueCases.length).toBeGreaterThan(2000);
    const r = await sup.get('/api/v1/cases/due-soon');
    expect(r.statusCode, r.body).toBe(200);
    expect(
      r
        .json()
        .items.map((c: Summary) => c.id)
        .sort(),
    ).toEqual(dueCases.map((c) => c.id).sort());
    const home = await sup.get('/api/v1/home');
    expect(home.statusCode, home.body).toBe(200);
    expect(home.json().cases).toEqual({
      open: all.filter((c) => !['closed', 'declined'].includes(c.state) && c.roles.length > 0).length,
      overdue: dueCases.filter((c) => c.currentDeadline?.status === 'overdue').length,
      near: dueCases.filter((c) => c.currentDeadline?.status === 'near').length,
    });
  }, 180_000);
});

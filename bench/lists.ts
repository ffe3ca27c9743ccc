// Benchmark of the console's case lists (issue 8): GET /cases (newest first, and ranked by urgency
// over every case), /cases/due-soon and /home on a PostgreSQL database (fresh, dropped afterwards)
// holding the demo city and `--cases N` generated cases (default 1,000) in every state, with their
// investigators, persons, extensions and appeals. Each list is requested through the app (a signed-in
// supervisor of A市, who sees every case) and timed (median of `--runs`, default 7), with the number
// of queries it ran; beside it the same ranking loaded one case at a time (loadCase per case, as the
// lists did before issue 8) and in batches (loadCases), to show what the batches save.
//
//   node --import tsx bench/lists.ts [--cases N] [--runs R] [--pg-url URL]
import { randomBytes } from 'node:crypto';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import pg from 'pg';
import { todayInChina } from '../src/core/dates.js';
import type { Actor } from '../src/core/policies/actor.js';
import { caseListScope } from '../src/core/policies/case.js';
import type { CaseState } from '../src/core/workflow/case.js';
import { byUrgency } from '../src/core/workflow/deadlines.js';
import { DEMO_PASSWORD } from '../src/demo/city.js';
import { buildApp } from '../src/server/app.js';
import { summaryOf } from '../src/server/cases/present.js';
import { listCases, loadCase, loadCases } from '../src/store/cases.repository.js';
import { type Database, openDatabase } from '../src/store/db.js';
import { loadDemo } from '../src/store/demo.js';
import { migrateToLatest } from '../src/store/migrate.js';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function log(s: string): void {
  process.stderr.write(`[lists] ${s}\n`);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Counts the queries the app's query builder runs. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const STATES: CaseState[] = [
  'registered',
  'accepted',
  'investigating',
  'investigating',
  'findings',
  'statement',
  'decided',
  'served',
  'executed',
  'closed',
  'declined',
];
const ORDER: CaseState[] = [
  'registered',
  'accepted',
  'investigating',
  'findings',
  'statement',
  'decided',
  'served',
  'executed',
  'closed',
];
const reached = (s: CaseState, step: CaseState) =>
  s !== 'declined' && ORDER.indexOf(s) >= ORDER.indexOf(step);

function daysBefore(today: string, n: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** `n` cases of A市's agencies in every state, registered over the last 200 days, with their parts. */
async function seedCases(database: Database, n: number, today: string): Promise<void> {
  const db = database.db;
  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'regionCode'])
    .where('regionCode', 'like', '5299%')
    .execute();
  const officers = await db.selectFrom('officers').select(['id', 'agencyId']).execute();
  const byAgency = new Map<string, string[]>();
  for (const o of officers) byAgency.set(o.agencyId, [...(byAgency.get(o.agencyId) ?? []), o.id]);
  const staffed = agencies.filter((a) => (byAgency.get(a.id)?.length ?? 0) >= 2);
  const investigators = await db
    .selectFrom('users')
    .select('id')
    .where('username', 'in', ['sfj', 'sfjdc'])
    .execute();
  for (let start = 0; start < n; start += 250) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(n, start + 250); i++) {
        const state = STATES[i % STATES.length]!;
        const agency = staffed[i % staffed.length]!;
        const registeredOn = daysBefore(today, (i * 7) % 200);
        const on = (k: number) => daysBefore(today, Math.max(0, ((i * 7) % 200) - k));
        const row = await trx
          .insertInto('cases')
          .values({
            number: `A市问责〔bench〕${i + 1}号`,
            regionCode: agency.regionCode,
            leadId: null,
            source: 'complaint',
            state,
            agencyId: agency.id,
            subject: `基准案件${i + 1}`,
            summary: '基准测试生成的案件。',
            pack: 'guizhou-a-city',
            registeredOn,
            acceptedOn: reached(state, 'accepted') ? on(5) : null,
            acceptanceOpinion: reached(state, 'accepted') ? '同意立案' : null,
            declineReason: state === 'declined' ? '不属于受理范围' : null,
            investigationStartedOn: reached(state, 'investigating') ? on(7) : null,
            facts: null,
            determination: null,
            findingsText: reached(state, 'findings') ? '经调查认定。' : null,
            findingsOn: reached(state, 'findings') ? on(40) : null,
            statementNoticeOn: reached(state, 'statement') ? on(42) : null,
            decisionKind: reached(state, 'decided') ? 'pursue' : null,
            decisionOn: reached(state, 'decided') ? on(50) : null,
            decisionReasons: reached(state, 'decided') ? '事实清楚' : null,
            servedOn: reached(state, 'served') ? on(52) : null,
            service: null,
            executedOn: reached(state, 'executed') ? on(80) : null,
            executionNote: null,
            closedOn: state === 'closed' ? on(85) : null,
            createdBy: investigators[0]!.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (reached(state, 'accepted'))
          await trx
            .insertInto('caseInvestigators')
            .values(
              investigators.map((u) => ({ caseId: row.id, userId: u.id, regionCode: agency.regionCode })),
            )
            .execute();
        if (reached(state, 'findings'))
          await trx
            .insertInto('casePersons')
            .values(
              byAgency
                .get(agency.id)!
                .slice(0, 1 + (i % 2))
                .map((officerId) => ({
                  caseId: row.id,
                  officerId,
                  regionCode: agency.regionCode,
                  liable: true,
                  statementOn: reached(state, 'decided') ? on(45) : null,
                  statementText: reached(state, 'decided') ? '无异议。' : null,
                })),
            )
            .execute();
        if (reached(state, 'investigating') && i % 5 === 0)
          await trx
            .insertInto('caseExtensions')
            .values({
              caseId: row.id,
              regionCode: agency.regionCode,
              days: 30,
              reason: '案情复杂',
              approvedBy: '局长',
              approvedOn: on(30),
            })
            .execute();
        if (state === 'served' && i % 3 === 0)
          await trx
            .insertInto('appeals')
            .values({
              number: `申诉〔bench〕${row.id}`,
              caseId: row.id,
              regionCode: agency.regionCode,
              officerId: byAgency.get(agency.id)![0]!,
              filedOn: on(55),
              grounds: '不服处理决定',
              state: 'accepted',
              acceptedOn: on(56),
              dueOn: on(116),
              pack: 'guizhou-a-city',
            })
            .execute();
      }
    });
  }
}

/** Run `fn` on a fresh PostgreSQL database, dropped afterwards. */
async function withPostgres<T>(url: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const name = `wenze_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  try {
    return await fn(database);
  } finally {
    await database.close();
    if (process.env.WENZE_BENCH_KEEP) log(`kept database ${name}`);
    else {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}

interface Timing {
  /** Median milliseconds. */
  ms: number;
  /** Fastest and slowest run. */
  min: number;
  max: number;
  queries: number;
}

async function timed(runs: number, counter: QueryCounter, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm: the calendar, the plans
  const times: number[] = [];
  let queries = 0;
  for (let i = 0; i < runs; i++) {
    counter.count = 0;
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    queries = counter.count;
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    ms: round(times[Math.floor(times.length / 2)]!),
    min: round(times[0]!),
    max: round(times.at(-1)!),
    queries,
  };
}

export async function run(
  opts: { cases?: number; runs?: number; pgUrl?: string } = {},
): Promise<Record<string, unknown>> {
  const cases = opts.cases ?? Number(arg('--cases') ?? 1000);
  const runs = opts.runs ?? Number(arg('--runs') ?? 7);
  const url = opts.pgUrl ?? arg('--pg-url') ?? process.env.WENZE_BENCH_PG_URL ?? DEFAULT_PG_URL;
  const today = todayInChina();
  return withPostgres(url, async (database) => {
    await migrateToLatest(database);
    await loadDemo(database, today);
    log(`seeding ${cases} cases`);
    await seedCases(database, cases, today);
    const counter = new QueryCounter();
    const counted: Database = { ...database, db: database.db.withPlugin(counter) };
    const app = await buildApp({
      database: counted,
      webRoot: null,
      rateLimits: { login: 10_000, public: 10_000 },
    });
    await app.ready();
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sfj', password: DEMO_PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
      const cookie = `wenze_sid=${login.cookies.find((c) => c.name === 'wenze_sid')?.value}`;
      const get = async (path: string) => {
        const r = await app.inject({ method: 'GET', url: path, headers: { cookie } });
        if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
        return r;
      };
      const total = (await get('/api/v1/cases?pageSize=1')).json().total as number;
      const http: Record<string, Timing> = {};
      for (const path of [
        '/api/v1/cases?pageSize=20',
        '/api/v1/cases?sort=urgent&pageSize=20',
        '/api/v1/cases?sort=urgent&pageSize=20&page=10',
        '/api/v1/cases/due-soon',
        '/api/v1/home',
      ]) {
        http[path] = await timed(runs, counter, () => get(path));
        log(`${path}: ${http[path]!.ms} ms, ${http[path]!.queries} queries`);
      }
      // The urgency ranking itself, without HTTP: one case at a time (as before) and in batches.
      const me = await counted.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'sfj')
        .executeTakeFirstOrThrow();
      const actor: Actor = {
        id: me.id,
        username: me.username,
        role: me.role as Actor['role'],
        regionCode: me.regionCode,
        agencyId: me.agencyId,
        officerId: me.officerId,
      };
      const calendar = await app.calendar();
      const rank = async (load: (ids: string[]) => Promise<Awaited<ReturnType<typeof loadCases>>>) => {
        const all = await listCases(counted.db, caseListScope(actor), {}, { page: 1, pageSize: 5000 });
        return (await load(all.ids))
          .map((c) => summaryOf(c, actor, calendar, today))
          .sort((a, b) => byUrgency(a.currentDeadline, b.currentDeadline));
      };
      const oneByOne = async (ids: string[]) => {
        const out = [];
        for (const id of ids) {
          const c = await loadCase(counted.db, id);
          if (c) out.push(c);
        }
        return out;
      };
      const a = await rank(oneByOne);
      const b = await rank((ids) => loadCases(counted.db, ids));
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('one by one and batched rankings differ');
      const ids = (await listCases(counted.db, caseListScope(actor), {}, { page: 1, pageSize: 5000 })).ids;
      const ranking = {
        oneByOne: await timed(Math.min(runs, 3), counter, () => rank(oneByOne)),
        batched: await timed(runs, counter, () => rank((ids) => loadCases(counted.db, ids))),
        /** Of the batched ranking: loading the cases alone. */
        loadOnly: await timed(runs, counter, () => loadCases(counted.db, ids)),
      };
      log(`ranking one by one: ${ranking.oneByOne.ms} ms, ${ranking.oneByOne.queries} queries`);
      log(`ranking in batches: ${ranking.batched.ms} ms, ${ranking.batched.queries} queries`);
      return { cases: total, runs, http, ranking };
    } finally {
      await app.close();
    }
  });
}

export function printTable(r: Record<string, unknown>): void {
  const http = r.http as Record<string, Timing>;
  const ranking = r.ranking as Record<'oneByOne' | 'batched' | 'loadOnly', Timing>;
  const rows: [string, string, string][] = [['', 'median ms (min–max)', 'queries']];
  const cell = (t: Timing) => `${t.ms} (${t.min}–${t.max})`;
  for (const [path, t] of Object.entries(http)) rows.push([`GET ${path}`, cell(t), String(t.queries)]);
  rows.push([
    'urgency ranking, one case at a time (before)',
    cell(ranking.oneByOne),
    String(ranking.oneByOne.queries),
  ]);
  rows.push([
    'urgency ranking, in batches (loadCases)',
    cell(ranking.batched),
    String(ranking.batched.queries),
  ]);
  rows.push(['  of which loading the cases', cell(ranking.loadOnly), String(ranking.loadOnly.queries)]);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);
  process.stdout.write(
    `${r.cases} cases in the supervisor's jurisdiction, PostgreSQL, median of ${r.runs} runs\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify({ lists: r })}\n`);
}

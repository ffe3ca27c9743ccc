// 行政执法决定公示: the publications of decisions (migration 0018). An imported licensing or penalty
// decision is published — masked by src/core/disclosure — in the import's transaction, or withheld
// with the do-not-publish rule that applies; a decision changed, revoked or confirmed illegal is
// withdrawn with the reason; the sweep (nightly, `wenze disclosure sweep`) publishes decisions
// imported before publications existed and takes down what has been online for its retention.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type {
  ActKind,
  LicensingDecision,
  PartyType,
  ReviewResult,
  WithholdGround,
} from '../core/acts/codes.js';
import type { Act } from '../core/acts/schema.js';
import type { Calendar } from '../core/calendar/lookup.js';
import {
  DEFAULT_DISCLOSURE,
  type DisclosureParams,
  type PublicationCategory,
  type PublicationSource,
  type PublicationState,
  publicationOfAct,
  takeDownOn,
  withdrawalReason,
  withdrawsPublication,
} from '../core/disclosure/index.js';
import type { Scope } from '../core/policies/actor.js';
import { defaultPacks, selectPack } from '../core/rulebook/packs/registry.js';
import { packNameForRegion } from '../core/workflow/pack.js';
import { openPartyIdNumber } from './act-identity.js';
import { t } from './acts-import.js';
import { type AuditEntry, appendAudit } from './audit.repository.js';
import { calendarInForce } from './calendar-days.js';
import type { Database } from './db.js';
import { type SqlTx, withTransaction } from './driver.js';
import type { DB } from './schema.js';
import { containsPattern, type PageRequest, pageOfRows, scopeCondition } from './scope.js';
import { kyselyOnTx } from './tx-kysely.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Which acts a publication pass reads: all, the import's (`scan_ids`), or those without a publication. */
export type PublishScope = 'all' | 'ids' | 'pending';

export interface PublishResult {
  published: number;
  withheld: number;
  withdrawn: number;
  /** Existing publications whose act changed (fields brought up to date). */
  updated: number;
}

/**
 * The disclosure parameters of the pack in force in a region on a day: the region's pack, else (no
 * version in force that day, as before a city's first version) its parent's, up to the province.
 */
export function disclosureParamsFor(): (region: string, on: string) => DisclosureParams {
  const defs = new Map(defaultPacks.list().map((p) => [p.name, p]));
  const lineage = new Map<string, string[]>();
  const cache = new Map<string, DisclosureParams>();
  return (region, on) => {
    const key = `${region}|${on}`;
    const hit = cache.get(key);
    if (hit) return hit;
    let names = lineage.get(region);
    if (names === undefined) {
      names = [];
      for (let n: string | null | undefined = packNameForRegion(region); n; n = defs.get(n)?.parent)
        names.push(n);
      lineage.set(region, names);
    }
    let params = DEFAULT_DISCLOSURE;
    for (const n of names) {
      const v = defs.get(n)?.versions;
      if (v?.some((x) => x.validFrom <= on && (x.validTo === null || on <= x.validTo))) {
        params = selectPack(n, on).params.disclosure;
        break;
      }
    }
    cache.set(key, params);
    return params;
  };
}

interface ActRow {
  id: string;
  region_code: string;
  agency_id: string;
  kind: ActKind;
  matter: string | null;
  decided: string;
  fine: string | number | null;
  review: ReviewResult | null;
  party: { type: PartyType; id: string; name?: unknown; creditCode?: unknown } | null;
  x: Record<string, unknown>;
  party_id_enc: Uint8Array | null;
  pub_id: string | null;
  pub_state: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The act as the disclosure reads it, from the columns and the few body fields it needs. */
function actOf(r: ActRow): Act {
  const x = r.x;
  return {
    id: r.id,
    agency: r.agency_id,
    kind: r.kind,
    matter: r.matter,
    party: r.party
      ? { type: r.party.type, id: r.party.id, name: str(r.party.name), creditCode: str(r.party.creditCode) }
      : null,
    officers: [],
    dates: { decided: r.decided },
    fine: r.fine == null ? null : Number(r.fine),
    review: r.review,
    decision: str(x.decision) as LicensingDecision | null,
    reason: str(x.reason),
    documentNo: str(x.documentNo),
    itemName: str(x.itemName),
    category: str(x.category),
    content: str(x.content),
    basis: str(x.basis),
    result: str(x.result),
    withhold: str(x.withhold) as WithholdGround | null,
  };
}

const BATCH = 5000;
const INSERT_COLUMNS =
  '(region_code, agency_id, source_kind, source_id, category, party_type, fields, decided_on, published_on, ' +
  'due_on, state, withheld_ground, withheld_reason, withdrawn_on, withdrawn_reason, take_down_on)';

/**
 * Publish (or withhold, or withdraw) the licensing and penalty decisions of the acts in `scope` as
 * of `on`, in the caller's transaction: a new decision gets its publication; one whose publication
 * exists is brought up to date (its fields, or withdrawn when the review changed, revoked or
 * confirmed it illegal). New rows go in by COPY.
 */
export async function publishActs(tx: SqlTx, scope: PublishScope, on: string): Promise<PublishResult> {
  const result: PublishResult = { published: 0, withheld: 0, withdrawn: 0, updated: 0 };
  const cal: Calendar = await calendarInForce(tx);
  const paramsFor = disclosureParamsFor();
  const where =
    scope === 'ids' ? 'a.id in (select id from scan_ids)' : scope === 'pending' ? 'p.id is null' : 'true';
  // One pass over the acts through a cursor (a batch at a time, no re-scan per batch).
  await tx.query(
    `declare publish_acts no scroll cursor for
     select a.id, a.region_code, a.agency_id, a.kind, a.matter, to_char(a.decided, 'YYYY-MM-DD') as decided,
            a.fine, a.review, a.body -> 'party' as party, a.party_id_enc,
            jsonb_build_object('decision', a.body -> 'decision', 'reason', a.body -> 'reason',
              'documentNo', a.body -> 'documentNo', 'itemName', a.body -> 'itemName',
              'category', a.body -> 'category', 'content', a.body -> 'content', 'basis', a.body -> 'basis',
              'result', a.body -> 'result', 'withhold', a.body -> 'withhold',
              'publishedOn', a.body -> 'publishedOn') as x,
            p.id as pub_id, p.state as pub_state
     from acts a
     left join publications p on p.source_kind = 'act' and p.source_id = a.id
     where ${where} and a.kind in ('licensing', 'penalty') and a.decided is not null`,
  );
  for (;;) {
    const rows = await tx.query<ActRow>(`fetch ${BATCH} from publish_acts`);
    if (rows.length === 0) break;
    let copy = '';
    for (const r of rows) {
      const act = actOf(r);
      const params = paramsFor(r.region_code, r.decided);
      const idNumber = r.party_id_enc ? openPartyIdNumber(r.id, r.party_id_enc) : null;
      const pub = publicationOfAct(act, cal, params, idNumber);
      if (pub === null) continue;
      const withdraw = withdrawsPublication(act);
      // First public on the agency's own publication day, when that came earlier.
      const ownDay = str(r.x.publishedOn);
      const firstOn = ownDay !== null && ownDay < on ? ownDay : on;
      if (r.pub_id === null) {
        const state = pub.withheld ? 'withheld' : withdraw ? 'withdrawn' : 'published';
        const published = state === 'published';
        result[state === 'withheld' ? 'withheld' : state === 'withdrawn' ? 'withdrawn' : 'published']++;
        copy += `${[
          r.region_code,
          t(r.agency_id),
          'act',
          t(r.id),
          pub.category,
          pub.partyType ?? '\\N',
          t(pub.fields === null ? null : JSON.stringify(pub.fields)),
          pub.decidedOn,
          published ? firstOn : '\\N',
          pub.dueOn,
          state,
          pub.withheld?.ground ?? '\\N',
          t(pub.withheld?.cite),
          withdraw && !pub.withheld ? on : '\\N',
          t(withdraw && !pub.withheld ? withdrawalReason(act.review as 'revoked') : null),
          published ? takeDownOn(pub.partyType, firstOn, params) : '\\N',
        ].join('\t')}\n`;
        continue;
      }
      if (r.pub_state !== 'published' && r.pub_state !== 'withheld') continue;
      result.updated++;
      if (withdraw && r.pub_state === 'published') {
        await tx.query(
          `update publications set state = 'withdrawn', withdrawn_on = $2, withdrawn_reason = $3,
             fields = $4::jsonb, version = version + 1, updated_at = now() where id = $1`,
          [r.pub_id, on, withdrawalReason(act.review as 'revoked'), JSON.stringify(pub.fields)],
        );
        result.withdrawn++;
      } else if (pub.withheld) {
        await tx.query(
          `update publications set state = 'withheld', fields = null, published_on = null, take_down_on = null,
             withheld_ground = $2, withheld_reason = $3, version = version + 1, updated_at = now() where id = $1`,
          [r.pub_id, pub.withheld.ground, pub.withheld.cite],
        );
      } else {
        // Brought up to date; a withheld decision no longer withheld is published now.
        await tx.query(
          `update publications set fields = $2::jsonb, decided_on = $3, due_on = $4, party_type = $5,
             state = 'published', withheld_ground = null, withheld_reason = null,
             published_on = coalesce(published_on, $6::date),
             take_down_on = coalesce(take_down_on, $7::date), version = version + 1, updated_at = now()
           where id = $1`,
          [
            r.pub_id,
            JSON.stringify(pub.fields),
            pub.decidedOn,
            pub.dueOn,
            pub.partyType,
            firstOn,
            takeDownOn(pub.partyType, firstOn, params),
          ],
        );
      }
    }
    if (copy !== '') {
      const writer = tx.copyIn(`publications ${INSERT_COLUMNS}`);
      await writer.write(Buffer.from(copy, 'utf8'));
      await writer.end();
    }
    if (rows.length < BATCH) break;
  }
  await tx.query('close publish_acts');
  return result;
}

/**
 * Withdraw the publication of a decision (an accountability decision changed or revoked on appeal;
 * an act's decision overturned), with the reason, as of `on`. Only a published one is withdrawn;
 * returns how many were. The caller's transaction carries its audit entry.
 */
export async function withdrawPublications(
  trx: Db,
  source: { sourceKind: PublicationSource; sourceId: string },
  reason: string,
  on: string,
): Promise<number> {
  const rows = await trx
    .updateTable('publications')
    .set((eb) => ({
      state: 'withdrawn',
      withdrawnOn: on,
      withdrawnReason: reason,
      version: eb('version', '+', 1),
      updatedAt: new Date(),
    }))
    .where('sourceKind', '=', source.sourceKind)
    .where('sourceId', '=', source.sourceId)
    .where('state', '=', 'published')
    .returning('id')
    .execute();
  return rows.length;
}

export interface SweepResult extends PublishResult {
  /** Publications taken down as of the day (their retention over). */
  takenDown: number;
}

/**
 * The sweep (nightly, `wenze disclosure sweep`): publish the decisions that have none yet (imported
 * before publications existed), then take down every publication whose retention is over as of
 * `today`; one transaction and one audit entry (when anything changed).
 */
export async function sweepPublications(
  database: Database,
  today: string,
  audit: (r: SweepResult) => AuditEntry,
): Promise<SweepResult> {
  return withTransaction(database, async (tx) => {
    const published = await publishActs(tx, 'pending', today);
    const down = await tx.query<{ n: number }>(
      `with d as (
         update publications set state = 'taken_down', taken_down_on = $1::date, version = version + 1,
           updated_at = now()
         where state = 'published' and take_down_on <= $1::date
         returning 1)
       select count(*)::integer as n from d`,
      [today],
    );
    const result: SweepResult = { ...published, takenDown: down[0]?.n ?? 0 };
    if (result.published + result.withheld + result.withdrawn + result.takenDown > 0)
      await appendAudit(kyselyOnTx(tx), audit(result));
    return result;
  });
}

/** The audit entry of a sweep, by the nightly run or the command line. */
export function sweepAudit(by: { actorId?: string | null; actorName: string }, today: string) {
  return (r: SweepResult): AuditEntry => ({
    regionCode: '000000',
    actorId: by.actorId ?? null,
    actorName: by.actorName,
    action: 'disclosure.sweep',
    objectType: 'publications',
    objectId: today,
    detail: { ...r },
  });
}

/** Whether the publications table holds anything for the act (tests, the console). */
export async function publicationOfActId(db: Db, actId: string) {
  return db
    .selectFrom('publications')
    .selectAll()
    .where('sourceKind', '=', 'act')
    .where('sourceId', '=', actId)
    .executeTakeFirst();
}

// --- reading ------------------------------------------------------------------------------------

export interface PublicDecisionFilter {
  category?: PublicationCategory;
  agency?: string;
  year?: number;
  q?: string;
}

/** The published decisions (nothing withheld, withdrawn or taken down), newest decision first. */
function publishedQuery(db: Db, f: PublicDecisionFilter) {
  let q = db
    .selectFrom('publications as p')
    .leftJoin('agencies as g', 'g.id', 'p.agencyId')
    .select([
      'p.id',
      'p.category',
      'p.agencyId',
      'g.name as agencyName',
      'p.regionCode',
      'p.decidedOn',
      'p.publishedOn',
      'p.fields',
    ])
    .where('p.state', '=', 'published');
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.agency) q = q.where('p.agencyId', '=', f.agency);
  if (f.year)
    q = q.where('p.decidedOn', '>=', `${f.year}-01-01`).where('p.decidedOn', '<=', `${f.year}-12-31`);
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where(
      (eb) =>
        sql<boolean>`(${eb.ref('p.fields')} ->> 'documentNo' ilike ${like} or ${eb.ref('p.fields')} ->> 'itemName' ilike ${like}
          or ${eb.ref('p.fields')} -> 'party' ->> 'name' ilike ${like} or ${eb.ref('g.name')} ilike ${like})`,
    );
  }
  return q;
}

export type PublicDecisionRow = Awaited<ReturnType<ReturnType<typeof publishedQuery>['execute']>>[number];

/**
 * Where counting the published decisions stops: beyond it the total is given as capped ("10000+"),
 * so that no page counts over a million rows (issue 15: p95 < 100 ms with 1,000,000 acts).
 */
export const PUBLIC_TOTAL_CAP = 10_000;

/** A position in the list (newest decision first): after the decision of that day and id. */
export interface DecisionCursor {
  decidedOn: string;
  id: string;
}

export const cursorText = (c: DecisionCursor) => `${c.decidedOn}_${c.id}`;
export const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/;
export function parseCursor(text: string): DecisionCursor | null {
  const m = CURSOR_PATTERN.exec(text);
  return m ? { decidedOn: m[1]!, id: m[2]! } : null;
}

/**
 * A page of the published decisions (newest decision first), by page number or after a cursor
 * (keyset: as fast on the last page as on the first); the total counted up to PUBLIC_TOTAL_CAP, and
 * the cursor of the next page when the page is full.
 */
export async function listPublicDecisions(
  db: Db,
  f: PublicDecisionFilter,
  page: PageRequest,
  after: DecisionCursor | null = null,
) {
  const counted = await db
    .selectFrom(
      publishedQuery(db, f)
        .clearSelect()
        .select(sql<number>`1`.as('one'))
        .limit(PUBLIC_TOTAL_CAP + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  let q = publishedQuery(db, f).orderBy('p.decidedOn', 'desc').orderBy('p.id', 'desc').limit(page.pageSize);
  q = after
    ? q.where(sql<boolean>`(p.decided_on, p.id) < (${after.decidedOn}::date, ${after.id}::uuid)`)
    : q.offset((page.page - 1) * page.pageSize);
  const items = await q.execute();
  const last = items.at(-1);
  return {
    items,
    total: Math.min(n, PUBLIC_TOTAL_CAP),
    totalCapped: n > PUBLIC_TOTAL_CAP,
    next:
      last && items.length === page.pageSize
        ? cursorText({ decidedOn: String(last.decidedOn), id: last.id })
        : null,
    ...page,
  };
}

export function findPublicDecision(db: Db, id: string) {
  return publishedQuery(db, {}).where('p.id', '=', id).executeTakeFirst();
}

export interface PublicationFilter {
  state?: PublicationState;
  category?: PublicationCategory;
  agency?: string;
  /** Published after its due date, or still unpublished past it. */
  overdue?: boolean;
}

/** Overdue as of `today`: published after the due date, or withheld never, else unpublished past it. */
const overdue = (today: string) =>
  sql<boolean>`(p.state <> 'withheld' and coalesce(p.published_on, ${today}::date) > p.due_on)`;

/** The register of publications in the actor's jurisdiction (the supervision office's view). */
export function listPublications(
  db: Db,
  scope: Scope,
  f: PublicationFilter,
  today: string,
  page: PageRequest,
) {
  let q = db
    .selectFrom('publications as p')
    .leftJoin('agencies as g', 'g.id', 'p.agencyId')
    .select([
      'p.id',
      'p.sourceKind',
      'p.sourceId',
      'p.category',
      'p.agencyId',
      'g.name as agencyName',
      'p.state',
      'p.decidedOn',
      'p.dueOn',
      'p.publishedOn',
      'p.withheldGround',
      'p.withheldReason',
      'p.withdrawnOn',
      'p.withdrawnReason',
      'p.takeDownOn',
      'p.fields',
      overdue(today).as('overdue'),
    ])
    .where(scopeCondition(scope, { region: 'p.regionCode', agency: 'p.agencyId' }));
  if (f.state) q = q.where('p.state', '=', f.state);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.agency) q = q.where('p.agencyId', '=', f.agency);
  if (f.overdue) q = q.where(overdue(today));
  return pageOfRows(db, q, page, (x) => x.orderBy('p.decidedOn', 'desc').orderBy('p.id', 'desc'));
}

/** Per agency of the jurisdiction: publications by state, and how many were (or are) overdue. */
export async function publicationsByAgency(db: Db, scope: Scope, today: string) {
  const rows = await db
    .selectFrom('publications as p')
    .leftJoin('agencies as g', 'g.id', 'p.agencyId')
    .select((eb) => [
      'p.agencyId',
      'g.name as agencyName',
      eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where p.state = 'published')`.as('published'),
      sql<number>`count(*) filter (where p.state = 'withheld')`.as('withheld'),
      sql<number>`count(*) filter (where p.state = 'withdrawn')`.as('withdrawn'),
      sql<number>`count(*) filter (where p.state = 'taken_down')`.as('takenDown'),
      sql<number>`count(*) filter (where ${overdue(today)})`.as('overdue'),
    ])
    .where(scopeCondition(scope, { region: 'p.regionCode', agency: 'p.agencyId' }))
    .groupBy(['p.agencyId', 'g.name'])
    .orderBy('p.agencyId')
    .execute();
  return rows.map((r) => ({
    ...r,
    total: Number(r.total),
    published: Number(r.published),
    withheld: Number(r.withheld),
    withdrawn: Number(r.withdrawn),
    takenDown: Number(r.takenDown),
    overdue: Number(r.overdue),
  }));
}

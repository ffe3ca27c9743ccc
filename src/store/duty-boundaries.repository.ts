// 职责边界清单 (issue 13) in the database: the supervision office's decisions on overlaps of the duty
// lists — a boundary (lead and 协办, with its ground) or a referral to the establishment office —,
// recorded in one transaction with the audit entry and the previous decision marked superseded; the
// decisions in force on a day applied to the worklist (`applyResolutions`); the boundary list in force
// on a day, a page at a time or whole for its export. The rules are core's (duties/boundary.ts).
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  applyResolutions,
  boundaryAgencies,
  type DutyResolution,
  type OverlapStatus,
  type ResolutionKind,
} from '../core/duties/boundary.js';
import { checkDuties, type DutyOverlap } from '../core/duties/check.js';
import type { Scope } from '../core/policies/actor.js';
import { type AuditEntry, appendAudit } from './audit.repository.js';
import { type DutyWorklist, dutyItemsOfPower } from './duties.repository.js';
import type { DB } from './schema.js';
import { containsPattern, type Page, type PageRequest, pageOfRows, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Serialises the decisions of a region (with the region's code as the second key). */
const BOUNDARY_LOCK = 7_361_017;

/** A decision as stored, with who decided and when, and whether a later one replaced it. */
export interface StoredResolution extends DutyResolution {
  name: string;
  decidedByName: string;
  decidedAt: Date;
  supersededBy: number | null;
}

type Row = Awaited<ReturnType<ReturnType<typeof resolutionQuery>['executeTakeFirstOrThrow']>>;

function resolutionQuery(db: Db) {
  return db.selectFrom('dutyBoundaries').selectAll('dutyBoundaries');
}

function toResolution(r: Row): StoredResolution {
  return {
    id: r.id,
    region: r.regionCode,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parties: r.parties,
    lead: r.leadAgencyId,
    assisting: r.assisting,
    ground: r.ground,
    referral:
      r.kind === 'referral'
        ? {
            number: r.referralNo!,
            referredTo: r.referredTo ?? '',
            referredOn: r.referredOn!,
            note: r.note,
          }
        : null,
    validFrom: r.validFrom,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    supersededBy: r.supersededBy,
  };
}

/** The decisions within a scope that have started by `on` (the history the day's state follows from). */
export async function resolutionsStarted(db: Db, scope: Scope, on: string): Promise<StoredResolution[]> {
  const rows = await resolutionQuery(db)
    .where(scopeCondition(scope, { region: 'dutyBoundaries.regionCode' }))
    .where('dutyBoundaries.validFrom', '<=', on)
    .orderBy('dutyBoundaries.id')
    .execute();
  return rows.map(toResolution);
}

/** Agencies' names by id (those named by decisions). */
export async function agencyNames(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// --- the worklist under the decisions ------------------------------------------------------------------

type WorklistOverlap = DutyWorklist['overlaps'][number];

/** The worklist's overlaps under the decisions in force on its day: settled ones leave it. */
export interface ResolvedWorklist extends Omit<DutyWorklist, 'overlaps'> {
  overlaps: (WorklistOverlap & {
    status: OverlapStatus;
    resolution: StoredResolution | null;
    uncovered: string[];
  })[];
  /** Overlaps a boundary in force settles (no longer on the worklist). */
  settled: (WorklistOverlap & { resolution: StoredResolution })[];
}

export async function resolveWorklist(
  db: Db,
  scope: Scope,
  worklist: DutyWorklist,
): Promise<ResolvedWorklist> {
  const started = worklist.overlaps.length === 0 ? [] : await resolutionsStarted(db, scope, worklist.on);
  const { open, settled } = applyResolutions(worklist.overlaps, started, worklist.on);
  return { ...worklist, overlaps: open, settled };
}

// --- recording a decision --------------------------------------------------------------------------------

/** The overlap asked for is not there (404), or its state does not allow the decision (409). */
export class OverlapRefusal extends Error {
  constructor(
    message: string,
    readonly status: 404 | 409,
  ) {
    super(message);
    this.name = 'OverlapRefusal';
  }
}

/** An overlap as a decision sees it: the power, its name and the agencies leading it. */
export interface PowerOverlap extends DutyOverlap {
  region: string;
  name: string;
  /** Where it stands under the decisions in force on the day asked. */
  status: OverlapStatus | 'settled';
  current: StoredResolution | null;
}

/**
 * The overlap of a power in a region on a day (its agencies leading it at once), with the decision
 * in force; null when no two agencies lead it that day.
 */
export async function findOverlap(
  db: Db,
  region: string,
  code: string,
  on: string,
): Promise<PowerOverlap | null> {
  const items = await dutyItemsOfPower(db, region, code, on);
  const overlap = checkDuties(items, { on }).overlaps[0];
  if (overlap === undefined) return null;
  const history = await resolutionsStarted(db, { kind: 'region', prefix: region }, on);
  const { open, settled } = applyResolutions(
    [overlap],
    history.filter((r) => r.code === code),
    on,
  );
  const state = open[0] ?? { ...settled[0], status: 'settled' as const };
  return {
    ...overlap,
    region,
    name: items[0].name,
    status: state.status,
    current: state.resolution ?? null,
  };
}

export interface DecisionOf {
  kind: ResolutionKind;
  lead: string | null;
  assisting: string[];
  ground: string | null;
  referral: DutyResolution['referral'];
  validFrom: string;
}

export interface RecordOptions {
  region: string;
  code: string;
  /** The day the overlap is looked at (a boundary's validFrom; today for a referral). */
  on: string;
  decidedBy: { id: string | null; name: string };
  /** The decision given the overlap (throws a ValidationError for bad input). */
  decide(overlap: PowerOverlap): DecisionOf;
  audit(saved: StoredResolution, supersedes: number | null): AuditEntry;
}

/**
 * Record a decision on an overlap, all or nothing: under the region's lock, the overlap as it stands
 * on `on` (none → 404), the decision (validated against it), the current decision marked superseded,
 * the new one inserted, the audit entry appended.
 */
export async function recordResolution(db: Kysely<DB>, opts: RecordOptions): Promise<StoredResolution> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${BOUNDARY_LOCK}, ${Number(opts.region)})`.execute(trx);
    const overlap = await findOverlap(trx, opts.region, opts.code, opts.on);
    if (overlap === null) throw new OverlapRefusal(`${opts.on} 该地区没有职责交叉 ${opts.code}`, 404);
    const d = opts.decide(overlap);
    const previous = await trx
      .updateTable('dutyBoundaries')
      .set({ supersededAt: sql`now()` })
      .where('regionCode', '=', opts.region)
      .where('code', '=', opts.code)
      .where('supersededAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    const row = await trx
      .insertInto('dutyBoundaries')
      .values({
        regionCode: opts.region,
        code: opts.code,
        name: overlap.name,
        kind: d.kind,
        parties: JSON.stringify(overlap.agencies),
        leadAgencyId: d.lead,
        assisting: JSON.stringify(d.assisting),
        ground: d.ground,
        referralNo: d.referral?.number ?? null,
        referredTo: d.referral?.referredTo ?? null,
        referredOn: d.referral?.referredOn ?? null,
        note: d.referral?.note ?? null,
        validFrom: d.validFrom,
        decidedBy: opts.decidedBy.id,
        decidedByName: opts.decidedBy.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (previous) {
      await trx
        .updateTable('dutyBoundaries')
        .set({ supersededBy: row.id })
        .where('id', '=', previous.id)
        .execute();
    }
    const saved = toResolution(row);
    await appendAudit(trx, opts.audit(saved, previous?.id ?? null));
    return saved;
  });
}

// --- the boundary list -------------------------------------------------------------------------------------

export interface BoundaryFilter {
  /** In force on this day. */
  on: string;
  /** 'boundary' (the 职责边界清单, default) or 'referral' (pending with the establishment office). */
  kind: ResolutionKind;
  /** Searched in 职权编码, 职权名称 and 依据. */
  q?: string;
}

export interface BoundaryEntry extends StoredResolution {
  regionName: string;
}

/** The decisions of a kind in force on a day within a scope (no later decision has started by then). */
function inForceQuery(db: Db, scope: Scope, f: BoundaryFilter) {
  let q = db
    .selectFrom('dutyBoundaries')
    .innerJoin('regions', 'regions.code', 'dutyBoundaries.regionCode')
    .selectAll('dutyBoundaries')
    .select('regions.name as regionName')
    .where(scopeCondition(scope, { region: 'dutyBoundaries.regionCode' }))
    .where('dutyBoundaries.validFrom', '<=', f.on)
    .where('dutyBoundaries.kind', '=', f.kind)
    .where(
      sql<boolean>`not exists (select 1 from duty_boundaries later
        where later.region_code = duty_boundaries.region_code and later.code = duty_boundaries.code
          and later.id > duty_boundaries.id and later.valid_from <= ${f.on})`,
    );
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('dutyBoundaries.code', 'ilike', p),
        eb('dutyBoundaries.name', 'ilike', p),
        eb('dutyBoundaries.ground', 'ilike', p),
        eb('dutyBoundaries.referralNo', 'ilike', p),
      ]),
    );
  }
  return q;
}

const ordered = <Q extends ReturnType<typeof inForceQuery>>(q: Q) =>
  q.orderBy('dutyBoundaries.regionCode').orderBy('dutyBoundaries.code').orderBy('dutyBoundaries.id');

export async function listBoundaries(
  db: Db,
  scope: Scope,
  f: BoundaryFilter,
  page: PageRequest,
): Promise<Page<BoundaryEntry>> {
  const listed = await pageOfRows(db, inForceQuery(db, scope, f), page, ordered);
  return {
    ...listed,
    items: listed.items.map((r) => ({ ...toResolution(r), regionName: r.regionName })),
  };
}

/** The whole list (for its export), at most `limit` entries. */
export async function allBoundaries(
  db: Db,
  scope: Scope,
  f: BoundaryFilter,
  limit = 100_000,
): Promise<BoundaryEntry[]> {
  const rows = await ordered(inForceQuery(db, scope, f))
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toResolution(r), regionName: r.regionName }));
}

/** Every agency a decision names (lead, assisting, parties). */
export const namedAgencies = (rs: readonly DutyResolution[]): string[] =>
  rs.flatMap((r) => [...boundaryAgencies(r), ...r.parties]);

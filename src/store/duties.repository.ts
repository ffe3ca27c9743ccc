// 权责清单 (issue 13) in the database: the import of a list (all or nothing, in one transaction with
// its audit entry), each agency's items as its next version superseding its earlier ones from the
// new list's 生效日期 (`supersede`), the items in force on a day, the versions of an agency and the
// difference between two, and the overlap/gap/incomplete worklist of a jurisdiction (`checkDuties`
// over the items in force on a day). The checks are core's; this module loads and stores.
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { checkDuties, type DutyReport, GAP_REASONS, supersede } from '../core/duties/check.js';
import type { CompletenessColumn, DutyRole } from '../core/duties/columns.js';
import { type DutyDiff, diffDutyLists } from '../core/duties/diff.js';
import {
  type DutyItem,
  dutyRowsError,
  missingOf,
  parseDutyRows,
  type RowError,
} from '../core/duties/item.js';
import type { Scope } from '../core/policies/actor.js';
import { type FieldError, ValidationError } from '../core/validation.js';
import { type AuditEntry, appendAudit } from './audit.repository.js';
import { dutyRowsFromCsv, dutyRowsFromXlsx } from './duties-formats.js';
import type { DB } from './schema.js';
import { containsPattern, type Page, type PageRequest, pageOfRows, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Serialises imports: an agency's versions are numbered one after another. */
const DUTY_IMPORT_LOCK = 7_361_014;
/** Rows per INSERT statement. */
const INSERT_CHUNK = 500;

// Lists as one array parameter each: a list of 100,000 items would pass PostgreSQL's 65,535
// parameters of a statement as `in (…)`.
const textArray = (xs: readonly string[]) =>
  sql`array(select jsonb_array_elements_text(cast(${JSON.stringify(xs)} as jsonb)))`;
const idIn = (ids: readonly number[]) =>
  sql<boolean>`id = any(array(select jsonb_array_elements_text(cast(${JSON.stringify(ids)} as jsonb))::int))`;

/** An item as stored: the item (its agency the register's id) with where it came from. */
export interface StoredDutyItem extends DutyItem {
  id: number;
  agencyName: string;
  version: number;
  importId: number;
}

/** An agency of the register, as a list names it. */
export interface RegisteredAgency {
  id: string;
  name: string;
  regionCode: string;
}

// --- files ------------------------------------------------------------------------------------------

/** The items of an uploaded or given list file (.csv or .xlsx, by its name), and its SHA-256. */
export async function dutyFileItems(
  name: string,
  data: Buffer,
): Promise<{ items: DutyItem[]; sha256: string }> {
  const ext = name.toLowerCase().match(/\.(csv|xlsx)$/)?.[1];
  if (ext === undefined) {
    throw new ValidationError(`不支持的文件类型：${name}`, [
      { path: 'file', message: '权责清单应为 .csv 或 .xlsx 文件' },
    ]);
  }
  const rows =
    ext === 'xlsx'
      ? await dutyRowsFromXlsx(data, `Excel 文件 ${name} `)
      : dutyRowsFromCsv(data.toString('utf8'), `CSV 文件 ${name} `);
  const { items, errors } = parseDutyRows(rows);
  if (errors.length > 0) throw dutyRowsError(errors, `权责清单 ${name} `);
  if (items.length === 0) {
    throw new ValidationError(`权责清单 ${name} 没有清单项`, [
      { path: '第 2 行', message: '表头之下至少应有一行清单项' },
    ]);
  }
  return { items, sha256: createHash('sha256').update(data).digest('hex') };
}

// --- reading ------------------------------------------------------------------------------------------

function itemQuery(db: Db) {
  return db
    .selectFrom('dutyItems')
    .innerJoin('agencies', 'agencies.id', 'dutyItems.agencyId')
    .selectAll('dutyItems')
    .select('agencies.name as agencyName');
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

function toItem(r: ItemRow): StoredDutyItem {
  return {
    id: r.id,
    row: r.row,
    code: r.code,
    name: r.name,
    type: r.type,
    agency: r.agencyId,
    agencyName: r.agencyName,
    region: r.regionCode,
    unit: r.unit,
    role: r.role,
    basis: r.basis,
    duties: r.duties,
    accountability: r.pursuits,
    timeLimit: r.timeLimit,
    effectiveFrom: r.validFrom,
    effectiveUntil: r.validTo,
    version: r.version,
    importId: r.importId,
  };
}

/** Items in force on a day: valid_from <= on < valid_to. */
const inForceOn = (on: string) =>
  sql<boolean>`duty_items.valid_from <= ${on} and (duty_items.valid_to is null or duty_items.valid_to > ${on})`;

export interface DutyItemFilter {
  /** In force on this day (YYYY-MM-DD). */
  on: string;
  agencyId?: string;
  /** Searched in 职权编码, 职权名称, 承办机构 and 设定依据. */
  q?: string;
}

/** The items in force on a day within a scope, by agency and code, a page at a time. */
export async function listDutyItems(
  db: Db,
  scope: Scope,
  f: DutyItemFilter,
  page: PageRequest,
): Promise<Page<StoredDutyItem>> {
  let q = itemQuery(db)
    .where(scopeCondition(scope, { region: 'dutyItems.regionCode', agency: 'dutyItems.agencyId' }))
    .where(inForceOn(f.on));
  if (f.agencyId) q = q.where('dutyItems.agencyId', '=', f.agencyId);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('dutyItems.code', 'ilike', p),
        eb('dutyItems.name', 'ilike', p),
        eb('dutyItems.unit', 'ilike', p),
        eb('dutyItems.basis', 'ilike', p),
      ]),
    );
  }
  const listed = await pageOfRows(db, q, page, (q) =>
    q.orderBy('dutyItems.agencyId').orderBy('dutyItems.code').orderBy('dutyItems.id'),
  );
  return { ...listed, items: listed.items.map(toItem) };
}

/** Every item in force on a day within a scope. */
export async function dutyItemsInForce(db: Db, scope: Scope, on: string): Promise<StoredDutyItem[]> {
  const rows = await itemQuery(db)
    .where(scopeCondition(scope, { region: 'dutyItems.regionCode', agency: 'dutyItems.agencyId' }))
    .where(inForceOn(on))
    .orderBy('dutyItems.id')
    .execute();
  return rows.map(toItem);
}

/** The items of one power (职权编码) of one region in force on a day (an overlap's holders). */
export async function dutyItemsOfPower(
  db: Db,
  region: string,
  code: string,
  on: string,
): Promise<StoredDutyItem[]> {
  const rows = await itemQuery(db)
    .where('dutyItems.regionCode', '=', region)
    .where('dutyItems.code', '=', code)
    .where(inForceOn(on))
    .orderBy('dutyItems.id')
    .execute();
  return rows.map(toItem);
}

export interface DutyVersion {
  version: number;
  importId: number;
  importedAt: Date;
  importedByName: string;
  fileName: string;
  sha256: string;
  /** The earliest 生效日期 of its items. */
  from: string;
  /** The end of its last item in force, or null while one has no end. */
  until: string | null;
  items: number;
  /** Its items in force on the day asked. */
  inForce: number;
}

/** An agency's versions, newest first. */
export async function listDutyVersions(db: Db, agencyId: string, on: string): Promise<DutyVersion[]> {
  const rows = await db
    .selectFrom('dutyItems')
    .innerJoin('dutyImports', 'dutyImports.id', 'dutyItems.importId')
    .where('dutyItems.agencyId', '=', agencyId)
    .groupBy(['dutyItems.version', 'dutyItems.importId', 'dutyImports.id'])
    .select([
      'dutyItems.version',
      'dutyItems.importId',
      'dutyImports.importedAt',
      'dutyImports.importedByName',
      'dutyImports.fileName',
      'dutyImports.sha256',
    ])
    .select((eb) => [
      eb.fn.min('dutyItems.validFrom').as('from'),
      sql<
        string | null
      >`case when bool_or(duty_items.valid_to is null) then null else max(duty_items.valid_to) end`.as(
        'until',
      ),
      eb.fn.countAll<number>().as('items'),
      sql<number>`count(*) filter (where ${inForceOn(on)})`.as('inForce'),
    ])
    .orderBy('dutyItems.version', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    from: String(r.from),
    items: Number(r.items),
    inForce: Number(r.inForce),
  }));
}

/** The items an agency's version brought, as imported (their 失效日期 as later lists set them). */
export async function dutyVersionItems(db: Db, agencyId: string, version: number): Promise<StoredDutyItem[]> {
  const rows = await itemQuery(db)
    .where('dutyItems.agencyId', '=', agencyId)
    .where('dutyItems.version', '=', version)
    .orderBy('dutyItems.code')
    .orderBy('dutyItems.id')
    .execute();
  return rows.map(toItem);
}

/** What changed from one of an agency's versions to another; null when either does not exist. */
export async function diffDutyVersions(
  db: Db,
  agencyId: string,
  from: number,
  to: number,
): Promise<DutyDiff<StoredDutyItem> | null> {
  const [before, after] = await Promise.all([
    dutyVersionItems(db, agencyId, from),
    dutyVersionItems(db, agencyId, to),
  ]);
  if (before.length === 0 || after.length === 0) return null;
  return diffDutyLists(before, after);
}

// --- the worklist -------------------------------------------------------------------------------------

export interface AgencyName {
  id: string;
  name: string;
}

export type GapKind = keyof typeof GAP_REASONS;

/** The rule a gap's reason states. */
export function gapKind(reason: string): GapKind {
  return reason === GAP_REASONS.reference ? 'reference' : 'assistOnly';
}

/** The overlap/gap/incomplete worklist of a jurisdiction on a day, with names rather than codes. */
export interface DutyWorklist {
  on: string;
  /** Items in force checked. */
  items: number;
  overlaps: { code: string; name: string; region: string | null; agencies: AgencyName[] }[];
  gaps: {
    code: string;
    name: string;
    region: string | null;
    reason: string;
    /** Which rule: only 协办 agencies, or a reference matter nobody holds. */
    kind: GapKind;
    /** Who holds it (only as 协办, for a 协办-only gap). */
    agencies: (AgencyName & { role: DutyRole })[];
  }[];
  incomplete: {
    id: number;
    row: number;
    code: string;
    name: string;
    agencyId: string;
    agencyName: string;
    version: number;
    missing: CompletenessColumn[];
  }[];
}

/**
 * The worklist of the items in force on `on` within `scope` (`checkDuties`). With `agencyId`, what
 * concerns that agency only: overlaps it is part of, gaps of powers it holds, its incomplete items.
 */
export async function dutyWorklist(
  db: Db,
  scope: Scope,
  on: string,
  agencyId?: string,
): Promise<DutyWorklist> {
  const items = await dutyItemsInForce(db, scope, on);
  const report = checkDuties(items, { on });
  const names = new Map<string, string>();
  const agencyNames = new Map<string, string>();
  const holders = new Map<string, StoredDutyItem[]>();
  for (const i of items) {
    if (!names.has(i.code)) names.set(i.code, i.name);
    agencyNames.set(i.agency, i.agencyName);
    const key = `${i.region}/${i.code}`;
    const list = holders.get(key);
    if (list) list.push(i);
    else holders.set(key, [i]);
  }
  const agency = (id: string): AgencyName => ({ id, name: agencyNames.get(id) ?? id });
  const concerns = (list: { agencies: AgencyName[] }) =>
    agencyId === undefined || list.agencies.some((a) => a.id === agencyId);
  const overlaps = report.overlaps
    .map((o) => ({ ...o, name: names.get(o.code) ?? o.code, agencies: o.agencies.map(agency) }))
    .filter(concerns);
  const gaps = report.gaps
    .map((g) => {
      const held = holders.get(`${g.region}/${g.code}`) ?? [];
      const seen = new Set<string>();
      return {
        ...g,
        kind: gapKind(g.reason),
        name: names.get(g.code) ?? g.code,
        agencies: held
          .filter((h) => !seen.has(h.agency) && seen.add(h.agency))
          .map((h) => ({ ...agency(h.agency), role: h.role }))
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      };
    })
    .filter(concerns);
  // The same rule as the report's (`missingOf`), kept with the stored item it names.
  const incomplete = items
    .filter((i) => agencyId === undefined || i.agency === agencyId)
    .map((i) => ({ i, missing: missingOf(i) }))
    .filter((x) => x.missing.length > 0)
    .map(({ i, missing }) => ({
      id: i.id,
      row: i.row,
      code: i.code,
      name: i.name,
      agencyId: i.agency,
      agencyName: i.agencyName,
      version: i.version,
      missing,
    }));
  return { on, items: report.items, overlaps, gaps, incomplete };
}

// --- the import ----------------------------------------------------------------------------------------

/** A list names agencies the actor may not import for (→ 403; nothing written). */
export class DutyImportDenied extends Error {
  constructor(
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
    this.name = 'DutyImportDenied';
  }
}

export interface DutyImportOptions {
  fileName: string;
  sha256: string;
  importedBy: { id: string | null; name: string };
  /** The reference catalogue: its matters nobody of a region holds are gaps of the report. */
  reference?: readonly DutyItem[];
  /** Check and report, write nothing. */
  dryRun?: boolean;
  /** Why the importer may not import this agency's list, or null. */
  authorize?: (agency: RegisteredAgency) => string | null;
  /** The audit entry of the import, appended in its transaction (not on a dry run). */
  audit?: (result: DutyImportResult) => AuditEntry;
}

export interface DutyImportAgency {
  agencyId: string;
  agencyName: string;
  regionCode: string;
  /** The agency's new version. */
  version: number;
  /** The earliest 生效日期 of its new items: its earlier items end here. */
  from: string;
  items: number;
  /** Its earlier items this list ended (or replaced before they came into force). */
  superseded: number;
}

export interface DutyImportResult {
  importId: number | null;
  dryRun: boolean;
  fileName: string;
  sha256: string;
  agencies: DutyImportAgency[];
  /**
   * As `wenze duties check` prints it: `items` and `incomplete` of the file; `overlaps` and `gaps`
   * of its regions' lists as they stand with it (every day of their periods).
   */
  report: DutyReport;
  /** The names of the powers (by 职权编码) and agencies (by id) the report names. */
  names: { powers: Record<string, string>; agencies: Record<string, string> };
}

/** The region covering every code given: their longest common division (529921, 529922 → 529900). */
export function commonRegion(codes: readonly string[]): string {
  if (codes.length === 0) return '000000';
  let p = codes[0];
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, -1);
  if (p.length >= 6) return p.slice(0, 6);
  if (p.length >= 4) return `${p.slice(0, 4)}00`;
  if (p.length >= 2) return `${p.slice(0, 2)}0000`;
  return '000000';
}

/** The register's agency each 实施主体 of a list names (by code, else by full name), or the problems. */
export async function resolveDutyAgencies(
  db: Db,
  items: readonly DutyItem[],
): Promise<{ agencies: Map<string, RegisteredAgency>; errors: RowError[] }> {
  const written = [...new Set(items.map((i) => i.agency))];
  const rows =
    written.length === 0
      ? []
      : await db
          .selectFrom('agencies')
          .select(['id', 'name', 'regionCode'])
          .where(sql<boolean>`id = any(${textArray(written)}) or name = any(${textArray(written)})`)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, RegisteredAgency[]>();
  for (const r of rows) {
    const list = byName.get(r.name);
    if (list) list.push(r);
    else byName.set(r.name, [r]);
  }
  const agencies = new Map<string, RegisteredAgency>();
  const problems = new Map<string, string>();
  for (const w of written) {
    const a = byId.get(w);
    const named = byName.get(w) ?? [];
    if (a) agencies.set(w, a);
    else if (named.length === 1) agencies.set(w, named[0]);
    else if (named.length > 1)
      problems.set(w, `登记册中有 ${named.length} 个名为“${w}”的机关，请填写机构编码`);
    else problems.set(w, `执法机关登记册中没有“${w}”（填写机构编码或登记册中的机关全称）`);
  }
  const errors: RowError[] = [];
  for (const i of items) {
    const message = problems.get(i.agency);
    if (message !== undefined) errors.push({ row: i.row, column: '实施主体', message });
  }
  return { agencies, errors };
}

type Held = DutyItem & { id?: number };

const hasPeriod = (i: DutyItem) => i.effectiveUntil === null || i.effectiveUntil > i.effectiveFrom;

/**
 * Import a list inside the caller's transaction: all or nothing. Unknown agencies → a
 * ValidationError naming each row and 实施主体; agencies the importer may not import for →
 * DutyImportDenied. Each agency of the list gets its next version; its earlier items end on the
 * earliest 生效日期 of its new ones.
 */
export async function importDutiesIn(
  trx: Transaction<DB>,
  items: readonly DutyItem[],
  opts: DutyImportOptions,
): Promise<DutyImportResult> {
  const source = `权责清单 ${opts.fileName} `;
  if (items.length === 0) {
    throw new ValidationError(`${source}没有清单项`, [
      { path: '第 2 行', message: '表头之下至少应有一行清单项' },
    ]);
  }
  const { agencies, errors } = await resolveDutyAgencies(trx, items);
  if (errors.length > 0) throw dutyRowsError(errors, source);
  if (opts.authorize) {
    const denied: FieldError[] = [];
    const seen = new Set<string>();
    for (const i of items) {
      const a = agencies.get(i.agency)!;
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      const why = opts.authorize(a);
      if (why) denied.push({ path: `第 ${i.row} 行 实施主体`, message: why });
    }
    if (denied.length > 0) {
      throw new DutyImportDenied(
        `无权导入：${denied.length} 个机关的清单不在您的权限内，未写入任何数据`,
        denied.slice(0, 100),
      );
    }
  }
  // Only the item's own fields: a stored item given back (with its id and version) is new here.
  const incoming: DutyItem[] = items.map((i) => {
    const a = agencies.get(i.agency)!;
    return {
      row: i.row,
      code: i.code,
      name: i.name,
      type: i.type,
      agency: a.id,
      region: a.regionCode,
      unit: i.unit,
      role: i.role,
      basis: i.basis,
      duties: i.duties,
      accountability: i.accountability,
      timeLimit: i.timeLimit,
      effectiveFrom: i.effectiveFrom,
      effectiveUntil: i.effectiveUntil,
    };
  });
  const ids = [...new Set(incoming.map((i) => i.agency))];
  const regions = [...new Set(incoming.map((i) => i.region!))];

  await sql`select pg_advisory_xact_lock(${DUTY_IMPORT_LOCK})`.execute(trx);
  const existing: Held[] = (
    await itemQuery(trx)
      .where(sql<boolean>`duty_items.agency_id = any(${textArray(ids)})`)
      .execute()
  ).map((r) => toItem(r));
  const held = supersede(existing, incoming) as Held[];

  // What the new list does to the held items: ends some, replaces others before they started.
  const kept = new Map<number, Held>();
  for (const h of held) if (h.id !== undefined) kept.set(h.id, h);
  const ended = new Map<string, number[]>();
  const dropped: number[] = [];
  const superseded = new Map<string, number>();
  const count = (agency: string) => superseded.set(agency, (superseded.get(agency) ?? 0) + 1);
  for (const e of existing) {
    const k = kept.get(e.id!);
    if (k === undefined) {
      if (hasPeriod(e)) {
        dropped.push(e.id!);
        count(e.agency);
      }
    } else if (k.effectiveUntil !== e.effectiveUntil) {
      const until = k.effectiveUntil!;
      const list = ended.get(until);
      if (list) list.push(e.id!);
      else ended.set(until, [e.id!]);
      count(e.agency);
    }
  }
  const fresh = held.filter((h) => h.id === undefined);

  // The report: the file's items; its regions' lists as they stand with it.
  const others = (
    await itemQuery(trx)
      .where(sql<boolean>`duty_items.region_code = any(${textArray(regions)})`)
      .where(sql<boolean>`not (duty_items.agency_id = any(${textArray(ids)}))`)
      .execute()
  ).map(toItem);
  const standing = [...others, ...held].filter(hasPeriod);
  const regional = checkDuties(standing, { reference: opts.reference });
  const report: DutyReport = {
    items: incoming.length,
    overlaps: regional.overlaps,
    gaps: regional.gaps,
    incomplete: checkDuties(incoming).incomplete,
  };

  const freshOf = new Map<string, DutyItem[]>();
  for (const i of fresh) {
    const list = freshOf.get(i.agency);
    if (list) list.push(i);
    else freshOf.set(i.agency, [i]);
  }
  const registered = new Map([...agencies.values()].map((a) => [a.id, a]));
  const summary: DutyImportAgency[] = ids.map((id) => {
    const mine = freshOf.get(id)!;
    const a = registered.get(id)!;
    return {
      agencyId: id,
      agencyName: a.name,
      regionCode: a.regionCode,
      version: mine[0].version!,
      from: mine.map((i) => i.effectiveFrom).sort()[0],
      items: mine.length,
      superseded: superseded.get(id) ?? 0,
    };
  });
  const powers: Record<string, string> = {};
  const agencyNames: Record<string, string> = {};
  for (const a of agencies.values()) agencyNames[a.id] = a.name;
  for (const i of [...(opts.reference ?? []), ...others, ...existing, ...incoming]) {
    powers[i.code] = i.name;
    const named = i as Partial<StoredDutyItem>;
    if (named.agencyName !== undefined) agencyNames[i.agency] = named.agencyName;
  }
  const result: DutyImportResult = {
    importId: null,
    dryRun: opts.dryRun === true,
    fileName: opts.fileName,
    sha256: opts.sha256,
    agencies: summary,
    report,
    names: { powers, agencies: agencyNames },
  };
  if (opts.dryRun) return result;

  const { id: importId } = await trx
    .insertInto('dutyImports')
    .values({
      regionCode: commonRegion(regions),
      importedBy: opts.importedBy.id,
      importedByName: opts.importedBy.name,
      fileName: opts.fileName,
      sha256: opts.sha256,
      itemCount: incoming.length,
      agencies: JSON.stringify(summary),
      report: JSON.stringify(report),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  result.importId = importId;
  for (const [until, list] of ended) {
    await trx.updateTable('dutyItems').set({ validTo: until }).where(idIn(list)).execute();
  }
  if (dropped.length > 0) {
    await trx
      .updateTable('dutyItems')
      .set((eb) => ({ validTo: eb.ref('validFrom') }))
      .where(idIn(dropped))
      .execute();
  }
  for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('dutyItems')
      .values(
        fresh.slice(i, i + INSERT_CHUNK).map((x) => ({
          regionCode: x.region!,
          agencyId: x.agency,
          importId,
          version: x.version!,
          row: x.row,
          code: x.code,
          name: x.name,
          type: x.type,
          unit: x.unit,
          role: x.role,
          basis: x.basis,
          duties: JSON.stringify(x.duties),
          pursuits: JSON.stringify(x.accountability),
          timeLimit: x.timeLimit,
          validFrom: x.effectiveFrom,
          validTo: x.effectiveUntil,
        })),
      )
      .execute();
  }
  if (opts.audit) await appendAudit(trx, opts.audit(result));
  return result;
}

/** Import a list in a transaction of its own (see `importDutiesIn`). */
export async function importDuties(
  db: Kysely<DB>,
  items: readonly DutyItem[],
  opts: DutyImportOptions,
): Promise<DutyImportResult> {
  return db.transaction().execute((trx) => importDutiesIn(trx, items, opts));
}

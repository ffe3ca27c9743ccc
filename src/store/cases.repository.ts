// Cases and their parts, loaded together: the case service builds the workflow snapshot from it.

import { createHash } from 'node:crypto';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { AppealOutcome } from '../core/relief/vote.js';
import type { SanctionForm } from '../core/rulebook/types.js';
import { APPEAL_OPEN_STATES, type AppealStage, type AppealState } from '../core/workflow/appeal.js';
import type { CaseState } from '../core/workflow/case.js';
import type { CasesTable, DB, FileTable } from './schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The case row with its agency's and region's names and the lead it came from. */
function caseRows(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agencyId')
    .innerJoin('regions', 'regions.code', 'cases.regionCode')
    .leftJoin('leads', 'leads.id', 'cases.leadId')
    .selectAll('cases')
    .select([
      'agencies.name as agencyName',
      'regions.name as regionName',
      'leads.complaintId as complaintId',
      'leads.source as leadSource',
    ])
    .where('cases.id', 'in', ids)
    .execute();
}

/** The parts of the cases `ids`: one query per table, each in the order a case shows it. */
function caseParts(db: Db, ids: readonly string[]) {
  return Promise.all([
    db
      .selectFrom('caseInvestigators')
      .innerJoin('users', 'users.id', 'caseInvestigators.userId')
      .select([
        'caseInvestigators.caseId',
        'caseInvestigators.userId',
        'users.displayName',
        'caseInvestigators.recused',
        'caseInvestigators.recusalReason',
      ])
      .where('caseId', 'in', ids)
      .orderBy('caseInvestigators.assignedAt')
      .execute(),
    db
      .selectFrom('casePersons')
      .innerJoin('officers', 'officers.id', 'casePersons.officerId')
      .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
      .selectAll('casePersons')
      .select(['officers.name', 'officers.post', 'agencies.name as agencyName'])
      .where('caseId', 'in', ids)
      .orderBy('casePersons.officerId')
      .execute(),
    db.selectFrom('caseExtensions').selectAll().where('caseId', 'in', ids).orderBy('id').execute(),
    // The appeal the case shows: the open one, else the latest decided (rejected and withdrawn ones aside).
    db
      .selectFrom('appeals')
      .select([
        'caseId',
        'id',
        'number',
        'officerId',
        'filedOn',
        'grounds',
        'state',
        'decision',
        'decidedOn',
        'dueOn',
        'appellantKind',
        'stage',
      ])
      .where('caseId', 'in', ids)
      .where('state', 'not in', ['rejected', 'withdrawn'])
      .orderBy(sql`state = 'decided'`)
      .orderBy('filedOn', 'desc')
      .orderBy('createdAt', 'desc')
      .execute(),
    db
      .selectFrom('referrals')
      .leftJoin('organs', 'organs.id', 'referrals.organId')
      .selectAll('referrals')
      .select('organs.name as organName')
      .where('caseId', 'in', ids)
      .orderBy('referrals.id')
      .execute(),
    db
      .selectFrom('caseEvidence')
      .select([
        'caseId',
        'id',
        'kind',
        'filename',
        'mime',
        'size',
        'sha256',
        'description',
        'createdBy',
        'createdAt',
      ])
      .where('caseId', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('caseDocuments')
      .select([
        'caseId',
        'id',
        'kind',
        'filename',
        'mime',
        'size',
        'sha256',
        'description',
        'createdBy',
        'createdAt',
      ])
      .where('caseId', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
}

/** An appeal as the case reads it: who, when, and the panel's result once decided. */
export interface CaseAppeal {
  id: string;
  number: string;
  officerId: string;
  filedOn: string;
  grounds: string;
  state: AppealState;
  result: AppealOutcome | null;
  form: SanctionForm | null;
  reasons: string | null;
  reviewedOn: string | null;
  dueOn: string | null;
  /** 复核 by the office, or 申诉 to the panel. */
  stage: AppealStage;
}

function caseAppealOf(a: {
  id: string;
  number: string;
  officerId: string;
  filedOn: string;
  grounds: string;
  state: AppealState;
  decision: unknown;
  decidedOn: string | null;
  dueOn: string | null;
  stage: AppealStage;
}): CaseAppeal {
  const d =
    a.state === 'decided'
      ? (a.decision as { outcome: AppealOutcome; form: SanctionForm | null; reasons: string[] })
      : null;
  return {
    id: a.id,
    number: a.number,
    officerId: a.officerId,
    filedOn: a.filedOn,
    grounds: a.grounds,
    state: a.state,
    result: d?.outcome ?? null,
    form: d?.form ?? null,
    reasons: d ? d.reasons.join('；') : null,
    reviewedOn: a.decidedOn,
    dueOn: a.dueOn,
    stage: a.stage,
  };
}

/** Rows by their case (as `as` makes them), each case's rows in the order of `rows`. */
function byCase<R extends { caseId: string }, T>(rows: R[], as: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.caseId);
    if (list) list.push(as(r));
    else out.set(r.caseId, [as(r)]);
  }
  return out;
}

const same = <R>(r: R) => r;
/** Drops the caseId selected only to group the rows (a single case's part never had it). */
const withoutCaseId = <R extends { caseId: string }>({ caseId: _, ...rest }: R) => rest;

/**
 * The cases `ids` with their parts, in the order of `ids` (unknown ids are skipped): a fixed number
 * of queries however many cases — the lists load a page, or every case they rank, this way.
 */
export async function loadCases(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [rows, [investigators, persons, extensions, appeals, referrals, evidence, documents]] =
    await Promise.all([caseRows(db, ids), caseParts(db, ids)]);
  const parts = {
    investigators: byCase(investigators, withoutCaseId),
    persons: byCase(persons, same),
    extensions: byCase(extensions, same),
    referrals: byCase(referrals, same),
    evidence: byCase(evidence, withoutCaseId),
    documents: byCase(documents, withoutCaseId),
  };
  // The case shows the officer's appeal; an agency's appeal against its Art. 25 measures is in the
  // register (GET /appeals?caseId=), and while it is open the case does not close either.
  const appealOf = new Map<string, CaseAppeal>();
  const agencyAppealOpen = new Set<string>();
  for (const a of appeals) {
    if (a.appellantKind === 'agency') {
      if (APPEAL_OPEN_STATES.includes(a.state)) agencyAppealOpen.add(a.caseId);
    } else if (!appealOf.has(a.caseId) && a.officerId)
      appealOf.set(a.caseId, caseAppealOf({ ...a, officerId: a.officerId }));
  }
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = found.get(id);
    if (!row) return [];
    return [
      {
        ...row,
        investigators: parts.investigators.get(id) ?? [],
        persons: parts.persons.get(id) ?? [],
        extensions: parts.extensions.get(id) ?? [],
        appeal: appealOf.get(id) ?? null,
        agencyAppealOpen: agencyAppealOpen.has(id),
        referrals: parts.referrals.get(id) ?? [],
        evidence: parts.evidence.get(id) ?? [],
        documents: parts.documents.get(id) ?? [],
      },
    ];
  });
}

export async function loadCase(db: Db, id: string) {
  const [c] = await loadCases(db, [id]);
  return c;
}

export type LoadedCase = Awaited<ReturnType<typeof loadCases>>[number];

export interface CaseFilter {
  state?: CaseState;
  q?: string;
  agencyId?: string;
  /** Cases the user investigates. */
  investigatorId?: string;
  /** Only cases still open (neither closed nor declined). */
  open?: boolean;
}

/** The cases `f` selects within `scope` (joined to their agency, which the search reads). */
function filteredCases(db: Db, scope: Scope, f: CaseFilter) {
  let q = db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agencyId')
    .where(
      scope.kind === 'officer'
        ? sql<boolean>`exists (select 1 from case_persons p where p.case_id = cases.id and p.officer_id = ${scope.officerId})`
        : scopeCondition(scope, { region: 'cases.regionCode', agency: 'cases.agencyId' }),
    );
  if (f.state) q = q.where('cases.state', '=', f.state);
  if (f.open) q = q.where('cases.state', 'not in', ['closed', 'declined']);
  if (f.agencyId) q = q.where('cases.agencyId', '=', f.agencyId);
  if (f.investigatorId) {
    q = q.where(
      sql<boolean>`exists (select 1 from case_investigators i where i.case_id = cases.id and i.user_id = ${f.investigatorId} and not i.recused)`,
    );
  }
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('cases.number', 'ilike', p),
        eb('cases.subject', 'ilike', p),
        eb('agencies.name', 'ilike', p),
      ]),
    );
  }
  return q;
}

export async function listCases(db: Db, scope: Scope, f: CaseFilter, page: PageRequest) {
  const q = filteredCases(db, scope, f);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = await q
    .select('cases.id')
    .orderBy('cases.createdAt', 'desc')
    .orderBy('cases.id')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return { ids: ids.map((r) => r.id), total: Number(total), ...page } satisfies Omit<Page<never>, 'items'> & {
    ids: string[];
  };
}

/** Cases loaded at a time by `caseBatches`. */
export const CASE_BATCH = 500;

/** A case's created_at as the keyset cursor keeps it: UTC, to the microsecond (a Date keeps ms). */
const createdAtKey = sql<string>`to_char(cases.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Every case `f` selects within `scope`, loaded with its parts `size` at a time, in the order of
 * `listCases` (newest first, then by id): for the lists whose order or filter depends on the
 * deadlines, which are computed on the working-day calendar and not stored. A keyset cursor
 * (the last row's created_at, in UTC to the microsecond, and id) walks the whole match,
 * so no case is left out however many there are, and each batch costs the same queries.
 */
export async function* caseBatches(
  db: Db,
  scope: Scope,
  f: CaseFilter,
  size: number = CASE_BATCH,
): AsyncGenerator<LoadedCase[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size ${size}`);
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    let q = filteredCases(db, scope, f);
    if (after) {
      const { createdAt, id } = after;
      q = q.where(
        sql<boolean>`(cases.created_at < ${createdAt}::timestamptz or (cases.created_at = ${createdAt}::timestamptz and cases.id > ${id}::uuid))`,
      );
    }
    const rows = await q
      .select(['cases.id', createdAtKey.as('cursor')])
      .orderBy('cases.createdAt', 'desc')
      .orderBy('cases.id')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    yield await loadCases(db, ids);
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.cursor, id: last.id };
  }
}

/** Insert a case (a lead opened as one). Returns its id. */
export async function insertCase(db: Db, row: Insertable<CasesTable>): Promise<string> {
  const r = await db.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Next case number in a region and year: e.g. A市问责〔2026〕3号. */
export async function nextCaseNumber(
  db: Db,
  regionCode: string,
  regionName: string,
  year: number,
): Promise<string> {
  await sql`select pg_advisory_xact_lock(7361002, ${Number(regionCode)})`.execute(db);
  const prefix = `${regionName}问责〔${year}〕`;
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${Number(r.n) + 1}号`;
}

export interface NewCaseFile {
  caseId: string;
  regionCode: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  description: string | null;
  createdBy: string | null;
}

/** Store an evidence file of a case. Returns its id. */
export async function insertCaseEvidence(db: Db, file: NewCaseFile): Promise<number> {
  const row = await db.insertInto('caseEvidence').values(file).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Keep a document a procedure issued (.docx) in its case's file, named `<number>-<title>.docx`
 * with its SHA-256 (the case's own, a tolerance application's, an appeal's). Returns its id.
 */
export async function insertIssuedDocument(
  db: Db,
  d: {
    caseId: string;
    regionCode: string;
    kind: string;
    number: string;
    title: string;
    content: Buffer;
    createdBy: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('caseDocuments')
    .values({
      caseId: d.caseId,
      regionCode: d.regionCode,
      kind: d.kind,
      filename: `${d.number}-${d.title}.docx`,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: d.content.length,
      sha256: createHash('sha256').update(d.content).digest('hex'),
      content: d.content,
      description: d.title,
      createdBy: d.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One evidence file or generated document of a case, with its content. */
export async function findCaseFile(
  db: Db,
  table: 'caseEvidence' | 'caseDocuments',
  caseId: string,
  id: number,
): Promise<Selectable<FileTable> | undefined> {
  return db
    .selectFrom(table)
    .selectAll()
    .where('caseId', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

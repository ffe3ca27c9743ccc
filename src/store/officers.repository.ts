// Officers (行政执法人员) and their enforcement certificates. The current certificate is
// the most recently issued one; its effective status folds in expiry on a given date.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { Certificate, DB, Officer, OfficersTable } from './schema.js';
import {
  containsPattern,
  offsetOf,
  type Page,
  type PageRequest,
  scopeCondition,
  updateIfVersion,
} from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export type CertStatus = 'valid' | 'expired' | 'suspended' | 'revoked' | 'none';
export type Staffing = OfficersTable['staffing'];

export interface OfficerFilter {
  q?: string;
  agencyId?: string;
  region?: string;
  certStatus?: CertStatus;
  staffing?: Staffing;
  /** Only officers in service (the public portal's list). */
  active?: boolean;
}

export interface OfficerRow extends Officer {
  agencyName: string;
  certificateNumber: string | null;
  certificateValidUntil: string | null;
  certStatus: CertStatus;
}

export interface OfficerDetail extends OfficerRow {
  certificates: (Certificate & { effectiveStatus: CertStatus })[];
}

/** Effective status of a certificate on `today`. */
export function effectiveStatus(
  cert: { status: Certificate['status']; validUntil: string } | null,
  today: string,
): CertStatus {
  if (!cert) return 'none';
  if (cert.status !== 'valid') return cert.status;
  return cert.validUntil < today ? 'expired' : 'valid';
}

function officerQuery(db: Db, scope: Scope, today: string) {
  return db
    .selectFrom('officers')
    .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('certificates')
          .select(['certificates.number', 'certificates.validUntil', 'certificates.status'])
          .whereRef('certificates.officerId', '=', 'officers.id')
          .orderBy('certificates.issuedOn', 'desc')
          .orderBy('certificates.id', 'desc')
          .limit(1)
          .as('cur'),
      (join) => join.onTrue(),
    )
    .where(
      scopeCondition(scope, {
        region: 'officers.regionCode',
        agency: 'officers.agencyId',
        officer: 'officers.id',
      }),
    )
    .selectAll('officers')
    .select([
      'agencies.name as agencyName',
      'cur.number as certificateNumber',
      'cur.validUntil as certificateValidUntil',
    ])
    .select(
      sql<CertStatus>`case when cur.status is null then 'none'
        when cur.status <> 'valid' then cur.status
        when cur.valid_until < ${today}::date then 'expired' else 'valid' end`.as('certStatus'),
    );
}

export async function listOfficers(
  db: Db,
  scope: Scope,
  filter: OfficerFilter,
  page: PageRequest,
  today: string,
): Promise<Page<OfficerRow>> {
  let q = officerQuery(db, scope, today);
  if (filter.q) {
    const p = containsPattern(filter.q);
    q = q.where((eb) =>
      eb.or([eb('officers.name', 'ilike', p), eb('officers.id', 'ilike', p), eb('cur.number', 'ilike', p)]),
    );
  }
  if (filter.agencyId) q = q.where('officers.agencyId', '=', filter.agencyId);
  if (filter.region) q = q.where('officers.regionCode', 'like', `${filter.region.replace(/(00)+$/, '')}%`);
  if (filter.staffing) q = q.where('officers.staffing', '=', filter.staffing);
  if (filter.active !== undefined) q = q.where('officers.active', '=', filter.active);
  const base = db.selectFrom(q.as('o'));
  const filtered = filter.certStatus ? base.where('o.certStatus', '=', filter.certStatus) : base;
  const [{ total }] = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await filtered
    .selectAll('o')
    .orderBy('o.id')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return { items: items as unknown as OfficerRow[], total: Number(total), ...page };
}

export async function findOfficer(db: Db, id: string, today: string): Promise<OfficerDetail | undefined> {
  const row = await officerQuery(db, { kind: 'all' }, today).where('officers.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const certificates = await db
    .selectFrom('certificates')
    .selectAll()
    .where('officerId', '=', id)
    .orderBy('issuedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    ...(row as unknown as OfficerRow),
    certificates: certificates.map((c) => ({ ...c, effectiveStatus: effectiveStatus(c, today) })),
  };
}

/** Whether an officer with this id is on the register. */
export async function officerExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('officers').select('id').where('id', '=', id).executeTakeFirst());
}

/** Officers on the register by id, with their agency's name (unknown ids are skipped). */
export async function registerOfficersByIds(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; name: string; agencyId: string; agencyName: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('officers')
    .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
    .select(['officers.id', 'officers.name', 'officers.agencyId', 'agencies.name as agencyName'])
    .where('officers.id', 'in', ids)
    .execute();
}

export interface NewOfficer {
  id: string;
  agencyId: string;
  regionCode: string;
  name: string;
  gender: 'M' | 'F' | null;
  staffing: Staffing;
  post: string | null;
  phone: string | null;
}

export interface NewCertificate {
  number: string;
  issuedOn: string;
  validUntil: string;
  status: Certificate['status'];
  statusReason: string | null;
}

export async function insertOfficer(
  db: Db,
  officer: NewOfficer,
  certificates: NewCertificate[],
): Promise<void> {
  await db.insertInto('officers').values(officer).execute();
  if (certificates.length > 0) {
    await db
      .insertInto('certificates')
      .values(certificates.map((c) => ({ ...c, officerId: officer.id, regionCode: officer.regionCode })))
      .execute();
  }
}

export async function updateOfficer(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Omit<NewOfficer, 'id'>>,
): Promise<boolean> {
  return updateIfVersion(db, 'officers', id, version, patch);
}

export async function addCertificate(
  db: Db,
  officer: { id: string; regionCode: string },
  cert: NewCertificate,
) {
  await db
    .insertInto('certificates')
    .values({ ...cert, officerId: officer.id, regionCode: officer.regionCode })
    .execute();
}

export async function setCertificateStatus(
  db: Db,
  officerId: string,
  certificateId: number,
  status: Certificate['status'],
  reason: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('certificates')
    .set({ status, statusReason: reason })
    .where('id', '=', certificateId)
    .where('officerId', '=', officerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Numbers per query: one array parameter each (a statement has at most 65,535 parameters). */
const LOOKUP_CHUNK = 5000;

export async function certificateNumberTaken(db: Db, numbers: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < numbers.length; i += LOOKUP_CHUNK) {
    const chunk = numbers.slice(i, i + LOOKUP_CHUNK);
    const rows = await db
      .selectFrom('certificates')
      .select('number')
      .where(sql<boolean>`number = any(${chunk}::text[])`)
      .execute();
    for (const r of rows) taken.add(r.number);
  }
  return taken;
}

/**
 * Officers with their certificates, many at a time (an import): ids from `firstId` on
 * (`O-0042`, `O-0043`, …), rows in chunks well under the parameter limit.
 */
export async function insertOfficers(
  db: Db,
  officers: { officer: Omit<NewOfficer, 'id'>; certificates: NewCertificate[] }[],
  firstId: string,
): Promise<string[]> {
  const start = Number.parseInt(firstId.slice(2), 10);
  const ids = officers.map((_, i) => `O-${String(start + i).padStart(4, '0')}`);
  for (let i = 0; i < officers.length; i += 500) {
    const chunk = officers.slice(i, i + 500);
    await db
      .insertInto('officers')
      .values(chunk.map((o, j) => ({ ...o.officer, id: ids[i + j] })))
      .execute();
    const certs = chunk.flatMap((o, j) =>
      o.certificates.map((c) => ({ ...c, officerId: ids[i + j], regionCode: o.officer.regionCode })),
    );
    if (certs.length > 0) await db.insertInto('certificates').values(certs).execute();
  }
  return ids;
}

export async function nextOfficerId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('officers')
    .select(sql<string>`max(id)`.as('maxId'))
    .where('id', 'like', 'O-%')
    .executeTakeFirst();
  const n = row?.maxId ? Number.parseInt(row.maxId.slice(2), 10) : 0;
  return `O-${String((Number.isFinite(n) ? n : 0) + 1).padStart(4, '0')}`;
}

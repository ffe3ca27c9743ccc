// Table types for Kysely (camelCase; the CamelCasePlugin maps to snake_case columns).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export interface RegionsTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export interface AgenciesTable {
  id: string;
  regionCode: string;
  name: string;
  shortName: string;
  kind: 'administrative' | 'authorized' | 'entrusted';
  parentId: string | null;
  principalName: string | null;
  phone: string | null;
  address: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface OfficersTable {
  id: string;
  regionCode: string;
  agencyId: string;
  name: string;
  gender: 'M' | 'F' | null;
  staffing: 'administrative' | 'civil_service_managed' | 'institution';
  post: string | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CertificatesTable {
  id: Generated<number>;
  regionCode: string;
  officerId: string;
  number: string;
  issuedOn: string;
  validUntil: string;
  status: 'valid' | 'suspended' | 'revoked';
  statusReason: string | null;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  passwordHash: string;
  displayName: string;
  role: 'supervisor' | 'agency_legal' | 'officer' | 'panel' | 'discipline' | 'evaluator' | 'admin';
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  failedAttempts: Generated<number>;
  lockedUntil: Date | null;
  passwordChangedAt: Timestamp;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  regionCode: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prevHash: string;
  hash: string;
}

export interface DB {
  regions: RegionsTable;
  agencies: AgenciesTable;
  officers: OfficersTable;
  certificates: CertificatesTable;
  users: UsersTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
}

export type Agency = Selectable<AgenciesTable>;
export type NewAgency = Insertable<AgenciesTable>;
export type AgencyUpdate = Updateable<AgenciesTable>;
export type Officer = Selectable<OfficersTable>;
export type Certificate = Selectable<CertificatesTable>;
export type User = Selectable<UsersTable>;
export type Region = Selectable<RegionsTable>;

// User accounts and login sessions (stored in the database so app servers stay stateless).
import { createHash, randomBytes } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { PASSWORD_MAX_AGE_DAYS_DEFAULT } from '../core/policies/user.js';
import type { DB, User, UsersTable } from './schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export type PublicUser = Omit<
  User,
  'passwordHash' | 'failedAttempts' | 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'
>;

const publicColumns = [
  'users.id',
  'users.username',
  'users.displayName',
  'users.role',
  'users.regionCode',
  'users.agencyId',
  'users.officerId',
  'users.organId',
  'users.locale',
  'users.active',
  'users.passwordChangedAt',
  'users.version',
  'users.createdAt',
  'users.isDemo',
  'users.mustChangePassword',
  'users.totpEnabledAt',
] as const;

// Locked: any address whose failures lock the account now (login_failures, per account and address).
const lockedUntil = (eb: ExpressionBuilder<DB, 'users'>) =>
  eb
    .selectFrom('loginFailures')
    .select((f) => f.fn.max('loginFailures.lockedUntil').as('m'))
    .whereRef('loginFailures.username', '=', 'users.username')
    .where('loginFailures.lockedUntil', '>', new Date())
    .$castTo<Date | null>()
    .as('lockedUntil');

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<PublicUser | undefined> {
  return db
    .selectFrom('users')
    .select(publicColumns)
    .select(lockedUntil)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function passwordHashOf(db: Db, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst();
  return r?.passwordHash;
}

/** The active supervisors (执法监督机构人员), by region code (descending), then username. */
export async function listActiveSupervisors(
  db: Db,
): Promise<Pick<User, 'id' | 'displayName' | 'username' | 'regionCode'>[]> {
  return db
    .selectFrom('users')
    .select(['id', 'displayName', 'username', 'regionCode'])
    .where('role', '=', 'supervisor')
    .where('active', '=', true)
    .orderBy('regionCode', 'desc')
    .orderBy('username')
    .execute();
}

export interface UserFilter {
  q?: string;
  role?: UsersTable['role'];
}

export async function listUsers(db: Db, filter: UserFilter, page: PageRequest): Promise<Page<PublicUser>> {
  let q = db.selectFrom('users');
  if (filter.q) {
    const p = containsPattern(filter.q);
    q = q.where((eb) => eb.or([eb('username', 'ilike', p), eb('displayName', 'ilike', p)]));
  }
  if (filter.role) q = q.where('role', '=', filter.role);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await q
    .select(publicColumns)
    .select(lockedUntil)
    .orderBy('username')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return { items, total: Number(total), ...page };
}

export interface NewUser {
  username: string;
  passwordHash: string;
  displayName: string;
  role: UsersTable['role'];
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  /** The password was chosen by an administrator: its owner changes it at the first sign-in. */
  mustChangePassword?: boolean;
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const r = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUser(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Omit<NewUser, 'username'>> & {
    active?: boolean;
    passwordChangedAt?: Date;
    mustChangePassword?: boolean;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set(patch)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- failed sign-ins, per account name (as typed, known or not) and client address ---------

/** When the name is locked for this address, or null. */
export async function loginLockedUntil(db: Db, username: string, ip: string): Promise<Date | null> {
  const r = await db
    .selectFrom('loginFailures')
    .select('lockedUntil')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .executeTakeFirst();
  return r?.lockedUntil && r.lockedUntil.getTime() > Date.now() ? r.lockedUntil : null;
}

/**
 * Count one failure; `lockMinutes(failures)` says how long the name is then locked for this
 * address (0: not). Failures older than `resetAfterHours` are forgotten.
 */
export async function recordLoginFailure(
  db: Db,
  username: string,
  ip: string,
  lockMinutes: (failures: number) => number,
  resetAfterHours: number,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const r = await db
    .insertInto('loginFailures')
    .values({ username, ip, failures: 1, lastFailureAt: sql`now()`, lockedUntil: null })
    .onConflict((oc) =>
      oc.columns(['username', 'ip']).doUpdateSet({
        failures: sql`case when login_failures.last_failure_at < now() - make_interval(hours => ${resetAfterHours})
          then 1 else login_failures.failures + 1 end`,
        lastFailureAt: sql`now()`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const minutes = lockMinutes(r.failures);
  if (minutes <= 0) return { failures: r.failures, lockedUntil: null };
  const until = new Date(Date.now() + minutes * 60_000);
  await db
    .updateTable('loginFailures')
    .set({ lockedUntil: until })
    .where('username', '=', username)
    .where('ip', '=', ip)
    .execute();
  return { failures: r.failures, lockedUntil: until };
}

/** Forget failures older than `hours` whose lock (if any) is over: names tried at random do not pile up. */
export async function pruneLoginFailures(db: Db, hours: number) {
  await db
    .deleteFrom('loginFailures')
    .where('lastFailureAt', '<', sql<Date>`now() - make_interval(hours => ${hours})`)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', new Date())]))
    .execute();
}

/** Forget the failures of a name: from one address (a good sign-in), or all (an unlock). */
export async function clearLoginFailures(db: Db, username: string, ip?: string) {
  let q = db.deleteFrom('loginFailures').where('username', '=', username);
  if (ip !== undefined) q = q.where('ip', '=', ip);
  await q.execute();
}

// --- two-factor sign-in (TOTP) ----------------------------------------------------------------

export async function totpOf(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['totpSecret', 'totpPendingSecret', 'totpLastStep', 'totpEnabledAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setPendingTotp(db: Db, id: string, secret: string) {
  await db.updateTable('users').set({ totpPendingSecret: secret }).where('id', '=', id).execute();
}

export async function enableTotp(db: Db, id: string, secret: string, step: number) {
  await db
    .updateTable('users')
    .set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Take a code's time step: false when it (or a later one) was used already — a code is good once. */
export async function consumeTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function resetTotp(db: Db, id: string) {
  await db
    .updateTable('users')
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where('id', '=', id)
    .execute();
}

// --- the password policy's settings -------------------------------------------------------------

/** The settings (their defaults when the row is missing, e.g. after `wenze demo` emptied the tables). */
export async function securitySettings(db: Db) {
  const r = await db
    .selectFrom('securitySettings')
    .select(['passwordMaxAgeDays', 'version', 'updatedAt'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return r ?? { passwordMaxAgeDays: PASSWORD_MAX_AGE_DAYS_DEFAULT, version: 1, updatedAt: new Date(0) };
}

export async function updateSecuritySettings(db: Db, version: number, patch: { passwordMaxAgeDays: number }) {
  await db
    .insertInto('securitySettings')
    .values({ id: 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const r = await db
    .updateTable('securitySettings')
    .set({ ...patch, updatedAt: new Date() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The owner's own new password (which ends a must-change-at-first-sign-in). */
export async function setPassword(db: Db, id: string, passwordHash: string) {
  await db
    .updateTable('users')
    .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// --- sessions ---------------------------------------------------------------------------

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  userId: string,
  ttlMs: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      userId,
      csrfToken,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Db, token: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
      'users.id',
      'users.username',
      'users.displayName',
      'users.role',
      'users.regionCode',
      'users.agencyId',
      'users.officerId',
      'users.organId',
      'users.locale',
      'users.active',
      'users.passwordChangedAt',
      'users.mustChangePassword',
      'users.isDemo',
      'users.totpEnabledAt',
    ])
    .select((eb) =>
      eb
        .selectFrom('securitySettings')
        .select('passwordMaxAgeDays')
        .where('securitySettings.id', '=', 1)
        .$castTo<number | null>()
        .as('passwordMaxAgeDays'),
    )
    .where('sessions.id', '=', tokenId(token))
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string) {
  await db.updateTable('sessions').set({ lastSeenAt: new Date() }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}

/**
 * Delete the sessions that can no longer be used: past their absolute expiry, or unused for
 * longer than the idle timeout. Returns how many went.
 */
export async function deleteExpiredSessions(db: Db, idleMs: number, now = new Date()): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expiresAt', '<', now), eb('lastSeenAt', '<', new Date(now.getTime() - idleMs))]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

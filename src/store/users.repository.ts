// User accounts and login sessions (stored in the database so app servers stay stateless).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, User, UsersTable } from './schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export type PublicUser = Omit<User, 'passwordHash'>;

const publicColumns = [
  'id',
  'username',
  'displayName',
  'role',
  'regionCode',
  'agencyId',
  'officerId',
  'locale',
  'active',
  'failedAttempts',
  'lockedUntil',
  'passwordChangedAt',
  'version',
  'createdAt',
] as const;

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

export async function passwordHashOf(db: Db, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst();
  return r?.passwordHash;
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
    lockedUntil?: null;
    failedAttempts?: number;
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

export async function recordFailedLogin(db: Db, id: string, maxAttempts: number, lockMinutes: number) {
  const r = await db
    .updateTable('users')
    .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failedAttempts')
    .executeTakeFirstOrThrow();
  if (r.failedAttempts >= maxAttempts) {
    await db
      .updateTable('users')
      .set({ lockedUntil: new Date(Date.now() + lockMinutes * 60_000), failedAttempts: 0 })
      .where('id', '=', id)
      .execute();
    return { locked: true, attempts: r.failedAttempts };
  }
  return { locked: false, attempts: r.failedAttempts };
}

export async function recordSuccessfulLogin(db: Db, id: string) {
  await db.updateTable('users').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', id).execute();
}

export async function setPassword(db: Db, id: string, passwordHash: string) {
  await db
    .updateTable('users')
    .set({ passwordHash, passwordChangedAt: new Date() })
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
      'users.locale',
      'users.active',
      'users.passwordChangedAt',
    ])
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

export async function deleteExpiredSessions(db: Db) {
  await db.deleteFrom('sessions').where('expiresAt', '<', new Date()).execute();
}

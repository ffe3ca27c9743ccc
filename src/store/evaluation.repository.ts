// 外部评议: campaigns, their invitations (only a hash of each one-time code) and answers, with the
// counts a campaign shows and the rows its results are made of.
import { createHash } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { ModerationState } from '../core/evaluation/form.js';
import type { EvaluationVisibility } from '../core/policies/evaluation.js';
import type {
  DB,
  EvaluationAnswersTable,
  EvaluationCampaignsTable,
  EvaluationInvitationsTable,
} from './schema.js';
import { containsPattern, type PageRequest, pageOfRows } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What is kept of a code: its SHA-256 (the code has 55 random bits; the public lookup is rate-limited). */
export const codeHash = (normalized: string) => createHash('sha256').update(normalized).digest('hex');

function campaignsBase(db: Db) {
  return db
    .selectFrom('evaluationCampaigns as c')
    .innerJoin('regions as r', 'r.code', 'c.regionCode')
    .leftJoin('users as u', 'u.id', 'c.createdBy')
    .selectAll('c')
    .select(['r.name as regionName', 'u.displayName as createdByName']);
}

function campaigns(db: Db) {
  return campaignsBase(db).select([
    (eb) =>
      eb
        .selectFrom('evaluationInvitations as i')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('i.campaignId', '=', 'c.id')
        .as('invitations'),
    (eb) =>
      eb
        .selectFrom('evaluationAnswers as a')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('a.campaignId', '=', 'c.id')
        .as('answers'),
    (eb) =>
      eb
        .selectFrom('evaluationAnswers as a')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('a.campaignId', '=', 'c.id')
        .where('a.moderation', '=', 'pending')
        .as('pending'),
  ]);
}

export type EvaluationCampaignRow = Omit<
  NonNullable<Awaited<ReturnType<ReturnType<typeof campaigns>['executeTakeFirst']>>>,
  'invitations' | 'answers' | 'pending'
> & { invitations: number; answers: number; pending: number };

const counted = (r: Record<string, unknown>) =>
  ({
    ...r,
    invitations: Number(r.invitations ?? 0),
    answers: Number(r.answers ?? 0),
    pending: Number(r.pending ?? 0),
  }) as EvaluationCampaignRow;

export async function findEvaluationCampaign(db: Db, id: string): Promise<EvaluationCampaignRow | undefined> {
  const r = await campaigns(db).where('c.id', '=', id).executeTakeFirst();
  return r ? counted(r) : undefined;
}

export async function listEvaluationCampaigns(
  db: Db,
  v: EvaluationVisibility,
  f: { state?: 'open' | 'closed'; q?: string },
  page: PageRequest,
) {
  let q = campaigns(db).where((eb) => {
    if (v.all) return sql<boolean>`true`;
    const ors = [sql<boolean>`false`];
    if (v.regionPrefix) ors.push(sql<boolean>`c.region_code like ${`${v.regionPrefix}%`}`);
    if (v.agencyId) ors.push(sql<boolean>`c.agency_ids @> ${JSON.stringify([v.agencyId])}::jsonb`);
    return eb.or(ors);
  });
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.q) q = q.where('c.name', 'ilike', containsPattern(f.q));
  const listed = await pageOfRows(db, q, page, (q) => q.orderBy('c.createdAt', 'desc').orderBy('c.id'));
  return { ...listed, items: listed.items.map(counted) };
}

export async function insertEvaluationCampaign(
  db: Db,
  row: Insertable<EvaluationCampaignsTable>,
): Promise<string> {
  return (await db.insertInto('evaluationCampaigns').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** Bump the campaign's version if it is still `version`; false when someone changed it first. */
export async function claimEvaluationCampaign(db: Db, id: string, version: number): Promise<boolean> {
  const r = await db
    .updateTable('evaluationCampaigns')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function closeEvaluationCampaign(db: Db, id: string): Promise<void> {
  await db.updateTable('evaluationCampaigns').set({ state: 'closed' }).where('id', '=', id).execute();
}

export async function insertInvitations(
  db: Db,
  rows: Insertable<EvaluationInvitationsTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('evaluationInvitations')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Issued, used and expired codes per agency and audience. */
export async function invitationCounts(db: Db, campaignId: string, today: string) {
  const rows = await db
    .selectFrom('evaluationInvitations')
    .select([
      'agencyId',
      'audience',
      (eb) => eb.fn.countAll<number>().as('issued'),
      sql<number>`count(used_at)`.as('used'),
      sql<number>`count(*) filter (where used_at is null and expires_on < ${today})`.as('expired'),
    ])
    .where('campaignId', '=', campaignId)
    .groupBy(['agencyId', 'audience'])
    .orderBy('agencyId')
    .orderBy('audience')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agencyId,
    audience: r.audience,
    issued: Number(r.issued),
    used: Number(r.used),
    expired: Number(r.expired),
  }));
}

/** The invitation of a code (by its hash) with what the form page needs of its campaign and agency. */
export async function findInvitationByHash(db: Db, hash: string) {
  return db
    .selectFrom('evaluationInvitations as i')
    .innerJoin('evaluationCampaigns as c', 'c.id', 'i.campaignId')
    .innerJoin('agencies as g', 'g.id', 'i.agencyId')
    .select([
      'i.id',
      'i.campaignId',
      'i.regionCode',
      'i.agencyId',
      'i.audience',
      'i.expiresOn',
      'i.usedAt',
      'c.name as campaignName',
      'c.state as campaignState',
      'c.form',
      'c.periodFrom',
      'c.periodTo',
      'g.name as agencyName',
    ])
    .where('i.codeHash', '=', hash)
    .executeTakeFirst();
}

/** Mark an invitation used, once: false when it already was (a second answer by the same code). */
export async function useInvitation(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('evaluationInvitations')
    .set({ usedAt: at })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAnswer(db: Db, row: Insertable<EvaluationAnswersTable>): Promise<string> {
  return (await db.insertInto('evaluationAnswers').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findSignedInAnswer(db: Db, campaignId: string, agencyId: string, userId: string) {
  return db
    .selectFrom('evaluationAnswers')
    .select('id')
    .where('campaignId', '=', campaignId)
    .where('agencyId', '=', agencyId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

function answers(db: Db) {
  return db
    .selectFrom('evaluationAnswers as a')
    .innerJoin('agencies as g', 'g.id', 'a.agencyId')
    .leftJoin('users as m', 'm.id', 'a.moderatedBy')
    .selectAll('a')
    .select(['g.name as agencyName', 'm.displayName as moderatedByName']);
}
export type AnswerRow = NonNullable<Awaited<ReturnType<ReturnType<typeof answers>['executeTakeFirst']>>>;

export async function findAnswer(db: Db, id: string): Promise<AnswerRow | undefined> {
  return answers(db).where('a.id', '=', id).executeTakeFirst();
}

/** A campaign's answers (one agency's when given), oldest first; with comments in one moderation state. */
export async function listAnswers(
  db: Db,
  campaignId: string,
  f: { agencyId?: string; moderation?: ModerationState },
): Promise<AnswerRow[]> {
  let q = answers(db).where('a.campaignId', '=', campaignId);
  if (f.agencyId) q = q.where('a.agencyId', '=', f.agencyId);
  if (f.moderation) q = q.where('a.moderation', '=', f.moderation);
  return q.orderBy('a.createdAt').orderBy('a.id').execute();
}

/** Record a moderator's decision if the answer is still at `version` and pending. */
export async function moderateAnswer(
  db: Db,
  id: string,
  version: number,
  patch: {
    moderation: 'approved' | 'rejected';
    moderatedBy: string;
    moderatedAt: Date;
    reason: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('evaluationAnswers')
    .set((eb) => ({
      moderation: patch.moderation,
      moderatedBy: patch.moderatedBy,
      moderatedAt: patch.moderatedAt,
      moderationReason: patch.reason,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('moderation', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

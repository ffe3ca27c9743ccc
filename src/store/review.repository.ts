// 案卷评查: review campaigns, their files and reviewer pools; the acts eligible for a campaign's draw
// (what `sampleActs` reads, from the acts table); the figures a campaign's results are made of.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { ActKind } from '../core/acts/codes.js';
import type { CampaignVisibility } from '../core/policies/review.js';
import { REVIEWER_ROLES } from '../core/policies/review.js';
import type { SampleCandidate } from '../core/review/sample.js';
import type { ReviewCampaignState, ReviewStage } from '../core/workflow/review-campaign.js';
import type { DB, LeadsTable, ReviewCampaignsTable, ReviewFilesTable } from './schema.js';
import { containsPattern, type PageRequest, pageOfRows } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

function campaigns(db: Db) {
  return db
    .selectFrom('reviewCampaigns as c')
    .innerJoin('regions as r', 'r.code', 'c.regionCode')
    .leftJoin('users as u', 'u.id', 'c.createdBy')
    .selectAll('c')
    .select([
      'r.name as regionName',
      'u.displayName as createdByName',
      (eb) =>
        eb
          .selectFrom('reviewFiles as f')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('f.campaignId', '=', 'c.id')
          .where('f.stage', '=', 'spot')
          .as('files'),
      (eb) =>
        eb
          .selectFrom('reviewFiles as f')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('f.campaignId', '=', 'c.id')
          .where('f.stage', '=', 'spot')
          .where(sql<boolean>`jsonb_array_length(f.reviewer_ids) = 0`)
          .as('unassigned'),
      (eb) =>
        eb
          .selectFrom('reviewFiles as f')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('f.campaignId', '=', 'c.id')
          .where('f.stage', '=', 'spot')
          .where('f.grade', 'is', null)
          .as('unscored'),
      (eb) =>
        eb
          .selectFrom('reviewFiles as f')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('f.campaignId', '=', 'c.id')
          .where('f.stage', '=', 'self')
          .where('f.grade', 'is', null)
          .as('selfUnscored'),
      // Double scoring: files with fewer than two reviewers; files waiting for the leader's 合议.
      (eb) =>
        eb
          .selectFrom('reviewFiles as f')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('f.campaignId', '=', 'c.id')
          .where('f.stage', '=', 'spot')
          .where(sql<boolean>`c.double_scoring and jsonb_array_length(f.reviewer_ids) < 2`)
          .as('understaffed'),
      (eb) =>
        eb
          .selectFrom('reviewFiles as f')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('f.campaignId', '=', 'c.id')
          .where('f.grade', 'is', null)
          .where(sql<boolean>`(f.reconciliation->>'agreed')::boolean = false`)
          .as('unreconciled'),
    ]);
}

export type CampaignRow = Omit<
  NonNullable<Awaited<ReturnType<ReturnType<typeof campaigns>['executeTakeFirst']>>>,
  'files' | 'unassigned' | 'unscored' | 'selfUnscored' | 'understaffed' | 'unreconciled'
> & {
  files: number;
  unassigned: number;
  unscored: number;
  selfUnscored: number;
  understaffed: number;
  unreconciled: number;
};

const counted = (r: Record<string, unknown>) =>
  ({
    ...r,
    files: Number(r.files ?? 0),
    unassigned: Number(r.unassigned ?? 0),
    unscored: Number(r.unscored ?? 0),
    selfUnscored: Number(r.selfUnscored ?? 0),
    understaffed: Number(r.understaffed ?? 0),
    unreconciled: Number(r.unreconciled ?? 0),
  }) as CampaignRow;

export async function findCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  const r = await campaigns(db).where('c.id', '=', id).executeTakeFirst();
  return r ? counted(r) : undefined;
}

export interface CampaignFilter {
  state?: ReviewCampaignState;
  q?: string;
}

export async function listCampaigns(db: Db, v: CampaignVisibility, f: CampaignFilter, page: PageRequest) {
  let q = campaigns(db).where((eb) => {
    if (v.all) return sql<boolean>`true`;
    const ors = [
      eb.exists(
        eb
          .selectFrom('reviewReviewers as rr')
          .select(sql`1`.as('one'))
          .whereRef('rr.campaignId', '=', 'c.id')
          .where('rr.userId', '=', v.reviewer),
      ),
    ];
    if (v.regionPrefix) ors.push(eb('c.regionCode', 'like', `${v.regionPrefix}%`));
    if (v.agencyId)
      ors.push(
        eb.and([
          eb('c.state', '<>', 'draft'),
          eb.exists(
            eb
              .selectFrom('reviewFiles as f')
              .select(sql`1`.as('one'))
              .whereRef('f.campaignId', '=', 'c.id')
              .where('f.agencyId', '=', v.agencyId),
          ),
        ]),
      );
    return eb.or(ors);
  });
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.q) q = q.where('c.name', 'ilike', containsPattern(f.q));
  const listed = await pageOfRows(db, q, page, (q) => q.orderBy('c.createdAt', 'desc').orderBy('c.id'));
  return { ...listed, items: listed.items.map(counted) };
}

/** Is the user in the campaign's pool; has the agency files in it? */
export async function campaignReach(
  db: Db,
  campaignId: string,
  userId: string,
  agencyId: string | null,
): Promise<{ reviewer: boolean; ownFiles: boolean }> {
  const r = await sql<{ reviewer: boolean; ownFiles: boolean }>`
    select exists(select 1 from review_reviewers where campaign_id = ${campaignId} and user_id = ${userId}) as reviewer,
           exists(select 1 from review_files where campaign_id = ${campaignId} and agency_id = ${agencyId}) as own_files`.execute(
    db,
  );
  return r.rows[0] ?? { reviewer: false, ownFiles: false };
}

export async function insertCampaign(db: Db, row: Insertable<ReviewCampaignsTable>): Promise<string> {
  return (await db.insertInto('reviewCampaigns').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Bump the campaign's version if it is still `version` (the first statement of every write to it). */
export async function claimCampaign(db: Db, id: string, version: number): Promise<boolean> {
  const r = await db
    .updateTable('reviewCampaigns')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The acts a campaign may draw: of the campaign's region (and agencies, when it names some), of its
 * kinds, decided within its period. `sampleActs` applies the same eligibility again (the candidates
 * are what it reads, as `wenze review sample` reads an exchange file), so this only narrows the read.
 */
export async function eligibleActs(
  db: Db,
  c: {
    agencyIds: string[];
    kinds: ActKind[];
    periodFrom: string | null;
    periodTo: string | null;
  },
  regionPrefix: string,
) {
  let q = db
    .selectFrom('acts')
    .select(['id', 'regionCode', 'agencyId', 'kind', 'decided'])
    .where('regionCode', 'like', `${regionPrefix}%`)
    .where('kind', 'in', c.kinds)
    .where('decided', 'is not', null);
  if (c.periodFrom) q = q.where('decided', '>=', c.periodFrom);
  if (c.periodTo) q = q.where('decided', '<=', c.periodTo);
  if (c.agencyIds.length > 0) q = q.where('agencyId', 'in', c.agencyIds);
  return q.execute();
}

/** What sampling reads of an act row. */
export const candidateOf = (r: {
  id: string;
  agencyId: string;
  kind: ActKind;
  decided: string | null;
}): SampleCandidate => ({ id: r.id, agency: r.agencyId, kind: r.kind, dates: { decided: r.decided } });

export async function insertFiles(db: Db, rows: Insertable<ReviewFilesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('reviewFiles')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

function files(db: Db) {
  return db
    .selectFrom('reviewFiles as f')
    .innerJoin('acts as a', 'a.id', 'f.actId')
    .innerJoin('agencies as g', 'g.id', 'f.agencyId')
    .selectAll('f')
    .select([
      'g.name as agencyName',
      'g.parentId as agencyParentId',
      'a.matter',
      'a.decided',
      'a.procedure',
      'a.partyType',
      // Double scoring: who has scored the file so far, first first.
      sql<
        string[]
      >`coalesce((select jsonb_agg(s.reviewer_id order by s.scored_at, s.id) from review_scores s where s.file_id = f.id), '[]'::jsonb)`.as(
        'scorerIds',
      ),
    ]);
}
export type FileRow = NonNullable<Awaited<ReturnType<ReturnType<typeof files>['executeTakeFirst']>>>;

export interface FileFilter {
  stage?: ReviewStage;
  agencyId?: string;
  /** Only the spot-check files assigned to this user. */
  reviewerId?: string;
}

export async function listFiles(db: Db, campaignId: string, f: FileFilter): Promise<FileRow[]> {
  let q = files(db).where('f.campaignId', '=', campaignId);
  if (f.stage) q = q.where('f.stage', '=', f.stage);
  if (f.agencyId) q = q.where('f.agencyId', '=', f.agencyId);
  if (f.reviewerId)
    q = q
      .where('f.stage', '=', 'spot')
      .where(sql<boolean>`f.reviewer_ids @> ${JSON.stringify([f.reviewerId])}::jsonb`);
  return q.orderBy('f.agencyId').orderBy('f.actId').orderBy('f.stage').execute();
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return files(db).where('f.id', '=', id).executeTakeFirst();
}

/** The other stage's file of the same act. */
export async function findTwin(db: Db, f: { campaignId: string; actId: string; stage: ReviewStage }) {
  return files(db)
    .where('f.campaignId', '=', f.campaignId)
    .where('f.actId', '=', f.actId)
    .where('f.stage', '<>', f.stage)
    .executeTakeFirst();
}

/** Optimistic update of a file: false when someone else changed it first. */
export async function updateFile(
  db: Db,
  id: string,
  version: number,
  patch: Partial<{
    reviewerIds: string;
    reviewGroup: string | null;
    marks: string;
    score: string;
    total: number | null;
    grade: 'excellent' | 'pass' | 'fail' | null;
    leads: string;
    scoredBy: string | null;
    scoredAt: Date | null;
    reconciliation: string | null;
  }>,
): Promise<boolean> {
  const r = await db
    .updateTable('reviewFiles')
    .set({ ...patch, updatedAt: new Date() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The scores of a campaign's files, for its results. */
export async function scoredFiles(db: Db, campaignId: string, agencyId?: string) {
  let q = db
    .selectFrom('reviewFiles')
    .select(['id as fileId', 'actId', 'agencyId', 'stage', 'total', 'grade'])
    .where('campaignId', '=', campaignId);
  if (agencyId) q = q.where('agencyId', '=', agencyId);
  return q.execute();
}

export async function agencyNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function agenciesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'regionCode', 'parentId', 'active'])
    .where('id', 'in', ids)
    .execute();
}

// --- reviewers --------------------------------------------------------------------------------

function users(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('agencies as g', 'g.id', 'u.agencyId')
    .select([
      'u.id',
      'u.username',
      'u.displayName',
      'u.role',
      'u.regionCode',
      'u.agencyId',
      'u.active',
      'g.name as agencyName',
      'g.parentId as agencyParentId',
    ]);
}
export type ReviewerUser = NonNullable<Awaited<ReturnType<ReturnType<typeof users>['executeTakeFirst']>>>;

export async function usersByIds(db: Db, ids: string[]): Promise<ReviewerUser[]> {
  if (ids.length === 0) return [];
  return users(db).where('u.id', 'in', ids).execute();
}

/** Accounts that may sit in a pool of a campaign of this city (policy checks each). */
export async function reviewerCandidates(db: Db, cityPrefix: string): Promise<ReviewerUser[]> {
  return users(db)
    .where('u.role', 'in', [...REVIEWER_ROLES])
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('u.regionCode', 'like', `${cityPrefix}%`),
        eb('u.regionCode', '=', `${cityPrefix.slice(0, 2)}0000`),
      ]),
    )
    .orderBy('u.role')
    .orderBy('u.regionCode')
    .orderBy('u.username')
    .execute();
}

export async function listReviewers(db: Db, campaignId: string) {
  return db
    .selectFrom('reviewReviewers as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .leftJoin('agencies as g', 'g.id', 'u.agencyId')
    .select([
      'r.userId',
      'r.reviewGroup',
      'r.leader',
      'r.externalLawyer',
      'u.displayName',
      'u.username',
      'u.role',
      'u.agencyId',
      'g.name as agencyName',
      'g.parentId as agencyParentId',
    ])
    .where('r.campaignId', '=', campaignId)
    .orderBy('r.reviewGroup')
    .orderBy('r.leader', 'desc')
    .orderBy('u.username')
    .execute();
}
export type ReviewerRow = Awaited<ReturnType<typeof listReviewers>>[number];

export async function replaceReviewers(
  db: Db,
  campaignId: string,
  regionCode: string,
  rows: { userId: string; reviewGroup: string; leader: boolean; externalLawyer: boolean }[],
): Promise<void> {
  await db.deleteFrom('reviewReviewers').where('campaignId', '=', campaignId).execute();
  if (rows.length > 0)
    await db
      .insertInto('reviewReviewers')
      .values(rows.map((r) => ({ ...r, campaignId, regionCode })))
      .execute();
}

/** Files per group already assigned (auto-assignment balances on them). */
export async function groupLoads(db: Db, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('reviewFiles')
    .select(['reviewGroup', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaignId', '=', campaignId)
    .where('stage', '=', 'spot')
    .where('reviewGroup', 'is not', null)
    .groupBy('reviewGroup')
    .execute();
  return new Map(rows.map((r) => [r.reviewGroup!, Number(r.n)]));
}

/**
 * Take the users no longer in the pool off the spot-check files not yet scored (a file left with
 * nobody is unassigned again). Returns how many files changed.
 */
export async function dropDepartedReviewers(db: Db, campaignId: string, kept: string[]): Promise<number> {
  const keep = JSON.stringify(kept);
  const r = await sql`
    update review_files f
    set reviewer_ids = coalesce(
          (select jsonb_agg(x) from jsonb_array_elements_text(f.reviewer_ids) x
           where x in (select jsonb_array_elements_text(${keep}::jsonb))), '[]'::jsonb),
        version = version + 1, updated_at = now()
    where f.campaign_id = ${campaignId} and f.stage = 'spot' and f.grade is null
      and exists (select 1 from jsonb_array_elements_text(f.reviewer_ids) x
                  where x not in (select jsonb_array_elements_text(${keep}::jsonb)))`.execute(db);
  await sql`
    update review_files set review_group = null
    where campaign_id = ${campaignId} and stage = 'spot' and reviewer_ids = '[]'::jsonb`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
}

/** The act's record, as the scoring page shows it. */
export async function actRecord(db: Db, id: string) {
  return db.selectFrom('acts').select(['id', 'kind', 'body']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function setCampaignState(db: Db, id: string, state: ReviewCampaignState): Promise<void> {
  await db.updateTable('reviewCampaigns').set({ state }).where('id', '=', id).execute();
}

/** Keep the draw's strata with the campaign. */
export async function recordDraw(
  db: Db,
  id: string,
  strata: { agency: string; eligible: number; drawn: number }[],
  at: Date,
): Promise<void> {
  await db
    .updateTable('reviewCampaigns')
    .set({ strata: JSON.stringify(strata), drawnAt: at })
    .where('id', '=', id)
    .execute();
}

/** The campaign's state, read under a share lock: no step of the campaign passes until the caller commits. */
export async function lockedCampaignState(db: Db, id: string): Promise<ReviewCampaignState> {
  return (
    await db
      .selectFrom('reviewCampaigns')
      .select('state')
      .where('id', '=', id)
      .forShare()
      .executeTakeFirstOrThrow()
  ).state;
}

/**
 * A lead of a review (source 案卷评查) keyed by campaign, act and fault: inserted once; the id of the
 * one already there otherwise. `created` says which.
 */
export async function insertReviewLead(
  db: Db,
  lead: Insertable<LeadsTable> & { findingKey: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insertInto('leads')
    .values(lead)
    .onConflict((oc) => oc.column('findingKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const found = await db
    .selectFrom('leads')
    .select('id')
    .where('findingKey', '=', lead.findingKey)
    .executeTakeFirstOrThrow();
  return { id: found.id, created: false };
}

// --- double scoring -----------------------------------------------------------------------------

/** The reviewers' own scores of a double-scored file, first scored first. */
export async function listScores(db: Db, fileId: string) {
  return db
    .selectFrom('reviewScores as s')
    .innerJoin('users as u', 'u.id', 's.reviewerId')
    .selectAll('s')
    .select('u.displayName as reviewerName')
    .where('s.fileId', '=', fileId)
    .orderBy('s.scoredAt')
    .orderBy('s.id')
    .execute();
}
export type ScoreRow = Awaited<ReturnType<typeof listScores>>[number];

/** A reviewer's score of a file, entered or revised. */
export async function upsertScore(
  db: Db,
  row: {
    fileId: string;
    regionCode: string;
    reviewerId: string;
    marks: string;
    score: string;
    total: number;
    grade: 'excellent' | 'pass' | 'fail';
    scoredAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('reviewScores')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['fileId', 'reviewerId']).doUpdateSet({
        marks: row.marks,
        score: row.score,
        total: row.total,
        grade: row.grade,
        scoredAt: row.scoredAt,
      }),
    )
    .execute();
}

/** Is the user the leader of this group of the campaign's pool? */
export async function isGroupLeader(db: Db, campaignId: string, group: string | null, userId: string) {
  if (group === null) return false;
  const r = await db
    .selectFrom('reviewReviewers')
    .select('leader')
    .where('campaignId', '=', campaignId)
    .where('reviewGroup', '=', group)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return r?.leader === true;
}

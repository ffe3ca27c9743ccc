// Referrals (移送) of cases to the discipline and judicial organs, and the outcomes those organs
// report back. (A referral is made by a case action: src/server/cases/effects.ts.)
import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { DB } from './schema.js';
import { scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A referral with its case's number and the referred officer's name. */
function referralQuery(db: Db) {
  return db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.caseId')
    .leftJoin('officers', 'officers.id', 'referrals.officerId')
    .leftJoin('organs', 'organs.id', 'referrals.organId')
    .selectAll('referrals')
    .select(['cases.number as caseNumber', 'officers.name as officerName', 'organs.name as organName']);
}

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>;

export interface ReferralFilter {
  /** Only referrals with no outcome yet. */
  pending?: boolean;
  /** Only those made to this organ (the organ's own users). */
  organId?: string;
}

/** The referrals within `scope`, newest first, at most `limit`. */
export async function listReferrals(
  db: Db,
  scope: Scope,
  f: ReferralFilter,
  limit = 500,
): Promise<ReferralRow[]> {
  let q = referralQuery(db).where(scopeCondition(scope, { region: 'referrals.regionCode' }));
  if (f.pending) q = q.where('referrals.outcome', 'is', null);
  if (f.organId) q = q.where('referrals.organId', '=', f.organId);
  return q.orderBy('referrals.id', 'desc').limit(limit).execute();
}

export async function findReferral(db: Db, id: number): Promise<ReferralRow | undefined> {
  return referralQuery(db).where('referrals.id', '=', id).executeTakeFirst();
}

/**
 * Optimistic update: record the outcome if the referral is still at `version`, and bump it.
 * False when someone else changed it first (→ 409).
 */
export async function recordReferralOutcome(
  db: Db,
  id: number,
  version: number,
  o: { outcome: string; outcomeOn: string; outcomeBy: string },
): Promise<boolean> {
  const res = await db
    .updateTable('referrals')
    .set({ outcome: o.outcome, outcomeOn: o.outcomeOn, outcomeBy: o.outcomeBy })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// Leads (线索): complaints, detection findings and referrals by hand, before they become cases.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { DB, LeadSource, LeadsTable } from './schema.js';
import {
  containsPattern,
  type Page,
  type PageRequest,
  pageOfRows,
  scopeCondition,
  updateIfVersion,
} from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface LeadFilter {
  status?: 'new' | 'dismissed' | 'merged' | 'opened';
  source?: LeadSource;
  agencyId?: string;
  q?: string;
}

function leadQuery(db: Db, scope: Scope) {
  return db
    .selectFrom('leads')
    .leftJoin('agencies', 'agencies.id', 'leads.agencyId')
    .leftJoin('complaints', 'complaints.id', 'leads.complaintId')
    .leftJoin('cases', 'cases.id', 'leads.caseId')
    .where(scopeCondition(scope, { region: 'leads.regionCode', agency: 'leads.agencyId' }))
    .selectAll('leads')
    .select([
      'agencies.name as agencyName',
      'complaints.receipt as receipt',
      'complaints.anonymous as anonymous',
      'complaints.officerName as complaintOfficerName',
      'cases.number as caseNumber',
    ]);
}

export type LeadRow = Awaited<ReturnType<ReturnType<typeof leadQuery>['executeTakeFirstOrThrow']>>;

export async function listLeads(
  db: Db,
  scope: Scope,
  f: LeadFilter,
  page: PageRequest,
): Promise<Page<LeadRow>> {
  let q = leadQuery(db, scope);
  if (f.status) q = q.where('leads.status', '=', f.status);
  if (f.source) q = q.where('leads.source', '=', f.source);
  if (f.agencyId) q = q.where('leads.agencyId', '=', f.agencyId);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('leads.subject', 'ilike', p),
        eb('leads.narrative', 'ilike', p),
        eb('leads.actId', 'ilike', p),
      ]),
    );
  }
  return pageOfRows(db, q, page, (q) => q.orderBy('leads.createdAt', 'desc').orderBy('leads.id'));
}

export async function findLead(db: Db, id: string): Promise<LeadRow | undefined> {
  return leadQuery(db, { kind: 'all' }).where('leads.id', '=', id).executeTakeFirst();
}

export async function insertLead(db: Db, lead: Insertable<LeadsTable>): Promise<string> {
  const r = await db.insertInto('leads').values(lead).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Optimistic update of a lead's status. */
export async function updateLead(
  db: Db,
  id: string,
  version: number,
  patch: {
    status?: 'new' | 'dismissed' | 'merged' | 'opened';
    dismissReason?: string | null;
    dismissedBy?: string | null;
    mergedInto?: string | null;
    caseId?: string | null;
    reexamination?: string;
  },
): Promise<boolean> {
  return updateIfVersion(db, 'leads', id, version, patch);
}

/** Link a lead to the case opened from it (in the transaction that claimed the lead's version). */
export async function setLeadCase(db: Db, leadId: string, caseId: string): Promise<void> {
  await db.updateTable('leads').set({ caseId }).where('id', '=', leadId).execute();
}

/** How the lead of a complaint stands, and the case opened from it, if any (the tracking page). */
export async function findLeadProgressOfComplaint(db: Db, complaintId: string) {
  return db
    .selectFrom('leads')
    .leftJoin('cases', 'cases.id', 'leads.caseId')
    .select([
      'leads.id',
      'leads.version',
      'leads.regionCode',
      'leads.status',
      'leads.dismissReason',
      'leads.dismissedBy',
      'leads.reexamination',
      'cases.state',
      'cases.number',
      'cases.declineReason',
    ])
    .where('leads.complaintId', '=', complaintId)
    .executeTakeFirst();
}

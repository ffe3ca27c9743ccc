// What each step of an appeal writes: one typed effect per action of the procedure
// (src/core/workflow/appeal.ts), run in the step's transaction after the engine's checks. The draw
// and a declared conflict `prepare` the panel from the pool before the transaction (and refuse
// with 400 naming `pool` when it cannot be filled); the last vote tallies, records every vote with
// its reasons in the audit chain, and carries a changed or revoked decision to the case's person
// (their record and early warning read it) with the restoration notice — or, on an agency's appeal
// against Art. 25 measures, to the case's agency_relief.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../core/policies/actor.js';
import { type DrawnPanel, type DrawRules, drawPanel, type PoolMember } from '../../core/relief/panel.js';
import {
  APPEAL_OUTCOME_LABELS,
  type AppealOutcome,
  measuresLabel,
  orderedMeasures,
  type Tally,
  tally,
  type Vote,
} from '../../core/relief/vote.js';
import type { AgencyMeasure, SanctionForm } from '../../core/rulebook/types.js';
import { SANCTION_FORM_LABELS } from '../../core/rulebook/vocabulary.js';
import {
  type AppealAction,
  type AppealContext,
  type AppealDocumentKind,
  type AppealState,
  appealDeadline,
  appealDecisionDue,
  filedLate,
  filingPeriod,
} from '../../core/workflow/appeal.js';
import { deadlineWords } from '../../core/workflow/case.js';
import { APPEAL_DOCUMENTS, type AppealDocumentModel } from '../../documents/appeal.js';
import { activePool, type LoadedAppeal, type StoredPanel } from '../../store/appeals.repository.js';
import { insertIssuedDocument } from '../../store/cases.repository.js';
import type { Database } from '../../store/db.js';
import type { AppealsTable, DB } from '../../store/schema.js';
import { auditAs } from '../audit.js';
import { withdrawCaseResult } from '../cases/publish-result.js';
import { HttpError } from '../errors.js';
import type { appealActionSchemas } from './service.js';

export type AppealBody<A extends AppealAction> = z.output<(typeof appealActionSchemas)[A]>;

interface Signed {
  by: string;
  byName: string;
  on: string;
}
export interface StoredSession {
  id: string;
  on: string;
  place: string;
  evidence: boolean;
  recorded: boolean;
  attendees: string[];
  appellantHeard?: boolean;
  representative?: string | null;
  note?: string;
}
export type StoredVote = Vote & { dissent: string | null; on: string };

/** The appeal's lists as stored (jsonb), typed. */
export interface Stored {
  sessions: StoredSession[];
  votes: StoredVote[];
  extensions: ({ reason: string } & Signed)[];
  documents: number[];
  decision: (Tally & { reasons: string[]; on: string }) | null;
}

export function storedOf(
  a: Pick<LoadedAppeal, 'sessions' | 'votes' | 'extensions' | 'documents' | 'decision'>,
): Stored {
  return {
    sessions: (a.sessions ?? []) as StoredSession[],
    votes: (a.votes ?? []) as StoredVote[],
    extensions: (a.extensions ?? []) as Stored['extensions'],
    documents: (a.documents ?? []) as number[],
    decision: (a.decision ?? null) as Stored['decision'],
  };
}

export interface EffectArgs<A extends AppealAction, P> {
  req: FastifyRequest;
  app: FastifyInstance;
  trx: Transaction<DB>;
  a: LoadedAppeal;
  actor: Actor;
  ctx: AppealContext;
  body: AppealBody<A>;
  prepared: P;
  /** The documents the engine says the step issues. */
  docs: AppealDocumentKind[];
  next: AppealState;
}

export interface AppealEffect<A extends AppealAction, P = undefined> {
  prepare?(p: { db: Database['db']; a: LoadedAppeal; ctx: AppealContext; body: AppealBody<A> }): Promise<P>;
  apply(x: EffectArgs<A, P>): Promise<void>;
}

async function signer(x: EffectArgs<AppealAction, unknown>): Promise<Signed> {
  const u = await x.trx
    .selectFrom('users')
    .select('displayName')
    .where('id', '=', x.actor.id)
    .executeTakeFirst();
  return { by: x.actor.id, byName: u?.displayName ?? x.actor.username, on: x.ctx.today };
}

const set = (x: EffectArgs<AppealAction, unknown>, values: Updateable<AppealsTable>) =>
  x.trx.updateTable('appeals').set(values).where('id', '=', x.a.id).execute();

/**
 * The draw's rules for an appeal: the appellant's agency (the officer's, or on an agency's appeal
 * the case's agency) and the deciding office sit out.
 */
export const drawRules = (
  a: Pick<LoadedAppeal, 'officerAgencyId' | 'regionCode' | 'agencyId' | 'appellantKind'>,
  size: number,
): DrawRules => ({
  size,
  appellantAgencyId: a.appellantKind === 'agency' ? a.agencyId : a.officerAgencyId,
  decidingOfficeRegion: a.regionCode,
});

function drawn(pool: PoolMember[], rules: DrawRules, seed: string, conflicts: string[]): DrawnPanel {
  const { panel, problems } = drawPanel(pool, rules, seed, conflicts);
  if (!panel) throw new HttpError(400, problems[0]!.message, problems);
  return panel;
}

/** The appeal's documents: the model every kind shares, from the appeal as it will stand. */
async function issue(
  x: EffectArgs<AppealAction, unknown>,
  over: Partial<AppealDocumentModel>,
  current: Stored,
): Promise<number[]> {
  const { a, ctx } = x;
  const review = a.stage === 'review';
  const period = filingPeriod(a, ctx);
  const base: AppealDocumentModel = {
    generatedAt: x.app.clock.now().toISOString(),
    issuedOn: ctx.today,
    // A 复核 is the office's own (the organ that decided); an appeal the relief panel's.
    organName: review ? `${a.regionName}司法局` : `${a.regionName}行政执法过错责任追究救济委员会`,
    caseNumber: a.number,
    accountabilityCase: {
      number: a.caseNumber,
      subject: a.caseSubject,
      decisionOn: a.caseDecisionOn,
      servedOn: a.servedOn,
    },
    person:
      a.appellantKind === 'agency'
        ? { name: a.agencyName, post: null, agencyName: a.agencyName, agency: true }
        : { name: a.officerName ?? '', post: a.officerPost, agencyName: a.agencyName },
    filedOn: a.filedOn,
    grounds: a.grounds,
    original: a.originalMeasures
      ? measuresLabel(a.originalMeasures) || null
      : a.originalForm
        ? SANCTION_FORM_LABELS[a.originalForm]
        : null,
    appealPeriod: { words: period.words, until: appealDeadline(a, ctx) },
    acceptance: a.acceptedOn
      ? {
          opinion: (a.acceptance as { opinion?: string } | null)?.opinion ?? '',
          on: a.acceptedOn,
          dueOn: a.dueOn,
        }
      : null,
    rejection: null,
    hearing: null,
    decision: null,
    originalScope:
      a.originalForm === 'circulated_criticism' || a.originalMeasures?.includes('circulated_criticism')
        ? '通报'
        : '送达和告知',
    reviewedByOffice: review,
    appealAfter: `${deadlineWords(ctx.relief.review.appealAfter)}`,
    ...over,
  };
  const ids: number[] = [];
  for (const kind of x.docs) {
    const spec = APPEAL_DOCUMENTS[kind];
    ids.push(
      await insertIssuedDocument(x.trx, {
        caseId: a.caseId,
        regionCode: a.regionCode,
        kind,
        number: a.number,
        title: spec.title,
        content: await spec.render(base),
        createdBy: x.actor.username,
      }),
    );
  }
  if (ids.length > 0) await set(x, { documents: JSON.stringify([...current.documents, ...ids]) });
  return ids;
}

/** The result in words, as the decision and the restoration notice say it. */
function resultWords(t: Pick<Tally, 'outcome' | 'form' | 'measures'>): string {
  if (t.outcome === 'changed' && t.measures?.length)
    return `变更原处理决定，对机关的处理改为${measuresLabel(t.measures)}`;
  if (t.outcome === 'changed' && t.form) return `变更原处理决定，改为${SANCTION_FORM_LABELS[t.form]}`;
  return t.outcome === 'revoked' ? '撤销原处理决定' : '维持原处理决定';
}

type Effects = {
  [A in AppealAction]: AppealEffect<A, A extends 'draw' | 'declare_conflict' ? StoredPanel : undefined>;
};

export const APPEAL_EFFECTS: Effects = {
  accept: {
    async apply(x) {
      const dueOn = appealDecisionDue({ acceptedOn: x.ctx.today, extensions: 0, stage: x.a.stage }, x.ctx);
      const acceptance = { opinion: x.body.opinion, ...(await signer(x)) };
      await set(x, { acceptedOn: x.ctx.today, dueOn, acceptance: JSON.stringify(acceptance) });
      await issue(x, { acceptance: { opinion: x.body.opinion, on: x.ctx.today, dueOn } }, storedOf(x.a));
    },
  },
  reject: {
    async apply(x) {
      const late = filedLate(x.a, x.ctx);
      const reject = { reason: x.body.reason, late, ...(await signer(x)) };
      await set(x, { acceptance: JSON.stringify({ reject }) });
      await issue(x, { rejection: { reason: x.body.reason, on: x.ctx.today, late } }, storedOf(x.a));
    },
  },
  draw: {
    async prepare({ db, a, ctx, body }) {
      const seed = body.seed;
      const pool: PoolMember[] = (await activePool(db, a.regionCode)).map((m) => ({
        id: m.id,
        kind: m.kind,
        agencyId: m.agencyId,
        officeRegion: m.officeRegion,
        enforcementOfficer: m.enforcementOfficer,
      }));
      const p = drawn(pool, drawRules(a, ctx.relief.panelSize), seed, []);
      return { ...p, pool, conflicts: [], drawnOn: ctx.today };
    },
    async apply(x) {
      await set(x, { panel: JSON.stringify(x.prepared) });
    },
  },
  declare_conflict: {
    async prepare({ a, ctx, body }) {
      const panel = a.panel as StoredPanel;
      const conflicts = [
        ...panel.conflicts,
        { memberId: ctx.actorMemberId!, reason: body.reason, on: ctx.today },
      ];
      const p = drawn(
        panel.pool,
        drawRules(a, panel.members.length),
        panel.seed,
        conflicts.map((c) => c.memberId),
      );
      return { ...panel, ...p, conflicts };
    },
    async apply(x) {
      await set(x, { panel: JSON.stringify(x.prepared) });
    },
  },
  schedule_hearing: {
    async apply(x) {
      const s = storedOf(x.a);
      const session: StoredSession = {
        id: randomUUID().slice(0, 8),
        on: x.body.on,
        place: x.body.place,
        evidence: x.body.evidence,
        recorded: false,
        attendees: [],
      };
      await set(x, { sessions: JSON.stringify([...s.sessions, session]) });
      await issue(x, { hearing: { on: x.body.on, place: x.body.place, evidence: x.body.evidence } }, s);
    },
  },
  record_session: {
    async apply(x) {
      const s = storedOf(x.a);
      const sessions = s.sessions.map((v) =>
        v.id === x.body.sessionId
          ? {
              ...v,
              recorded: true,
              attendees: [...new Set(x.body.attendees)],
              appellantHeard: x.body.appellantHeard,
              representative: x.body.representative ?? null,
              note: x.body.note,
            }
          : v,
      );
      await set(x, { sessions: JSON.stringify(sessions) });
    },
  },
  open_vote: {
    async apply() {},
  },
  vote: {
    async apply(x) {
      const s = storedOf(x.a);
      const vote: StoredVote = {
        memberId: x.ctx.actorMemberId!,
        outcome: x.body.outcome,
        form: x.body.outcome === 'changed' ? x.body.form : null,
        ...(x.a.appellantKind === 'agency'
          ? { measures: x.body.outcome === 'changed' ? (x.body.measures ?? []) : null }
          : {}),
        reasons: x.body.reasons,
        dissent: x.body.dissent ?? null,
        on: x.ctx.today,
      };
      const votes = [...s.votes, vote];
      await set(x, { votes: JSON.stringify(votes) });
      if (x.next !== 'decided') return;
      // The last vote: unseal, tally, record every vote in the audit chain, and carry the result.
      const t = tally(votes);
      const decision = {
        ...t,
        reasons: votes.filter((v) => v.outcome === t.outcome).map((v) => v.reasons),
        on: x.ctx.today,
      };
      await set(x, { decision: JSON.stringify(decision), decidedOn: x.ctx.today, dueOn: null });
      const names = new Map(x.a.members.map((m) => [m.id, m.name]));
      await auditAs(x.req, x.trx, {
        regionCode: x.a.regionCode,
        action: 'appeal.tally',
        objectType: 'appeal',
        objectId: x.a.id,
        detail: {
          outcome: t.outcome,
          form: t.form,
          ...(t.measures ? { measures: t.measures } : {}),
          counts: t.counts,
          votes: votes.map((v) => ({
            member: names.get(v.memberId) ?? v.memberId,
            outcome: APPEAL_OUTCOME_LABELS[v.outcome],
            form: v.form ? SANCTION_FORM_LABELS[v.form] : null,
            ...(v.measures ? { measures: measuresLabel(v.measures) } : {}),
            reasons: v.reasons,
            dissent: v.dissent,
          })),
        },
      });
      if (t.outcome !== 'upheld') await relieve(x, t.outcome, t.form, t.measures);
      await issue(
        x,
        {
          decision: {
            outcome: t.outcome,
            words: resultWords(t),
            voters: t.voters,
            counts: t.counts,
            panelSize: (x.a.panel as StoredPanel).members.length,
            reasons: decision.reasons,
            on: x.ctx.today,
          },
        },
        { ...s, votes },
      );
    },
  },
  extend: {
    async apply(x) {
      const s = storedOf(x.a);
      const extensions = [...s.extensions, { reason: x.body.reason, ...(await signer(x)) }];
      const dueOn = appealDecisionDue(
        { acceptedOn: x.a.acceptedOn, extensions: extensions.length, stage: x.a.stage },
        x.ctx,
      );
      await set(x, { extensions: JSON.stringify(extensions), dueOn });
    },
  },
  withdraw: {
    async apply(x) {
      const withdraw = { reason: x.body.reason, ...(await signer(x)) };
      await set(x, {
        acceptance: JSON.stringify({ ...(x.a.acceptance as object | null), withdraw }),
        dueOn: null,
      });
    },
  },
  decide_review: {
    // The office decides a 复核 itself: no panel, no votes (counts stay zero, voters 0).
    async apply(x) {
      const b = x.body;
      const changed = b.outcome === 'changed';
      const t: Tally = {
        outcome: b.outcome,
        form: changed ? b.form : null,
        measures: x.a.appellantKind === 'agency' && changed ? orderedMeasures(b.measures ?? []) : null,
        counts: { upheld: 0, changed: 0, revoked: 0 },
        voters: 0,
        dissenting: 0,
      };
      const decision = { ...t, reasons: [b.reasons], on: x.ctx.today, by: (await signer(x)).byName };
      await set(x, { decision: JSON.stringify(decision), decidedOn: x.ctx.today, dueOn: null });
      if (t.outcome !== 'upheld') await relieve(x, t.outcome, t.form, t.measures);
      await issue(
        x,
        {
          decision: {
            outcome: t.outcome,
            words: resultWords(t),
            voters: 0,
            counts: t.counts,
            panelSize: 0,
            reasons: decision.reasons,
            on: x.ctx.today,
          },
        },
        storedOf(x.a),
      );
    },
  },
};

/**
 * A changed or revoked decision reaches the person's record: the case keeps the relief beside the
 * sanction; on an agency's appeal, the case's agency_relief beside the Art. 25 measures.
 */
async function relieve(
  x: EffectArgs<'vote' | 'decide_review', undefined>,
  outcome: AppealOutcome,
  form: SanctionForm | null,
  measures: AgencyMeasure[] | null,
) {
  if (x.a.appellantKind === 'agency') {
    await x.trx
      .updateTable('cases')
      .set({
        agencyRelief: JSON.stringify({
          appealId: x.a.id,
          number: x.a.number,
          outcome,
          measures: outcome === 'revoked' ? [] : measures,
          on: x.ctx.today,
        }),
      })
      .where('id', '=', x.a.caseId)
      .execute();
    return;
  }
  await x.trx
    .updateTable('casePersons')
    .set({
      relief: JSON.stringify({ appealId: x.a.id, number: x.a.number, outcome, form, on: x.ctx.today }),
    })
    .where('caseId', '=', x.a.caseId)
    .where('officerId', '=', x.a.officerId as string)
    .execute();
  // A published result (通报批评 where the pack publishes it) is withdrawn now, with the reason.
  if (outcome !== 'upheld')
    await withdrawCaseResult(x.trx, { ...x.a, officerId: x.a.officerId as string }, outcome, x.ctx.today);
}

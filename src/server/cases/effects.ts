// What each step of the accountability case writes: one typed effect per action of the
// procedure (src/core/workflow/case.ts), run inside the step's transaction after the engine's
// checks. A step that needs the database before the checks (the rulebook's determination of the
// findings, the candidates for investigators) has a `prepare`, which may refuse with 400 naming
// the field or hand the engine what it learned (the persons of the findings); a check of the
// input against the database that should come after the engine's own checks is a `validate`.
import type { Transaction, Updateable } from 'kysely';
import { determine } from '../../core/determine/index.js';
import type { Determination } from '../../core/determine/types.js';
import { type Actor, regionCovers } from '../../core/policies/actor.js';
import { canInvestigate } from '../../core/policies/case.js';
import { defaultOrgan, organFits, regionsUp } from '../../core/referrals/organs.js';
import { REFERRALS, type Referral } from '../../core/rulebook/types.js';
import type { CaseAction, CasePerson } from '../../core/workflow/case.js';
import type { LoadedCase } from '../../store/cases.repository.js';
import type { Database } from '../../store/db.js';
import { findOrgan, listOrgans } from '../../store/organs.repository.js';
import type { CasesTable, DB } from '../../store/schema.js';
import { HttpError } from '../errors.js';
import type { ActionBody } from './actions.js';
import { publishCaseResults } from './publish-result.js';
import { type ApprovalRecord, type ProposalRecord, proposalOf } from './snapshot.js';

/** The rulebook's determination of recorded findings, with the overrides applied. */
export interface Findings {
  determination: Determination;
  liable: Map<string, boolean>;
  people: string[];
}

/** What a step's preparation learned: the persons the findings concern, and the findings. */
export interface Prepared {
  persons?: CasePerson[];
  findings?: Findings;
}

export interface EffectContext {
  trx: Transaction<DB>;
  c: LoadedCase;
  actor: Actor;
  today: string;
  prepared: Prepared;
}

export interface CaseEffect<A extends CaseAction> {
  /** Before the engine's checks: what the snapshot should see of the input. */
  prepare?(db: Database['db'], c: LoadedCase, body: ActionBody<A>): Promise<Prepared>;
  /** After the engine's checks, before the transaction: the input against stored data. */
  validate?(db: Database['db'], c: LoadedCase, body: ActionBody<A>): Promise<void>;
  apply(x: EffectContext, body: ActionBody<A>): Promise<void>;
}

/** Who signs a step: the acting user, by id and display name. */
async function signer(x: EffectContext): Promise<{ by: string; byName: string }> {
  const u = await x.trx
    .selectFrom('users')
    .select('displayName')
    .where('id', '=', x.actor.id)
    .executeTakeFirst();
  return { by: x.actor.id, byName: u?.displayName ?? x.actor.username };
}

const setCase = (x: EffectContext, values: Updateable<CasesTable>) =>
  x.trx.updateTable('cases').set(values).where('id', '=', x.c.id).execute();

const person = (x: EffectContext, officerId: string) =>
  x.trx.updateTable('casePersons').where('caseId', '=', x.c.id).where('officerId', '=', officerId);

/** The facts through the rulebook; the persons must be officers of the case's jurisdiction. */
async function prepareFindings(
  db: Database['db'],
  c: LoadedCase,
  b: ActionBody<'record_findings'>,
): Promise<Prepared> {
  let determination: Determination;
  try {
    determination = determine({ ...b.facts, pack: c.pack });
  } catch (e) {
    if (e instanceof Error && 'fields' in e) {
      const fields = (e as { fields: { path: string; message: string }[] }).fields.map((f) => ({
        path: `facts.${f.path}`,
        message: f.message,
      }));
      throw new HttpError(400, '认定事实有误', fields);
    }
    throw e;
  }
  const people = determination.persons.map((p) => p.id);
  const known = await db
    .selectFrom('officers')
    .select(['id', 'regionCode'])
    .where('id', 'in', people.length ? people : [''])
    .execute();
  const problems = people.flatMap((id, i) => {
    const o = known.find((k) => k.id === id);
    if (!o)
      return [
        { path: `facts.people[${i}].id`, message: `执法人员 ${id} 不存在（人员编号应为执法人员档案编号）` },
      ];
    if (!regionCovers(c.regionCode, o.regionCode) && !regionCovers(o.regionCode, c.regionCode)) {
      return [{ path: `facts.people[${i}].id`, message: `执法人员 ${id} 不在本案辖区` }];
    }
    return [];
  });
  b.overrides.forEach((o, i) => {
    if (!people.includes(o.personId))
      problems.push({ path: `overrides[${i}].personId`, message: '该人员不在认定事实中' });
  });
  if (problems.length > 0) throw new HttpError(400, '认定事实有误', problems);
  const liable = new Map(determination.persons.map((p) => [p.id, p.liable]));
  for (const o of b.overrides) liable.set(o.personId, o.outcome !== 'not_liable');
  const suspected = new Set(determination.persons.filter((p) => p.referrals.length > 0).map((p) => p.id));
  return {
    findings: { determination, liable, people },
    persons: people.map((id) => ({
      id,
      liable: liable.get(id) ?? false,
      statement: null,
      waived: false,
      hearingRequested: false,
      hearingHeld: false,
      suspected: suspected.has(id),
    })),
  };
}

/** Investigators are active supervisors of the case's jurisdiction who have not recused. */
async function validateInvestigators(
  db: Database['db'],
  c: LoadedCase,
  b: ActionBody<'assign_investigators'>,
): Promise<void> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'regionCode', 'active'])
    .where('id', 'in', b.userIds.length ? b.userIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const problems = b.userIds.flatMap((id, i) => {
    const u = users.find((x) => x.id === id);
    if (!u?.active) return [{ path: `userIds[${i}]`, message: '用户不存在或已停用' }];
    if (!canInvestigate(u, c.regionCode)) {
      return [{ path: `userIds[${i}]`, message: '调查人员须为本辖区执法监督机构人员' }];
    }
    if (c.investigators.some((x) => x.userId === id && x.recused))
      return [{ path: `userIds[${i}]`, message: '该人员已回避' }];
    return [];
  });
  if (problems.length > 0) throw new HttpError(400, '调查人员有误', problems);
}

export const CASE_EFFECTS: { [A in CaseAction]: CaseEffect<A> } = {
  accept: {
    apply: (x, b) => setCase(x, { acceptedOn: x.today, acceptanceOpinion: b.opinion }).then(() => {}),
  },
  decline: {
    apply: (x, b) => setCase(x, { declineReason: b.reason }).then(() => {}),
  },
  assign_investigators: {
    validate: validateInvestigators,
    async apply(x, b) {
      const existing = new Set(x.c.investigators.map((i) => i.userId));
      const fresh = b.userIds.filter((id) => !existing.has(id));
      if (fresh.length === 0) return;
      await x.trx
        .insertInto('caseInvestigators')
        .values(
          fresh.map((userId) => ({
            caseId: x.c.id,
            userId,
            regionCode: x.c.regionCode,
            recusalReason: null,
          })),
        )
        .execute();
    },
  },
  recuse: {
    async apply(x, b) {
      await x.trx
        .updateTable('caseInvestigators')
        .set({ recused: true, recusalReason: b.reason })
        .where('caseId', '=', x.c.id)
        .where('userId', '=', b.userId)
        .execute();
    },
  },
  start_investigation: {
    apply: (x) => setCase(x, { investigationStartedOn: x.today }).then(() => {}),
  },
  extend_investigation: {
    async apply(x, b) {
      await x.trx
        .insertInto('caseExtensions')
        .values({
          caseId: x.c.id,
          regionCode: x.c.regionCode,
          days: b.days,
          reason: b.reason,
          approvedBy: b.approvedBy,
          approvedOn: x.today,
        })
        .execute();
    },
  },
  record_findings: {
    prepare: prepareFindings,
    async apply(x, b) {
      const f = x.prepared.findings!;
      await setCase(x, {
        facts: JSON.stringify({ ...b.facts, pack: x.c.pack }),
        determination: JSON.stringify(f.determination),
        overrides: JSON.stringify(b.overrides.map((o) => ({ ...o, by: x.actor.username, on: x.today }))),
        findingsText: b.findingsText ?? null,
        findingsOn: x.today,
      });
      await x.trx.deleteFrom('casePersons').where('caseId', '=', x.c.id).execute();
      const regions = await x.trx
        .selectFrom('officers')
        .select(['id', 'regionCode'])
        .where('id', 'in', f.people)
        .execute();
      await x.trx
        .insertInto('casePersons')
        .values(
          f.people.map((id) => ({
            caseId: x.c.id,
            officerId: id,
            regionCode: regions.find((r) => r.id === id)?.regionCode ?? x.c.regionCode,
            liable: f.liable.get(id) ?? false,
            statementText: null,
            statementOn: null,
            waiveReason: null,
            hearingHeldOn: null,
            hearingSummary: null,
          })),
        )
        .execute();
    },
  },
  notify_statement: {
    apply: (x) => setCase(x, { statementNoticeOn: x.today }).then(() => {}),
  },
  record_statement: {
    async apply(x, b) {
      await person(x, b.personId)
        .set({ statementText: b.text, statementOn: x.today, hearingRequested: b.hearingRequested ?? false })
        .execute();
    },
  },
  waive_statement: {
    async apply(x, b) {
      await person(x, b.personId).set({ waived: true, waiveReason: b.reason }).execute();
    },
  },
  hold_hearing: {
    async apply(x, b) {
      await person(x, b.personId).set({ hearingHeldOn: b.heldOn, hearingSummary: b.summary }).execute();
    },
  },
  propose_decision: {
    // The organs named must be in the register, take that kind of referral, and cover the case.
    async validate(db, c, b) {
      const problems: { path: string; message: string }[] = [];
      for (const kind of REFERRALS) {
        const id = b.organs?.[kind];
        if (!id) continue;
        const organ = await findOrgan(db, id);
        const why = organ ? organFits(organ, kind, c.regionCode) : '该机关不在移送机关登记册中';
        if (why) problems.push({ path: `organs.${kind}`, message: why });
      }
      if (problems.length > 0) throw new HttpError(400, '移送机关有误', problems);
    },
    async apply(x, b) {
      const { version: _v, ...proposal } = b;
      const record: ProposalRecord = { ...proposal, ...(await signer(x)), on: x.today };
      await setCase(x, { proposal: JSON.stringify(record), approval: null });
    },
  },
  return_proposal: {
    apply: (x) => setCase(x, { proposal: null }).then(() => {}),
  },
  decide: {
    async apply(x, b) {
      const { c } = x;
      const proposal = proposalOf(c)!;
      const approval: ApprovalRecord = {
        opinion: b.opinion,
        collective: b.collective ?? null,
        ...(await signer(x)),
        on: x.today,
      };
      await setCase(x, {
        decisionKind: proposal.kind,
        decisionOn: x.today,
        decisionReasons: proposal.reasons,
        approval: JSON.stringify(approval),
      });
      // Referrals the rulebook found (suspected breach of discipline or crime), for liable persons.
      const det = c.determination as Determination | null;
      const liable = new Set(c.persons.filter((p) => p.liable).map((p) => p.officerId));
      const referrals = (det?.persons ?? []).flatMap((p) =>
        liable.has(p.id) ? p.referrals.map((organ) => ({ organ, officerId: p.id })) : [],
      );
      if (proposal.kind === 'refer' && referrals.length === 0) {
        for (const id of liable) referrals.push({ organ: 'discipline', officerId: id });
      }
      if (referrals.length === 0) return;
      // Each referral names its organ: the one the proposal chose, else the region's usual one.
      const register = await listOrgans(x.trx, { regions: regionsUp(c.regionCode) });
      const organOf = (kind: Referral) => {
        const chosen = proposal.organs?.[kind];
        return register.find((o) => o.id === chosen) ?? defaultOrgan(register, kind, c.regionCode);
      };
      const generic = { judicial: '司法机关', discipline: '任免机关或监察机关' } as const;
      await x.trx
        .insertInto('referrals')
        .values(
          referrals.map((r) => {
            const organ = organOf(r.organ);
            return {
              caseId: c.id,
              regionCode: c.regionCode,
              organ: r.organ,
              organId: organ?.id ?? null,
              officerId: r.officerId,
              note: `${c.number}：${r.organ === 'judicial' ? '涉嫌犯罪' : '涉嫌违纪'}，移送${organ?.name ?? generic[r.organ]}`,
              referredOn: x.today,
              outcome: null,
              outcomeOn: null,
              outcomeBy: null,
            };
          }),
        )
        .execute();
    },
  },
  serve: {
    async apply(x, b) {
      await setCase(x, {
        servedOn: b.servedOn,
        service: JSON.stringify({
          recipient: b.recipient,
          method: b.method,
          place: b.place ?? null,
          server: x.actor.username,
        }),
      });
      // Where the pack publishes the form (通报批评 in A市), the result goes on the portal, masked.
      await publishCaseResults(x, b.servedOn);
    },
  },
  execute: {
    apply: (x, b) => setCase(x, { executedOn: x.today, executionNote: b.note }).then(() => {}),
  },
  close: {
    apply: (x) => setCase(x, { closedOn: x.today }).then(() => {}),
  },
};

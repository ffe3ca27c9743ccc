// Filling the official documents from a case and keeping them with it: each step's document is
// generated inside the step's transaction and stored with its SHA-256, so what was issued is
// exactly what stays on file.
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import { todayInChina } from '../../core/dates.js';
import type { Determination } from '../../core/determine/types.js';
import type { Actor } from '../../core/policies/actor.js';
import { art24Referrals } from '../../core/rulebook/art-24.js';
import { CATALOGUE } from '../../core/rulebook/catalogue.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import type { Role as RuleRole } from '../../core/rulebook/types.js';
import {
  ADJUSTMENT_LABELS,
  AGENCY_MEASURE_LABELS,
  REFERRAL_LABELS,
  ROLE_LABELS,
  SANCTION_FORM_LABELS,
} from '../../core/rulebook/vocabulary.js';
import { citeLabel } from '../../core/rulebook/zh.js';
import { DECISION_LABELS, type DecisionKind, unitWords } from '../../core/workflow/case.js';
import type { CaseDocumentKind } from '../../core/workflow/case-documents.js';
import { zhDate } from '../../documents/format.js';
import type { CaseDocumentModel } from '../../documents/model.js';
import { DOCUMENT_KINDS } from '../../documents/render.js';
import { insertIssuedDocument, type LoadedCase, loadCase } from '../../store/cases.repository.js';
import type { DB } from '../../store/schema.js';
import { type DocumentNames, loadDocumentNames, NO_NAMES, withNames } from './document-names.js';
import { SOURCE_LABELS } from './present.js';
import {
  type ApprovalRecord,
  approvalOf,
  deadlinesOf,
  procedureOf,
  proposalOf,
  toleranceOf,
} from './snapshot.js';

const OUTCOME_DOC_LABELS = {
  pursue: '追究责任',
  may_not_pursue: '可以不予追究',
  not_liable: '不承担责任',
} as const;

interface FactsPerson {
  id: string;
  role?: RuleRole;
}

/** '第二十四条第（一）项可给予诫勉谈话或者书面检查；书面检查为量责建议，办法未规定具体档次' */
function sanctionNote(s: NonNullable<Determination['persons'][number]['sanctions']>): string {
  const forms = s.forms.map((f) => SANCTION_FORM_LABELS[f]).join('或者');
  return `${citeLabel({ article: 24, clause: s.clause })}可给予${forms}；${SANCTION_FORM_LABELS[s.recommended]}为量责建议，办法未规定具体档次`;
}

export function documentModel(
  c: LoadedCase,
  actor: Actor,
  calendar: Parameters<typeof deadlinesOf>[1],
  today: string,
  names: DocumentNames = NO_NAMES,
): CaseDocumentModel {
  const det = c.determination as Determination | null;
  const named = (text: string | null | undefined) => withNames(text ?? '', names);
  /** An account by its name, never its username: a blank when the account is unknown. */
  const userName = (username: string | null | undefined) =>
    username ? (names.users.get(username) ?? '') : '';
  const facts = c.facts as { people?: FactsPerson[]; faults?: string[] } | null;
  const overrides = (c.overrides ?? []) as {
    personId: string;
    outcome: keyof typeof OUTCOME_DOC_LABELS;
    reason: string;
  }[];
  const { procedure } = procedureOf(c);
  const proposal = proposalOf(c);
  const approval = approvalOf(c);
  const deadlines = deadlinesOf(c, calendar, today);
  const investigation = deadlines.find((d) => d.step === 'investigation');
  const organName = `${c.regionName}司法局`;
  const service = c.service as {
    recipient: string;
    method: string;
    place: string | null;
    server: string;
  } | null;
  return {
    measuresTitle: measuresTitleOf(c),
    caseNumber: c.number,
    organName,
    regionName: c.regionName,
    sourceLabel: SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS] ?? c.source,
    subject: named(c.subject),
    summary: named(c.summary),
    agencyName: c.agencyName,
    registeredOn: c.registeredOn,
    acceptedOn: c.acceptedOn,
    acceptance: c.acceptedOn
      ? { opinion: named(c.acceptanceOpinion), approver: userName(actor.username), on: c.acceptedOn }
      : null,
    investigators: c.investigators.filter((i) => !i.recused).map((i) => i.displayName),
    investigation: c.investigationStartedOn
      ? {
          startedOn: c.investigationStartedOn,
          dueOn: investigation?.dueOn ?? '',
          provisional: investigation?.provisional ?? false,
          extendedTo: c.extensions.length > 0 ? (investigation?.dueOn ?? null) : null,
          facts: named(c.findingsText),
          evidence: c.evidence.map((e) => ({ name: e.filename, sha256: e.sha256 })),
        }
      : null,
    faults: (det?.faults ?? []).map((f) => {
      const item = CATALOGUE.find((i) => i.code === f.code);
      return {
        code: f.code,
        text: f.text,
        cite: item ? `第二章 ${item.cite.category}${item.cite.item}` : '',
      };
    }),
    persons: c.persons.map((p) => {
      const d = det?.persons.find((x) => x.id === p.officerId);
      const o = overrides.find((x) => x.personId === p.officerId);
      const chosen = proposal?.sanctions.find((x) => x.personId === p.officerId);
      const role = facts?.people?.find((x) => x.id === p.officerId)?.role;
      // 容错: an exempt person is not pursued, citing the tolerance rule; a mitigated one says so.
      const tolerance = toleranceOf(p);
      if (tolerance?.outcome === 'exempt') {
        const exemption = `经容错认定免予追究行政执法过错责任（${tolerance.number}，${tolerance.cite}）`;
        return {
          toleranceExemption: exemption,
          id: p.officerId,
          name: p.name,
          roleLabel: role ? (ROLE_LABELS[role] ?? role) : '执法人员',
          agencyName: p.agencyName,
          post: p.post,
          certificate: names.officers.get(p.officerId)?.certificate ?? null,
          outcome: 'may_not_pursue' as const,
          outcomeLabel: exemption,
          basis: (d?.basis ?? []).map(citeLabel),
          adjustments: [],
          sanctions: [],
          sanctionNote: null,
          referrals: [],
          statement: p.statementOn ? { on: p.statementOn, text: named(p.statementText) } : null,
        };
      }
      const tolerated = tolerance ? [`容错从轻或者减轻（${tolerance.number}，${tolerance.cite}）`] : [];
      return {
        id: p.officerId,
        name: p.name,
        roleLabel: role ? (ROLE_LABELS[role] ?? role) : '执法人员',
        agencyName: p.agencyName,
        post: p.post,
        certificate: names.officers.get(p.officerId)?.certificate ?? null,
        outcome: o?.outcome ?? d?.outcome,
        outcomeLabel: o
          ? `${OUTCOME_DOC_LABELS[o.outcome]}（调查人员改变认定：${named(o.reason)}）`
          : d
            ? OUTCOME_DOC_LABELS[d.outcome]
            : '',
        basis: (d?.basis ?? []).map(citeLabel),
        adjustments: [
          ...(d?.adjustments ?? []).map((a) => `${ADJUSTMENT_LABELS[a.kind]}（${citeLabel(a)}）`),
          ...tolerated,
        ],
        // The approved form once the office decided (审批定案), the rulebook's recommendation before.
        sanctions: !p.liable
          ? []
          : chosen
            ? [SANCTION_FORM_LABELS[chosen.form]]
            : d?.sanctions
              ? [SANCTION_FORM_LABELS[d.sanctions.recommended]]
              : [],
        // The form is the rulebook's recommendation among those of its clause (DECISIONS.md D14).
        sanctionNote:
          p.liable && d?.sanctions
            ? chosen && chosen.form !== d.sanctions.recommended
              ? `量责建议为${SANCTION_FORM_LABELS[d.sanctions.recommended]}，审批定为${SANCTION_FORM_LABELS[chosen.form]}：${named(chosen.reason ?? '')}`
              : sanctionNote(d.sanctions)
            : null,
        referrals: p.liable ? (d?.referrals ?? []).map((r) => REFERRAL_LABELS[r]) : [],
        statement: p.statementOn ? { on: p.statementOn, text: named(p.statementText) } : null,
      };
    }),
    explanation: (det?.explanation ?? []).map(named),
    agencyMeasures: (det?.agencies ?? [])
      .filter((a) => a.liable)
      .map((a) => ({
        agencyName: names.agencies.get(a.id) ?? c.agencyName,
        measures: a.measures.map((m) => AGENCY_MEASURE_LABELS[m]),
        basis: a.basis.map(citeLabel),
      })),
    decision: c.decisionKind
      ? {
          kind: c.decisionKind as DecisionKind,
          kindLabel: DECISION_LABELS[c.decisionKind as DecisionKind],
          on: c.decisionOn ?? today,
          reasons: named(c.decisionReasons),
          signer: organName,
          approval: approval ? approvalSentence(approval) : null,
        }
      : null,
    appeal: {
      withinDays: procedure.appealWithin.days,
      unitLabel: unitWords(procedure.appealWithin),
      organName,
    },
    service:
      service && c.servedOn
        ? {
            on: c.servedOn,
            recipient: named(service.recipient),
            method: service.method,
            place: service.place,
            server: [userName(service.server)].filter(Boolean),
          }
        : null,
    decline: c.declineReason !== null || c.state === 'declined' ? declineOf(c, named, today) : null,
    referrals: c.referrals.map((r) => ({
      organ: r.organ,
      organName: r.organName ?? REFERRAL_ORGANS[r.organ](c.regionName),
      personId: r.officerId,
      on: r.referredOn,
      basis: art24Referrals.filter((x) => x.referral === r.organ).map((x) => citeLabel(x.cite)),
    })),
    decisionStandsDuringAppeal: procedure.decisionStandsDuringAppeal,
    generatedAt: new Date().toISOString(),
  };
}

/**
 * The Measures the documents cite: the root pack's, whose articles a city pack refines but does not
 * renumber (a city pack's title names its implementing rules, not the articles quoted).
 */
export function measuresTitleOf(c: LoadedCase): string {
  const pack = selectPack(c.pack, c.registeredOn);
  const root = pack.lineage[0]?.name ?? pack.name;
  return root === pack.name ? pack.measuresTitle : selectPack(root, c.registeredOn).measuresTitle;
}

/** The organ a referral is addressed to (Art. 24: 监察机关 for discipline, 司法机关 for a crime). */
const REFERRAL_ORGANS: Record<'discipline' | 'judicial', (regionName: string) => string> = {
  discipline: (region) => `${region}监察委员会`,
  judicial: (region) => `${region}人民检察院`,
};

/** 不予立案: the reasons, and the day it was declined (the case's last change once declined). */
function declineOf(c: LoadedCase, named: (t: string | null) => string, today: string) {
  const on = c.state === 'declined' && c.updatedAt ? todayInChina(new Date(c.updatedAt)) : today;
  return { reason: named(c.declineReason), on, complaint: c.source === 'complaint' };
}

/** Generate the given documents from the case as it now stands in `trx`, and store them. */
export async function storeCaseDocuments(
  trx: Transaction<DB>,
  caseId: string,
  kinds: readonly CaseDocumentKind[],
  actor: Actor,
  app: FastifyInstance,
): Promise<void> {
  const c = await loadCase(trx, caseId);
  if (!c) return;
  const calendar = await app.calendar();
  const today = app.clock.today();
  const names = await loadDocumentNames(trx, c, actor);
  const model = {
    ...documentModel(c, actor, calendar, today, names),
    generatedAt: app.clock.now().toISOString(),
  };
  for (const kind of kinds) {
    const spec = DOCUMENT_KINDS[kind];
    await insertIssuedDocument(trx, {
      caseId,
      regionCode: c.regionCode,
      kind,
      number: c.number,
      title: spec.title,
      content: await spec.render(model),
      createdBy: actor.username,
    });
  }
}

/** 审批定案 in the decision: 经本机关负责人审批 / 经本机关集体讨论决定（出席、表决）. */
function approvalSentence(a: ApprovalRecord): string {
  const c = a.collective;
  if (!c) return '本决定经本机关负责人审批。';
  return (
    `本案经本机关${zhDate(c.meetingOn)}集体讨论决定（出席${c.attendees.length}人，` +
    `赞成${c.votesFor}票，反对${c.votesAgainst}票，弃权${c.votesAbstain}票）。`
  );
}

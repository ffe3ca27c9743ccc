// Filling the official documents from a case and keeping them with it: each step's document is
// generated inside the step's transaction and stored with its SHA-256, so what was issued is
// exactly what stays on file.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Determination } from '../../core/determine/types.js';
import type { Actor } from '../../core/policies/actor.js';
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
import { DECISION_LABELS, type DecisionKind, unitLabel } from '../../core/workflow/case.js';
import type { CaseDocumentModel } from '../../documents/model.js';
import { DOCUMENT_KINDS } from '../../documents/render.js';
import { type LoadedCase, loadCase } from '../../store/cases.repository.js';
import type { DB } from '../../store/schema.js';
import type { DocumentKind } from './actions.js';
import { SOURCE_LABELS } from './present.js';
import { deadlinesOf, procedureOf } from './snapshot.js';

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
): CaseDocumentModel {
  const det = c.determination as Determination | null;
  const facts = c.facts as { people?: FactsPerson[]; faults?: string[] } | null;
  const overrides = (c.overrides ?? []) as {
    personId: string;
    outcome: keyof typeof OUTCOME_DOC_LABELS;
    reason: string;
  }[];
  const { procedure } = procedureOf(c);
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
    measuresTitle: selectPack(c.pack, c.registeredOn).measuresTitle,
    caseNumber: c.number,
    organName,
    regionName: c.regionName,
    sourceLabel: SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS] ?? c.source,
    subject: c.subject,
    summary: c.summary,
    agencyName: c.agencyName,
    registeredOn: c.registeredOn,
    acceptedOn: c.acceptedOn,
    acceptance: c.acceptedOn
      ? { opinion: c.acceptanceOpinion ?? '', approver: actor.username, on: c.acceptedOn }
      : null,
    investigators: c.investigators.filter((i) => !i.recused).map((i) => i.displayName),
    investigation: c.investigationStartedOn
      ? {
          startedOn: c.investigationStartedOn,
          dueOn: investigation?.dueOn ?? '',
          provisional: investigation?.provisional ?? false,
          extendedTo: c.extensions.length > 0 ? (investigation?.dueOn ?? null) : null,
          facts: c.findingsText ?? '',
          evidence: c.evidence.map((e) => ({ name: e.filename, sha256: e.sha256 })),
        }
      : null,
    faults: (det?.faults ?? []).map((f) => {
      const item = CATALOGUE.find((i) => i.code === f.code);
      return {
        code: f.code,
        text: f.text,
        cite: item ? `第二章 ${item.cite.category}${item.cite.item}` : f.code,
      };
    }),
    persons: c.persons.map((p) => {
      const d = det?.persons.find((x) => x.id === p.officerId);
      const o = overrides.find((x) => x.personId === p.officerId);
      const role = facts?.people?.find((x) => x.id === p.officerId)?.role;
      return {
        id: p.officerId,
        name: p.name,
        roleLabel: role ? (ROLE_LABELS[role] ?? role) : '执法人员',
        agencyName: p.agencyName,
        post: p.post,
        outcome: o?.outcome ?? d?.outcome,
        outcomeLabel: o
          ? `${OUTCOME_DOC_LABELS[o.outcome]}（调查人员改变认定：${o.reason}）`
          : d
            ? OUTCOME_DOC_LABELS[d.outcome]
            : '',
        basis: (d?.basis ?? []).map(citeLabel),
        adjustments: (d?.adjustments ?? []).map((a) => `${ADJUSTMENT_LABELS[a.kind]}（${citeLabel(a)}）`),
        sanctions: p.liable && d?.sanctions ? [SANCTION_FORM_LABELS[d.sanctions.recommended]] : [],
        // The form is the rulebook's recommendation among those of its clause (DECISIONS.md D14).
        sanctionNote: p.liable && d?.sanctions ? sanctionNote(d.sanctions) : null,
        referrals: p.liable ? (d?.referrals ?? []).map((r) => REFERRAL_LABELS[r]) : [],
        statement: p.statementOn ? { on: p.statementOn, text: p.statementText ?? '' } : null,
      };
    }),
    explanation: det?.explanation ?? [],
    agencyMeasures: (det?.agencies ?? [])
      .filter((a) => a.liable)
      .map((a) => ({
        agencyName: c.agencyName,
        measures: a.measures.map((m) => AGENCY_MEASURE_LABELS[m]),
        basis: a.basis.map(citeLabel),
      })),
    decision: c.decisionKind
      ? {
          kind: c.decisionKind as DecisionKind,
          kindLabel: DECISION_LABELS[c.decisionKind as DecisionKind],
          on: c.decisionOn ?? today,
          reasons: c.decisionReasons ?? '',
          signer: organName,
        }
      : null,
    appeal: {
      withinDays: procedure.appealWithin.days,
      unitLabel: `个${unitLabel(procedure.appealWithin)}`,
      organName,
    },
    service:
      service && c.servedOn
        ? {
            on: c.servedOn,
            recipient: service.recipient,
            method: service.method,
            place: service.place,
            server: [service.server],
          }
        : null,
    generatedAt: new Date().toISOString(),
  };
}

/** Generate the given documents from the case as it now stands in `trx`, and store them. */
export async function storeCaseDocuments(
  trx: Transaction<DB>,
  caseId: string,
  kinds: DocumentKind[],
  actor: Actor,
  app: FastifyInstance,
): Promise<void> {
  const c = await loadCase(trx, caseId);
  if (!c) return;
  const calendar = await app.calendar();
  const today = new Date().toISOString().slice(0, 10);
  const model = documentModel(c, actor, calendar, today);
  for (const kind of kinds) {
    const spec = DOCUMENT_KINDS[kind];
    const content = await spec.render(model);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await trx
      .insertInto('caseDocuments')
      .values({
        caseId,
        regionCode: c.regionCode,
        kind,
        filename: `${c.number}-${spec.title}.docx`,
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: content.length,
        sha256,
        content,
        description: spec.title,
        createdBy: actor.username,
      })
      .execute();
  }
}

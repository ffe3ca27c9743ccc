// 问责处理 on the portal (issue 15: "通报批评 decisions in masked summary where the pack says they
// are public"): a served decision giving an officer a sanction form the pack names
// (params.disclosure.accountability) is published as a summary — the agency by name, the officer
// masked (张某某), the faults by their catalogue text, the form — and withdrawn, with the reason, when
// a 复核 or the relief panel changes or revokes it (issue 12). Pure.
import { maskPersonName, publicParty, scrubText } from '../privacy/mask.js';
import type { SanctionForm } from '../rulebook/types.js';
import { SANCTION_FORM_LABELS } from '../rulebook/vocabulary.js';
import type { DisclosureParams } from './params.js';
import type { PublishedDecision } from './publish.js';

/** One publication per person of a case: its source id. */
export const caseResultSourceId = (caseId: string, officerId: string) => `${caseId}/${officerId}`;

export interface CaseResult {
  /** The case's number (the decision's). */
  caseNumber: string;
  agencyName: string;
  officerName: string;
  form: SanctionForm;
  /** The faults found, by catalogue text. */
  faults: readonly { code: string; text: string }[];
  /** The rules applied (the pack's title of the Measures). */
  measuresTitle: string;
}

/** Does the pack publish this form's decisions? */
export const isPublicResult = (params: Pick<DisclosureParams, 'accountability'>, form: SanctionForm) =>
  params.accountability.forms.includes(form);

/** The summary published of one person's sanction: never the officer's full name. */
export function publishedCaseResult(r: CaseResult): PublishedDecision {
  const masked = maskPersonName(r.officerName);
  const faults = r.faults.map((f) => f.text.replace(/[。；;]+$/u, '')).join('；');
  return {
    documentNo: r.caseNumber,
    itemName: '行政执法过错责任追究',
    category: SANCTION_FORM_LABELS[r.form],
    content: null,
    reason: scrubText(
      `${r.agencyName}执法人员${masked}${faults ? `：${faults}` : ''}`.replaceAll(r.officerName, masked),
    ),
    basis: `《${r.measuresTitle}》`,
    result: SANCTION_FORM_LABELS[r.form],
    party: publicParty({ type: 'person', name: r.officerName }),
  };
}

/** Why a published result is withdrawn when relief changes or revokes it. */
export function reliefWithdrawalReason(
  stage: '复核' | '申诉',
  outcome: 'changed' | 'revoked',
  number: string,
) {
  return `经${stage}（${number}），原处理决定已${outcome === 'revoked' ? '撤销' : '变更'}，撤回原公开的处理结果`;
}

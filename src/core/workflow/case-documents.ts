// The official documents of an accountability case: one list, one title each. The renderers
// (src/documents/render.ts), the stored documents' kinds, the API and the console's labels all
// derive from it, so a document added here without a renderer fails the typecheck.
import type { AppealResult } from './case.js';

export const CASE_DOCUMENT_KINDS = [
  'acceptance_form',
  'decline_notice',
  'investigation_report',
  'decision',
  'review_decision',
  'referral_letter',
  'service_receipt',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

export const CASE_DOCUMENT_TITLES: Readonly<Record<CaseDocumentKind, string>> = {
  acceptance_form: '立案审批表',
  decline_notice: '不予立案通知书',
  investigation_report: '调查报告',
  decision: '处理决定书',
  review_decision: '复核决定书',
  referral_letter: '移送函',
  service_receipt: '送达回证',
};

/**
 * The documents the person concerned receives (the decision, its service and the answer to their
 * appeal): the subject's view of a case shows these and no other.
 */
export const SUBJECT_DOCUMENT_KINDS: readonly CaseDocumentKind[] = [
  'decision',
  'review_decision',
  'service_receipt',
];

/** Whether a stored document (its kind as stored) is one the person concerned receives. */
export function isSubjectDocument(kind: string): boolean {
  return (SUBJECT_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** The result of a review (复核) as the review decision words it. */
export const APPEAL_RESULT_DOC_LABELS: Readonly<Record<AppealResult, string>> = {
  upheld: '维持原处理决定',
  changed: '变更原处理决定',
  revoked: '撤销原处理决定',
};

// The official documents of an accountability case: one list, one title each. The renderers
// (src/documents/render.ts), the stored documents' kinds, the API and the console's labels all
// derive from it, so a document added here without a renderer fails the typecheck.
export const CASE_DOCUMENT_KINDS = [
  'acceptance_form',
  'decline_notice',
  'investigation_report',
  'decision',
  'referral_letter',
  'service_receipt',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

export const CASE_DOCUMENT_TITLES: Readonly<Record<CaseDocumentKind, string>> = {
  acceptance_form: '立案审批表',
  decline_notice: '不予立案通知书',
  investigation_report: '调查报告',
  decision: '处理决定书',
  referral_letter: '移送函',
  service_receipt: '送达回证',
};

/**
 * The documents the person concerned receives (the decision and its service; the answer to their
 * appeal comes from the relief panel, on the appeal): the subject's view of a case shows these and no other.
 */
export const SUBJECT_DOCUMENT_KINDS: readonly CaseDocumentKind[] = ['decision', 'service_receipt'];

/** Whether a stored document (its kind as stored) is one the person concerned receives. */
export function isSubjectDocument(kind: string): boolean {
  return (SUBJECT_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

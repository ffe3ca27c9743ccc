// The documents of a pre-registration's initial review (事前备案): 《报备容错受理决定书》 when the
// supervision office accepts the registration, 《报备容错退回通知书》 when it returns it. Same
// style and parts as the case documents (docx.ts); the same model always gives the same bytes.
import type { Paragraph } from 'docx';
import {
  PRE_REGISTRATION_DOCUMENT_TITLES,
  type PreRegistrationDocumentKind,
} from '../core/workflow/pre-registration.js';
import { addressee, body, documentHead, flush, heading, ledParagraphs, pack, sealBlock } from './docx.js';
import { measuresRef, paragraphsOf, str, zhDate, zhPunct } from './format.js';

export interface PreRegistrationDocumentModel {
  /** A市报备〔2026〕3号 */
  number: string;
  /** The reviewing supervision office (A市司法局). */
  organName: string;
  /** Who registered: the agency, or an officer of it for themself. */
  registrant: { kind: 'agency' | 'officer'; agencyName: string; officerName: string | null };
  title: string;
  measure: string;
  reason: string;
  legalGap: string;
  risks: string;
  safeguards: string;
  plannedFrom: string;
  /** The day of the (last) submission. */
  submittedOn: string;
  /** The city's policy and its provision on pre-registration. */
  policyTitle: string;
  clauseCite: string;
  /** The initial review: the opinion (accepted) or the reasons (returned), and its day. */
  review: { text: string; on: string };
  /** The package's date (never the clock). */
  generatedAt: string;
}

/** 《…》第十条 → '第十条' after the policy's title, or the cite as it is. */
function provision(m: PreRegistrationDocumentModel): string {
  const title = measuresRef(m.policyTitle);
  const cite = str(m.clauseCite);
  return cite.startsWith(title) || !title ? cite : `${title}${cite}`;
}

function whom(m: PreRegistrationDocumentModel): { to: string; you: string } {
  const r = m.registrant;
  return r.kind === 'officer' && r.officerName
    ? { to: `${str(r.officerName)}同志`, you: '你' }
    : { to: str(r.agencyName), you: '你单位' };
}

/** The registration as received: who, when, what. */
function received(m: PreRegistrationDocumentModel): Paragraph[] {
  const { you } = whom(m);
  const planned = zhDate(m.plannedFrom);
  return [
    body(
      `${you}于${zhDate(m.submittedOn)}报备的“${zhPunct(m.title)}”探索性措施${planned ? `（拟于${planned}起实施）` : ''}，` +
        `本机关已收到。根据${provision(m)}的规定，本机关对报备事项进行了初审。`,
    ),
  ];
}

/** The registered content, part by part. */
function content(m: PreRegistrationDocumentModel): Paragraph[] {
  const parts: [string, string][] = [
    ['措施内容', m.measure],
    ['报备理由', m.reason],
    ['法律政策空白', m.legalGap],
    ['可能的风险', m.risks],
    ['防范措施', m.safeguards],
  ];
  return parts.flatMap(([label, text]) => ledParagraphs(`${label}：`, text, 1));
}

function carbonCopy(m: PreRegistrationDocumentModel): Paragraph[] {
  return m.registrant.kind === 'officer' && m.registrant.officerName
    ? [flush(`抄送：${str(m.registrant.agencyName)}。`)]
    : [];
}

const packed = (m: PreRegistrationDocumentModel, kind: PreRegistrationDocumentKind, children: Paragraph[]) =>
  pack(
    { generatedAt: m.generatedAt, caseNumber: m.number, organName: m.organName },
    PRE_REGISTRATION_DOCUMENT_TITLES[kind],
    children,
  );

/** 报备容错受理决定书: the registration accepted, with the office's opinion. */
export async function acceptanceDecision(m: PreRegistrationDocumentModel): Promise<Buffer> {
  const { to, you } = whom(m);
  const opinion = paragraphsOf(m.review.text);
  const children: Paragraph[] = [
    ...documentHead(m.organName, PRE_REGISTRATION_DOCUMENT_TITLES.acceptance_decision, m.number),
    addressee(to),
    ...received(m),
    heading(1, '报备事项'),
    ...content(m),
    heading(2, '初审意见'),
    ...(opinion.length > 0 ? opinion.map((p) => body(p)) : ledParagraphs('经初审，', '')),
    heading(3, '受理决定'),
    body(
      `经初审，该报备事项符合${provision(m)}规定的报备条件，本机关决定予以受理，` +
        `登记为${str(m.number)}。`,
    ),
    body(
      `${you}应当严格落实所报风险防范措施，实施中出现重大情况或者失误的，应当及时报告并主动纠正。` +
        '本事项在实施中出现失误、错误的，认定是否容错时，本受理决定作为事先报备的证明予以考量；' +
        '受理不代表对该措施合法性的确认，也不免除依法应当承担的责任。',
    ),
    ...sealBlock(m.organName, m.review.on),
    ...carbonCopy(m),
  ];
  return packed(m, 'acceptance_decision', children);
}

/** 报备容错退回通知书: the registration returned, with the reasons. */
export async function returnNotice(m: PreRegistrationDocumentModel): Promise<Buffer> {
  const { to, you } = whom(m);
  const children: Paragraph[] = [
    ...documentHead(m.organName, PRE_REGISTRATION_DOCUMENT_TITLES.return_notice, m.number),
    addressee(to),
    ...received(m),
    ...ledParagraphs('经初审，', m.review.text),
    body(
      `根据${provision(m)}的规定，本机关决定将该报备事项予以退回。` +
        `${you}可以按照上述意见修改完善后重新报备。`,
    ),
    ...sealBlock(m.organName, m.review.on),
    ...carbonCopy(m),
  ];
  return packed(m, 'return_notice', children);
}

export const PRE_REGISTRATION_RENDERERS: Readonly<
  Record<PreRegistrationDocumentKind, (m: PreRegistrationDocumentModel) => Promise<Buffer>>
> = {
  acceptance_decision: acceptanceDecision,
  return_notice: returnNotice,
};

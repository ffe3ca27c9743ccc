// The documents of an appeal (申诉) before the relief panel: 《申诉受理通知书》, 《不予受理申诉通知书》
// (why, and how to go further), 《听证通知书》 (when, where, the right to be heard and to bring a
// representative), 《申诉处理决定书》 (the panel's result with the vote count — never who voted how)
// and 《恢复名誉通知书》 when the decision was changed or revoked. On an agency's appeal against
// Art. 25 measures the documents speak to the agency (你机关) rather than to a person. A 复核 by the
// office that decided has its own three (受理, 不予受理, 复核决定书 with the way on to the panel).
// APPEAL_DOCUMENTS has a renderer for every kind in core; the same model always gives the same bytes.
import type { Paragraph } from 'docx';
import { APPEAL_DOCUMENT_TITLES, type AppealDocumentKind } from '../core/workflow/appeal.js';
import { addressee, body, documentHead, flush, ledParagraphs, pack, sealBlock } from './docx.js';
import { str, zhDate, zhPunct } from './format.js';

export interface AppealDocumentModel {
  generatedAt: string;
  /** The day the document is issued (its seal's date). */
  issuedOn: string;
  /** Who issues it: the relief panel of the region (A市行政执法过错责任追究救济委员会). */
  organName: string;
  /** The appeal's number (A市申诉〔2026〕3号), printed under the title. */
  caseNumber: string;
  accountabilityCase: { number: string; subject: string; decisionOn: string | null; servedOn: string | null };
  /** The appellant: the officer, or (`agency`) the agency itself (then name = agencyName). */
  person: { name: string; post: string | null; agencyName: string; agency?: boolean };
  filedOn: string;
  grounds: string;
  /** The sanction appealed against, in words (通报批评), or null. */
  original: string | null;
  /** The period to appeal, in words (送达后 30 个工作日), and its last day. */
  appealPeriod: { words: string; until: string | null };
  acceptance: { opinion: string; on: string; dueOn: string | null } | null;
  rejection: { reason: string; on: string; late: boolean } | null;
  hearing: { on: string; place: string; evidence: boolean } | null;
  decision: {
    outcome: string;
    /** The result in words (维持原处理决定 / 变更为诫勉谈话 / 撤销原处理决定). */
    words: string;
    voters: number;
    counts: { upheld: number; changed: number; revoked: number };
    panelSize: number;
    reasons: string[];
    on: string;
  } | null;
  /** The scope in which the original decision was made known (restoration is made in the same scope). */
  originalScope: string;
  /** 复核: decided by the office itself (the restoration notice says so). */
  reviewedByOffice?: boolean;
  /** 复核决定书: the period to appeal to the panel afterwards, in words (十五日). */
  appealAfter?: string;
}

const to = (m: AppealDocumentModel) =>
  m.person.agency
    ? str(m.person.agencyName)
    : `${str(m.person.name)}（${str(m.person.agencyName)}${m.person.post ?? ''}）`;
/** How the documents address the appellant: 你 to the officer, 你机关 to the agency. */
const you = (m: AppealDocumentModel) => (m.person.agency ? '你机关' : '你');
const aboutCase = (m: AppealDocumentModel) =>
  `${str(m.accountabilityCase.number)}案件“${zhPunct(m.accountabilityCase.subject)}”的处理决定${m.original ? `（${m.original}）` : ''}`;

const PARTS: Record<AppealDocumentKind, (m: AppealDocumentModel) => Paragraph[]> = {
  appeal_acceptance: (m) => [
    body(`${you(m)}于${zhDate(m.filedOn)}对${aboutCase(m)}提出的申诉，符合受理条件，本委员会决定受理。`),
    ...ledParagraphs('受理意见：', m.acceptance?.opinion ?? ''),
    body(
      `本委员会将随机抽取委员组成合议组审理，并于${zhDate(m.acceptance?.dueOn ?? null)}前作出处理决定；情况复杂的，可以依照规定延长。听证的时间、地点将另行通知，${you(m)}可以到会陈述，也可以委托代理人参加。`,
    ),
    body(`申诉期间，原处理决定不停止执行。本委员会不因${you(m)}提出申诉而加重对${you(m)}的处理。`),
  ],
  appeal_rejection: (m) => [
    body(`${you(m)}于${zhDate(m.filedOn)}对${aboutCase(m)}提出申诉。`),
    body(
      m.rejection?.late
        ? `经审查，原处理决定于${zhDate(m.accountabilityCase.servedOn)}送达，申诉期限为${m.appealPeriod.words}，至${zhDate(m.appealPeriod.until)}届满；${you(m)}的申诉已超过申诉期限。`
        : `经审查，${you(m)}的申诉不符合受理条件。`,
    ),
    ...ledParagraphs('不予受理的理由：', m.rejection?.reason ?? ''),
    body(
      '本委员会决定不予受理。如对本通知不服，或者有证据证明因不可抗力等正当理由耽误申诉期限的，可以自收到本通知书之日起三十日内向上一级行政执法监督机构反映，也可以向纪检监察机关提出。',
    ),
  ],
  hearing_notice: (m) => [
    body(`本委员会受理了${you(m)}对${aboutCase(m)}提出的申诉。`),
    body(
      `定于${zhDate(m.hearing?.on ?? null)}在${zhPunct(m.hearing?.place ?? '')}举行听证${m.hearing?.evidence ? '，听取申诉人陈述并接收、质证证据' : ''}。${you(m)}可以到会陈述、申辩，可以委托一至二名代理人参加，并可以提交证据材料。`,
    ),
    body('无正当理由不到会的，不影响本委员会依据已有材料作出处理决定。'),
  ],
  appeal_decision: (m) => {
    const d = m.decision;
    return [
      body(
        `${you(m)}于${zhDate(m.filedOn)}对${aboutCase(m)}提出申诉，本委员会于${zhDate(m.acceptance?.on ?? null)}受理。`,
      ),
      ...ledParagraphs('申诉理由：', m.grounds),
      body(
        d
          ? `本委员会随机抽取委员 ${d.panelSize} 名组成合议组，经听证，出席全部举证会议的委员 ${d.voters} 名参加表决：维持原处理决定 ${d.counts.upheld} 票，变更 ${d.counts.changed} 票，撤销 ${d.counts.revoked} 票。`
          : '',
      ),
      ...(d?.reasons ?? []).map((r, i) => body(`理由${i + 1}：${zhPunct(r)}`)),
      body(`依照过半数委员的意见，本委员会决定：${d?.words ?? ''}。本决定不因申诉而加重对申诉人的处理。`),
      body('对本决定不服的，可以依照有关规定向上一级行政执法监督机构反映，也可以向纪检监察机关提出。'),
    ];
  },
  review_acceptance: (m) => [
    body(`${you(m)}于${zhDate(m.filedOn)}对${aboutCase(m)}提出的复核申请，符合受理条件，本机关决定受理。`),
    ...ledParagraphs('受理意见：', m.acceptance?.opinion ?? ''),
    body(
      `本机关将由未参与原处理的人员进行复核，并于${zhDate(m.acceptance?.dueOn ?? null)}前作出复核决定，以书面形式告知${you(m)}。`,
    ),
    body(`复核期间，原处理决定不停止执行。本机关不因${you(m)}申请复核而加重对${you(m)}的处理。`),
  ],
  review_rejection: (m) => [
    body(`${you(m)}于${zhDate(m.filedOn)}对${aboutCase(m)}申请复核。`),
    body(
      m.rejection?.late
        ? `经审查，原处理决定于${zhDate(m.accountabilityCase.servedOn)}送达，复核申请期限为${m.appealPeriod.words}，至${zhDate(m.appealPeriod.until)}届满；${you(m)}的申请已超过期限。`
        : `经审查，${you(m)}的复核申请不符合受理条件。`,
    ),
    ...ledParagraphs('不予受理的理由：', m.rejection?.reason ?? ''),
    body(
      '本机关决定不予受理。对本通知不服的，可以依照规定向行政执法过错责任追究救济委员会提出申诉，也可以向纪检监察机关反映。',
    ),
  ],
  review_decision: (m) => {
    const d = m.decision;
    return [
      body(
        `${you(m)}于${zhDate(m.filedOn)}对${aboutCase(m)}申请复核，本机关于${zhDate(m.acceptance?.on ?? null)}受理，由未参与原处理的人员进行了复核。`,
      ),
      ...ledParagraphs('复核理由：', m.grounds),
      ...(d?.reasons ?? []).map((r) => body(`复核意见：${zhPunct(r)}`)),
      body(`本机关决定：${d?.words ?? ''}。本决定不因申请复核而加重对申请人的处理。`),
      body(
        `对本复核决定不服的，可以自接到本决定之日起${m.appealAfter ?? '十五日'}内，向行政执法过错责任追究救济委员会提出申诉。`,
      ),
    ];
  },
  restoration: (m) => [
    body(
      `经${m.reviewedByOffice ? '本机关复核' : '本委员会审理'}，${aboutCase(m)}已${m.decision?.words ?? ''}。`,
    ),
    body(
      m.person.agency
        ? `原处理决定对${str(m.person.agencyName)}作出的处理相应变更或者撤销。请作出原处理决定的机关在原处理决定${m.originalScope}的范围内，为${str(m.person.agencyName)}恢复名誉、消除影响，并相应更正评议考核记录；已公开的处理结果，应当自本通知送达之日起三个工作日内撤回并说明理由。`
        : `请${str(m.person.agencyName)}在原处理决定${m.originalScope}的范围内，为${str(m.person.name)}同志恢复名誉、消除影响，并相应更正其执法档案与过错记录；已公开的处理结果，应当自本通知送达之日起三个工作日内撤回并说明理由。`,
    ),
  ],
};

function render(kind: AppealDocumentKind) {
  return async (m: AppealDocumentModel): Promise<Buffer> => {
    const children: Paragraph[] = [
      ...documentHead(m.organName, APPEAL_DOCUMENT_TITLES[kind], m.caseNumber),
      addressee(kind === 'restoration' ? m.person.agencyName : to(m)),
      ...PARTS[kind](m),
      ...sealBlock(m.organName, m.issuedOn),
      flush(`抄送：${str(m.person.agencyName)}。`),
    ];
    return pack(m, APPEAL_DOCUMENT_TITLES[kind], children);
  };
}

/** Every kind of APPEAL_DOCUMENT_KINDS with its renderer: a missing one fails the typecheck. */
export const APPEAL_DOCUMENTS = Object.fromEntries(
  (Object.keys(PARTS) as AppealDocumentKind[]).map((k) => [
    k,
    { title: APPEAL_DOCUMENT_TITLES[k], render: render(k) },
  ]),
) as Record<AppealDocumentKind, { title: string; render: (m: AppealDocumentModel) => Promise<Buffer> }>;

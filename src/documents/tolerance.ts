// The decisions on a tolerance application (容错申请): 《容错免责认定书》, 《容错从轻减轻认定书》 and
// 《不予容错决定书》, in the official style of docx.ts. Each names the applicant and the case, the
// verified facts condition by condition, the exclusions found, the distinction with its written
// reasons, the collective discussion that decided, and the rule of the city's policy. The same
// model always gives the same bytes. TOLERANCE_DOCUMENTS has a renderer for every kind in core.
import type { Paragraph } from 'docx';
import { TOLERANCE_DOCUMENT_TITLES, type ToleranceDocumentKind } from '../core/workflow/tolerance.js';
import { addressee, body, documentHead, flush, ledParagraphs, pack, sealBlock } from './docx.js';
import { enumerate, str, zhDate, zhPunct } from './format.js';

export interface ToleranceDocumentModel {
  generatedAt: string;
  organName: string;
  /** The application's number (容错〔2026〕3号), printed under the title. */
  caseNumber: string;
  accountabilityCase: { number: string; subject: string };
  person: { name: string; post: string | null; agencyName: string };
  applicantKind: 'officer' | 'agency';
  appliedOn: string;
  grounds: string;
  policyTitle: string;
  conditions: { label: string; met: boolean; partial: boolean; cite: string; evidence: string }[];
  exclusions: { label: string; cite: string; reason: string }[];
  distinction: { label: string; against: string; cite: string; reasons: string };
  collective: {
    meetingOn: string;
    attendees: number;
    votesFor: number;
    votesAgainst: number;
    votesAbstain: number;
  };
  opinion: string;
  outcomeRule: { cite: string; text: string };
  decidedOn: string;
}

const TITLE_TEXT: Record<ToleranceDocumentKind, string> = {
  tolerance_exempt: '容错免责认定书',
  tolerance_mitigate: '容错从轻减轻认定书',
  tolerance_reject: '不予容错决定书',
};

const CONCLUSION: Record<ToleranceDocumentKind, string> = {
  tolerance_exempt: '决定对其予以容错，免予追究行政执法过错责任',
  tolerance_mitigate: '决定对其予以容错，从轻或者减轻追究行政执法过错责任',
  tolerance_reject: '决定不予容错，依法追究行政执法过错责任',
};

function render(kind: ToleranceDocumentKind) {
  return async (m: ToleranceDocumentModel): Promise<Buffer> => {
    const who = `${str(m.person.name)}（${str(m.person.agencyName)}${m.person.post ? `${m.person.post}` : ''}）`;
    const met = m.conditions.map(
      (c) =>
        `${c.label}：${c.met ? '符合' : c.partial ? '部分符合' : '不符合'}（${c.cite}；核实依据：${zhPunct(c.evidence)}）`,
    );
    const applicant = m.applicantKind === 'agency' ? `${str(m.person.agencyName)}为其工作人员${who}` : who;
    const c = m.collective;
    const children: Paragraph[] = [
      ...documentHead(m.organName, TITLE_TEXT[kind], m.caseNumber),
      addressee(m.person.agencyName),
      body(
        `${zhDate(m.appliedOn)}，${applicant}就${str(m.accountabilityCase.number)}案件“${zhPunct(m.accountabilityCase.subject)}”所涉行政执法过错提出容错申请。本机关依照${m.policyTitle}受理并进行了核实。`,
      ),
      ...ledParagraphs('申请理由：', m.grounds),
      body(`经核实，${met.join('；')}。`),
      body(
        m.exclusions.length === 0
          ? '经核实，不具有不予容错的情形。'
          : `经核实，具有不予容错的情形：${enumerate(m.exclusions.map((e) => `${e.label}（${e.cite}）：${zhPunct(e.reason)}`))}。`,
      ),
      body(
        `依照${m.distinction.cite}，本机关认定其属于“${m.distinction.label}”，而非“${m.distinction.against}”。理由是：${zhPunct(m.distinction.reasons)}`,
      ),
      body(
        `本机关于${zhDate(c.meetingOn)}集体讨论（出席${c.attendees}人，赞成${c.votesFor}票，反对${c.votesAgainst}票，弃权${c.votesAbstain}票），` +
          `根据${m.outcomeRule.cite}“${zhPunct(m.outcomeRule.text)}”的规定，${CONCLUSION[kind]}。`,
      ),
      ...ledParagraphs('决定意见：', m.opinion),
      ...sealBlock(m.organName, m.decidedOn),
      flush(`抄送：${str(m.person.agencyName)}。`),
    ];
    return pack(m, TOLERANCE_DOCUMENT_TITLES[kind], children);
  };
}

/** Every kind of TOLERANCE_DOCUMENT_KINDS with its renderer: a missing one fails the typecheck. */
export const TOLERANCE_DOCUMENTS: Record<
  ToleranceDocumentKind,
  { title: string; render: (m: ToleranceDocumentModel) => Promise<Buffer> }
> = {
  tolerance_exempt: { title: TOLERANCE_DOCUMENT_TITLES.tolerance_exempt, render: render('tolerance_exempt') },
  tolerance_mitigate: {
    title: TOLERANCE_DOCUMENT_TITLES.tolerance_mitigate,
    render: render('tolerance_mitigate'),
  },
  tolerance_reject: { title: TOLERANCE_DOCUMENT_TITLES.tolerance_reject, render: render('tolerance_reject') },
};

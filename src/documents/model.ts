// The input of the official documents of an accountability case (DOMAIN.md §5): the case service fills
// it from the case, the determination and the procedure; `render.ts` turns it into .docx files.
// Texts are Chinese, ready to print; dates are 'YYYY-MM-DD'. Every optional part left out is printed as a
// blank to fill by hand.

/** A person under investigation, with the rulebook's conclusion about them. */
export interface DocPerson {
  id: string;
  name: string;
  /** 承办人 / 审核人 / 批准人 / 主要负责人 */
  roleLabel: string;
  agencyName: string;
  post?: string | null;
  /** 执法证号 (the officer's current certificate), printed where the person is named to another organ. */
  certificate?: string | null;
  /** 追究责任 / 可以不予追究 / 不承担责任 */
  outcomeLabel: string;
  /**
   * The outcome as a code (the rulebook's `Outcome`), when known: chooses the wording of the decision.
   * Without it the wording is read from `outcomeLabel`.
   */
  outcome?: 'pursue' | 'may_not_pursue' | 'not_liable' | null;
  /**
   * 容错免责: '经容错认定免予追究行政执法过错责任（A市容错〔2026〕1号，《…》第七条）' — the person is not
   * pursued on the tolerance rule, which the decision cites instead of the Measures' outcome.
   */
  toleranceExemption?: string | null;
  /** e.g. ['第十五条第（四）项'] */
  basis: string[];
  /** e.g. ['从重（第十九条第（二）项）'] */
  adjustments: string[];
  /** e.g. ['诫勉谈话', '责令书面检查'] */
  sanctions: string[];
  /**
   * Where `sanctions` is the rulebook's recommendation: the forms the article allows and a word that
   * the choice among them is a recommendation no article makes, e.g. '第二十四条第（一）项可给予诫勉谈话或者
   * 书面检查；书面检查为量责建议，办法未规定具体档次'. Printed in the investigation report.
   */
  sanctionNote?: string | null;
  /** e.g. ['移送纪检监察机关'] */
  referrals: string[];
  /** 陈述申辩; `response` is the organ's answer to it (复核意见), printed in the decision when given. */
  statement?: { on: string; text: string; response?: string | null } | null;
}

export interface CaseDocumentModel {
  /** e.g. 'A市问责〔2026〕3号' */
  caseNumber: string;
  /** 追责机关, e.g. 'A市司法局' */
  organName: string;
  /** 'A市' */
  regionName: string;
  /**
   * The Measures applied, e.g. '贵州省行政执法过错责任追究办法' (the rule pack's `measuresTitle`). Article
   * citations are prefixed with it, in 《》; without it they are printed bare (第十五条第（四）项).
   */
  measuresTitle?: string | null;
  /** 案件来源, e.g. '群众投诉' / '执法监督发现' / '上级交办' */
  sourceLabel: string;
  /** 案由 */
  subject: string;
  /** 基本案情 / 线索摘要 */
  summary: string;
  /** 被调查的执法机关 */
  agencyName: string;
  registeredOn: string;
  acceptedOn?: string | null;
  /**
   * 立案审批: the approver's opinion, name and date; `proposal` is the handling officer's opinion (承办意见)
   * with their name and date.
   */
  acceptance?: {
    opinion: string;
    approver: string;
    on: string;
    proposal?: { text: string; by: string; on: string } | null;
  } | null;
  /** names */
  investigators: string[];
  investigation?: {
    startedOn: string;
    dueOn: string;
    /** The due date runs into a year whose holiday schedule is not loaded. */
    provisional?: boolean;
    extendedTo?: string | null;
    facts: string;
    evidence: { name: string; sha256: string }[];
  } | null;
  /** catalogue items; cite e.g. '第二章 行政处罚（四）' */
  faults: { code: string; text: string; cite: string }[];
  persons: DocPerson[];
  /** The rulebook's explanation lines, each citing its article. */
  explanation: string[];
  agencyMeasures?: { agencyName: string; measures: string[]; basis: string[] }[];
  decision?: {
    kind: 'pursue' | 'not_pursue' | 'exempt' | 'refer';
    kindLabel: string;
    on: string;
    reasons: string;
    /** Who signed the decision off; printed as 签发人 unless it is the organ itself. */
    signer: string;
    /** 审批定案: how the decision was approved, one sentence (the head's approval, or the meeting). */
    approval?: string | null;
  } | null;
  /** 不予立案: the reasons, the date, and whether a complainant is told too (the complaint channel). */
  decline?: { reason: string; on: string; complaint: boolean } | null;
  /**
   * 移送: each referral of a person (a person of `persons` by `personId`) to a discipline or supervision
   * organ, or to a judicial organ; `organName` is the addressee.
   */
  referrals?: {
    organ: 'discipline' | 'judicial';
    organName: string;
    personId: string | null;
    on: string;
    /** The article that refers, e.g. ['第二十四条']. */
    basis?: string[];
  }[];
  /** The pack's procedure: the decision stands while an appeal runs (申诉期间不停止执行). Default yes. */
  decisionStandsDuringAppeal?: boolean | null;
  /** 申诉期限与受理机关, e.g. { withinDays: 30, unitLabel: '个工作日', organName: 'A市人民政府' } */
  appeal: { withinDays: number; unitLabel: string; organName: string };
  /** 送达 */
  service?: {
    on: string;
    recipient: string;
    method: string;
    place?: string | null;
    server: string[];
  } | null;
  /**
   * ISO timestamp. Written as the files' creation time (in docProps/core.xml and the zip entries), so the
   * same model always gives the same bytes, and the same hash.
   */
  generatedAt: string;
}

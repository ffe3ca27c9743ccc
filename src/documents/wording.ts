// How the documents word what the model says: outcomes, persons, citations, decisions and faults.
import { blank, type Inline } from './docx.js';
import { citations, enumerate, measuresRef, str, zhDate, zhNumber, zhPunct } from './format.js';
import type { CaseDocumentModel, DocPerson } from './model.js';

export type Outcome = 'pursue' | 'may_not_pursue' | 'not_liable';

/** The person's outcome: the code when given, else read from the label. */
export function outcomeOf(p: DocPerson): Outcome {
  if (p.outcome) return p.outcome;
  const label = str(p.outcomeLabel);
  if (label.includes('不承担')) return 'not_liable';
  if (label.includes('不予') || label.includes('免予')) return 'may_not_pursue';
  return 'pursue';
}

/** 张三（A市市场监督管理局执法一科科员，承办人） */
export function who(p: DocPerson): string {
  const where = [str(p.agencyName), str(p.post)].filter(Boolean).join('');
  const detail = [where, str(p.roleLabel)].filter(Boolean).join('，');
  return detail ? `${str(p.name)}（${detail}）` : str(p.name);
}

/** '，并移送纪检监察机关处理' for the person's referrals. */
export function referralClause(p: DocPerson): string {
  const list = p.referrals.map(zhPunct).filter(Boolean);
  if (list.length === 0) return '';
  const text = list.map((r) => (r.endsWith('处理') ? r : `${r}处理`)).join('，');
  return `，并${text}`;
}

/** 第十五条第（四）项 → 《办法》第十五条第（四）项, or the bare citation without the Measures' title. */
export function cite(model: CaseDocumentModel, basis: readonly string[]): string {
  return citations(basis, model.measuresTitle);
}

/** The decision on a person, without the closing '。'. */
export function decisionOn(model: CaseDocumentModel, p: DocPerson): Inline[] {
  const name = str(p.name);
  const cites = cite(model, p.basis);
  const why = cites ? `（依据${cites}）` : '';
  const sanctions = enumerate(p.sanctions);
  switch (outcomeOf(p)) {
    case 'not_liable':
      return [`${name}不承担行政执法过错责任，不予追究${why}`];
    case 'may_not_pursue':
      if (str(p.toleranceExemption)) return [`对${name}${zhPunct(p.toleranceExemption)}`];
      return [`对${name}不予追究行政执法过错责任${why}${referralClause(p)}`];
    default:
      if (sanctions) return [`对${name}给予${sanctions}的处理${referralClause(p)}`];
      if (p.referrals.length > 0) return [`对${name}${referralClause(p).slice(2)}`];
      return [`追究${name}的行政执法过错责任，处理方式：`, blank(10)];
  }
}

/** The investigation's proposal on a person, without the closing '。'. */
export function proposalOn(model: CaseDocumentModel, p: DocPerson): Inline[] {
  const name = str(p.name);
  const cites = cite(model, p.basis);
  const why = cites ? `（${cites}）` : '';
  const sanctions = enumerate(p.sanctions);
  switch (outcomeOf(p)) {
    case 'not_liable':
      return [`${name}不承担行政执法过错责任${why}，建议不予追究`];
    case 'may_not_pursue':
      return [`建议对${name}不予追究行政执法过错责任${why}${referralClause(p)}`];
    default:
      if (sanctions) return [`建议对${name}给予${sanctions}的处理${referralClause(p)}`];
      if (p.referrals.length > 0) return [`建议对${name}${referralClause(p).slice(2)}`];
      return [`建议追究${name}的行政执法过错责任，处理方式：`, blank(10)];
  }
}

export const OUTCOME_TEXT: Record<Outcome, string> = {
  pursue: '应当追究行政执法过错责任',
  may_not_pursue: '可以不予追究行政执法过错责任',
  not_liable: '不承担行政执法过错责任',
};

export function agencyMeasureText(
  model: CaseDocumentModel,
  m: NonNullable<CaseDocumentModel['agencyMeasures']>[number],
) {
  const cites = cite(model, m.basis);
  const measures = enumerate(m.measures);
  return `对${str(m.agencyName)}${measures || '采取的措施：'}${cites ? `（依据${cites}）` : ''}`;
}

/**
 * Each fault by its catalogue text and place, never by its code:
 * 对当事人的同一违法行为重复罚款的（《办法》第二章 行政处罚（四））
 */
export function faultText(model: CaseDocumentModel, f: CaseDocumentModel['faults'][number]): string {
  const where = str(f.cite) ? `${measuresRef(model.measuresTitle)}${zhPunct(f.cite)}` : '';
  return `${zhPunct(f.text)}${where ? `（${where}）` : ''}`;
}

/** The faults as one enumeration: （一）…；（二）… */
export function faultList(model: CaseDocumentModel): string {
  return model.faults.map((f, i) => `（${zhNumber(i + 1)}）${faultText(model, f)}`).join('；');
}

export const DECISION_TITLE = '行政执法过错责任追究决定书';

/** Whether the decision stands while an appeal runs (the pack says; the Measures' default is yes). */
export function standsDuringAppeal(model: CaseDocumentModel): boolean {
  return model.decisionStandsDuringAppeal ?? true;
}

/** The appeal notice of the decision. */
export function appealNotice(model: CaseDocumentModel): string {
  const a = model.appeal;
  return (
    `如不服本决定，可在收到本决定书之日起${a.withinDays}${str(a.unitLabel)}内向${str(a.organName)}申诉` +
    (standsDuringAppeal(model) ? '；申诉期间不停止本决定的执行。' : '。')
  );
}

/** The person with their agency, post and 执法证号: 李伟（A市市场监督管理局执法一科科员，执法证号52990000003） */
export function whoWithCertificate(p: DocPerson): string {
  const where = [str(p.agencyName), str(p.post)].filter(Boolean).join('');
  const cert = str(p.certificate) ? `执法证号${str(p.certificate)}` : '';
  const detail = [where, cert].filter(Boolean).join('，');
  return detail ? `${str(p.name)}（${detail}）` : str(p.name);
}

/** The decision as the later documents name it: 本机关于2026年3月20日作出的《行政执法过错责任追究决定书》（A市问责〔2026〕3号） */
export function decisionRef(model: CaseDocumentModel): string {
  const on = zhDate(model.decision?.on);
  return `${on ? `于${on}` : ''}作出的《${DECISION_TITLE}》（${str(model.caseNumber)}）`;
}

// The documents that answer a case at its other ends: 不予立案通知书 (the case is not opened) and
// 移送函 (a person referred to the discipline or judicial organ). Same
// style, parts and wording as the others (docx.ts, wording.ts); blanks where the model has nothing.
import type { Paragraph } from 'docx';
import { CASE_DOCUMENT_TITLES } from '../core/workflow/case-documents.js';
import {
  addressee,
  attachments,
  blank,
  body,
  documentHead,
  flush,
  heading,
  ledParagraphs,
  pack,
  sealBlock,
  writingLines,
} from './docx.js';
import { enumerate, measuresRef, paragraphsOf, str, zhDate, zhNumber, zhPunct } from './format.js';
import type { CaseDocumentModel, DocPerson } from './model.js';
import {
  cite,
  DECISION_TITLE,
  decisionOn,
  decisionRef,
  faultList,
  OUTCOME_TEXT,
  outcomeOf,
  whoWithCertificate,
} from './wording.js';

/** 《贵州省…办法》的有关规定, or 有关规定 when the Measures are not named. */
function measuresProvisions(model: CaseDocumentModel): string {
  return `${measuresRef(model.measuresTitle)}有关规定`;
}

// ---------------------------------------------------------------------------------------------------
// 不予立案通知书

export async function declineNotice(model: CaseDocumentModel): Promise<Buffer> {
  const d = model.decline ?? null;
  const agency = str(model.agencyName);
  const children: Paragraph[] = [
    ...documentHead(model.organName, '行政执法过错责任追究案件不予立案通知书', model.caseNumber),
    // A complainant is told by name, written in by hand: their identity stays sealed, not in a stored file.
    d?.complaint ? addressee(null) : addressee(agency),
    body(
      `${zhDate(model.registeredOn) ? `${zhDate(model.registeredOn)}，` : ''}本机关收到${zhPunct(model.sourceLabel)}线索，` +
        `反映${agency}“${zhPunct(model.subject)}”的问题。本机关依法进行了审查。`,
    ),
    ...ledParagraphs('经审查，', d?.reason),
    body(`根据${measuresProvisions(model)}，本机关决定不予立案。`),
    body(
      `如对本决定有异议，可以自收到本通知书之日起${model.appeal.withinDays}${str(model.appeal.unitLabel)}内向${str(model.organName)}书面提出，` +
        '说明理由并提供相关证据材料；有新的事实或者证据的，可以重新反映。',
    ),
    ...sealBlock(model.organName, d?.on),
  ];
  if (d?.complaint && agency) children.push(flush(`抄送：${agency}。`));
  return pack(model, CASE_DOCUMENT_TITLES.decline_notice, children);
}

// ---------------------------------------------------------------------------------------------------
// 移送函

type Referral = NonNullable<CaseDocumentModel['referrals']>[number];

/** One letter: the organ it goes to, and the persons referred to it (none: blanks to fill). */
interface Letter {
  organ: Referral['organ'] | null;
  organName: string;
  on: string | null;
  basis: readonly string[];
  personIds: readonly (string | null)[];
}

const SUSPECTED: Record<Referral['organ'], string> = {
  discipline: '涉嫌违纪',
  judicial: '涉嫌犯罪',
};

function referralLetterTo(model: CaseDocumentModel, ref: Letter, first: boolean): Paragraph[] {
  const persons = ref.personIds
    .map((id) => model.persons.find((p) => p.id === id))
    .filter((p): p is DocPerson => p !== undefined);
  const names = enumerate(persons.map((p) => str(p.name)));
  const basis = cite(model, ref.basis);
  const out: Paragraph[] = [
    ...documentHead(model.organName, '行政执法过错责任追究案件移送函', model.caseNumber, { newPage: !first }),
    addressee(ref.organName),
    body([
      `本机关在办理${str(model.agencyName)}“${zhPunct(model.subject)}”一案（${str(model.caseNumber)}）中，` +
        `查明${names || '有关人员'}存在行政执法过错行为，并`,
      ref.organ ? SUSPECTED[ref.organ] : blank(6),
      `。根据${basis ? `${basis}的规定` : measuresProvisions(model)}，现将该案有关情况和材料移送你单位，请依法处理。`,
    ]),
    heading(1, '被移送人员'),
  ];
  if (persons.length === 0) out.push(...writingLines(2));
  persons.forEach((p, i) => {
    out.push(
      body(`${i + 1}．${whoWithCertificate(p)}${str(p.roleLabel) ? `，本案${str(p.roleLabel)}` : ''}。`),
    );
  });

  out.push(heading(2, '主要事实'));
  const facts = paragraphsOf(model.investigation?.facts);
  out.push(...ledParagraphs('经查，', facts.length > 0 ? model.investigation?.facts : model.summary));
  if (model.faults.length > 0) {
    out.push(
      body(`经认定，${str(model.agencyName)}在行政执法活动中存在下列行政执法过错行为：${faultList(model)}。`),
    );
  }

  out.push(heading(3, '认定和处理情况'));
  if (persons.length === 0) out.push(...writingLines(2));
  for (const p of persons) {
    const cites = cite(model, p.basis);
    out.push(
      body(`${str(p.name)}${cites ? `，依据${cites}的规定，` : ''}${OUTCOME_TEXT[outcomeOf(p)]}。`),
      model.decision
        ? body([`本机关${decisionRef(model)}：`, ...decisionOn(model, p), '。'])
        : body(['处理决定：', blank(20)]),
    );
  }
  out.push(body('请将处理结果函告本机关。'));

  const evidence = model.investigation?.evidence.length ?? 0;
  out.push(
    ...attachments([
      `《${DECISION_TITLE}》（${str(model.caseNumber)}）`,
      '《行政执法过错责任追究案件调查报告》',
      evidence > 0 ? `证据材料目录及证据材料（共${zhNumber(evidence)}份）` : '证据材料目录及证据材料',
    ]),
    ...sealBlock(model.organName, ref.on),
  );
  return out;
}

export async function referralLetter(model: CaseDocumentModel): Promise<Buffer> {
  const refs = model.referrals ?? [];
  // One letter per receiving organ, each on its own pages.
  const letters = new Map<string, Letter>();
  for (const r of refs) {
    const key = `${r.organ}\u0000${str(r.organName)}`;
    const letter = letters.get(key);
    if (letter) letter.personIds = [...letter.personIds, r.personId];
    else letters.set(key, { ...r, basis: r.basis ?? [], personIds: [r.personId] });
  }
  const blankLetter: Letter = { organ: null, organName: '', on: null, basis: [], personIds: [] };
  const children = (letters.size > 0 ? [...letters.values()] : [blankLetter]).flatMap((l, i) =>
    referralLetterTo(model, l, i === 0),
  );
  return pack(model, CASE_DOCUMENT_TITLES.referral_letter, children);
}

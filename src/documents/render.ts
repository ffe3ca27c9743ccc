// The official documents of an accountability case as .docx: 立案审批表, 调查报告, 处理决定书 and 送达回证 here,
// 不予立案通知书, 复核决定书 and 移送函 in notices.ts, all in the official style of docx.ts (GB/T 9704) and the
// wording of wording.ts. Whatever the model leaves out is printed as a blank to fill by hand. The same model
// always gives the same bytes. DOCUMENT_KINDS is the core list of kinds (CASE_DOCUMENT_KINDS) with each
// kind's renderer.
import { AlignmentType, LineRuleType, Paragraph, type Table } from 'docx';
import {
  CASE_DOCUMENT_KINDS,
  CASE_DOCUMENT_TITLES,
  type CaseDocumentKind,
} from '../core/workflow/case-documents.js';
import {
  blank,
  body,
  cellText,
  centered,
  documentHead,
  FONT,
  flush,
  gap,
  heading,
  type Inline,
  label,
  ledParagraphs,
  pack,
  type RowSpec,
  run,
  SIZE,
  sealBlock,
  signatureLine,
  subheading,
  TEXT_WIDTH,
  table,
  textOrLines,
  title,
  value,
  writingLines,
} from './docx.js';
import {
  BLANK_DATE,
  enumerate,
  measuresRef,
  paragraphsOf,
  sentence,
  str,
  zhDate,
  zhDateOrBlank,
  zhNumber,
  zhPunct,
} from './format.js';
import type { CaseDocumentModel } from './model.js';
import { declineNotice, referralLetter } from './notices.js';
import {
  agencyMeasureText,
  appealNotice,
  cite,
  DECISION_TITLE,
  decisionOn,
  faultList,
  faultText,
  OUTCOME_TEXT,
  outcomeOf,
  proposalOn,
  who,
} from './wording.js';

export { appealNotice } from './wording.js';
// ---------------------------------------------------------------------------------------------------
// 立案审批表

export async function acceptanceForm(model: CaseDocumentModel): Promise<Buffer> {
  const acc = model.acceptance ?? null;
  const proposal = acc?.proposal ?? null;
  const persons =
    model.persons.length > 0
      ? model.persons.map((p) =>
          [str(p.name), [str(p.agencyName), str(p.post)].filter(Boolean).join(''), str(p.roleLabel)]
            .filter(Boolean)
            .join('　'),
        )
      : [];
  const signed = (role: string, name: string, on: string | null | undefined): Paragraph[] => [
    cellText(`${role}（签名）：${name || '\u3000'.repeat(6)}`, {}, AlignmentType.RIGHT),
    cellText(zhDateOrBlank(on), {}, AlignmentType.RIGHT),
  ];
  const opinion = (text: string | null | undefined): Paragraph[] => {
    const ps = paragraphsOf(text);
    return ps.length > 0 ? ps.map((p) => cellText(p)) : [cellText(''), cellText('')];
  };
  const widths = [1600, 2822, 1600, TEXT_WIDTH - 1600 - 2822 - 1600];
  const children = [
    title(str(model.organName)),
    title('行政执法过错责任追究案件立案审批表', 240),
    table(widths, [
      {
        cells: [
          label('案件编号'),
          value(str(model.caseNumber)),
          label('案件来源'),
          value(zhPunct(model.sourceLabel)),
        ],
      },
      { cells: [label('案\u3000\u3000由'), value(zhPunct(model.subject), 3)] },
      {
        cells: [
          label('登记日期'),
          value(zhDate(model.registeredOn)),
          label('立案日期'),
          value(zhDate(model.acceptedOn)),
        ],
      },
      { cells: [label('被调查单位'), value(str(model.agencyName), 3)] },
      { cells: [label('被调查人员'), value(persons, 3)], minHeight: 900 },
      { cells: [label('调查人员'), value(enumerate(model.investigators), 3)] },
      { cells: [label('基本案情'), value(paragraphsOf(model.summary), 3)], minHeight: 2800, split: true },
      {
        cells: [
          label('承办意见'),
          {
            span: 3,
            content: [...opinion(proposal?.text), ...signed('承办人', str(proposal?.by), proposal?.on)],
          },
        ],
        minHeight: 2000,
        split: true,
      },
      {
        cells: [
          label('审批意见'),
          { span: 3, content: [...opinion(acc?.opinion), ...signed('审批人', str(acc?.approver), acc?.on)] },
        ],
        minHeight: 2000,
        split: true,
      },
      { cells: [label('备\u3000\u3000注'), value('', 3)], minHeight: 900 },
    ]),
  ];
  return pack(model, CASE_DOCUMENT_TITLES.acceptance_form, children);
}

// ---------------------------------------------------------------------------------------------------
// 调查报告

export async function investigationReport(model: CaseDocumentModel): Promise<Buffer> {
  const inv = model.investigation ?? null;
  const investigators = enumerate(model.investigators);
  const children: (Paragraph | Table)[] = [
    title('行政执法过错责任追究案件调查报告'),
    centered(str(model.caseNumber)),
    gap(),
    flush(`${str(model.organName)}：`),
    body(
      `根据立案决定，${investigators ? `调查组（${investigators}）` : '调查组'}对${str(model.agencyName)}“${zhPunct(model.subject)}”一案进行了调查。现将调查情况报告如下：`,
    ),
  ];
  let n = 0;

  children.push(heading(++n, '案件来源及立案情况'));
  const acceptedOn = zhDate(model.acceptedOn);
  const approver = str(model.acceptance?.approver);
  children.push(
    body(
      `本案来源：${zhPunct(model.sourceLabel)}。${zhDate(model.registeredOn)}登记` +
        (acceptedOn ? `，${acceptedOn}${approver ? `经${approver}批准` : ''}立案` : '') +
        '。',
    ),
  );
  const summary = paragraphsOf(model.summary);
  if (summary.length > 0) {
    children.push(body(`基本案情：${summary[0]}`), ...summary.slice(1).map((p) => body(p)));
  } else {
    children.push(body(['基本案情：', blank(20)]));
  }

  children.push(heading(++n, '调查人员及调查经过'));
  children.push(body(investigators ? `调查人员：${investigators}。` : ['调查人员：', blank(12)]));
  if (inv) {
    const extended = zhDate(inv.extendedTo);
    // A due date in a year whose holiday schedule is not yet published may still move.
    const provisional = inv.provisional ? '（暂定，以国务院公布的节假日安排为准）' : '';
    children.push(
      body(
        `调查自${zhDate(inv.startedOn)}开始，期限至${zhDate(inv.dueOn)}` +
          (extended ? `，经批准延长至${extended}` : '') +
          provisional +
          `。调查中收集证据材料${inv.evidence.length}份，其目录及SHA-256校验值见本报告第四部分。`,
      ),
    );
  } else {
    children.push(...writingLines(2));
  }
  const heard = model.persons.filter((p) => p.statement && str(p.statement.text));
  if (heard.length > 0) {
    children.push(body(`调查组听取了${enumerate(heard.map((p) => str(p.name)))}的陈述和申辩。`));
  }

  children.push(heading(++n, '查明的事实'));
  children.push(...textOrLines(inv?.facts, 4));

  children.push(heading(++n, '证据目录'));
  const evidence = inv?.evidence ?? [];
  const evWidths = [800, 3000, TEXT_WIDTH - 3800];
  const head = (t: string) => label(t, SIZE.small);
  const evRows: RowSpec[] = [
    { cells: [head('序号'), head('证据名称'), head('SHA-256 校验值')] },
    ...(evidence.length > 0 ? evidence : [null, null, null]).map((e, i) => ({
      cells: [
        { content: [cellText(e ? String(i + 1) : '', { size: SIZE.small }, AlignmentType.CENTER)] },
        value(e ? zhPunct(e.name) : '', 1, SIZE.small),
        { content: [cellText(e ? str(e.sha256).toLowerCase() : '', { font: FONT.mono, size: SIZE.hash })] },
      ],
    })),
  ];
  children.push(table(evWidths, evRows));

  children.push(heading(++n, '认定的过错行为'));
  if (model.faults.length > 0) {
    model.faults.forEach((f, i) => {
      children.push(body(`（${zhNumber(i + 1)}）${faultText(model, f)}。`));
    });
  } else {
    children.push(...writingLines(2));
  }

  children.push(heading(++n, '责任认定'));
  if (model.persons.length === 0) children.push(...writingLines(2));
  model.persons.forEach((p, i) => {
    children.push(subheading(i + 1, who(p)));
    children.push(body(`认定结论：${zhPunct(p.outcomeLabel) || OUTCOME_TEXT[outcomeOf(p)]}。`));
    const cites = cite(model, p.basis);
    children.push(body(cites ? `认定依据：${cites}。` : ['认定依据：', blank(16)]));
    children.push(body(`量责情节：${p.adjustments.map(zhPunct).filter(Boolean).join('；') || '无'}。`));
    const sanctions = enumerate(p.sanctions);
    children.push(
      body(
        sanctions
          ? `建议处理：${sanctions}。`
          : outcomeOf(p) === 'pursue' && p.referrals.length === 0
            ? ['建议处理：', blank(16)]
            : '建议处理：无。',
      ),
    );
    if (sanctions && str(p.sanctionNote)) children.push(body(`量责说明：${sentence(str(p.sanctionNote))}`));
    if (p.referrals.length > 0) children.push(body(`移送建议：${enumerate(p.referrals)}。`));
    if (p.statement && str(p.statement.text)) {
      children.push(body(`陈述申辩：${zhDate(p.statement.on)}提出：“${sentence(p.statement.text)}”`));
    }
  });

  children.push(heading(++n, '认定说明'));
  const lines = model.explanation.map(zhPunct).filter(Boolean);
  if (lines.length > 0) children.push(...lines.map((l, i) => body(`${i + 1}．${l}`)));
  else children.push(...writingLines(2));

  children.push(heading(++n, '处理建议'));
  const proposals: Inline[][] = [
    ...model.persons.map((p) => proposalOn(model, p)),
    ...(model.agencyMeasures ?? []).map((m) => [`建议${agencyMeasureText(model, m)}`]),
  ];
  if (proposals.length > 0) children.push(...proposals.map((p, i) => body([`${i + 1}．`, ...p, '。'])));
  else children.push(...writingLines(2));
  children.push(body('以上报告，请审定。'));

  children.push(gap(), gap());
  children.push(signatureLine(`调查人员（签名）：${investigators || '\u3000'.repeat(8)}`));
  children.push(signatureLine(BLANK_DATE));
  return pack(model, CASE_DOCUMENT_TITLES.investigation_report, children);
}

// ---------------------------------------------------------------------------------------------------
// 处理决定书

export async function decisionDocument(model: CaseDocumentModel): Promise<Buffer> {
  const decision = model.decision ?? null;
  const inv = model.investigation ?? null;
  const children: (Paragraph | Table)[] = documentHead(model.organName, DECISION_TITLE, model.caseNumber);

  // The persons the decision is addressed to.
  if (model.persons.length > 0) {
    for (const p of model.persons) {
      const where = [str(p.agencyName), str(p.post)].filter(Boolean).join('');
      children.push(
        flush(
          `被追究人：${str(p.name)}${where ? `，${where}` : ''}${str(p.roleLabel) ? `，本案${str(p.roleLabel)}` : ''}。`,
        ),
      );
    }
  } else {
    children.push(flush(['被追究人：', blank(16)]));
  }

  // How the case came here.
  const opened = zhDate(model.acceptedOn) || zhDate(model.registeredOn);
  const heard = model.persons.filter((p) => p.statement && str(p.statement.text));
  children.push(
    body(
      `本机关根据${zhPunct(model.sourceLabel)}线索，于${opened || BLANK_DATE}对${str(model.agencyName)}“${zhPunct(model.subject)}”一案立案调查，现已调查终结` +
        (heard.length > 0 ? `，并听取了${enumerate(heard.map((p) => str(p.name)))}的陈述和申辩` : '') +
        '。',
    ),
  );

  // 经查: the facts and their evidence.
  const facts = paragraphsOf(inv?.facts).length > 0 ? inv?.facts : model.summary;
  children.push(...ledParagraphs('经查：', facts));
  const evidence = (inv?.evidence ?? []).map((e) => zhPunct(e.name)).filter(Boolean);
  if (evidence.length > 0) {
    children.push(body(`上述事实，有${evidence.join('、')}等证据证实。`));
  }

  // 认定: the faults, the organ's reasons, each person's liability and defence.
  if (model.faults.length > 0) {
    children.push(
      body(
        `本机关认为，${str(model.agencyName)}在行政执法活动中存在下列行政执法过错行为：${faultList(model)}。`,
      ),
    );
  } else {
    children.push(body(['本机关认为，', blank(20)]));
  }
  for (const r of paragraphsOf(decision?.reasons)) children.push(body(r));
  if (str(decision?.approval)) children.push(body(str(decision?.approval)));
  for (const p of model.persons) {
    const cites = cite(model, p.basis);
    const adjustments = p.adjustments.map(zhPunct).filter(Boolean);
    children.push(
      body(
        `${str(p.name)}${str(p.roleLabel) ? `作为本案${str(p.roleLabel)}` : ''}，` +
          (str(p.toleranceExemption)
            ? `${cites ? `依据${cites}的规定应当承担行政执法过错责任，` : ''}${zhPunct(p.toleranceExemption)}`
            : (cites ? `依据${cites}的规定，` : '') + OUTCOME_TEXT[outcomeOf(p)]) +
          (adjustments.length > 0 ? `；量责情节：${adjustments.join('；')}` : '') +
          '。',
      ),
    );
    const st = p.statement;
    if (st && str(st.text)) {
      const on = zhDate(st.on);
      children.push(
        body(
          `${on ? `${on}，` : ''}${str(p.name)}提出陈述申辩称：“${sentence(st.text)}”` +
            (str(st.response) ? sentence(st.response ?? '') : ''),
        ),
      );
    }
  }

  // 决定.
  const allBasis = [
    ...new Set(
      [...model.persons.flatMap((p) => p.basis), ...(model.agencyMeasures ?? []).flatMap((m) => m.basis)]
        .map(zhPunct)
        .filter(Boolean),
    ),
  ];
  const grounds = cite(model, allBasis) || measuresRef(model.measuresTitle) || '有关规定';
  children.push(body(`根据${grounds}${allBasis.length > 0 ? '的规定' : ''}，本机关决定如下：`));
  const items: Inline[][] = [
    ...model.persons.map((p) => decisionOn(model, p)),
    ...(model.agencyMeasures ?? []).map((m) => [agencyMeasureText(model, m)]),
  ];
  if (items.length > 0)
    children.push(...items.map((item, i) => body([`${zhNumber(i + 1)}、`, ...item, '。'])));
  else children.push(...writingLines(3));

  // The appeal, unless nobody is held at fault.
  const adverse = model.persons.length === 0 || model.persons.some((p) => outcomeOf(p) !== 'not_liable');
  if (adverse) children.push(body(appealNotice(model)));

  children.push(...sealBlock(model.organName, decision?.on, decision?.signer));
  return pack(model, CASE_DOCUMENT_TITLES.decision, children);
}

// ---------------------------------------------------------------------------------------------------
// 送达回证

export async function serviceReceipt(model: CaseDocumentModel): Promise<Buffer> {
  const s = model.service ?? null;
  const method = zhPunct(s?.method);
  const widths = [2600, TEXT_WIDTH - 2600];
  const signHere: Paragraph[] = [cellText(''), cellText(''), cellText(BLANK_DATE, {}, AlignmentType.RIGHT)];
  const remarks: Paragraph[] = method.includes('留置')
    ? [cellText(''), cellText(`见证人（签名）：${'\u3000'.repeat(6)}`, {}, AlignmentType.RIGHT)]
    : [cellText('')];
  const children = [
    title(str(model.organName)),
    title('送达回证', 240),
    table(widths, [
      {
        cells: [label('送达文书名称及文号'), value(`${DECISION_TITLE}（${str(model.caseNumber)}）`)],
        minHeight: 900,
      },
      { cells: [label('受送达人'), value(str(s?.recipient))], minHeight: 700 },
      { cells: [label('送达地点'), value(zhPunct(s?.place))], minHeight: 700 },
      { cells: [label('送达方式'), value(method)], minHeight: 700 },
      {
        cells: [
          label('送达人'),
          {
            align: 'center',
            content: [cellText(enumerate(s?.server ?? [])), ...(s ? [] : [cellText('')])],
          },
        ],
        minHeight: 700,
      },
      { cells: [label('受送达人签名或盖章'), { content: signHere }], minHeight: 1800 },
      { cells: [label('送达日期'), value(zhDateOrBlank(s?.on))], minHeight: 700 },
      { cells: [label('备\u3000\u3000注'), { content: remarks }], minHeight: 1400 },
    ]),
    new Paragraph({
      spacing: { before: 120, line: 360, lineRule: LineRuleType.AT_LEAST },
      children: [
        run('注：受送达人拒绝签收的，送达人应当在备注栏内注明拒收事由和日期，并由见证人签名。', {
          size: SIZE.small,
        }),
      ],
    }),
    gap(),
    signatureLine(`填发机关：${str(model.organName)}（印章）`, { size: SIZE.table }),
  ];
  return pack(model, CASE_DOCUMENT_TITLES.service_receipt, children);
}

// ---------------------------------------------------------------------------------------------------
// The kinds, for the case service to iterate

export type DocumentRenderer = (model: CaseDocumentModel) => Promise<Buffer>;

/** Every kind of `CASE_DOCUMENT_KINDS`, its title from core and its renderer: a missing one fails the typecheck. */
export const DOCUMENT_KINDS = {
  acceptance_form: { title: CASE_DOCUMENT_TITLES.acceptance_form, render: acceptanceForm },
  decline_notice: { title: CASE_DOCUMENT_TITLES.decline_notice, render: declineNotice },
  investigation_report: { title: CASE_DOCUMENT_TITLES.investigation_report, render: investigationReport },
  decision: { title: CASE_DOCUMENT_TITLES.decision, render: decisionDocument },
  referral_letter: { title: CASE_DOCUMENT_TITLES.referral_letter, render: referralLetter },
  service_receipt: { title: CASE_DOCUMENT_TITLES.service_receipt, render: serviceReceipt },
} as const satisfies Record<CaseDocumentKind, { title: string; render: DocumentRenderer }>;

export type DocumentKind = CaseDocumentKind;

export const DOCUMENT_KIND_LIST: readonly CaseDocumentKind[] = CASE_DOCUMENT_KINDS;

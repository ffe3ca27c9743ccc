// The official documents of an accountability case as .docx, in the style of Chinese official documents
// (GB/T 9704): A4 with 37/35/28/26 mm margins, titles in 方正小标宋简体 二号, text in 仿宋_GB2312 三号 on
// 28-point lines, level-one headings in 黑体, level-two in 楷体_GB2312, page numbers "— 1 —" in 宋体 四号
// on the outer side. Each font carries its fallback in the font table (SimSun, FangSong, SimHei, KaiTi).
// Whatever the model leaves out is printed as a blank to fill by hand. The same model always gives the
// same bytes: the package is dated by `generatedAt`, never by the clock.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  BLANK_DATE,
  citations,
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
import type { CaseDocumentModel, DocPerson } from './model.js';
import { corePropertiesXml, type FontEntry, fontTableXml, stampZip, timestamp } from './package.js';

// ---------------------------------------------------------------------------------------------------
// Typography

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  song: '宋体',
  mono: 'Courier New',
} as const;

const FONT_TABLE: readonly FontEntry[] = [
  { name: FONT.title, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.body, altName: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading, altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.subheading, altName: 'KaiTi', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.song, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.mono, altName: 'Courier', charset: '00', family: 'modern', pitch: 'fixed' },
];

/** Sizes in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5. */
const SIZE = { title: 22, body: 16, table: 14, small: 12, hash: 9 } as const;

/** The text's line: exactly 28 points (22 lines a page). */
const LINE = 560;
/** A4 in twips, with the margins of GB/T 9704 (top 37, bottom 35, left 28, right 26 mm). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

type FontName = (typeof FONT)[keyof typeof FONT];

interface RunStyle {
  font?: FontName;
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

function fontOf(name: FontName) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(style.font ?? FONT.body),
    size: (style.size ?? SIZE.body) * 2,
    bold: style.bold,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

/** A blank of `chars` characters, underlined, to fill by hand. */
function blank(chars: number, style: RunStyle = {}): TextRun {
  return run('\u3000'.repeat(chars), { ...style, underline: true });
}

type Inline = string | TextRun;

function runs(parts: readonly Inline[], style: RunStyle): TextRun[] {
  return parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? run(p, style) : p));
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs

/** The title: centered, 方正小标宋简体 二号. */
function title(text: string, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after },
    children: [run(text, { font: FONT.title, size: SIZE.title })],
  });
}

/** A centered line in the text font (a document number, a subtitle). */
function centered(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: runs([text], style),
  });
}

/** A paragraph of text: justified, its first line indented by two characters. */
function body(parts: Inline | readonly Inline[], style: RunStyle = {}): Paragraph {
  const list = typeof parts === 'string' || parts instanceof TextRun ? [parts] : parts;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLineChars: 200, firstLine: 2 * SIZE.body * 20 },
    children: runs(list, style),
  });
}

/** A paragraph flush with the margin (an addressee, a label line). */
function flush(parts: Inline | readonly Inline[], style: RunStyle = {}): Paragraph {
  const list = typeof parts === 'string' || parts instanceof TextRun ? [parts] : parts;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: runs(list, style),
  });
}

/** 一、… in 黑体. */
function heading(n: number, text: string): Paragraph {
  return body(`${zhNumber(n)}、${text}`, { font: FONT.heading });
}

/** （一）… in 楷体_GB2312. */
function subheading(n: number, text: string): Paragraph {
  return body(`（${zhNumber(n)}）${text}`, { font: FONT.subheading });
}

/** An empty line. */
function gap(): Paragraph {
  return new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });
}

/** `n` ruled lines to write on by hand. */
function writingLines(n: number): Paragraph[] {
  return Array.from({ length: n }, () => flush(blank(27)));
}

/** Text paragraphs, or ruled lines when there is no text. */
function textOrLines(value: string | null | undefined, lines = 3): Paragraph[] {
  const ps = paragraphsOf(value);
  return ps.length > 0 ? ps.map((p) => body(p)) : writingLines(lines);
}

/** A line on the right, four characters from the margin (signature, date, seal). */
function signatureLine(text: string, style: RunStyle = {}): Paragraph {
  const size = style.size ?? SIZE.body;
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { line: style.size ? Math.round(size * 20 * 1.5) : LINE, lineRule: LineRuleType.EXACT },
    indent: { right: 4 * size * 20 },
    children: runs([text], style),
  });
}

// ---------------------------------------------------------------------------------------------------
// Tables

const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

interface CellSpec {
  content: readonly Paragraph[];
  span?: number;
  label?: boolean;
  align?: 'top' | 'center';
}

interface RowSpec {
  cells: readonly CellSpec[];
  /** Least height in twips. */
  minHeight?: number;
  /** Whether the row may break across pages (rows of free text); other rows are kept whole. */
  split?: boolean;
}

/** A paragraph in a table cell. */
function cellText(
  text: Inline | readonly Inline[],
  style: RunStyle = {},
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): Paragraph {
  const list = typeof text === 'string' || text instanceof TextRun ? [text] : text;
  const size = style.size ?? SIZE.table;
  return new Paragraph({
    alignment,
    spacing: { line: Math.round(size * 20 * 1.5), lineRule: LineRuleType.AT_LEAST },
    children: runs(list, { ...style, size }),
  });
}

/** A label cell: 黑体, centered. */
function label(text: string, size: number = SIZE.table): CellSpec {
  return { label: true, content: [cellText(text, { font: FONT.heading, size }, AlignmentType.CENTER)] };
}

/** A value cell of text paragraphs (an empty one when there is none). */
function value(texts: string | readonly string[], span = 1, size: number = SIZE.table): CellSpec {
  const list = (typeof texts === 'string' ? [texts] : texts).filter((t) => t !== '');
  return {
    span,
    content: list.length > 0 ? list.map((t) => cellText(t, { size })) : [cellText('', { size })],
  };
}

function table(widths: readonly number[], rows: readonly RowSpec[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: THICK,
      bottom: THICK,
      left: THICK,
      right: THICK,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows: rows.map((row) => {
      let column = 0;
      return new TableRow({
        cantSplit: !row.split,
        height: row.minHeight ? { value: row.minHeight, rule: HeightRule.ATLEAST } : undefined,
        children: row.cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          return new TableCell({
            children: [...c.content],
            columnSpan: span > 1 ? span : undefined,
            width: { size: width, type: WidthType.DXA },
            verticalAlign:
              (c.align ?? (c.label || !row.minHeight ? 'center' : 'top')) === 'center'
                ? VerticalAlignTable.CENTER
                : VerticalAlignTable.TOP,
          });
        }),
      });
    }),
  });
}

// ---------------------------------------------------------------------------------------------------
// The package

/** "— 1 —" in 宋体 四号, one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const size = 14;
  const inset = size * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf(FONT.song),
            size: size * 2,
          }),
        ],
      }),
    ],
  });
}

async function pack(
  model: CaseDocumentModel,
  docTitle: string,
  children: readonly (Paragraph | Table)[],
): Promise<Buffer> {
  const at = timestamp(model.generatedAt);
  const doc = new Document({
    title: docTitle,
    subject: str(model.caseNumber),
    creator: str(model.organName),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: fontOf(FONT.body),
            size: SIZE.body * 2,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: 851,
              footer: 992,
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...children],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc, false, [
    {
      path: 'docProps/core.xml',
      data: corePropertiesXml({
        title: docTitle,
        subject: str(model.caseNumber),
        creator: str(model.organName),
        at,
      }),
    },
    { path: 'word/fontTable.xml', data: fontTableXml(FONT_TABLE) },
  ]);
  return stampZip(buffer, at);
}

// ---------------------------------------------------------------------------------------------------
// Reading the model

type Outcome = 'pursue' | 'may_not_pursue' | 'not_liable';

/** The person's outcome: the code when given, else read from the label. */
function outcomeOf(p: DocPerson): Outcome {
  if (p.outcome) return p.outcome;
  const label = str(p.outcomeLabel);
  if (label.includes('不承担')) return 'not_liable';
  if (label.includes('不予') || label.includes('免予')) return 'may_not_pursue';
  return 'pursue';
}

/** 张三（A市市场监督管理局执法一科科员，承办人） */
function who(p: DocPerson): string {
  const where = [str(p.agencyName), str(p.post)].filter(Boolean).join('');
  const detail = [where, str(p.roleLabel)].filter(Boolean).join('，');
  return detail ? `${str(p.name)}（${detail}）` : str(p.name);
}

/** '，并移送纪检监察机关处理' for the person's referrals. */
function referralClause(p: DocPerson): string {
  const list = p.referrals.map(zhPunct).filter(Boolean);
  if (list.length === 0) return '';
  const text = list.map((r) => (r.endsWith('处理') ? r : `${r}处理`)).join('，');
  return `，并${text}`;
}

/** 第十五条第（四）项 → 《办法》第十五条第（四）项, or the bare citation without the Measures' title. */
function cite(model: CaseDocumentModel, basis: readonly string[]): string {
  return citations(basis, model.measuresTitle);
}

/** The decision on a person, without the closing '。'. */
function decisionOn(model: CaseDocumentModel, p: DocPerson): Inline[] {
  const name = str(p.name);
  const cites = cite(model, p.basis);
  const why = cites ? `（依据${cites}）` : '';
  const sanctions = enumerate(p.sanctions);
  switch (outcomeOf(p)) {
    case 'not_liable':
      return [`${name}不承担行政执法过错责任，不予追究${why}`];
    case 'may_not_pursue':
      return [`对${name}不予追究行政执法过错责任${why}${referralClause(p)}`];
    default:
      if (sanctions) return [`对${name}给予${sanctions}的处理${referralClause(p)}`];
      if (p.referrals.length > 0) return [`对${name}${referralClause(p).slice(2)}`];
      return [`追究${name}的行政执法过错责任，处理方式：`, blank(10)];
  }
}

/** The investigation's proposal on a person, without the closing '。'. */
function proposalOn(model: CaseDocumentModel, p: DocPerson): Inline[] {
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

const OUTCOME_TEXT: Record<Outcome, string> = {
  pursue: '应当追究行政执法过错责任',
  may_not_pursue: '可以不予追究行政执法过错责任',
  not_liable: '不承担行政执法过错责任',
};

function agencyMeasureText(
  model: CaseDocumentModel,
  m: NonNullable<CaseDocumentModel['agencyMeasures']>[number],
) {
  const cites = cite(model, m.basis);
  const measures = enumerate(m.measures);
  return `对${str(m.agencyName)}${measures || '采取的措施：'}${cites ? `（依据${cites}）` : ''}`;
}

/** Each fault: 对当事人的同一违法行为重复罚款的（《办法》第二章 行政处罚（四），编号 penalty.04） */
function faultText(
  model: CaseDocumentModel,
  f: CaseDocumentModel['faults'][number],
  withCode: boolean,
): string {
  const where = [str(f.cite) ? `${measuresRef(model.measuresTitle)}${zhPunct(f.cite)}` : '']
    .concat(withCode && str(f.code) ? [`编号${str(f.code)}`] : [])
    .filter(Boolean)
    .join('，');
  return `${zhPunct(f.text)}${where ? `（${where}）` : ''}`;
}

const DECISION_TITLE = '行政执法过错责任追究决定书';

/** The appeal notice of the decision. */
export function appealNotice(model: CaseDocumentModel): string {
  const a = model.appeal;
  return `如不服本决定，可在收到本决定书之日起${a.withinDays}${str(a.unitLabel)}内向${str(a.organName)}申诉；申诉期间不停止本决定的执行。`;
}

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
  return pack(model, '立案审批表', children);
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
      children.push(body(`（${zhNumber(i + 1)}）${faultText(model, f, true)}。`));
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
  return pack(model, '调查报告', children);
}

// ---------------------------------------------------------------------------------------------------
// 处理决定书

export async function decisionDocument(model: CaseDocumentModel): Promise<Buffer> {
  const decision = model.decision ?? null;
  const inv = model.investigation ?? null;
  const children: (Paragraph | Table)[] = [
    title(str(model.organName)),
    title(DECISION_TITLE, 120),
    centered(str(model.caseNumber)),
    gap(),
  ];

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
  const facts = paragraphsOf(inv?.facts).length > 0 ? paragraphsOf(inv?.facts) : paragraphsOf(model.summary);
  if (facts.length > 0) {
    children.push(body(`经查：${facts[0]}`), ...facts.slice(1).map((f) => body(f)));
  } else {
    children.push(body(['经查：', blank(20)]), ...writingLines(2));
  }
  const evidence = (inv?.evidence ?? []).map((e) => zhPunct(e.name)).filter(Boolean);
  if (evidence.length > 0) {
    children.push(body(`上述事实，有${evidence.join('、')}等证据证实。`));
  }

  // 认定: the faults, the organ's reasons, each person's liability and defence.
  if (model.faults.length > 0) {
    const faults = model.faults.map((f, i) => `（${zhNumber(i + 1)}）${faultText(model, f, false)}`);
    children.push(
      body(
        `本机关认为，${str(model.agencyName)}在行政执法活动中存在下列行政执法过错行为：${faults.join('；')}。`,
      ),
    );
  } else {
    children.push(body(['本机关认为，', blank(20)]));
  }
  for (const r of paragraphsOf(decision?.reasons)) children.push(body(r));
  for (const p of model.persons) {
    const cites = cite(model, p.basis);
    const adjustments = p.adjustments.map(zhPunct).filter(Boolean);
    children.push(
      body(
        `${str(p.name)}${str(p.roleLabel) ? `作为本案${str(p.roleLabel)}` : ''}，` +
          (cites ? `依据${cites}的规定，` : '') +
          OUTCOME_TEXT[outcomeOf(p)] +
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

  // Signature, date and seal.
  children.push(gap(), gap());
  const signer = str(decision?.signer);
  if (signer && signer !== str(model.organName)) children.push(signatureLine(`签发人：${signer}`));
  children.push(signatureLine(str(model.organName)));
  children.push(signatureLine('（印章）'));
  children.push(signatureLine(zhDateOrBlank(decision?.on)));
  return pack(model, '处理决定书', children);
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
  return pack(model, '送达回证', children);
}

// ---------------------------------------------------------------------------------------------------
// The kinds, for the case service to iterate

export type DocumentRenderer = (model: CaseDocumentModel) => Promise<Buffer>;

export const DOCUMENT_KINDS = {
  acceptance_form: { title: '立案审批表', render: acceptanceForm },
  investigation_report: { title: '调查报告', render: investigationReport },
  decision: { title: '处理决定书', render: decisionDocument },
  service_receipt: { title: '送达回证', render: serviceReceipt },
} as const satisfies Record<string, { title: string; render: DocumentRenderer }>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const DOCUMENT_KIND_LIST = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

// The typography, paragraphs, tables and package of the case documents (.docx), in the style of Chinese
// official documents (GB/T 9704): A4 with 37/35/28/26 mm margins, titles in 方正小标宋简体 二号, text in
// 仿宋_GB2312 三号 on 28-point lines, level-one headings in 黑体, level-two in 楷体_GB2312, page numbers
// "— 1 —" in 宋体 四号 on the outer side. Each font carries its fallback in the font table (SimSun,
// FangSong, SimHei, KaiTi). The same model always gives the same bytes: the package is dated by
// `generatedAt`, never by the clock.
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
import { paragraphsOf, str, zhDateOrBlank, zhNumber } from './format.js';
import type { CaseDocumentModel } from './model.js';
import { corePropertiesXml, type FontEntry, fontTableXml, stampZip, timestamp } from './package.js';
// ---------------------------------------------------------------------------------------------------
// Typography

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  song: '宋体',
  mono: 'Courier New',
} as const;

export const FONT_TABLE: readonly FontEntry[] = [
  { name: FONT.title, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.body, altName: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading, altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.subheading, altName: 'KaiTi', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.song, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.mono, altName: 'Courier', charset: '00', family: 'modern', pitch: 'fixed' },
];

/** Sizes in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5. */
export const SIZE = { title: 22, body: 16, table: 14, small: 12, hash: 9 } as const;

/** The text's line: exactly 28 points (22 lines a page). */
export const LINE = 560;
/** A4 in twips, with the margins of GB/T 9704 (top 37, bottom 35, left 28, right 26 mm). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1588,
  right: 1474,
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export type FontName = (typeof FONT)[keyof typeof FONT];

export interface RunStyle {
  font?: FontName;
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

export function fontOf(name: FontName) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(style.font ?? FONT.body),
    size: (style.size ?? SIZE.body) * 2,
    bold: style.bold,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

/** A blank of `chars` characters, underlined, to fill by hand. */
export function blank(chars: number, style: RunStyle = {}): TextRun {
  return run('\u3000'.repeat(chars), { ...style, underline: true });
}

export type Inline = string | TextRun;

export function runs(parts: readonly Inline[], style: RunStyle): TextRun[] {
  return parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? run(p, style) : p));
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs

/** The title: centered, 方正小标宋简体 二号. */
export function title(text: string, after = 0, newPage = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: newPage || undefined,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after },
    children: [run(text, { font: FONT.title, size: SIZE.title })],
  });
}

/** A centered line in the text font (a document number, a subtitle). */
export function centered(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: runs([text], style),
  });
}

/** A paragraph of text: justified, its first line indented by two characters. */
export function body(parts: Inline | readonly Inline[], style: RunStyle = {}): Paragraph {
  const list = typeof parts === 'string' || parts instanceof TextRun ? [parts] : parts;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLineChars: 200, firstLine: 2 * SIZE.body * 20 },
    children: runs(list, style),
  });
}

/** A paragraph flush with the margin (an addressee, a label line). */
export function flush(parts: Inline | readonly Inline[], style: RunStyle = {}): Paragraph {
  const list = typeof parts === 'string' || parts instanceof TextRun ? [parts] : parts;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: runs(list, style),
  });
}

/** 一、… in 黑体. */
export function heading(n: number, text: string): Paragraph {
  return body(`${zhNumber(n)}、${text}`, { font: FONT.heading });
}

/** （一）… in 楷体_GB2312. */
export function subheading(n: number, text: string): Paragraph {
  return body(`（${zhNumber(n)}）${text}`, { font: FONT.subheading });
}

/** An empty line. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });
}

/** A text's paragraphs with a lead-in before the first ('经审查，…'), or the lead-in and ruled lines. */
export function ledParagraphs(lead: string, text: string | null | undefined, lines = 2): Paragraph[] {
  const ps = paragraphsOf(text);
  if (ps.length === 0) return [body([lead, blank(20)]), ...writingLines(lines)];
  // The text may open with the lead-in itself ('经查，…'): not twice.
  const bare = lead.replace(/[，：]$/, '');
  const first = ps[0]!.startsWith(bare) ? ps[0]! : `${lead}${ps[0]}`;
  return [body(first), ...ps.slice(1).map((p) => body(p))];
}

/** `n` ruled lines to write on by hand. */
export function writingLines(n: number): Paragraph[] {
  return Array.from({ length: n }, () => flush(blank(27)));
}

/** Text paragraphs, or ruled lines when there is no text. */
export function textOrLines(value: string | null | undefined, lines = 3): Paragraph[] {
  const ps = paragraphsOf(value);
  return ps.length > 0 ? ps.map((p) => body(p)) : writingLines(lines);
}

/** A line on the right, four characters from the margin (signature, date, seal). */
export function signatureLine(text: string, style: RunStyle = {}): Paragraph {
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

export const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;
export const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

export interface CellSpec {
  content: readonly Paragraph[];
  span?: number;
  label?: boolean;
  align?: 'top' | 'center';
}

export interface RowSpec {
  cells: readonly CellSpec[];
  /** Least height in twips. */
  minHeight?: number;
  /** Whether the row may break across pages (rows of free text); other rows are kept whole. */
  split?: boolean;
}

/** A paragraph in a table cell. */
export function cellText(
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
export function label(text: string, size: number = SIZE.table): CellSpec {
  return { label: true, content: [cellText(text, { font: FONT.heading, size }, AlignmentType.CENTER)] };
}

/** A value cell of text paragraphs (an empty one when there is none). */
export function value(texts: string | readonly string[], span = 1, size: number = SIZE.table): CellSpec {
  const list = (typeof texts === 'string' ? [texts] : texts).filter((t) => t !== '');
  return {
    span,
    content: list.length > 0 ? list.map((t) => cellText(t, { size })) : [cellText('', { size })],
  };
}

export function table(widths: readonly number[], rows: readonly RowSpec[]): Table {
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
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
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

export async function pack(
  /** What the package itself records: its date, the number as subject, the organ as creator. */
  model: Pick<CaseDocumentModel, 'generatedAt' | 'caseNumber' | 'organName'>,
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
// Parts every issued document shares

/** The organ, the document's title and its number, then an empty line. */
export function documentHead(
  organName: string,
  docTitle: string,
  number: string,
  opts: { newPage?: boolean } = {},
): Paragraph[] {
  return [title(str(organName), 0, opts.newPage), title(docTitle, 120), centered(str(number)), gap()];
}

/** 附件：1．…, the following items aligned under the first (GB/T 9704 7.3.4). */
export function attachments(items: readonly string[]): Paragraph[] {
  return items.map((item, i) =>
    i === 0
      ? body(`附件：1．${item}`)
      : new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          indent: { left: 5 * SIZE.body * 20 },
          children: runs([`${i + 1}．${item}`], {}),
        }),
  );
}

/** The issuing organ, its seal and the date on the right, after two empty lines; 签发人 when another signs. */
export function sealBlock(
  organName: string,
  on: string | null | undefined,
  signer?: string | null,
): Paragraph[] {
  const organ = str(organName);
  const by = str(signer);
  return [
    gap(),
    gap(),
    ...(by && by !== organ ? [signatureLine(`签发人：${by}`)] : []),
    signatureLine(organ),
    signatureLine('（印章）'),
    signatureLine(zhDateOrBlank(on)),
  ];
}

/** The addressee, flush with the margin and closed by '：' (a blank to fill when unknown). */
export function addressee(name: string | null | undefined): Paragraph {
  const n = str(name);
  return n ? flush(`${n}：`) : flush([blank(10), '：']);
}

// Charts in the reports (.docx): real Word charts (DrawingML, `docx/charts`), not pictures — Word, WPS
// and LibreOffice draw them from the values cached in the chart part, and "Edit Data" opens the
// workbook embedded beside it. No network and no native tools: the chart is XML.
//
// `docx` names a chart's parts with random relationship ids and numbers drawings with a counter of the
// process, and zips the embedded workbook with the clock's time; `settleCharts` renames and re-dates
// them in order, so that the same model still gives the same bytes (src/documents/docx.ts).
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { AlignmentType, type Paragraph as DocxParagraph, LineRuleType, Paragraph } from 'docx';
import { ChartRun, type ChartRunOptions } from 'docx/charts';
import { FONT, pack, run, SIZE, TEXT_WIDTH } from './docx.js';
import type { CaseDocumentModel } from './model.js';
import { timestamp } from './package.js';

export type ChartKind = 'bar' | 'column' | 'line';

export interface ChartSeriesSpec {
  name: string;
  /** One per category; null leaves a gap. */
  values: readonly (number | null)[];
}

/** A chart as the reports describe it: what it shows, not how Word draws it. */
export interface ChartSpec {
  kind: ChartKind;
  title: string;
  categories: readonly string[];
  series: readonly ChartSeriesSpec[];
  /** The value axis' title, e.g. '分' or '%'. */
  unit?: string;
  /** The value axis' range (default: from the values). */
  min?: number;
  max?: number;
  /** Values written on the bars or points (default true). */
  labels?: boolean;
}

/** A category name short enough for an axis label. */
export function axisLabel(name: string, max = 12): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}

const round = (n: number) => Math.round(n * 100) / 100;
const PX_PER_TWIP = 96 / 1440;

/** The options `docx` draws the chart from; checked: at least one category and one series. */
export function chartOptions(spec: ChartSpec): ChartRunOptions {
  if (spec.categories.length === 0) throw new Error(`chart "${spec.title}": no categories`);
  if (spec.series.length === 0) throw new Error(`chart "${spec.title}": no series`);
  const width = Math.round(TEXT_WIDTH * PX_PER_TWIP);
  // A horizontal bar chart grows with its categories; the others keep Word's proportion.
  const height =
    spec.kind === 'bar'
      ? Math.min(900, 120 + 28 * spec.categories.length * Math.max(1, spec.series.length * 0.7))
      : Math.round(width * 0.55);
  const font = { name: FONT.song, size: 9 };
  const base = {
    title: { text: spec.title, font: { name: FONT.heading, size: 12 } },
    categories: spec.categories.map((c) => axisLabel(c)),
    series: spec.series.map((s) => ({
      name: s.name,
      values: spec.categories.map((_, i) => {
        const v = s.values[i];
        return v === null || v === undefined || !Number.isFinite(v) ? null : round(v);
      }),
    })),
    legend: spec.series.length > 1 ? { position: 'bottom' as const, font } : (false as const),
    font: { name: FONT.song },
    transformation: { width, height },
    categoryAxis: { font, ...(spec.kind === 'bar' ? { reverseOrder: true } : {}) },
    valueAxis: {
      font,
      ...(spec.unit ? { title: { text: spec.unit, font } } : {}),
      ...(spec.min !== undefined ? { minimum: spec.min } : {}),
      ...(spec.max !== undefined ? { maximum: spec.max } : {}),
    },
    ...(spec.labels === false ? {} : { dataLabels: { value: true, font } }),
  };
  return spec.kind === 'line' ? { type: 'line', markers: true, ...base } : { type: spec.kind, ...base };
}

/** The chart, centered on a line of its own, and its caption ('图1 …') under it. */
export function chartParagraphs(spec: ChartSpec, caption: string): DocxParagraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [new ChartRun(chartOptions(spec))],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(SIZE.small * 20 * 1.5), lineRule: LineRuleType.EXACT, after: 120 },
      children: [run(caption, { font: FONT.song, size: SIZE.small })],
    }),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Same model, same bytes

interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip (stored or deflated), in the central directory's order. */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let pos = zip.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(pos) !== CENTRAL) throw new Error(`not a zip archive: bad central header ${i}`);
    const method = zip.readUInt16LE(pos + 10);
    const size = zip.readUInt32LE(pos + 20);
    const nameLength = zip.readUInt16LE(pos + 28);
    const name = zip.toString('utf8', pos + 46, pos + 46 + nameLength);
    const local = zip.readUInt32LE(pos + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`not a zip archive: bad local header ${i}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8)
      throw new Error(`zip entry ${name}: compression ${method} not supported`);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    pos += 46 + nameLength + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return out;
}

/** A zip of the entries, deflated, every entry dated `at`: the bytes depend on the entries alone. */
export function writeZip(entries: readonly ZipEntry[], at: Date): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    centrals.push(central, name);
    offset += head.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** docx's random relationship ids (nanoid, lower-cased: 21 characters). */
const RANDOM_RID = /rId[a-z0-9_-]{21}(?![a-z0-9_-])/g;
const DOC_PR_ID = /(<wp:docPr id=")(\d+)(")/g;

/**
 * The package with its charts' random relationship ids renamed in order (rIdC1, rIdC2, …), its drawings
 * numbered from 1, and the workbooks embedded in it zipped again dated `at`.
 */
export function settleCharts(docx: Buffer, at: Date): Buffer {
  const entries = readZip(docx);
  if (!entries.some((e) => e.name.startsWith('word/charts/'))) return docx;
  const names = new Map<string, string>();
  const settled = entries.map((e) => {
    if (e.name.endsWith('.xlsx')) return { name: e.name, data: writeZip(readZip(e.data), at) };
    if (!/\.(xml|rels)$/.test(e.name)) return e;
    let text = e.data.toString('utf8').replace(RANDOM_RID, (id) => {
      let n = names.get(id);
      if (!n) {
        n = `rIdC${names.size + 1}`;
        names.set(id, n);
      }
      return n;
    });
    if (e.name === 'word/document.xml') {
      let k = 0;
      text = text.replace(DOC_PR_ID, (_, a: string, __: string, b: string) => `${a}${++k}${b}`);
    }
    return { name: e.name, data: Buffer.from(text, 'utf8') };
  });
  return writeZip(settled, at);
}

/** `pack` (docx.ts) for a document with charts: the same model gives the same bytes. */
export async function packWithCharts(
  model: Pick<CaseDocumentModel, 'generatedAt' | 'caseNumber' | 'organName'>,
  docTitle: string,
  children: Parameters<typeof pack>[2],
): Promise<Buffer> {
  return settleCharts(await pack(model, docTitle, children), timestamp(model.generatedAt));
}

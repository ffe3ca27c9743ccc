// The discretion standard (行政处罚裁量基准, 行政处罚法第三十四条): for a violation code, the lowest and
// the highest fine the standard allows, and where the standard says so. A rule pack ships one as data
// (rulebook/packs/discretion.ts); `wenze scan --discretion FILE` reads one from a CSV file with the
// header `violation,min,max,basis`.
import { ValidationError } from '../validation.js';

export interface DiscretionEntry {
  violation: string;
  /** Lowest and highest fine in yuan, both allowed. */
  min: number;
  max: number;
  /** The provision of the standard, e.g. 《A市市场监管行政处罚裁量基准》第3项. */
  basis: string;
}

/** Entries by violation code. */
export type DiscretionStandard = ReadonlyMap<string, DiscretionEntry>;

export function discretionStandard(entries: readonly DiscretionEntry[]): Map<string, DiscretionEntry> {
  return new Map(entries.map((e) => [e.violation, e]));
}

/** The fields of a CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks). */
function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) rows.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) rows.push({ line: start, cells });
  return rows;
}

const AMOUNT = /^\d+(\.\d+)?$/;

/** A discretion standard from CSV text; a bad cell throws naming its line and column. */
export function parseDiscretionCsv(text: string): DiscretionEntry[] {
  const rows = csvRows(text);
  const bad = (line: number, path: string, message: string) =>
    new ValidationError(`裁量基准文件第${line}行：${path}：${message}`, [
      { path: `line ${line}: ${path}`, message },
    ]);
  const head = rows[0]?.cells.map((c) => c.trim());
  if (head?.join(',') !== 'violation,min,max,basis') {
    throw bad(rows[0]?.line ?? 1, '(header)', '首行须为 violation,min,max,basis');
  }
  const out: DiscretionEntry[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows.slice(1)) {
    const [violation = '', min = '', max = '', basis = ''] = cells.map((c) => c.trim());
    if (cells.length > 4) throw bad(line, '(row)', '多于 4 列');
    if (violation === '') throw bad(line, 'violation', '不能为空');
    if (seen.has(violation)) throw bad(line, 'violation', '重复的违法行为代码');
    if (!AMOUNT.test(min)) throw bad(line, 'min', '须为非负金额');
    if (!AMOUNT.test(max)) throw bad(line, 'max', '须为非负金额');
    if (Number(max) < Number(min)) throw bad(line, 'max', '不得小于 min');
    if (basis === '') throw bad(line, 'basis', '不能为空');
    seen.add(violation);
    out.push({ violation, min: Number(min), max: Number(max), basis });
  }
  return out;
}

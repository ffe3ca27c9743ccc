// The difference between two versions of an agency's duty list (权责清单, issue 13): the powers a
// newer list added, those it removed, and those whose content it changed, matched by 职权编码.
// The dates are not compared: every item of a newer list starts on its own 生效日期, and an older
// item's 失效日期 is what the newer list set (`supersede`), so only the content says what changed.
// Pure.
import type { DutyColumnName } from './columns.js';
import type { DutyItem } from './item.js';

/** The columns compared, with the item field each holds. */
const COMPARED = [
  ['职权名称', (i: DutyItem) => i.name],
  ['职权类型', (i: DutyItem) => i.type],
  ['承办机构', (i: DutyItem) => i.unit],
  ['主办或协办', (i: DutyItem) => i.role],
  ['设定依据', (i: DutyItem) => i.basis],
  ['责任事项', (i: DutyItem) => i.duties.join('\u0000')],
  ['追责情形', (i: DutyItem) => i.accountability.join('\u0000')],
  ['法定办结时限', (i: DutyItem) => i.timeLimit],
] as const satisfies readonly (readonly [DutyColumnName, (i: DutyItem) => string | null])[];

export interface DutyChange<T extends DutyItem = DutyItem> {
  code: string;
  before: T;
  after: T;
  /** The columns whose content differs, in the list's column order. */
  columns: DutyColumnName[];
}

export interface DutyDiff<T extends DutyItem = DutyItem> {
  added: T[];
  removed: T[];
  changed: DutyChange<T>[];
  /** How many powers are the same in both. */
  unchanged: number;
}

/** The columns in which two items of one power differ. */
export function changedColumns(before: DutyItem, after: DutyItem): DutyColumnName[] {
  return COMPARED.filter(([, get]) => get(before) !== get(after)).map(([name]) => name);
}

/** The items by 职权编码; a code listed twice (主办 and 协办 rows) keeps its first row. */
function byCode<T extends DutyItem>(items: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const i of items) if (!m.has(i.code)) m.set(i.code, i);
  return m;
}

const byCodeOrder = (a: { code: string }, b: { code: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** What changed from the list `before` to the list `after` (one agency's two versions). */
export function diffDutyLists<T extends DutyItem>(before: readonly T[], after: readonly T[]): DutyDiff<T> {
  const old = byCode(before);
  const now = byCode(after);
  const added: T[] = [];
  const removed: T[] = [];
  const changed: DutyChange<T>[] = [];
  let unchanged = 0;
  for (const [code, item] of now) {
    const was = old.get(code);
    if (was === undefined) added.push(item);
    else {
      const columns = changedColumns(was, item);
      if (columns.length > 0) changed.push({ code, before: was, after: item, columns });
      else unchanged++;
    }
  }
  for (const [code, item] of old) if (!now.has(code)) removed.push(item);
  added.sort(byCodeOrder);
  removed.sort(byCodeOrder);
  changed.sort(byCodeOrder);
  return { added, removed, changed, unchanged };
}

// Spreadsheets written as they are read: rows come a page at a time and go out through a streaming
// workbook writer, so an export of 100,000 rows holds one page in memory, not the workbook. The
// next page is fetched only when the client has taken what was written (back-pressure).
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn {
  header: string;
  key: string;
  width: number;
}

/** A one-sheet workbook of the pages' rows (keyed by column key), as a readable stream. */
export function xlsxStream(
  sheet: string,
  columns: readonly XlsxColumn[],
  pages: AsyncIterable<Record<string, unknown>[]>,
): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Wenze 问责';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  (async () => {
    for await (const page of pages) {
      for (const row of page) ws.addRow(row).commit();
      if (out.destroyed) return;
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** Pages of a query by offset: `fetch(offset, size)` until a short page. */
export async function* offsetPages<T>(
  fetch: (offset: number, size: number) => Promise<T[]>,
  size = 2000,
  max = 1_000_000,
): AsyncGenerator<T[]> {
  for (let offset = 0; offset < max; offset += size) {
    const page = await fetch(offset, Math.min(size, max - offset));
    if (page.length > 0) yield page;
    if (page.length < size) return;
  }
}

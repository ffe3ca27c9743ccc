// The findings as a spreadsheet: one row per finding with its act, agency and what became of it.
import type { Readable } from 'node:stream';
import { ACT_KIND_LABELS } from '../../core/acts/codes.js';
import { chinaDateTime } from '../../core/dates.js';
import type { findingsForExport } from '../../store/acts.repository.js';
import { RULE_LABELS } from '../../store/detect-sql.js';
import { type XlsxColumn, xlsxStream } from '../xlsx-stream.js';

const KIND_LABELS: Readonly<Record<string, string>> = ACT_KIND_LABELS;
const LEAD_LABELS: Record<string, string> = {
  new: '待处理',
  dismissed: '已不予立案',
  merged: '已合并',
  opened: '已立案',
};

type Row = Awaited<ReturnType<typeof findingsForExport>>[number];

const COLUMNS: XlsxColumn[] = [
  { header: '执法行为编号', key: 'actId', width: 20 },
  { header: '行为日期', key: 'occurredOn', width: 12 },
  { header: '执法机关', key: 'agency', width: 24 },
  { header: '地区', key: 'regionCode', width: 8 },
  { header: '类别', key: 'kind', width: 12 },
  { header: '事项', key: 'matter', width: 20 },
  { header: '检测规则', key: 'rule', width: 18 },
  { header: '过错行为代码', key: 'fault', width: 14 },
  { header: '依据', key: 'basis', width: 28 },
  { header: '发现内容', key: 'detail', width: 60 },
  { header: '承办人', key: 'officerId', width: 10 },
  { header: '线索状态', key: 'lead', width: 12 },
  { header: '案件编号', key: 'caseNumber', width: 22 },
  { header: '发现时间（北京时间）', key: 'foundAt', width: 22 },
];

function cells(r: Row): Record<string, unknown> {
  return {
    actId: r.actId,
    occurredOn: r.occurredOn,
    agency: r.agencyName ?? r.agencyId,
    regionCode: r.regionCode,
    kind: KIND_LABELS[r.kind] ?? r.kind,
    matter: r.matter,
    rule: RULE_LABELS[r.rule as keyof typeof RULE_LABELS] ?? r.rule,
    fault: r.fault ?? '（机关责任）',
    basis: r.basis,
    detail: r.detail,
    officerId: r.officerId,
    lead: r.leadStatus ? (LEAD_LABELS[r.leadStatus] ?? r.leadStatus) : '',
    caseNumber: r.caseNumber ?? '',
    foundAt: r.foundAt instanceof Date ? chinaDateTime(r.foundAt) : r.foundAt,
  };
}

/** The findings streamed a page at a time (memory bounded by a page, whatever the count). */
export async function* findingPages(pages: AsyncIterable<Row[]>): AsyncGenerator<Record<string, unknown>[]> {
  for await (const page of pages) yield page.map(cells);
}

export function findingsXlsxStream(pages: AsyncIterable<Row[]>): Readable {
  return xlsxStream('检测发现', COLUMNS, findingPages(pages));
}

// The import template of enforcement acts (.xlsx): the columns in order with one example row on
// the first sheet (the one the import reads), every enumerated column's values (label and code) on
// "可选值", and what each column holds on "填写说明". Served by `wenze import acts --template FILE`
// and GET /api/v1/acts/template.xlsx; all of it from core/acts/columns.ts.
import ExcelJS from 'exceljs';
import {
  ACT_COLUMNS,
  ACT_EXAMPLE_ROW,
  type ActColumn,
  allowedValues,
  BOOLEAN_COLUMNS,
  BOOLEAN_LABELS,
  vocabularyOf,
} from '../core/acts/columns.js';

export const TEMPLATE_SHEETS = { acts: '执法行为', values: '可选值', columns: '填写说明' } as const;

const TYPE_HINTS: Record<ActColumn['type'], string> = {
  text: '文本',
  date: '日期 YYYY-MM-DD',
  number: '数字',
  boolean: '是/否',
  officers: '编号:执法证号:有效期至;…',
  enum: '见“可选值”',
};

const bold = { bold: true } as const;
const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** The template workbook as .xlsx bytes. */
export async function actsTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenze 问责';

  const acts = wb.addWorksheet(TEMPLATE_SHEETS.acts, { views: [{ state: 'frozen', ySplit: 1 }] });
  acts.columns = ACT_COLUMNS.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(12, Math.min(40, c.name.length + 4, (ACT_EXAMPLE_ROW[c.name]?.length ?? 0) * 2 + 2)),
    // Text format: Excel leaves dates, codes and numbers as typed.
    style: { numFmt: '@' },
  }));
  const header = acts.getRow(1);
  header.font = bold;
  ACT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    const values = allowedValues(c.name);
    cell.note = `${c.meaning}${c.required ? '（必填）' : ''}${values ? `\n可选：${values}` : ''}\n示例：${c.example}`;
    if (c.required) cell.fill = requiredFill;
  });
  acts.addRow(Object.fromEntries(ACT_COLUMNS.map((c) => [c.name, ACT_EXAMPLE_ROW[c.name] ?? null])));

  const values = wb.addWorksheet(TEMPLATE_SHEETS.values, { views: [{ state: 'frozen', ySplit: 1 }] });
  values.columns = [
    { header: '列名', key: 'column', width: 20 },
    { header: '含义', key: 'meaning', width: 34 },
    { header: '中文标签', key: 'label', width: 14 },
    { header: '代码', key: 'code', width: 20 },
    { header: '也可填写', key: 'aliases', width: 30 },
  ];
  values.getRow(1).font = bold;
  for (const c of ACT_COLUMNS) {
    if (BOOLEAN_COLUMNS.has(c.name)) {
      for (const b of [true, false] as const) {
        values.addRow({
          column: c.name,
          meaning: c.meaning,
          label: BOOLEAN_LABELS[`${b}`],
          code: String(b),
          aliases: b ? '1、yes' : '0、no',
        });
      }
      continue;
    }
    const v = vocabularyOf(c.name);
    if (v === undefined) continue;
    const aliases = Object.entries(v.aliases ?? {});
    for (const code of v.codes) {
      values.addRow({
        column: c.name,
        meaning: c.meaning,
        label: v.labels[code],
        code,
        aliases: aliases
          .filter(([, x]) => x === code)
          .map(([a]) => a)
          .join('、'),
      });
    }
    if (v.open) {
      values.addRow({
        column: c.name,
        meaning: c.meaning,
        label: '（其他）',
        code: '',
        aliases: '按原文保存',
      });
    }
  }

  const columns = wb.addWorksheet(TEMPLATE_SHEETS.columns, { views: [{ state: 'frozen', ySplit: 1 }] });
  columns.columns = [
    { header: '列名', key: 'name', width: 20 },
    { header: '必填', key: 'required', width: 6 },
    { header: '含义', key: 'meaning', width: 40 },
    { header: '格式', key: 'type', width: 22 },
    { header: '可选值', key: 'values', width: 60 },
    { header: '示例', key: 'example', width: 30 },
  ];
  columns.getRow(1).font = bold;
  for (const c of ACT_COLUMNS) {
    columns.addRow({
      name: c.name,
      required: c.required ? '是' : '否',
      meaning: c.meaning,
      type: TYPE_HINTS[c.type],
      values: allowedValues(c.name) ?? '',
      example: c.example,
    });
  }
  columns.addRow({});
  columns.addRow({
    name: '说明',
    meaning:
      '第一个工作表的首行为列名（顺序不限，空单元格为未填写；其他列作为附加字段保存）。可选值可填中文标签或代码，全角半角均可。每行一件执法行为，全部成功或全部不写入。',
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// 行政执法年度报告 (.docx, issue 15): the year's penalties by category (行政处罚法第九条; a combined
// penalty once, under its heaviest category) with the fines in 万元, licensing by stage, each also per
// agency, and the accountability work, with charts (chart.ts). Pure: the report in, the bytes out;
// the same report gives the same bytes (dated its publication day, not the day it is downloaded).
import type { Paragraph, Table } from 'docx';
import type { AnnualReport } from '../core/disclosure/annual-report.js';
import { LICENSING_STAGE_LABELS, LICENSING_STAGES } from '../core/disclosure/report.js';
import { chartParagraphs, packWithCharts } from './chart.js';
import {
  body,
  centered,
  FONT,
  gap,
  heading,
  label,
  SIZE,
  signatureLine,
  TEXT_WIDTH,
  table,
  title,
  value,
} from './docx.js';
import { zhDateOrBlank } from './format.js';

export interface AnnualReportDocument {
  regionName: string;
  organName: string;
  report: AnnualReport;
}

const SMALL = SIZE.small;

export const annualReportTitle = (m: AnnualReportDocument) =>
  `${m.regionName}${m.report.year}年度行政执法工作报告`;

export function annualReportChildren(m: AnnualReportDocument): (Paragraph | Table)[] {
  const r = m.report;
  const out: (Paragraph | Table)[] = [];
  let figure = 0;
  const chart = (spec: Parameters<typeof chartParagraphs>[0]) => {
    figure += 1;
    out.push(...chartParagraphs(spec, `图${figure}　${spec.title}`));
  };
  const p = r.penalties;
  const a = r.accountability;
  const granted = r.licensing.byStage.find((s) => s.key === 'granted')?.n ?? 0;
  const applied = r.licensing.byStage.find((s) => s.key === 'applied')?.n ?? 0;
  out.push(
    title(annualReportTitle(m), 120),
    centered(`（${r.year}年1月1日至12月31日）`, { font: FONT.subheading }),
    gap(),
    body(
      `根据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）“于每年1月31日前公开本机关上年度行政执法总体情况有关数据”的要求，现将${m.regionName}${r.year}年度行政执法总体情况公布如下。`,
    ),
    heading(1, '行政处罚'),
    body(
      `全年作出行政处罚决定 ${p.total.n} 件，罚没金额（罚款）${p.total.amountWan} 万元。按《中华人民共和国行政处罚法》第九条规定的处罚种类统计，同一决定并处多种处罚的，按其中最重的种类计 1 件。`,
    ),
  );
  if (p.total.n > 0)
    chart({
      kind: 'bar',
      title: '行政处罚决定按种类',
      categories: p.byCategory.map((c) => c.label),
      series: [{ name: '件数', values: p.byCategory.map((c) => c.n) }],
      unit: '件',
    });
  out.push(
    table(
      [TEXT_WIDTH - 3600, 1800, 1800],
      [
        { cells: ['处罚种类', '件数', '罚款金额（万元）'].map((h) => label(h, SMALL)) },
        ...p.byCategory.map((c) => ({
          cells: [value(c.label, 1, SMALL), value(String(c.n), 1, SMALL), value(c.amountWan, 1, SMALL)],
        })),
        {
          cells: [
            label('合计', SMALL),
            value(String(p.total.n), 1, SMALL),
            value(p.total.amountWan, 1, SMALL),
          ],
        },
      ],
    ),
    gap(),
    table(
      [TEXT_WIDTH - 3600, 1800, 1800],
      [
        { cells: ['执法部门', '处罚决定（件）', '罚款金额（万元）'].map((h) => label(h, SMALL)) },
        ...p.byAgency.map((g) => ({
          cells: [value(g.agencyName, 1, SMALL), value(String(g.n), 1, SMALL), value(g.amountWan, 1, SMALL)],
        })),
      ],
    ),
    heading(2, '行政许可'),
    body(
      `全年受理行政许可申请情况：${r.licensing.byStage.map((s) => `${s.label} ${s.n} 件`).join('，')}。` +
        (applied > 0 ? `许可件数与申请件数之比为 ${Math.round((granted / applied) * 1000) / 10}%。` : ''),
    ),
  );
  if (r.licensing.byStage.some((s) => s.n > 0))
    chart({
      kind: 'column',
      title: '行政许可办理情况',
      categories: r.licensing.byStage.map((s) => s.label),
      series: [{ name: '件数', values: r.licensing.byStage.map((s) => s.n) }],
      unit: '件',
    });
  const stageWidth = 1000;
  out.push(
    table(
      [TEXT_WIDTH - stageWidth * LICENSING_STAGES.length, ...LICENSING_STAGES.map(() => stageWidth)],
      [
        {
          cells: ['执法部门', ...LICENSING_STAGES.map((s) => LICENSING_STAGE_LABELS[s])].map((h) =>
            label(h, SMALL),
          ),
        },
        ...r.licensing.byAgency.map((g) => ({
          cells: [
            value(g.agencyName, 1, SMALL),
            ...LICENSING_STAGES.map((s) => value(String(g[s]), 1, SMALL)),
          ],
        })),
      ],
    ),
    heading(3, '行政执法责任追究'),
    body(
      `全年发现问题线索 ${a.found} 条，立案 ${a.registered} 件，作出处理决定 ${a.decided} 件（其中追究责任 ${a.pursued} 件），追究责任 ${a.sanctioned} 人次；容错免责或者从轻减轻 ${a.toleranceGranted} 人次；办结申诉、复核 ${a.appealsDecided} 件。`,
    ),
    table(
      [TEXT_WIDTH - 1800, 1800],
      [
        { cells: ['责任追究方式', '人次'].map((h) => label(h, SMALL)) },
        ...a.sanctions.map((s) => ({ cells: [value(s.label, 1, SMALL), value(String(s.n), 1, SMALL)] })),
      ],
    ),
    gap(),
    body('本报告数据为统计汇总数，不含任何个人信息。'),
    signatureLine(m.organName),
    signatureLine(zhDateOrBlank(r.publishedOn)),
  );
  return out;
}

export async function annualReportDocx(m: AnnualReportDocument): Promise<Buffer> {
  return packWithCharts(
    {
      generatedAt: `${m.report.publishedOn}T00:00:00+08:00`,
      caseNumber: annualReportTitle(m),
      organName: m.organName,
    },
    annualReportTitle(m),
    annualReportChildren(m),
  );
}

// 年度行政执法考核结果报告 (.docx): the policy, the faults found and pursued — the figure the
// assessment turns on — the agencies' and officers' results ranked, the officers 不合格 years running,
// and the trends across the years that have data; with charts (chart.ts). Pure: the model in, the
// bytes out; the same model gives the same bytes.
import type { Paragraph, Table } from 'docx';
import type { PursuedFigures } from '../core/assessment/assess.js';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  ASSESSMENT_PART_LABELS,
  ASSESSMENT_PARTS,
  type AssessmentGrade,
  type AssessmentPart,
} from '../core/assessment/policy.js';
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

export interface AssessmentReportRow {
  rank: number | null;
  name: string;
  agencyName: string | null;
  total: number | null;
  grade: AssessmentGrade | null;
  parts: Record<AssessmentPart, number>;
  pursued: PursuedFigures | null;
}

export interface AssessmentReportModel {
  regionName: string;
  /** Who issues the report (the supervision office), printed at the end. */
  organName: string;
  year: number;
  policy: {
    title: string;
    source: string;
    /** The policy is an example, not the city's enacted text. */
    summary: boolean;
    weights: Record<AssessmentPart, number>;
    bands: { excellent: number; pass: number; basicPass: number };
    pursuedExcludesExemptions: boolean;
    consecutiveFail: { years: number; action: string; cite: string };
  };
  pursued: PursuedFigures;
  agencies: AssessmentReportRow[];
  officers: AssessmentReportRow[];
  flagged: { name: string; agencyName: string | null; reason: string }[];
  trends: {
    year: number;
    pursued: PursuedFigures;
    agencyMean: number | null;
    officerMean: number | null;
  }[];
  /** ISO timestamp: the package's date (never the clock). */
  generatedAt: string;
}

const n2 = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : String(Math.round(x * 100) / 100);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '无' : `${Math.round(x * 10) / 10}%`;
const gradeOf = (g: AssessmentGrade | null) => (g === null ? '不评定' : ASSESSMENT_GRADE_LABELS[g]);

/** The paragraph on faults found and pursued, in words. */
export function pursuedSentence(scope: string, p: PursuedFigures): string {
  if (p.found === 0) return `${scope}本年度未发现执法过错，过错追究率不适用。`;
  return (
    `${scope}本年度发现执法过错 ${p.found} 件，已追究 ${p.pursued} 件，过错追究率 ${pct(p.rate)}；` +
    `容错免责 ${p.toleranceExempt} 件、法定免责 ${p.statutoryExempt} 件单列，未追究 ${p.unpursued} 件；` +
    `扣除免责后的追究率 ${pct(p.rateExcludingExemptions)}。`
  );
}

function gradeCounts(rows: readonly AssessmentReportRow[]): string {
  const assessed = rows.filter((r) => r.grade !== null);
  const counts = ASSESSMENT_GRADES.map(
    (g) => `${ASSESSMENT_GRADE_LABELS[g]} ${assessed.filter((r) => r.grade === g).length} 个`,
  );
  return `参加考核并评定等次的 ${assessed.length} 个，其中${counts.join('、')}；无可考核数据、不评定等次的 ${rows.length - assessed.length} 个。`;
}

const SMALL = SIZE.small;

function resultsTable(rows: readonly AssessmentReportRow[], withAgency: boolean): Table {
  const heads = [
    '名次',
    withAgency ? '姓名' : '执法部门',
    ...(withAgency ? ['所在部门'] : []),
    ...ASSESSMENT_PARTS.map((p) => ASSESSMENT_PART_LABELS[p]),
    '总分',
    '等次',
    '过错追究率',
  ];
  const nameWidth = withAgency ? 1300 : 2600;
  const fixed = [800, nameWidth, ...(withAgency ? [2000] : []), 1100, 1100, 1100, 900, 1000];
  const rest = TEXT_WIDTH - fixed.reduce((s, x) => s + x, 0);
  const widths = [...fixed, Math.max(900, rest)];
  return table(widths, [
    { cells: heads.map((h) => label(h, SMALL)) },
    ...rows.map((r) => ({
      cells: [
        value(r.rank === null ? '—' : String(r.rank), 1, SMALL),
        value(r.name, 1, SMALL),
        ...(withAgency ? [value(r.agencyName ?? '', 1, SMALL)] : []),
        ...ASSESSMENT_PARTS.map((p) => value(r.total === null ? '—' : n2(r.parts[p]), 1, SMALL)),
        value(n2(r.total), 1, SMALL),
        value(gradeOf(r.grade), 1, SMALL),
        value(pct(r.pursued?.rate ?? null), 1, SMALL),
      ],
    })),
  ]);
}

/** The report's content, in order (the document without its package). */
export function assessmentReportChildren(m: AssessmentReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let figure = 0;
  const chart = (spec: Parameters<typeof chartParagraphs>[0]) => {
    figure += 1;
    out.push(...chartParagraphs(spec, `图${figure}　${spec.title}`));
  };
  const w = m.policy.weights;
  const b = m.policy.bands;
  out.push(
    title(`${m.regionName}${m.year}年度行政执法考核结果报告`, 120),
    centered(`依据${m.policy.title}`, { font: FONT.subheading }),
    gap(),
    heading(1, '考核办法'),
    body(
      `考核实行百分制，由${ASSESSMENT_PARTS.map((p) => `${ASSESSMENT_PART_LABELS[p]} ${w[p]} 分`).join('、')}组成；` +
        `总分 ${b.excellent} 分以上为优秀，${b.pass} 分以上为合格，${b.basicPass} 分以上为基本合格，低于 ${b.basicPass} 分为不合格。` +
        '无数据的指标不计分，其分值按权重并入同部分其他指标；外部评议暂无数据的，其分值并入其他部分。',
    ),
    body(
      `过错追究率为已追究的过错数除以发现的过错数；容错免责和法定免责的过错单列，` +
        (m.policy.pursuedExcludesExemptions ? '计分时从应追究的过错中扣除。' : '计分时不扣除。') +
        `执法人员连续 ${m.policy.consecutiveFail.years} 年考核不合格的，${m.policy.consecutiveFail.action}（${m.policy.consecutiveFail.cite}）。`,
    ),
    ...(m.policy.summary ? [body(`说明：${m.policy.source}。`)] : []),
    heading(2, '过错发现与追究'),
    body(pursuedSentence(m.regionName, m.pursued)),
  );
  const withFaults = m.agencies.filter((a) => (a.pursued?.found ?? 0) > 0);
  if (withFaults.length > 0) {
    chart({
      kind: 'column',
      title: '各执法部门发现与追究的过错',
      categories: withFaults.map((a) => a.name),
      series: [
        { name: '发现', values: withFaults.map((a) => a.pursued!.found) },
        { name: '已追究', values: withFaults.map((a) => a.pursued!.pursued) },
        {
          name: '免责',
          values: withFaults.map((a) => a.pursued!.toleranceExempt + a.pursued!.statutoryExempt),
        },
      ],
      unit: '件',
    });
  }
  out.push(heading(3, '执法部门考核结果'), body(`执法部门${gradeCounts(m.agencies)}`));
  const rankedAgencies = m.agencies.filter((a) => a.total !== null);
  if (rankedAgencies.length > 0) {
    chart({
      kind: 'bar',
      title: '执法部门考核总分',
      categories: rankedAgencies.map((a) => a.name),
      series: [{ name: '总分', values: rankedAgencies.map((a) => a.total) }],
      unit: '分',
      min: 0,
      max: 100,
    });
  }
  out.push(resultsTable(m.agencies, false));
  out.push(heading(4, '执法人员考核结果'), body(`执法人员${gradeCounts(m.officers)}`));
  const assessedOfficers = m.officers.filter((o) => o.total !== null);
  if (assessedOfficers.length > 0) {
    chart({
      kind: 'column',
      title: '执法人员考核等次分布',
      categories: ASSESSMENT_GRADES.map((g) => ASSESSMENT_GRADE_LABELS[g]),
      series: [
        {
          name: '人数',
          values: ASSESSMENT_GRADES.map((g) => assessedOfficers.filter((o) => o.grade === g).length),
        },
      ],
      unit: '人',
    });
    out.push(resultsTable(assessedOfficers, true));
  }
  out.push(heading(5, '连续不合格的执法人员'));
  if (m.flagged.length === 0)
    out.push(body(`本年度无连续 ${m.policy.consecutiveFail.years} 年考核不合格的执法人员。`));
  for (const f of m.flagged) out.push(body(f.reason));
  out.push(heading(6, '历年情况'));
  if (m.trends.length < 2) {
    out.push(body('仅本年度有执法数据，暂无历年比较。'));
  } else {
    out.push(
      table(
        [1400, 1500, 1500, 1800, 1900, TEXT_WIDTH - 8100],
        [
          {
            cells: ['年度', '发现过错', '已追究', '过错追究率', '部门平均分', '人员平均分'].map((h) =>
              label(h, SMALL),
            ),
          },
          ...m.trends.map((t) => ({
            cells: [
              value(`${t.year}年`, 1, SMALL),
              value(String(t.pursued.found), 1, SMALL),
              value(String(t.pursued.pursued), 1, SMALL),
              value(pct(t.pursued.rate), 1, SMALL),
              value(n2(t.agencyMean), 1, SMALL),
              value(n2(t.officerMean), 1, SMALL),
            ],
          })),
        ],
      ),
    );
    chart({
      kind: 'line',
      title: '历年过错追究率与平均分',
      categories: m.trends.map((t) => `${t.year}年`),
      series: [
        { name: '过错追究率（%）', values: m.trends.map((t) => t.pursued.rate) },
        { name: '部门平均分', values: m.trends.map((t) => t.agencyMean) },
        { name: '人员平均分', values: m.trends.map((t) => t.officerMean) },
      ],
      min: 0,
      max: 100,
    });
  }
  out.push(gap(), signatureLine(m.organName), signatureLine(zhDateOrBlank(m.generatedAt.slice(0, 10))));
  return out;
}

export async function assessmentReport(m: AssessmentReportModel): Promise<Buffer> {
  return packWithCharts(
    { generatedAt: m.generatedAt, caseNumber: `${m.year}年度行政执法考核`, organName: m.organName },
    `${m.regionName}${m.year}年度行政执法考核结果报告`,
    assessmentReportChildren(m),
  );
}

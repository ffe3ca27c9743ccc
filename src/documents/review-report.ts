// 案卷评查结果报告 (.docx): the campaign (scope, rubric, the draw and its seed), its totals, the
// results per agency (drawn of eligible, self-check beside spot-check, how far they agree) and per
// file, with charts (chart.ts). Pure: the model in, the bytes out; the same model gives the same bytes.
import type { Paragraph, Table } from 'docx';
import {
  AGREEMENT_LABELS,
  AGREEMENTS,
  type AgencyResult,
  type FileComparison,
  type ResultSummary,
  type StageSummary,
} from '../core/review/results.js';
import { REVIEW_GRADE_LABELS, REVIEW_GRADES, type ReviewGrade } from '../core/review/rubric.js';
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

export interface ReviewReportModel {
  regionName: string;
  organName: string;
  campaign: {
    name: string;
    kindLabel: string;
    stateLabel: string;
    rubricTitle: string;
    agencies: string[];
    kinds: string[];
    from: string | null;
    to: string | null;
    seed: string;
    size: number;
  };
  totals: ResultSummary;
  agencies: (AgencyResult & { agencyName: string; eligible: number | null; drawn: number | null })[];
  files: (FileComparison & { agencyName: string })[];
  generatedAt: string;
}

const SMALL = SIZE.small;
const n2 = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : String(Math.round(x * 100) / 100);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`;
const grade = (g: ReviewGrade | null | undefined) => (g ? REVIEW_GRADE_LABELS[g] : '未评');

/** A stage's figures in words. */
export function stageSentence(stageLabel: string, s: StageSummary): string {
  if (s.scored === 0) return `${stageLabel}尚无评分的案卷。`;
  const grades = REVIEW_GRADES.map((g) => `${REVIEW_GRADE_LABELS[g]} ${s.grades[g]} 件`).join('、');
  return `${stageLabel}评分 ${s.scored} 件，平均 ${n2(s.mean)} 分，其中${grades}；合格率 ${pct(s.passRate)}，优秀率 ${pct(s.excellentRate)}。`;
}

export function reviewReportChildren(m: ReviewReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let figure = 0;
  const chart = (spec: Parameters<typeof chartParagraphs>[0]) => {
    figure += 1;
    out.push(...chartParagraphs(spec, `图${figure}　${spec.title}`));
  };
  const c = m.campaign;
  const t = m.totals;
  const period = c.from || c.to ? `${zhDateOrBlank(c.from)}至${zhDateOrBlank(c.to)}` : '不限';
  out.push(
    title(`${c.name}结果报告`, 120),
    centered(`${m.regionName}·${c.kindLabel}·${c.stateLabel}`, { font: FONT.subheading }),
    gap(),
    heading(1, '评查范围与抽样'),
    body(
      `评查范围：${c.agencies.length > 0 ? c.agencies.join('、') : '本地区全部执法部门'}；执法行为类别：${c.kinds.join('、') || '全部'}；决定日期：${period}。` +
        `评查标准为${c.rubricTitle}。按执法部门分层、按可抽案卷数比例（最大余数法）抽取 ${c.size} 件，随机种子 ${c.seed}，相同种子、相同数据抽中相同的案卷。`,
    ),
    heading(2, '总体情况'),
    body(
      `本次评查抽取案卷 ${t.files} 件。${stageSentence('执法部门自查', t.self)}${stageSentence('抽查评查', t.spot)}`,
    ),
    body(
      t.compared === 0
        ? '尚无自查、抽查均已评分的案卷，暂不比对。'
        : `自查与抽查均已评分的 ${t.compared} 件中，${AGREEMENTS.map((a) => `${AGREEMENT_LABELS[a]} ${t.agreements[a]} 件`).join('、')}；自查平均比抽查${(t.meanDifference ?? 0) >= 0 ? '高' : '低'} ${n2(Math.abs(t.meanDifference ?? 0))} 分。`,
    ),
  );
  if (t.self.scored + t.spot.scored > 0) {
    chart({
      kind: 'column',
      title: '自查与抽查等次分布',
      categories: REVIEW_GRADES.map((g) => REVIEW_GRADE_LABELS[g]),
      series: [
        { name: '自查', values: REVIEW_GRADES.map((g) => t.self.grades[g]) },
        { name: '抽查', values: REVIEW_GRADES.map((g) => t.spot.grades[g]) },
      ],
      unit: '件',
    });
  }
  out.push(heading(3, '各执法部门情况'));
  const scoredAgencies = m.agencies.filter((a) => a.self.scored + a.spot.scored > 0);
  if (scoredAgencies.length > 0) {
    chart({
      kind: 'bar',
      title: '各执法部门自查与抽查平均分',
      categories: scoredAgencies.map((a) => a.agencyName),
      series: [
        { name: '自查', values: scoredAgencies.map((a) => a.self.mean) },
        { name: '抽查', values: scoredAgencies.map((a) => a.spot.mean) },
      ],
      unit: '分',
      min: 0,
      max: 100,
    });
  }
  out.push(
    table(
      [2600, 1300, 1300, 1300, 1300, TEXT_WIDTH - 7800],
      [
        {
          cells: ['执法部门', '可抽/抽取', '自查平均分', '抽查平均分', '抽查合格率', '等次比对'].map((h) =>
            label(h, SMALL),
          ),
        },
        ...m.agencies.map((a) => ({
          cells: [
            value(a.agencyName, 1, SMALL),
            value(`${a.eligible ?? '—'}/${a.drawn ?? a.files}`, 1, SMALL),
            value(n2(a.self.mean), 1, SMALL),
            value(n2(a.spot.mean), 1, SMALL),
            value(pct(a.spot.passRate), 1, SMALL),
            value(AGREEMENTS.map((g) => `${AGREEMENT_LABELS[g]}${a.agreements[g]}`).join('，'), 1, SMALL),
          ],
        })),
      ],
    ),
    heading(4, '逐卷结果'),
    table(
      [2400, 2400, 1200, 1200, 1200, TEXT_WIDTH - 8400],
      [
        { cells: ['执法行为', '执法部门', '自查', '抽查', '分差', '比对'].map((h) => label(h, SMALL)) },
        ...m.files.map((f) => ({
          cells: [
            value(f.actId, 1, SMALL),
            value(f.agencyName, 1, SMALL),
            value(f.self ? `${n2(f.self.total)}（${grade(f.self.grade)}）` : '—', 1, SMALL),
            value(f.spot ? `${n2(f.spot.total)}（${grade(f.spot.grade)}）` : '—', 1, SMALL),
            value(n2(f.difference), 1, SMALL),
            value(f.agreement ? AGREEMENT_LABELS[f.agreement] : '—', 1, SMALL),
          ],
        })),
      ],
    ),
    gap(),
    signatureLine(m.organName),
    signatureLine(zhDateOrBlank(m.generatedAt.slice(0, 10))),
  );
  return out;
}

export async function reviewReport(m: ReviewReportModel): Promise<Buffer> {
  return packWithCharts(
    { generatedAt: m.generatedAt, caseNumber: m.campaign.name, organName: m.organName },
    `${m.campaign.name}结果报告`,
    reviewReportChildren(m),
  );
}

// A市 (fictional, region 529900; the demo city): refines the province. It names only what it
// changes — shorter procedure deadlines, a stricter repeat-fault threshold (two faults in a year
// aggravate under Art. 19(2)), earlier warnings — and inherits everything else. Its second
// version (from 2026) also counts faults of the same category as "the same kind", and brings the
// city's tolerance policy (容错纠错, a-city-tolerance.ts), its case-file review standard
// (a-city-review.ts), its annual assessment policy (a-city-assessment.ts) and its external
// evaluation form (a-city-evaluation.ts). Its third (from 2027)
// requires a 复核 by the office before an appeal to the relief panel (复核前置).
import { A_CITY_ASSESSMENT } from './a-city-assessment.js';
import { A_CITY_EVALUATION } from './a-city-evaluation.js';
import { A_CITY_REVIEW } from './a-city-review.js';
import { A_CITY_TOLERANCE } from './a-city-tolerance.js';
import type { PackDefinition } from './types.js';

const workingDays = (days: number) => ({ days, unit: 'working_day' as const });

/** Version 2.0's changes, which 3.0 keeps. */
const V2 = {
  repeat: { minFaultsInWindow: 2, sameKindBy: 'category' },
  procedure: {
    acceptComplaint: workingDays(10),
    investigation: workingDays(20),
    extension: workingDays(10),
  },
  earlyWarning: { attentionAt: 1, warningAt: 2 },
  tolerance: A_CITY_TOLERANCE,
  review: A_CITY_REVIEW,
  assessment: A_CITY_ASSESSMENT,
  evaluation: A_CITY_EVALUATION,
  // 通报批评 is made known by circulating it: the city publishes it too, in masked summary.
  disclosure: {
    accountability: {
      forms: ['circulated_criticism'],
      source:
        'A市行政执法过错责任追究实施细则（示例）：给予通报批评的，处理结果在本市行政执法公示平台摘要公开，隐去当事人姓名',
    },
  },
} as const satisfies PackDefinition['versions'][number]['params'];

export const GUIZHOU_A_CITY: PackDefinition = {
  name: 'guizhou-a-city',
  title: 'A市',
  region: '529900',
  parent: 'guizhou',
  measuresTitle: 'A市行政执法过错责任追究实施细则（示例）',
  versions: [
    {
      version: '1.0',
      validFrom: '2024-07-01',
      validTo: '2025-12-31',
      note: '受理期限 10 个工作日，调查 20 个工作日、延长不超过 10 个工作日，一年内两次过错即从重',
      params: {
        repeat: { minFaultsInWindow: 2 },
        procedure: {
          acceptComplaint: workingDays(10),
          investigation: workingDays(20),
          extension: workingDays(10),
        },
        earlyWarning: { attentionAt: 1, warningAt: 2 },
      },
    },
    {
      version: '2.0',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      note: '在 1.0 基础上，同一类别的过错行为视为同一种类；施行容错纠错实施办法',
      params: V2,
    },
    {
      version: '3.0',
      validFrom: '2027-01-01',
      validTo: null,
      note: '在 2.0 基础上，实行复核前置：对处理决定不服的，须先向原处理机关申请复核，对复核决定不服的再向救济委员会申诉',
      params: {
        ...V2,
        relief: {
          review: {
            required: true,
            source: 'A市行政执法过错责任追究实施细则（示例）：复核前置；期限参照《公务员申诉规定》（2022）',
          },
        },
      },
    },
  ],
};

// A市 (fictional, region 529900; the demo city): refines the province. It names only what it
// changes — shorter procedure deadlines, a stricter repeat-fault threshold (two faults in a year
// aggravate under Art. 19(2)), earlier warnings — and inherits everything else. Its second
// version (from 2026) also counts faults of the same category as "the same kind", and brings the
// city's tolerance policy (容错纠错, a-city-tolerance.ts), its case-file review standard
// (a-city-review.ts) and its annual assessment policy (a-city-assessment.ts).
import { A_CITY_ASSESSMENT } from './a-city-assessment.js';
import { A_CITY_REVIEW } from './a-city-review.js';
import { A_CITY_TOLERANCE } from './a-city-tolerance.js';
import type { PackDefinition } from './types.js';

const workingDays = (days: number) => ({ days, unit: 'working_day' as const });

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
      validTo: null,
      note: '在 1.0 基础上，同一类别的过错行为视为同一种类；施行容错纠错实施办法',
      params: {
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
      },
    },
  ],
};

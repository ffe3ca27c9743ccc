// The province: 贵州省行政执法过错责任追究办法. Every parameter is given here; a city pack
// overrides only what it names. Where CONTRACTS.md decides an ambiguity, its reading is the
// default (DECISIONS.md). Procedure defaults are those DOMAIN.md reports from peer provinces.
import { DEFAULT_DISCLOSURE } from '../../disclosure/params.js';
import { MEASURES_FROM, MEASURES_TITLE } from '../measures.js';
import type { PackDefinition, PackParams } from './types.js';

const workingDays = (days: number) => ({ days, unit: 'working_day' as const });
/** "一年内", counted by the calendar (民法典 第二百零一条、第二百零二条), not as 365 days. */
const oneYear = { count: 1, unit: 'year' as const };

export const GUIZHOU_PARAMS: PackParams = {
  // Art. 15 applies to joint enforcement too: Art. 17 adds agencies and heads (DECISIONS.md D5).
  attribution: { art15Decisions: ['approval', 'joint'] },
  repeat: {
    window: oneYear,
    minFaultsInWindow: 3,
    minEarlierSanctions: 2,
    sanctionsWindow: null,
    sameKindBy: 'item',
  },
  commonFault: { secondaryNeedsAnotherLiable: true },
  leniency: { aggravationBarsMayNotPursue: true, sanctionsIfMayNotPursue: true },
  sanctions: {
    weights: {
      nature: { minor: 0, ordinary: 1, egregious: 3 },
      harm: { small: 0, large: 1 },
      impact: { small: 0, large: 1 },
    },
    ladder: [
      'admonition_talk',
      'written_self_criticism',
      'circulated_criticism',
      'off_post_training',
      'removal_from_post',
      'suspension_of_qualification',
      'disqualification',
    ],
    aggravateSteps: 1,
    lightenSteps: 1,
  },
  agencies: { seriousFromScore: 3 },
  procedure: {
    acceptComplaint: workingDays(15),
    minInvestigators: 2,
    investigation: workingDays(30),
    extension: workingDays(15),
    maxExtensions: 1,
    hearDefenceBeforeDecision: true,
    appealWithin: workingDays(30),
    decisionStandsDuringAppeal: true,
    // 离岗培训 and heavier forms bear on the officer's post: the office decides them collectively.
    collectiveDiscussionFrom: 'off_post_training',
  },
  earlyWarning: { window: oneYear, attentionAt: 2, warningAt: 3, sanctionsWarningAt: 2 },
  // The Measures contain no 容错纠错; a city pack brings its own policy.
  tolerance: null,
  // Nor a case-file review standard or an annual assessment: the city's own.
  review: null,
  assessment: null,
  // Nor an external evaluation form.
  evaluation: null,
  // Ch. 4 is not in the seed: the defaults of 公务员申诉规定 (2022) — decided within 60 days,
  // extendable once by 30; a panel of five (PRACTICE.md (b)).
  relief: {
    panelSize: 5,
    decideWithin: { days: 60, unit: 'calendar_day' },
    extension: { days: 30, unit: 'calendar_day' },
    maxExtensions: 1,
    hearingNotice: workingDays(3),
    // 复核 is the appellant's choice here (either 复核 first, or 申诉 directly); a city may require it.
    review: {
      required: false,
      requestWithin: { days: 30, unit: 'calendar_day' },
      decideWithin: { days: 30, unit: 'calendar_day' },
      appealAfter: { days: 15, unit: 'calendar_day' },
      source:
        '参照《公务员申诉规定》（2022）：自知道处理之日起三十日内向原处理机关申请复核，原处理机关三十日内作出复核决定；对复核决定不服的，自接到复核决定之日起十五日内提出申诉，也可以不经复核直接申诉',
    },
    source:
      '参照《公务员申诉规定》（2022）：申诉公正委员会组成人数为单数，60 日内作出处理决定，可延长不超过 30 日',
  },
  // 行政执法公示 (PRACTICE.md (f)): 7 working days for licensing and penalty decisions, 20 for others,
  // withdrawal within 3, online 2 years (natural persons) or 5 (organisations).
  disclosure: DEFAULT_DISCLOSURE,
};

export const GUIZHOU: PackDefinition = {
  name: 'guizhou',
  title: '贵州省',
  region: '520000',
  parent: null,
  measuresTitle: MEASURES_TITLE,
  versions: [
    {
      version: '1.0',
      validFrom: MEASURES_FROM,
      validTo: null,
      note: '第十五条至第二十三条及第二章目录据种子文本；第二十四、二十五条及第四章为摘要；生效日期待管理员核定',
      params: GUIZHOU_PARAMS,
    },
  ],
};

export {
  type DiscretionEntry,
  type DiscretionStandard,
  discretionStandard,
  parseDiscretionCsv,
} from './discretion.js';
export {
  FineIndex,
  type FineIndexData,
  type FineRef,
  fineKey,
  keyHash,
  sharedHashes,
} from './duplicate-fine.js';
export {
  type AgencyDuties,
  type DutyEntry,
  type DutyLookup,
  dutyEntry,
  dutyKeys,
  dutyLookup,
} from './duty-list.js';
export { FineSeries, type FineSeriesData } from './fine-outlier.js';
export { FineTable } from './fine-table.js';
export {
  type ActRule,
  CROSS_ACT_RULES,
  compareFindings,
  type Finding,
  RULE_NAMES,
  type RuleContext,
  type RuleName,
  SIGNAL_RULES,
} from './rule.js';
export {
  actRules,
  checkAct,
  ruleContext,
  Scanner,
  type ScanOptions,
  type ScanPartial,
  scanActs,
} from './scan.js';
export { BAIL, CLEAN, SCREENED_RULES, type ScreenOut, SUSPECT, screenAct, screenOut } from './screen.js';

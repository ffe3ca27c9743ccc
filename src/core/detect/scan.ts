// Running the rules over acts: per-act rules on each act as it streams by, the duplicate-fine index
// alongside; partial scans (one per worker) merge and finish into one deterministic list.
import type { Act } from '../acts/schema.js';
import { toDayNumber } from '../calendar/day-number.js';
import type { Calendar } from '../calendar/lookup.js';
import { ValidationError } from '../validation.js';
import type { DiscretionStandard } from './discretion.js';
import { FineIndex, type FineIndexData } from './duplicate-fine.js';
import type { DutyLookup } from './duty-list.js';
import { FineSeries, type FineSeriesData } from './fine-outlier.js';
import { compareFindings, type Finding, type RuleContext } from './rule.js';
import { actRules, checkAct } from './rules.js';

export { actRules, checkAct };

export interface ScanOptions {
  asOf: string;
  calendar: Calendar;
  /** The discretion standard for fine-outside-range (none: that rule finds nothing). */
  discretion?: DiscretionStandard;
  /** The duty lists for outside-duty-list (none: that rule finds nothing). */
  duties?: DutyLookup;
}

/** What a partial scan hands to the one that merges. */
export interface ScanPartial {
  count: number;
  findings: Finding[];
  fines: FineIndexData;
  series: FineSeriesData;
}

export function ruleContext(opts: ScanOptions): RuleContext {
  const asOfDay = toDayNumber(opts.asOf);
  if (Number.isNaN(asOfDay)) {
    throw new ValidationError('基准日期无效', [{ path: 'asOf', message: '须为 YYYY-MM-DD 格式的有效日期' }]);
  }
  return {
    asOf: opts.asOf,
    asOfDay,
    calendar: opts.calendar,
    discretion: opts.discretion,
    duties: opts.duties,
  };
}

export class Scanner {
  count = 0;
  readonly findings: Finding[] = [];
  readonly fines = new FineIndex();
  readonly series = new FineSeries();
  private readonly ctx: RuleContext;

  constructor(opts: ScanOptions) {
    this.ctx = ruleContext(opts);
  }

  add(act: Act): void {
    this.count += 1;
    checkAct(act, this.ctx, this.findings);
    this.fines.add(act);
    this.series.add(act);
  }

  partial(): ScanPartial {
    return { count: this.count, findings: this.findings, fines: this.fines, series: this.series };
  }

  merge(p: ScanPartial): void {
    this.count += p.count;
    for (const f of p.findings) this.findings.push(f);
    this.fines.merge(p.fines);
    this.series.merge(p.series);
  }

  /**
   * All findings, sorted by act id then rule name. `text` turns strings of the input into the
   * text of a finding (identity unless the caller read the input as bytes, see the scan command).
   */
  finish(text?: (s: string) => string): Finding[] {
    const all = this.findings.concat(this.fines.findings(text), this.series.findings(text));
    return all.sort(compareFindings);
  }
}

/** The findings of a set of acts, by act id then rule name. */
export function scanActs(acts: Iterable<Act>, opts: ScanOptions): Finding[] {
  const scanner = new Scanner(opts);
  for (const act of acts) scanner.add(act);
  return scanner.finish();
}

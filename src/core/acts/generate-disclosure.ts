// The act generator's publication dates (行政执法决定公示): every granted licence and every penalty
// decision is published within the 7 working days of 国办发〔2018〕118号 (or not yet, when those days
// have not passed by asOf), except the disclosure-overdue faults planted here: published late, or
// not at all long after the deadline. A separate random stream, so that the acts themselves and the
// other faults stay as they were.
import { DISCLOSURE_DAYS } from '../detect/disclosure-overdue.js';
import { categoryOfAct } from '../disclosure/categories.js';
import { createRng } from '../random.js';
import { addWorking, date, day, type GenContext } from './generate-clean.js';
import type { Fault } from './generate-faults.js';
import type { Act } from './schema.js';

/**
 * Sets `publishedOn` on a generated (compacted) act; for the share `faultRate / rules` of clean
 * decisions, late or missing, returning the fault. `clean`: no other fault was put on the act.
 */
export function disclosurePlanter(
  seed: number,
  faultRate: number,
  rules: number,
): (g: GenContext, act: Act, clean: boolean) => Fault | null {
  const rng = createRng(seed ^ 0x0d_15_c1);
  const p = faultRate / (rules + 1);
  return (g, act, clean) => {
    const category = categoryOfAct(act);
    if (category === null || !act.dates.decided) return null;
    const decided = day(act.dates.decided);
    const lateFrom = addWorking(g, decided, DISCLOSURE_DAYS + 1);
    if (clean && lateFrom <= g.asOfDay && rng.chance(p)) {
      const published = addWorking(g, decided, DISCLOSURE_DAYS + rng.int(1, 30));
      if (published <= g.asOfDay && rng.chance(0.7)) act.publishedOn = date(published);
      return {
        act,
        rule: 'disclosure-overdue',
        fault: category === 'licensing' ? 'licensing.02' : 'penalty.12',
      };
    }
    const published = addWorking(g, decided, rng.int(1, DISCLOSURE_DAYS));
    if (published <= g.asOfDay) act.publishedOn = date(published);
    return null;
  };
}

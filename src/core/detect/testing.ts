// Builders for rule tests: a clean act of each kind, with the fields a test changes overridden.
import type { Act } from '../acts/schema.js';
import { defaultCalendar } from '../calendar/calendar.js';
import { toDayNumber } from '../calendar/day-number.js';
import { demoDutyItems } from '../duties/demo.js';
import { DEFAULT_DISCRETION } from '../rulebook/packs/discretion.js';
import { discretionStandard } from './discretion.js';
import { type DutyLookup, dutyEntry, dutyLookup } from './duty-list.js';
import type { ActRule, Finding, RuleContext } from './rule.js';

export const cal = defaultCalendar();

/** The rule pack's discretion standard (the demo city's). */
export const discretion = discretionStandard(DEFAULT_DISCRETION);

let duties: DutyLookup | undefined;
/** The demo city's duty lists as held after every import (src/core/duties/demo.ts). */
export function demoDuties(): DutyLookup {
  duties ??= dutyLookup(demoDutyItems().map(dutyEntry));
  return duties;
}

export function ctx(asOf = '2025-12-31'): RuleContext {
  return { asOf, asOfDay: toDayNumber(asOf), calendar: cal, discretion };
}

const OFFICERS = [
  { id: 'O-0001', certificate: '52990000005', validUntil: '2027-06-30' },
  { id: 'O-0002', certificate: '52990000008', validUntil: '2027-06-30' },
];

type Overrides = Omit<Partial<Act>, 'dates'> & { dates?: Partial<Act['dates']> };

export function act(kind: Act['kind'], overrides: Overrides = {}): Act {
  const base: Act = {
    id: 'A-2024-0000001',
    agency: '529900-SCJ',
    kind,
    matter: '食品经营许可',
    procedure: kind === 'penalty' ? 'ordinary' : null,
    party: { type: 'org', id: '91529900MA6DXXXX1X' },
    officers: OFFICERS.map((o) => ({ ...o })),
    chain: { handler: 'O-0001', reviewer: 'O-0002', approver: 'O-0003' },
    violation: kind === 'penalty' ? 'FOOD-27' : null,
    incidentDate: kind === 'penalty' ? '2024-03-01' : null,
    dates: {
      applied: null,
      accepted: null,
      filed: null,
      notified: null,
      decided: null,
      served: null,
      extended: false,
    },
    fine: null,
    payment: null,
    hearing: { requested: false, held: false },
    criminal: { suspected: false, referred: false },
    review: null,
  };
  const { dates, ...rest } = overrides;
  const out = { ...base, ...rest, dates: { ...base.dates, ...dates } };
  // Published on the day of the decision unless a test says otherwise (disclosure-overdue).
  if (!('publishedOn' in overrides) && out.dates.decided) out.publishedOn = out.dates.decided;
  return out;
}

/** The rule's finding for the act, or null. */
export function check(rule: ActRule, a: Act, asOf?: string): Finding | null {
  return rule.check(a, ctx(asOf));
}

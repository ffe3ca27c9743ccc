// Clean acts of each kind for the generator: every date, officer and amount chosen so that the act
// triggers no detection rule. The fault injectors start from these and break one thing.
import type { DemoAgency } from '../../demo/city.js';
import { demoAgencies } from '../../demo/city.js';
import { type Calendar, nextWorkingDayNumber, ordinal, workingDayWithOrdinal } from '../calendar/calendar.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { fineKey } from '../detect/duplicate-fine.js';
import type { Rng } from '../random.js';
import { maskedPersonId, matterInfo, type OfficerCert, orgCode, validOfficers } from './generate-parts.js';
import type { Act, ActKind } from './schema.js';

/** Everything an act is built from; shared by the clean builders and the fault injectors. */
export interface GenContext {
  rng: Rng;
  cal: Calendar;
  asOfDay: number;
  fromDay: number;
  certs: Map<string, OfficerCert[]>;
  byKind: Map<ActKind, { agency: DemoAgency; matter: string }[]>;
  /** Fine keys already used, so that no act repeats a fine by accident. */
  fineKeys: Set<string>;
  /** Recent clean fine decisions a duplicate-fine fault can repeat. */
  originals: Act[];
  index: number;
}

// --- dates ---------------------------------------------------------------------------------------

export function day(s: string): number {
  return toDayNumber(s);
}
export function date(d: number): string {
  return fromDayNumber(d);
}
export function workingOnOrAfter(g: GenContext, d: number): number {
  return nextWorkingDayNumber(g.cal, d);
}
export function addWorking(g: GenContext, d: number, n: number): number {
  return workingDayWithOrdinal(g.cal, ordinal(g.cal, d) + n);
}
function randomDay(g: GenContext, from: number, to: number): number {
  return from + Math.floor(g.rng.next() * (to - from + 1));
}
/** A date, or null when it would lie after `asOf` (not happened yet). */
export function upTo(g: GenContext, d: number | null): string | null {
  return d === null || d > g.asOfDay ? null : date(d);
}

// --- parts ---------------------------------------------------------------------------------------

function pickMatter(g: GenContext, kind: ActKind): { agency: DemoAgency; matter: string } {
  return g.rng.pick(g.byKind.get(kind) as { agency: DemoAgency; matter: string }[]);
}

function party(g: GenContext, agency: DemoAgency): NonNullable<Act['party']> {
  const n = g.rng.int(0, 199_999);
  return g.rng.chance(0.65)
    ? { type: 'org', id: orgCode(agency.regionCode, n) }
    : { type: 'person', id: maskedPersonId(agency.regionCode, n) };
}

export function officersFor(
  g: GenContext,
  agencyId: string,
  d: number,
  n: number,
): NonNullable<Act['officers']> {
  const picked = validOfficers(g.rng, g.certs.get(agencyId) ?? [], d, n);
  return picked.map((c) => ({ id: c.officer, certificate: c.certificate, validUntil: c.validUntil }));
}

function chainOf(
  officers: Act['officers'],
  g: GenContext,
  agencyId: string,
  d: number,
): NonNullable<Act['chain']> {
  const seniors = validOfficers(g.rng, g.certs.get(agencyId) ?? [], d, 2);
  return {
    handler: officers[0]?.id ?? null,
    reviewer: seniors[0]?.officer ?? null,
    approver: seniors[1]?.officer ?? null,
  };
}

export function actId(g: GenContext, d: number): string {
  return `A-${date(d).slice(0, 4)}-${String(g.index + 1).padStart(7, '0')}`;
}

function base(g: GenContext, kind: ActKind, firstDay: number): Act {
  const { agency, matter } = pickMatter(g, kind);
  return {
    id: actId(g, firstDay),
    agency: agency.id,
    kind,
    matter,
    procedure: null,
    party: party(g, agency),
    officers: [],
    chain: null,
    violation: null,
    incidentDate: null,
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
    review: g.rng.chance(0.03) ? 'upheld' : null,
  };
}

/** Officers on an act that needs two: usually two, sometimes three. */
export function crew(g: GenContext): number {
  return g.rng.chance(0.15) ? 3 : 2;
}

/** Officers (n of them) valid on the act date, and the approval chain. */
export function staff(g: GenContext, act: Act, n: number): void {
  const d = day(
    act.dates.decided ?? act.dates.filed ?? act.dates.accepted ?? act.incidentDate ?? date(g.asOfDay),
  );
  act.officers = officersFor(g, act.agency, d, n);
  act.chain = chainOf(act.officers, g, act.agency, d);
}

function violationOf(g: GenContext, matter: string): string {
  return `${matterInfo(matter).code}-${String(g.rng.int(1, 40)).padStart(2, '0')}`;
}

/** A served date a few days after the decision, if that day has come. */
export function served(g: GenContext, decided: number | null, maxDelay: number): string | null {
  return decided === null ? null : upTo(g, decided + g.rng.int(0, maxDelay));
}

// --- clean acts by kind --------------------------------------------------------------------------

/** A licensing act applied for on a working day up to `latestApplied` (default: 5 days before asOf). */
export function licensingAct(
  g: GenContext,
  extended = g.rng.chance(0.08),
  latestApplied = g.asOfDay - 5,
): Act {
  const applied = workingOnOrAfter(g, randomDay(g, g.fromDay, latestApplied));
  const act = base(g, 'licensing', applied);
  const accepted = addWorking(g, applied, g.rng.int(0, 5));
  const limit = extended ? 30 : 20;
  const decided = g.rng.chance(0.1)
    ? addWorking(g, accepted, limit)
    : addWorking(g, accepted, g.rng.int(1, limit));
  const d = act.dates;
  d.applied = upTo(g, applied);
  d.accepted = upTo(g, accepted);
  d.decided = d.accepted ? upTo(g, decided) : null;
  d.served = d.decided ? served(g, decided, 10) : null;
  d.extended = extended;
  if (g.rng.chance(0.05)) act.hearing = { requested: true, held: true };
  staff(g, act, 2);
  return act;
}

/** The dates of an ordinary-procedure penalty decided within 90 days of filing. */
function ordinaryPenaltyDates(g: GenContext, act: Act, incident: number): void {
  const filed = workingOnOrAfter(g, incident + g.rng.int(0, 20));
  const deadline = workingOnOrAfter(g, filed + 90);
  const notified = filed + g.rng.int(10, 60);
  let decided = workingOnOrAfter(g, notified + g.rng.int(3, 30));
  if (decided > deadline || g.rng.chance(0.05)) decided = deadline;
  const d = act.dates;
  act.incidentDate = date(incident);
  d.filed = upTo(g, filed);
  d.notified = upTo(g, notified);
  d.decided = d.notified ? upTo(g, decided) : null;
  d.served = d.decided ? served(g, decided, 7) : null;
}

/** Fine, payment and hearing of a decided penalty. */
function finePart(g: GenContext, act: Act, summary: boolean): void {
  const org = act.party?.type === 'org';
  if (!act.dates.decided) return;
  if (summary) act.fine = org ? g.rng.int(4, 60) * 50 : g.rng.int(1, 20) * 10;
  else act.fine = g.rng.chance(0.1) ? null : g.rng.int(5, 2000) * 100;
  if (act.fine !== null && act.fine >= 10_000 && g.rng.chance(0.15))
    act.hearing = { requested: true, held: true };
  if (act.fine !== null && g.rng.chance(0.85)) {
    const method =
      summary && act.fine <= 100 && g.rng.chance(0.5) ? 'onsite' : g.rng.chance(0.7) ? 'bank' : 'online';
    act.payment = { method, receipt: true };
  }
}

/** Re-pick the party until the fine key is new (a clean act never repeats a fine). */
export function uniqueFine(g: GenContext, act: Act): void {
  const agency = demoAgencies.find((a) => a.id === act.agency) as DemoAgency;
  for (let key = fineKey(act); key !== null && g.fineKeys.has(key); key = fineKey(act))
    act.party = party(g, agency);
  const key = fineKey(act);
  if (key !== null) g.fineKeys.add(key);
}

/** A penalty for an incident up to `latestIncident` (default: 3 days before asOf). */
export function penaltyAct(g: GenContext, summary = g.rng.chance(0.3), latestIncident = g.asOfDay - 3): Act {
  const incident = randomDay(g, g.fromDay, latestIncident);
  const act = base(g, 'penalty', incident);
  act.violation = violationOf(g, act.matter as string);
  if (summary) {
    act.procedure = 'summary';
    act.incidentDate = date(incident);
    act.dates.notified = act.dates.decided = act.dates.served = date(incident);
  } else {
    act.procedure = 'ordinary';
    ordinaryPenaltyDates(g, act, incident);
    if (g.rng.chance(0.01)) act.criminal = { suspected: true, referred: true };
  }
  finePart(g, act, summary);
  staff(g, act, summary ? g.rng.int(1, 2) : crew(g));
  return act;
}

export function inspectionAct(g: GenContext): Act {
  const inspected = workingOnOrAfter(g, randomDay(g, g.fromDay, g.asOfDay - 3));
  const act = base(g, 'inspection', inspected);
  act.dates.decided = upTo(g, inspected);
  act.dates.served = served(g, inspected, 5);
  staff(g, act, crew(g));
  return act;
}

export function coercionAct(g: GenContext, latestIncident = g.asOfDay - 10): Act {
  const incident = randomDay(g, g.fromDay, latestIncident);
  const act = base(g, 'coercion', incident);
  act.violation = violationOf(g, act.matter as string);
  act.incidentDate = date(incident);
  const filed = workingOnOrAfter(g, incident + g.rng.int(0, 5));
  const decided = filed + g.rng.int(0, 3);
  act.dates.filed = upTo(g, filed);
  act.dates.notified = upTo(g, decided);
  act.dates.decided = upTo(g, decided);
  act.dates.served = act.dates.decided;
  staff(g, act, crew(g));
  return act;
}

export function plainAct(g: GenContext, kind: 'levy' | 'other'): Act {
  const decided = workingOnOrAfter(g, randomDay(g, g.fromDay, g.asOfDay - 3));
  const act = base(g, kind, decided);
  act.dates.decided = upTo(g, decided);
  act.dates.served = served(g, decided, 5);
  if (kind === 'levy') act.amount = g.rng.int(10, 5000) * 10; // a field outside the contract, kept as is
  staff(g, act, 2);
  return act;
}

export function cleanAct(g: GenContext, kind: ActKind): Act {
  switch (kind) {
    case 'licensing':
      return licensingAct(g);
    case 'penalty':
      return penaltyAct(g);
    case 'inspection':
      return inspectionAct(g);
    case 'coercion':
      return coercionAct(g);
    default:
      return plainAct(g, kind);
  }
}

const ORDER = [
  'id',
  'agency',
  'kind',
  'matter',
  'procedure',
  'party',
  'officers',
  'chain',
  'violation',
  'incidentDate',
  'dates',
  'fine',
  'payment',
  'hearing',
  'criminal',
  'review',
] as const;

/**
 * The act as an agency system would export it: fields in the contract's order, absent values left
 * out rather than null, no hearing unless one was requested and no criminal flags unless suspected.
 */
export function compactAct(act: Act): Act {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) {
    const v = act[k];
    if (v === null || v === undefined) continue;
    if (k === 'dates') {
      const dates: Record<string, unknown> = {};
      for (const [dk, dv] of Object.entries(v)) if (dv !== null && dv !== undefined) dates[dk] = dv;
      if (act.kind !== 'licensing') delete dates.extended;
      out.dates = dates;
    } else if (k === 'hearing') {
      if ((v as { requested: boolean }).requested) out.hearing = v;
    } else if (k === 'criminal') {
      if ((v as { suspected: boolean }).suspected) out.criminal = v;
    } else out[k] = v;
  }
  for (const k of Object.keys(act)) if (!(k in out) && !ORDER.includes(k as never)) out[k] = act[k];
  return out as Act;
}

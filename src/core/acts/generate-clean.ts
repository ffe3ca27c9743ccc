// Clean acts of each kind for the generator: every date, officer and amount chosen so that the act
// triggers no detection rule. The fault injectors start from these and break one thing.
import type { DemoAgency } from '../../demo/city.js';
import { demoAgencies } from '../../demo/city.js';
import { type Calendar, nextWorkingDayNumber, ordinal, workingDayWithOrdinal } from '../calendar/calendar.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import type { DiscretionEntry } from '../detect/discretion.js';
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
  /** The discretion standard by violation: a clean fine stays within it. */
  discretion: ReadonlyMap<string, DiscretionEntry>;
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

/**
 * A violation code of the matter. The first five of each penalty matter are in the discretion
 * standard, whose amounts exceed the summary procedure's: a summary penalty takes one of the others.
 */
export function violationOf(g: GenContext, matter: string, summary = false): string {
  return `${matterInfo(matter).code}-${String(g.rng.int(summary ? 6 : 1, 40)).padStart(2, '0')}`;
}

/** Bring a fine into the discretion standard's range for its violation (no-op outside the standard). */
export function fitDiscretion(g: GenContext, act: Act): void {
  const e = act.violation ? g.discretion.get(act.violation) : undefined;
  if (e === undefined || act.kind !== 'penalty' || act.fine == null || act.fine <= 0) return;
  act.fine = Math.min(Math.max(act.fine, e.min), e.max);
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
  const standard = act.violation ? g.discretion.get(act.violation) : undefined;
  if (summary) act.fine = org ? g.rng.int(4, 60) * 50 : g.rng.int(1, 20) * 10;
  else if (g.rng.chance(0.1)) act.fine = null;
  else if (standard) act.fine = g.rng.int(standard.min / 100, standard.max / 100) * 100;
  else act.fine = g.rng.int(5, 2000) * 100;
  if (act.fine !== null && act.fine >= 10_000 && g.rng.chance(0.15)) heldHearing(g, act);
  if (act.fine !== null && g.rng.chance(0.85)) {
    const method =
      summary && act.fine <= 100 && g.rng.chance(0.5) ? 'onsite' : g.rng.chance(0.7) ? 'bank' : 'online';
    act.payment = { method, receipt: true };
    if (method === 'onsite') {
      // Handed in within the two working days of 行政处罚法第七十一条 (unknown yet if after asOf).
      const collected = day(act.dates.decided);
      const remitted = addWorking(g, collected, g.rng.int(0, 2));
      act.payment.collectedOn = date(collected);
      if (remitted <= g.asOfDay) act.payment.remittedOn = date(remitted);
    }
  }
}

/** A hearing requested and held, noticed at least seven working days before (行政处罚法第六十四条). */
function heldHearing(g: GenContext, act: Act): void {
  act.hearing = { requested: true, held: true };
  const notified = act.dates.notified;
  if (!notified || !g.rng.chance(0.8)) return;
  const noticed = day(notified) + g.rng.int(0, 3);
  const held = addWorking(g, noticed, 7 + (g.rng.chance(0.2) ? 0 : g.rng.int(1, 10)));
  if (held > g.asOfDay) return;
  act.hearing.noticedOn = date(noticed);
  act.hearing.heldOn = date(held);
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
  act.violation = violationOf(g, act.matter as string, summary);
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

const REFUSALS = ['申请材料不齐全且逾期未补正', '申请人不符合法定条件', '拟建项目不符合规划要求'];
const NOT_ACCEPTED = ['申请事项依法不需要取得行政许可', '申请事项不属于本机关职权范围'];

/** The outcome of a clean licensing act: granted, or refused / not accepted with the reason; the receipt issued. */
function licensingOutcome(g: GenContext, act: Act): void {
  if (g.rng.chance(0.85)) act.receiptIssued = true;
  if (!act.dates.decided) return;
  const r = g.rng.next();
  if (r < 0.82) act.decision = 'granted';
  else if (r < 0.88) {
    act.decision = 'refused';
    act.reason = g.rng.pick(REFUSALS);
  } else if (r < 0.92) {
    // Not accepted: decided within a few working days of the application, never accepted.
    act.decision = 'not_accepted';
    act.reason = g.rng.pick(NOT_ACCEPTED);
    const applied = day(act.dates.applied as string);
    act.dates.accepted = null;
    act.dates.extended = false;
    act.dates.decided = upTo(g, addWorking(g, applied, g.rng.int(0, 5)));
    act.dates.served = act.dates.decided;
    act.hearing = { requested: false, held: false };
  }
}

/** A clean coercion act's measure: a seal or seizure lifted in time (or still within its period), or another. */
function coercionMeasure(g: GenContext, act: Act): void {
  if (!act.dates.decided || g.rng.chance(0.3)) {
    act.measure = 'other';
    return;
  }
  act.measure = g.rng.chance(0.5) ? 'seal' : 'seize';
  const seized = day(act.dates.decided);
  act.dates.seized = date(seized);
  const extended = g.rng.chance(0.15);
  if (extended) act.extension = { approved: true, on: upTo(g, seized + g.rng.int(20, 30)) };
  const deadline = workingOnOrAfter(g, seized + (extended ? 60 : 30));
  const released = g.rng.chance(0.1) ? deadline : seized + g.rng.int(1, extended ? 60 : 30);
  if (released <= g.asOfDay) act.dates.released = date(released);
  else if (g.asOfDay > deadline) act.dates.released = date(deadline);
}

export function cleanAct(g: GenContext, kind: ActKind): Act {
  switch (kind) {
    case 'licensing': {
      const act = licensingAct(g);
      licensingOutcome(g, act);
      return act;
    }
    case 'penalty':
      return penaltyAct(g);
    case 'inspection':
      return inspectionAct(g);
    case 'coercion': {
      const act = coercionAct(g);
      coercionMeasure(g, act);
      return act;
    }
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
  'decision',
  'reason',
  'receiptIssued',
  'measure',
  'extension',
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

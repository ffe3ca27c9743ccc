// The scan's fast lane. Most acts are clean, and proving that an act is valid and triggers no
// rule does not need its JSON turned into objects. The screen reads the bytes of one JSON Lines
// line once (byte-reader.ts) — checking the JSON syntax and the schema as `readAct` does — keeps
// the handful of values the rules compare (dates as day numbers, flags, counts) and evaluates the
// rules' predicates on them:
//
//   CLEAN    valid, no per-act rule fires (a fine decision's duplicate-fine key is reported)
//   SUSPECT  valid, some rule fires: the caller parses the line and runs the rules for the findings
//   BAIL     anything else — invalid, or merely unusual (escapes in strings, decimals): the caller
//            takes the full path (JSON.parse, readAct, zod), which decides
//
// A property test (screen.test.ts) holds the screen to the full path on generated, mutated and
// damaged lines: CLEAN must be valid with no findings and the same fine key, SUSPECT valid with
// findings. A change to a rule's predicate must be made here too; the date arithmetic is shared.

import { ordinal } from '../calendar/lookup.js';
import {
  DECISION_BYTES as DECISIONS,
  MEMBER as K,
  KIND_BYTES as KINDS,
  MEASURE_BYTES as MEASURES,
  PARTY_TYPE_BYTES as PARTY_TYPES,
  PROCEDURE_BYTES as PROCEDURES,
  REVIEW_BYTES as REVIEWS,
  WITHHOLD_BYTES as WITHHOLDS,
} from './act-bytes.js';
import { ByteReader, enc, NONE, STOP } from './byte-reader.js';
import { DISCLOSURE_DAYS } from './disclosure-overdue.js';
import type { DiscretionEntry, DiscretionStandard } from './discretion.js';
import { type AgencyDuties, type DutyLookup, inForce } from './duty-list.js';
import { REMIT_DAYS } from './fine-not-remitted.js';
import { HEARING_NOTICE_DAYS } from './hearing-notice-late.js';
import { LICENSING_DAYS, LICENSING_EXTENDED_DAYS, workingDayNumber } from './licensing-overdue.js';
import { ONSITE_LIMIT } from './onsite-collection.js';
import { penaltyDeadline } from './penalty-overdue.js';
import type { RuleContext } from './rule.js';
import { seizureDeadline } from './seizure-overdue.js';

export const BAIL = 0;
export const CLEAN = 1;
export const SUSPECT = 2;

/** The per-act rules the screen mirrors (a test checks that this is all of them). */
export const SCREENED_RULES = [
  'criminal-not-referred',
  'disclosure-overdue',
  'fewer-than-two-officers',
  'fine-not-remitted',
  'fine-outside-range',
  'hearing-not-held',
  'hearing-notice-late',
  'licensing-overdue',
  'no-application-receipt',
  'no-prior-notice',
  'no-receipt',
  'onsite-collection',
  'outside-duty-list',
  'overturned',
  'penalty-overdue',
  'refusal-without-reason',
  'seizure-overdue',
  'uncertified-officer',
] as const;

/** Byte offsets a caller needs for a clean fine decision (strings are cut from its own copy). */
export interface ScreenOut {
  fine: boolean;
  /** A fine for fine-outlier (penalty, fine > 0, decided, violation): agency, violation, id, decidedStart, amount. */
  series: boolean;
  amount: number;
  agencyStart: number;
  agencyEnd: number;
  idStart: number;
  idEnd: number;
  decidedStart: number;
  decidedDay: number;
  partyStart: number;
  partyEnd: number;
  violationStart: number;
  violationEnd: number;
  incidentStart: number;
}

export function screenOut(): ScreenOut {
  return {
    fine: false,
    series: false,
    amount: 0,
    agencyStart: 0,
    agencyEnd: 0,
    idStart: 0,
    idEnd: 0,
    decidedStart: 0,
    decidedDay: 0,
    partyStart: 0,
    partyEnd: 0,
    violationStart: 0,
    violationEnd: 0,
    incidentStart: 0,
  };
}

const LICENSING = 0;
const INSPECTION = 2;
const COERCION = 3;
const PENALTY = 4;
const OTHER = 5;
const SUMMARY = 1;
const ONSITE = enc('onsite');

const r = new ByteReader();

/** What the rules read of the act being screened (module state: this is the hot loop). */
const v = {
  id: false,
  agency: false,
  kind: -1,
  procedure: -1,
  party: false,
  violation: false,
  incident: NONE,
  dates: false,
  accepted: NONE,
  filed: NONE,
  notified: NONE,
  decided: NONE,
  extended: -1,
  fine: NONE,
  payment: false,
  onsite: false,
  receipt: false,
  requested: false,
  held: false,
  suspected: false,
  referred: false,
  review: -1,
  officers: -1,
  seized: NONE,
  released: NONE,
  collected: NONE,
  remitted: NONE,
  noticedOn: NONE,
  heldOn: NONE,
  /** -1 absent, else the index in LICENSING_DECISIONS / COERCION_MEASURES. */
  decision: -1,
  measure: -1,
  /** The reason is absent or only spaces. */
  noReason: true,
  /** -1 absent, 0 false, 1 true. */
  receiptIssued: -1,
  approved: false,
  /** The day the agency published the decision, NONE when absent. */
  publishedOn: NONE,
  /** -1 absent, else the index in WITHHOLD_GROUNDS. */
  withhold: -1,
};

const MAX_OFFICERS = 32;
const officerIdStart = new Int32Array(MAX_OFFICERS);
const officerIdEnd = new Int32Array(MAX_OFFICERS);
/** 1 when the officer's certificate is a non-empty string. */
const officerCertified = new Uint8Array(MAX_OFFICERS);
/** validUntil as a day number, NONE when absent. */
const officerUntil = new Float64Array(MAX_OFFICERS);

function reset(): void {
  v.id = v.agency = v.party = v.violation = v.dates = false;
  v.kind = v.procedure = v.extended = v.review = v.officers = -1;
  v.incident = v.accepted = v.filed = v.notified = v.decided = v.fine = NONE;
  v.payment = v.onsite = v.receipt = v.requested = v.held = v.suspected = v.referred = false;
  v.seized = v.released = v.collected = v.remitted = v.noticedOn = v.heldOn = NONE;
  v.decision = v.measure = v.receiptIssued = -1;
  v.noReason = true;
  v.approved = false;
  v.publishedOn = NONE;
  v.withhold = -1;
  matterAt[0] = matterAt[1] = 0;
}

function readParty(out: ScreenOut): void {
  v.party = false;
  if (r.isNull()) return;
  let type = false;
  let id = false;
  if (r.open())
    do {
      r.key();
      if (r.same(K.type)) {
        r.oneOf(PARTY_TYPES);
        type = true;
      } else if (r.same(K.id)) {
        r.text();
        id = true;
        out.partyStart = r.s0;
        out.partyEnd = r.s1;
      } else if (r.same(K.name) || r.same(K.creditCode)) r.optStr();
      // An ID number may make the party a minor (disclosure-overdue): the full path decides.
      else if (r.same(K.idNumber)) {
        if (r.optStr()) throw STOP;
      } else r.skip();
    } while (r.more(125));
  if (!type || !id) throw STOP;
  v.party = true;
}

function readPayment(): void {
  v.payment = v.onsite = v.receipt = false;
  v.collected = v.remitted = NONE;
  if (r.isNull()) return;
  let method = false;
  let receipt = -1;
  if (r.open())
    do {
      r.key();
      if (r.same(K.method)) {
        r.text();
        method = true;
        v.onsite = r.same(ONSITE);
      } else if (r.same(K.receipt)) receipt = r.bool() ? 1 : 0;
      else if (r.same(K.collectedOn)) v.collected = r.optDate();
      else if (r.same(K.remittedOn)) v.remitted = r.optDate();
      else r.skip();
    } while (r.more(125));
  if (!method || receipt < 0) throw STOP;
  v.payment = true;
  v.receipt = receipt === 1;
}

function readOfficers(): void {
  v.officers = 0;
  if (r.openArray())
    do {
      if (v.officers === MAX_OFFICERS) throw STOP;
      const i = v.officers++;
      let id = false;
      officerCertified[i] = 0;
      officerUntil[i] = NONE;
      if (r.open())
        do {
          r.key();
          if (r.same(K.id)) {
            r.text();
            officerIdStart[i] = r.s0;
            officerIdEnd[i] = r.s1;
            id = true;
          } else if (r.same(K.certificate)) officerCertified[i] = r.optStr() && r.s1 > r.s0 ? 1 : 0;
          else if (r.same(K.validUntil)) officerUntil[i] = r.optDate();
          else r.skip();
        } while (r.more(125));
      if (!id) throw STOP;
    } while (r.more(93));
}

function readChain(): void {
  if (r.isNull() || !r.open()) return;
  do {
    r.key();
    if (r.same(K.handler) || r.same(K.reviewer) || r.same(K.approver)) r.optStr();
    else r.skip();
  } while (r.more(125));
}

function readDates(out: ScreenOut): void {
  v.dates = true;
  v.accepted = v.filed = v.notified = v.decided = v.seized = v.released = NONE;
  v.extended = -1;
  if (!r.open()) return;
  do {
    r.key();
    const c = r.b[r.s0];
    if (c === 97 && r.same(K.applied)) r.optDate();
    else if (c === 97 && r.same(K.accepted)) v.accepted = r.optDate();
    else if (c === 102 && r.same(K.filed)) v.filed = r.optDate();
    else if (c === 110 && r.same(K.notified)) v.notified = r.optDate();
    else if (c === 100 && r.same(K.decided)) {
      v.decided = r.optDate();
      out.decidedStart = r.s0;
    } else if (c === 115 && r.same(K.served)) r.optDate();
    else if (c === 115 && r.same(K.seized)) v.seized = r.optDate();
    else if (c === 114 && r.same(K.released)) v.released = r.optDate();
    else if (c === 101 && r.same(K.extended)) v.extended = r.optBool();
    else r.skip();
  } while (r.more(125));
}

/** Two required booleans, e.g. hearing { requested, held }; [first, second] as 0/1, or -1 for null. */
function readPair(a: Uint8Array, b: Uint8Array): number {
  if (r.isNull()) return -1;
  let x = -1;
  let y = -1;
  if (r.open())
    do {
      r.key();
      if (r.same(a)) x = r.bool() ? 1 : 0;
      else if (r.same(b)) y = r.bool() ? 1 : 0;
      else r.skip();
    } while (r.more(125));
  if (x < 0 || y < 0) throw STOP;
  return x * 2 + y;
}

function readHearing(): void {
  v.requested = v.held = false;
  v.noticedOn = v.heldOn = NONE;
  if (r.isNull()) return;
  let x = -1;
  let y = -1;
  if (r.open())
    do {
      r.key();
      if (r.same(K.requested)) x = r.bool() ? 1 : 0;
      else if (r.same(K.held)) y = r.bool() ? 1 : 0;
      else if (r.same(K.noticedOn)) v.noticedOn = r.optDate();
      else if (r.same(K.heldOn)) v.heldOn = r.optDate();
      else r.skip();
    } while (r.more(125));
  if (x < 0 || y < 0) throw STOP;
  v.requested = x === 1;
  v.held = y === 1;
}

function readExtension(): void {
  v.approved = false;
  if (r.isNull()) return;
  let approved = -1;
  if (r.open())
    do {
      r.key();
      if (r.same(K.approved)) approved = r.bool() ? 1 : 0;
      else if (r.same(K.on)) r.optDate();
      else r.skip();
    } while (r.more(125));
  if (approved < 0) throw STOP;
  v.approved = approved === 1;
}

function readReason(): void {
  v.noReason = true;
  if (!r.optStr()) return;
  for (let i = r.s0; i < r.s1; i++) if (r.b[i] !== 32) v.noReason = false;
}

/** One member of the act. */
function readMember(out: ScreenOut): void {
  r.key();
  switch (r.b[r.s0]) {
    case 105: // i
      if (r.same(K.id)) {
        r.text();
        v.id = true;
        out.idStart = r.s0;
        out.idEnd = r.s1;
      } else if (r.same(K.incidentDate)) {
        v.incident = r.optDate();
        out.incidentStart = r.s0;
      } else if (r.same(K.itemName)) r.optStr();
      else r.skip();
      return;
    case 97: // a
      if (r.same(K.agency)) {
        r.text();
        v.agency = true;
        out.agencyStart = agencyAt[0] = r.s0;
        out.agencyEnd = agencyAt[1] = r.s1;
      } else r.skip();
      return;
    case 107: // k
      if (r.same(K.kind)) v.kind = r.oneOf(KINDS);
      else r.skip();
      return;
    case 109: // m
      if (r.same(K.matter)) {
        if (r.optStr()) {
          matterAt[0] = r.s0;
          matterAt[1] = r.s1;
        } else matterAt[0] = matterAt[1] = 0;
      } else if (r.same(K.measure)) v.measure = r.optOneOf(MEASURES);
      else r.skip();
      return;
    case 112: // p
      if (r.same(K.procedure)) v.procedure = r.optOneOf(PROCEDURES);
      else if (r.same(K.party)) readParty(out);
      else if (r.same(K.payment)) readPayment();
      else if (r.same(K.publishedOn)) v.publishedOn = r.optDate();
      else r.skip();
      return;
    case 111: // o
      if (r.same(K.officers)) readOfficers();
      else r.skip();
      return;
    case 99: // c
      if (r.same(K.chain)) readChain();
      else if (r.same(K.criminal)) {
        const c = readPair(K.suspected, K.referred);
        v.suspected = c >= 2;
        v.referred = c >= 0 && c % 2 === 1;
      } else if (r.same(K.category) || r.same(K.content)) r.optStr();
      else r.skip();
      return;
    case 118: // v
      if (r.same(K.violation)) {
        v.violation = r.optStr() && r.s1 > r.s0;
        out.violationStart = violationAt[0] = r.s0;
        out.violationEnd = violationAt[1] = r.s1;
      } else r.skip();
      return;
    case 100: // d
      if (r.same(K.dates)) readDates(out);
      else if (r.same(K.decision)) v.decision = r.optOneOf(DECISIONS);
      else if (r.same(K.documentNo)) r.optStr();
      else r.skip();
      return;
    case 102: // f
      if (r.same(K.fine)) v.fine = r.optInt();
      else r.skip();
      return;
    case 101: // e
      if (r.same(K.extension)) readExtension();
      else r.skip();
      return;
    case 104: // h
      if (r.same(K.hearing)) readHearing();
      else r.skip();
      return;
    case 114: // r
      if (r.same(K.review)) v.review = r.optOneOf(REVIEWS);
      else if (r.same(K.reason)) readReason();
      else if (r.same(K.receiptIssued)) v.receiptIssued = r.optBool();
      else if (r.same(K.result)) r.optStr();
      else r.skip();
      return;
    case 98: // b
      if (r.same(K.basis)) r.optStr();
      else r.skip();
      return;
    case 119: // w
      if (r.same(K.withhold)) v.withhold = r.optOneOf(WITHHOLDS);
      else r.skip();
      return;
    default:
      r.skip();
  }
}

function distinctOfficers(): number {
  const b = r.b;
  let n = 0;
  for (let i = 0; i < v.officers; i++) {
    const len = officerIdEnd[i] - officerIdStart[i];
    let dup = false;
    for (let j = 0; j < i && !dup; j++) {
      if (officerIdEnd[j] - officerIdStart[j] !== len) continue;
      dup = true;
      for (let k = 0; k < len && dup; k++) dup = b[officerIdStart[i] + k] === b[officerIdStart[j] + k];
    }
    if (!dup) n++;
  }
  return n;
}

function bytesHash(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h | 0;
}

/**
 * Values by the bytes of their string keys (latin1 strings, as the scan's keys are): a hash of the
 * bytes, then a comparison — no string per act. A key with a char above U+00FF is left out: no
 * string read from bytes can equal it.
 */
class BytesMap<T> {
  private readonly slots = new Map<number, { key: Uint8Array; value: T }[]>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [k, value] of entries) {
      if (/[\u0100-\uffff]/.test(k)) continue;
      const key = Uint8Array.from(k, (c) => c.charCodeAt(0));
      const h = bytesHash(key, 0, key.length);
      const list = this.slots.get(h) ?? [];
      list.push({ key, value });
      this.slots.set(h, list);
    }
  }

  /** The value for the key bytes[start, end). */
  get(b: Uint8Array, start: number, end: number): T | undefined {
    const list = this.slots.get(bytesHash(b, start, end));
    if (list === undefined) return undefined;
    for (const { key, value } of list) {
      if (key.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < key.length && same; i++) same = key[i] === b[start + i];
      if (same) return value;
    }
    return undefined;
  }
}

/** The discretion standard by the bytes of its violation codes. */
const byteStandards = new WeakMap<DiscretionStandard, BytesMap<DiscretionEntry>>();

/** The standard's entry for the act's violation. */
function standardEntry(std: DiscretionStandard): DiscretionEntry | undefined {
  let bs = byteStandards.get(std);
  if (bs === undefined) {
    bs = new BytesMap(std);
    byteStandards.set(std, bs);
  }
  return bs.get(r.b, violationAt[0], violationAt[1]);
}
const violationAt = new Int32Array(2);

/** The duty lists by the bytes of the agency codes, each agency's matters by the bytes of their keys. */
type ByteDuties = BytesMap<{ duties: AgencyDuties; matters: BytesMap<{ lead: number[] }> }>;
const byteDuties = new WeakMap<DutyLookup, ByteDuties>();
/** The lists of the last call (a scan uses one): no WeakMap look-up per act. */
let lastLookup: DutyLookup | null = null;
let lastDuties: ByteDuties | null = null;
const agencyAt = new Int32Array(2);
/** The act's matter: bytes [0, 1), empty when absent or null. */
const matterAt = new Int32Array(2);

/** outside-duty-list on the act's day: a list in force, and the matter not held on it as 主办. */
function outsideDuties(lookup: DutyLookup, day: number): boolean {
  let bd = lookup === lastLookup ? lastDuties : byteDuties.get(lookup);
  if (bd == null) {
    bd = new BytesMap(
      [...lookup].map(([agency, duties]) => [agency, { duties, matters: new BytesMap(duties.matters) }]),
    );
    byteDuties.set(lookup, bd);
  }
  lastLookup = lookup;
  lastDuties = bd;
  const a = bd.get(r.b, agencyAt[0], agencyAt[1]);
  if (a === undefined || !inForce(a.duties.listed, day)) return false;
  const held = a.matters.get(r.b, matterAt[0], matterAt[1]);
  return held === undefined || !inForce(held.lead, day);
}

/** Whether some per-act rule fires: the predicates of rules.ts on the values read. */
function fires(ctx: RuleContext): boolean {
  const { kind, procedure, decided, filed, accepted } = v;
  if (v.suspected && !v.referred) return true; // criminal-not-referred
  if (v.review >= 1) return true; // overturned: changed, revoked, confirmed_illegal
  if (
    decided !== NONE &&
    v.withhold < 0 &&
    (kind === PENALTY || (kind === LICENSING && v.decision <= 0)) &&
    workingDayNumber(ctx.calendar, decided, v.publishedOn !== NONE ? v.publishedOn : ctx.asOfDay) >
      DISCLOSURE_DAYS
  )
    return true; // disclosure-overdue: a granted licence or a penalty published late, or not yet
  if (v.requested && !v.held && decided !== NONE && (kind === PENALTY || kind === LICENSING)) return true;
  if (kind === LICENSING && accepted !== NONE) {
    const limit = v.extended === 1 ? LICENSING_EXTENDED_DAYS : LICENSING_DAYS;
    if (workingDayNumber(ctx.calendar, accepted, decided !== NONE ? decided : ctx.asOfDay) > limit)
      return true;
  }
  if (kind === LICENSING) {
    if (v.receiptIssued === 0) return true; // no-application-receipt
    if (v.decision >= 1 && v.noReason) return true; // refusal-without-reason: refused, not_accepted
  }
  if (kind === COERCION && v.measure >= 0 && v.measure <= 1 && v.seized !== NONE) {
    const end = v.released !== NONE ? v.released : ctx.asOfDay;
    if (end > seizureDeadline(ctx.calendar, v.seized, v.approved)) return true; // seizure-overdue
  }
  const ordinaryPenalty = kind === PENALTY && procedure !== SUMMARY;
  if (kind === PENALTY) {
    if (v.payment && v.onsite && v.collected !== NONE) {
      const end = v.remitted !== NONE ? v.remitted : ctx.asOfDay;
      if (workingDayNumber(ctx.calendar, v.collected, end) > REMIT_DAYS) return true; // fine-not-remitted
    }
    if (
      v.held &&
      v.noticedOn !== NONE &&
      v.heldOn !== NONE &&
      ordinal(ctx.calendar, v.heldOn) - ordinal(ctx.calendar, v.noticedOn) < HEARING_NOTICE_DAYS
    )
      return true; // hearing-notice-late
    if (ctx.discretion && v.fine > 0 && v.violation) {
      const e = standardEntry(ctx.discretion);
      if (e !== undefined && (v.fine < e.min || v.fine > e.max)) return true; // fine-outside-range
    }
    if (v.payment && !v.receipt) return true; // no-receipt
    if (v.payment && v.onsite && v.fine > ONSITE_LIMIT) return true; // onsite-collection
    const n = v.notified;
    if (decided !== NONE && (n === NONE || n > decided || (n === decided && procedure !== SUMMARY)))
      return true;
  }
  if (
    ordinaryPenalty &&
    filed !== NONE &&
    decided !== NONE &&
    decided > penaltyDeadline(ctx.calendar, filed)
  ) {
    return true;
  }
  if (ordinaryPenalty || kind === INSPECTION || kind === COERCION) {
    if (distinctOfficers() < 2) return true;
  }
  // The act's date: the decision date, else the filing, acceptance or incident date.
  const day = decided !== NONE ? decided : filed !== NONE ? filed : accepted !== NONE ? accepted : v.incident;
  if (day !== NONE && (kind === PENALTY || kind === INSPECTION || kind === COERCION)) {
    // uncertified-officer
    for (let i = 0; i < v.officers; i++)
      if (officerCertified[i] === 0 || !(officerUntil[i] >= day)) return true;
  }
  if (ctx.duties !== undefined && kind !== OTHER && matterAt[1] > matterAt[0] && day !== NONE) {
    if (outsideDuties(ctx.duties, day)) return true; // outside-duty-list
  }
  return false;
}

/**
 * Screen the line in bytes[start, end). For CLEAN, `out.fine` tells whether the act is a fine
 * decision, with the offsets of its key parts.
 */
export function screenAct(
  bytes: Uint8Array,
  start: number,
  end: number,
  ctx: RuleContext,
  out: ScreenOut,
): number {
  r.reset(bytes, start, end);
  reset();
  out.fine = false;
  out.series = false;
  try {
    if (r.open())
      do readMember(out);
      while (r.more(125));
    if (!r.atEnd()) return BAIL;
  } catch (x) {
    if (x === STOP) return BAIL;
    throw x;
  }
  if (!v.id || !v.agency || v.kind < 0 || v.officers < 0 || !v.dates) return BAIL;
  if (fires(ctx)) return SUSPECT;
  out.fine =
    v.kind === PENALTY && v.fine > 0 && v.decided !== NONE && v.party && v.violation && v.incident !== NONE;
  out.decidedDay = v.decided;
  out.series = v.kind === PENALTY && v.fine > 0 && v.decided !== NONE && v.violation;
  out.amount = v.fine;
  return CLEAN;
}

// The hand check of an act (no zod): what the scan runs on every line. Same constraints as
// `actSchema` (a property test in parse.test.ts keeps the two equal).
import { isDateString } from '../calendar/day-number.js';
import {
  ACT_KINDS,
  COERCION_MEASURES,
  LICENSING_DECISIONS,
  PARTY_TYPES,
  PROCEDURES,
  REVIEW_RESULTS,
  WITHHOLD_GROUNDS,
} from './codes.js';
import type { Act, ActOfficer } from './schema.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isDate = isDateString;

// Each reader returns the normalised value, or INVALID. Absent and null both become null.
const INVALID = Symbol('invalid');
type R<T> = T | typeof INVALID;

function text(v: unknown): R<string> {
  return typeof v === 'string' && v.length > 0 ? v : INVALID;
}
function optText(v: unknown): R<string | null> {
  return v == null ? null : typeof v === 'string' ? v : INVALID;
}
function optDate(v: unknown): R<string | null> {
  return v == null ? null : isDate(v) ? v : INVALID;
}
function optBool(v: unknown): R<boolean | null> {
  return v == null ? null : typeof v === 'boolean' ? v : INVALID;
}
function optOf<T extends string>(v: unknown, values: readonly T[]): R<T | null> {
  return v == null ? null : typeof v === 'string' && values.includes(v as T) ? (v as T) : INVALID;
}

function officersOf(v: unknown): R<ActOfficer[]> {
  if (!Array.isArray(v)) return INVALID;
  const out: ActOfficer[] = [];
  for (const o of v) {
    if (!isObj(o)) return INVALID;
    const id = text(o.id);
    const certificate = optText(o.certificate);
    const validUntil = optDate(o.validUntil);
    if (id === INVALID || certificate === INVALID || validUntil === INVALID) return INVALID;
    out.push({ id, certificate, validUntil });
  }
  return out;
}

function datesOf(d: unknown): R<Act['dates']> {
  if (!isObj(d)) return INVALID;
  const applied = optDate(d.applied);
  const accepted = optDate(d.accepted);
  const filed = optDate(d.filed);
  const notified = optDate(d.notified);
  const decided = optDate(d.decided);
  const served = optDate(d.served);
  const extended = optBool(d.extended);
  const seized = optDate(d.seized);
  const released = optDate(d.released);
  if (
    applied === INVALID ||
    accepted === INVALID ||
    filed === INVALID ||
    notified === INVALID ||
    decided === INVALID ||
    served === INVALID ||
    extended === INVALID ||
    seized === INVALID ||
    released === INVALID
  )
    return INVALID;
  return { applied, accepted, filed, notified, decided, served, extended, seized, released };
}

function partyOf(v: unknown): R<Act['party']> {
  if (v == null) return null;
  if (!isObj(v)) return INVALID;
  const type = optOf(v.type, PARTY_TYPES);
  const id = text(v.id);
  const name = optText(v.name);
  const creditCode = optText(v.creditCode);
  const idNumber = optText(v.idNumber);
  if (
    type === INVALID ||
    type === null ||
    id === INVALID ||
    name === INVALID ||
    creditCode === INVALID ||
    idNumber === INVALID
  )
    return INVALID;
  return { type, id, name, creditCode, idNumber };
}

function chainOf(v: unknown): R<Act['chain']> {
  if (v == null) return null;
  if (!isObj(v)) return INVALID;
  const handler = optText(v.handler);
  const reviewer = optText(v.reviewer);
  const approver = optText(v.approver);
  if (handler === INVALID || reviewer === INVALID || approver === INVALID) return INVALID;
  return { handler, reviewer, approver };
}

function fineOf(v: unknown): R<number | null> {
  return v == null ? null : typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : INVALID;
}

function paymentOf(v: unknown): R<Act['payment']> {
  if (v == null) return null;
  if (!isObj(v)) return INVALID;
  const method = text(v.method);
  const collectedOn = optDate(v.collectedOn);
  const remittedOn = optDate(v.remittedOn);
  if (
    method === INVALID ||
    typeof v.receipt !== 'boolean' ||
    collectedOn === INVALID ||
    remittedOn === INVALID
  )
    return INVALID;
  return { method, receipt: v.receipt, collectedOn, remittedOn };
}

function hearingOf(v: unknown): R<Act['hearing']> {
  if (v == null) return null;
  if (!isObj(v) || typeof v.requested !== 'boolean' || typeof v.held !== 'boolean') return INVALID;
  const noticedOn = optDate(v.noticedOn);
  const heldOn = optDate(v.heldOn);
  if (noticedOn === INVALID || heldOn === INVALID) return INVALID;
  return { requested: v.requested, held: v.held, noticedOn, heldOn };
}

function extensionOf(v: unknown): R<Act['extension']> {
  if (v == null) return null;
  if (!isObj(v) || typeof v.approved !== 'boolean') return INVALID;
  const on = optDate(v.on);
  return on === INVALID ? INVALID : { approved: v.approved, on };
}

function criminalOf(v: unknown): R<Act['criminal']> {
  if (v == null) return null;
  if (!isObj(v) || typeof v.suspected !== 'boolean' || typeof v.referred !== 'boolean') return INVALID;
  return { suspected: v.suspected, referred: v.referred };
}

/**
 * The act a parsed JSON value holds, checked by hand against the same constraints as `actSchema`
 * (a property test keeps the two equal) and normalised to one fixed shape — every known field
 * present, null when absent, unknown fields dropped — so that the rules' property reads stay
 * monomorphic. Null when the value is not a valid act; zod then names the error.
 */
export function readAct(v: unknown): Act | null {
  if (!isObj(v)) return null;
  const id = text(v.id);
  const agency = text(v.agency);
  const kind = optOf(v.kind, ACT_KINDS);
  const matter = optText(v.matter);
  const procedure = optOf(v.procedure, PROCEDURES);
  const party = partyOf(v.party);
  const officers = officersOf(v.officers);
  const chain = chainOf(v.chain);
  const violation = optText(v.violation);
  const incidentDate = optDate(v.incidentDate);
  const dates = datesOf(v.dates);
  const fine = fineOf(v.fine);
  const payment = paymentOf(v.payment);
  const hearing = hearingOf(v.hearing);
  const criminal = criminalOf(v.criminal);
  const review = optOf(v.review, REVIEW_RESULTS);
  const decision = optOf(v.decision, LICENSING_DECISIONS);
  const reason = optText(v.reason);
  const receiptIssued = optBool(v.receiptIssued);
  const measure = optOf(v.measure, COERCION_MEASURES);
  const extension = extensionOf(v.extension);
  const documentNo = optText(v.documentNo);
  const itemName = optText(v.itemName);
  const category = optText(v.category);
  const content = optText(v.content);
  const basis = optText(v.basis);
  const result = optText(v.result);
  const publishedOn = optDate(v.publishedOn);
  const withhold = optOf(v.withhold, WITHHOLD_GROUNDS);
  if (
    id === INVALID ||
    agency === INVALID ||
    kind === INVALID ||
    kind === null ||
    matter === INVALID ||
    procedure === INVALID ||
    party === INVALID ||
    officers === INVALID ||
    chain === INVALID ||
    violation === INVALID ||
    incidentDate === INVALID ||
    dates === INVALID ||
    fine === INVALID ||
    payment === INVALID ||
    hearing === INVALID ||
    criminal === INVALID ||
    review === INVALID ||
    decision === INVALID ||
    reason === INVALID ||
    receiptIssued === INVALID ||
    measure === INVALID ||
    extension === INVALID ||
    documentNo === INVALID ||
    itemName === INVALID ||
    category === INVALID ||
    content === INVALID ||
    basis === INVALID ||
    result === INVALID ||
    publishedOn === INVALID ||
    withhold === INVALID
  )
    return null;
  return {
    id,
    agency,
    kind,
    matter,
    procedure,
    party,
    officers,
    chain,
    violation,
    incidentDate,
    dates,
    fine,
    payment,
    hearing,
    criminal,
    review,
    decision,
    reason,
    receiptIssued,
    measure,
    extension,
    documentNo,
    itemName,
    category,
    content,
    basis,
    result,
    publishedOn,
    withhold,
  };
}

/** True when `actSchema` accepts the value. */
export function isValidAct(v: unknown): v is Act {
  return readAct(v) !== null;
}

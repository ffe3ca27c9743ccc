// The exchange format's member names and codes as UTF-8 bytes, for the byte-level readers that
// skip JSON.parse: the scan's screen (screen.ts) and the import's fast lane (store/acts-copy-row.ts).
import {
  ACT_KINDS,
  COERCION_MEASURES,
  LICENSING_DECISIONS,
  PARTY_TYPES,
  PROCEDURES,
  REVIEW_RESULTS,
  WITHHOLD_GROUNDS,
} from '../acts/codes.js';
import { enc } from './byte-reader.js';

export const KIND_BYTES = ACT_KINDS.map(enc);
export const PROCEDURE_BYTES = PROCEDURES.map(enc);
export const PARTY_TYPE_BYTES = PARTY_TYPES.map(enc);
export const REVIEW_BYTES = REVIEW_RESULTS.map(enc);
export const DECISION_BYTES = LICENSING_DECISIONS.map(enc);
export const MEASURE_BYTES = COERCION_MEASURES.map(enc);
export const WITHHOLD_BYTES = WITHHOLD_GROUNDS.map(enc);

/** Member names as bytes. */
export const MEMBER = {
  id: enc('id'),
  agency: enc('agency'),
  kind: enc('kind'),
  matter: enc('matter'),
  procedure: enc('procedure'),
  party: enc('party'),
  officers: enc('officers'),
  chain: enc('chain'),
  violation: enc('violation'),
  incidentDate: enc('incidentDate'),
  dates: enc('dates'),
  fine: enc('fine'),
  payment: enc('payment'),
  hearing: enc('hearing'),
  criminal: enc('criminal'),
  review: enc('review'),
  type: enc('type'),
  certificate: enc('certificate'),
  validUntil: enc('validUntil'),
  handler: enc('handler'),
  reviewer: enc('reviewer'),
  approver: enc('approver'),
  applied: enc('applied'),
  accepted: enc('accepted'),
  filed: enc('filed'),
  notified: enc('notified'),
  decided: enc('decided'),
  served: enc('served'),
  extended: enc('extended'),
  method: enc('method'),
  receipt: enc('receipt'),
  requested: enc('requested'),
  held: enc('held'),
  suspected: enc('suspected'),
  referred: enc('referred'),
  decision: enc('decision'),
  reason: enc('reason'),
  receiptIssued: enc('receiptIssued'),
  measure: enc('measure'),
  extension: enc('extension'),
  approved: enc('approved'),
  on: enc('on'),
  seized: enc('seized'),
  released: enc('released'),
  collectedOn: enc('collectedOn'),
  remittedOn: enc('remittedOn'),
  noticedOn: enc('noticedOn'),
  heldOn: enc('heldOn'),
  name: enc('name'),
  creditCode: enc('creditCode'),
  idNumber: enc('idNumber'),
  documentNo: enc('documentNo'),
  itemName: enc('itemName'),
  category: enc('category'),
  content: enc('content'),
  basis: enc('basis'),
  result: enc('result'),
  publishedOn: enc('publishedOn'),
  withhold: enc('withhold'),
};

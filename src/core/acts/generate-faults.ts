// Fault injection for the act generator: each injector builds a clean act and breaks exactly one
// rule, returning the finding the scan must report (rule and catalogue code). outside-duty-list is
// planted apart (`outsideDutyPlanter`): it turns a clean act into a fault by its matter alone.

import { dutyKeys } from '../detect/duty-list.js';
import { OUTSIDE_DUTY_FAULTS } from '../detect/outside-duty-list.js';
import type { RuleName } from '../detect/rule.js';
import { actDate } from '../detect/uncertified-officer.js';
import { demoDutyItems } from '../duties/demo.js';
import type { DutyItem } from '../duties/item.js';
import { createRng } from '../random.js';
import {
  actId,
  addWorking,
  coercionAct,
  crew,
  date,
  day,
  fitDiscretion,
  type GenContext,
  inspectionAct,
  licensingAct,
  officersFor,
  penaltyAct,
  plainAct,
  served,
  staff,
  uniqueFine,
  upTo,
  violationOf,
  workingOnOrAfter,
} from './generate-clean.js';
import { expiredCertificate } from './generate-parts.js';
import type { Act } from './schema.js';

export interface Fault {
  act: Act;
  rule: RuleName;
  fault: string | null;
}

/** Far enough before asOf that the act, however slow, has been decided. */
const SETTLED = 200;

type Injector = (g: GenContext) => Fault | null;

const byKind = (kind: string, codes: Record<string, string>): string => codes[kind];

/** A decided act of the kind (an ordinary penalty unless `summary`). */
function settledAct(g: GenContext, kind: 'penalty' | 'inspection' | 'coercion', summary: boolean): Act {
  if (kind === 'penalty') return penaltyAct(g, summary, g.asOfDay - SETTLED);
  return kind === 'inspection' ? inspectionAct(g) : coercionAct(g, g.asOfDay - SETTLED);
}

/**
 * The rules injected by building a faulty act; outside-duty-list is planted on clean ones, and
 * disclosure-overdue on clean decisions by their publication date (generate-disclosure.ts).
 */
type InjectedRule = Exclude<RuleName, 'outside-duty-list' | 'disclosure-overdue'>;

const INJECTORS: Record<InjectedRule, Injector> = {
  'licensing-overdue': (g) => {
    const extended = g.rng.chance(0.15);
    const act = licensingAct(g, extended, g.asOfDay - SETTLED);
    const accepted = day(act.dates.accepted as string);
    const limit = extended ? 30 : 20;
    const deadline = addWorking(g, accepted, limit);
    if (g.rng.chance(0.25)) {
      // Still undecided as of asOf, long past the deadline.
      act.dates.decided = null;
      act.dates.served = null;
    } else {
      // Late by some working days, or on the day off right after the last working day.
      const decided =
        g.rng.chance(0.2) && workingOnOrAfter(g, deadline + 1) !== deadline + 1
          ? deadline + 1
          : addWorking(g, accepted, limit + g.rng.int(1, 20));
      act.dates.decided = date(decided);
      act.dates.served = served(g, decided, 10);
    }
    return { act, rule: 'licensing-overdue', fault: 'licensing.07' };
  },

  'penalty-overdue': (g) => {
    const act = penaltyAct(g, false, g.asOfDay - SETTLED);
    const filed = day(act.dates.filed as string);
    const deadline = workingOnOrAfter(g, filed + 90);
    const decided = deadline + g.rng.int(1, 60);
    act.dates.decided = date(decided);
    act.dates.served = served(g, decided, 7);
    staff(g, act, crew(g));
    return { act, rule: 'penalty-overdue', fault: 'penalty.12' };
  },

  'fewer-than-two-officers': (g) => {
    const kind = g.rng.pick(['penalty', 'inspection', 'coercion'] as const);
    const act = settledAct(g, kind, false);
    const d = day(act.dates.decided as string);
    const one = officersFor(g, act.agency, d, 1);
    act.officers = g.rng.chance(0.1) ? [one[0], { ...one[0] }] : one; // the same officer listed twice counts once
    if (act.chain) act.chain.handler = one[0].id;
    const fault = byKind(kind, {
      penalty: 'penalty.12',
      inspection: 'inspection.04',
      coercion: 'coercion.03',
    });
    return { act, rule: 'fewer-than-two-officers', fault };
  },

  'uncertified-officer': (g) => {
    const kind = g.rng.pick(['penalty', 'inspection', 'coercion'] as const);
    const act = settledAct(g, kind, g.rng.chance(0.3));
    const d = day(act.dates.decided as string);
    const expired = g.rng.chance(0.75) ? expiredCertificate(g.rng, g.certs.get(act.agency) ?? [], d) : null;
    const bad = expired
      ? { id: expired.officer, certificate: expired.certificate, validUntil: expired.validUntil }
      : { id: `X-${act.agency}-${g.rng.int(1, 30)}`, certificate: null, validUntil: null }; // an auxiliary without one
    const need = act.procedure === 'summary' ? 0 : g.rng.int(1, 2);
    const others: Act['officers'] = officersFor(g, act.agency, d, 3).filter((o) => o.id !== bad.id);
    for (let n = 31; others.length < need; n++)
      others.push({ id: `X-${act.agency}-${n}`, certificate: null, validUntil: null });
    act.officers = [...others.slice(0, need), bad];
    const fault = byKind(kind, {
      penalty: 'penalty.02',
      inspection: 'inspection.01',
      coercion: 'coercion.01',
    });
    return { act, rule: 'uncertified-officer', fault };
  },

  'duplicate-fine': (g) => {
    if (g.originals.length === 0) return null;
    const orig = g.rng.pick(g.originals);
    const act = penaltyAct(g, false);
    Object.assign(act, {
      agency: orig.agency,
      matter: orig.matter,
      party: { ...(orig.party as NonNullable<Act['party']>) },
      violation: orig.violation,
      incidentDate: orig.incidentDate,
    });
    const incident = day(orig.incidentDate as string);
    const decided = workingOnOrAfter(
      g,
      Math.max(day(orig.dates.decided as string) + g.rng.int(1, 60), incident + 5),
    );
    const filed = Math.max(incident, decided - g.rng.int(5, 80));
    act.id = actId(g, incident);
    act.dates.filed = date(filed);
    act.dates.notified = date(filed + Math.floor((decided - filed) / 2));
    act.dates.decided = date(decided);
    act.dates.served = served(g, decided, 7);
    act.fine = g.rng.int(5, 90) * 100;
    act.payment = g.rng.chance(0.8) ? { method: 'bank', receipt: true } : null;
    act.hearing = { requested: false, held: false };
    staff(g, act, crew(g));
    return { act, rule: 'duplicate-fine', fault: 'penalty.04' };
  },

  'onsite-collection': (g) => {
    const summary = g.rng.chance(0.7);
    const act = penaltyAct(g, summary, g.asOfDay - SETTLED);
    const org = act.party?.type === 'org';
    act.fine = summary ? (org ? g.rng.int(3, 60) * 50 : g.rng.int(11, 20) * 10) : g.rng.int(2, 50) * 100;
    act.payment = { method: 'onsite', receipt: true };
    act.hearing = { requested: false, held: false };
    return { act, rule: 'onsite-collection', fault: 'penalty.05' };
  },

  'no-receipt': (g) => {
    const act = penaltyAct(g, g.rng.chance(0.4), g.asOfDay - SETTLED);
    act.fine ??= g.rng.int(1, 50) * 100;
    const method = act.fine <= 100 && g.rng.chance(0.5) ? 'onsite' : g.rng.pick(['bank', 'online']);
    act.payment = { method, receipt: false };
    return { act, rule: 'no-receipt', fault: 'penalty.06' };
  },

  'hearing-not-held': (g) => {
    if (g.rng.chance(0.4)) {
      const act = licensingAct(g, false, g.asOfDay - SETTLED);
      act.hearing = { requested: true, held: false };
      return { act, rule: 'hearing-not-held', fault: 'licensing.05' };
    }
    const act = penaltyAct(g, false, g.asOfDay - SETTLED);
    act.fine = g.rng.int(100, 2000) * 100;
    act.hearing = { requested: true, held: false };
    return { act, rule: 'hearing-not-held', fault: 'penalty.10' };
  },

  'no-prior-notice': (g) => {
    const summary = g.rng.chance(0.35);
    const act = penaltyAct(g, summary, g.asOfDay - SETTLED);
    const decided = day(act.dates.decided as string);
    const variant = g.rng.int(0, summary ? 1 : 2);
    act.dates.notified =
      variant === 0 ? null : variant === 1 ? upTo(g, decided + g.rng.int(1, 10)) : date(decided);
    return { act, rule: 'no-prior-notice', fault: 'penalty.09' };
  },

  'criminal-not-referred': (g) => {
    const act = settledAct(g, g.rng.chance(0.7) ? 'penalty' : 'inspection', false);
    act.criminal = { suspected: true, referred: false };
    return { act, rule: 'criminal-not-referred', fault: 'penalty.07' };
  },

  'fine-outside-range': (g) => {
    // An ordinary penalty for a violation of the discretion standard, fined below or above it.
    const act = penaltyAct(g, false, g.asOfDay - SETTLED);
    const code = (act.violation as string).slice(0, -2);
    const e = g.discretion.get(`${code}0${g.rng.int(1, 5)}`);
    if (e === undefined) return null;
    act.violation = e.violation;
    act.fine = g.rng.chance(0.5)
      ? Math.max(1, e.min - (g.rng.chance(0.2) ? 1 : g.rng.int(1, e.min / 100 - 1) * 100))
      : e.max + (g.rng.chance(0.2) ? 1 : g.rng.int(1, 100) * 100);
    return { act, rule: 'fine-outside-range', fault: 'penalty.03' };
  },

  'fine-outlier': (g) => {
    // A fine far above the usual ones of a violation outside the standard: whether it is a finding
    // depends on the twelve months before it (the truth is computed over all acts, see generate.ts).
    const act = penaltyAct(g, false, g.asOfDay - SETTLED);
    act.violation = violationOf(g, act.matter as string, true);
    act.fine = g.rng.int(50, 100) * 100_000;
    return { act, rule: 'fine-outlier', fault: 'penalty.11' };
  },

  'seizure-overdue': (g) => {
    const act = coercionAct(g, g.asOfDay - SETTLED);
    const seized = day(act.dates.decided as string);
    act.measure = g.rng.chance(0.5) ? 'seal' : 'seize';
    act.dates.seized = date(seized);
    const extended = g.rng.chance(0.3);
    if (extended) act.extension = { approved: true, on: date(seized + g.rng.int(20, 30)) };
    else if (g.rng.chance(0.2)) act.extension = { approved: false, on: date(seized + g.rng.int(20, 30)) };
    const deadline = workingOnOrAfter(g, seized + (extended ? 60 : 30));
    // Lifted late (sometimes the day after the last day), or not at all by asOf.
    if (g.rng.chance(0.8)) act.dates.released = date(deadline + (g.rng.chance(0.3) ? 1 : g.rng.int(2, 60)));
    return { act, rule: 'seizure-overdue', fault: 'coercion.03' };
  },

  'hearing-notice-late': (g) => {
    const act = penaltyAct(g, false, g.asOfDay - SETTLED);
    act.fine = g.rng.int(100, 2000) * 100;
    const decided = day(act.dates.decided as string);
    const noticed = decided - g.rng.int(20, 40);
    const held = addWorking(g, noticed, g.rng.chance(0.3) ? 6 : g.rng.int(0, 6));
    act.hearing = { requested: true, held: true, noticedOn: date(noticed), heldOn: date(held) };
    return { act, rule: 'hearing-notice-late', fault: 'penalty.10' };
  },

  'fine-not-remitted': (g) => {
    const act = penaltyAct(g, true, g.asOfDay - SETTLED);
    act.fine = g.rng.int(1, 10) * 10;
    const collected = day(act.dates.decided as string);
    const deadline = addWorking(g, collected, 2);
    act.payment = { method: 'onsite', receipt: true, collectedOn: date(collected) };
    const r = g.rng.next();
    if (r < 0.2 && workingOnOrAfter(g, deadline + 1) !== deadline + 1)
      act.payment.remittedOn = date(deadline + 1);
    else if (r < 0.8) act.payment.remittedOn = date(addWorking(g, collected, g.rng.int(3, 30)));
    return { act, rule: 'fine-not-remitted', fault: 'other.05' };
  },

  'refusal-without-reason': (g) => {
    const act = licensingAct(g, false, g.asOfDay - SETTLED);
    act.receiptIssued = true;
    if (g.rng.chance(0.6)) act.decision = 'refused';
    else {
      act.decision = 'not_accepted';
      const applied = day(act.dates.applied as string);
      act.dates.accepted = null;
      act.dates.decided = date(addWorking(g, applied, g.rng.int(0, 5)));
      act.dates.served = act.dates.decided;
      act.hearing = { requested: false, held: false };
    }
    const reason = g.rng.int(0, 2);
    if (reason > 0) act.reason = reason === 1 ? '' : '  ';
    return { act, rule: 'refusal-without-reason', fault: 'licensing.04' };
  },

  'no-application-receipt': (g) => {
    const act = licensingAct(g, false, g.asOfDay - SETTLED);
    act.receiptIssued = false;
    if (act.dates.decided) act.decision = 'granted';
    return { act, rule: 'no-application-receipt', fault: 'licensing.11' };
  },

  overturned: (g) => {
    const kind = g.rng.pick(['licensing', 'penalty', 'coercion', 'inspection', 'levy', 'other'] as const);
    const act =
      kind === 'licensing'
        ? licensingAct(g, false, g.asOfDay - SETTLED)
        : kind === 'penalty'
          ? penaltyAct(g, g.rng.chance(0.3), g.asOfDay - SETTLED)
          : kind === 'coercion'
            ? coercionAct(g, g.asOfDay - SETTLED)
            : kind === 'inspection'
              ? inspectionAct(g)
              : plainAct(g, kind);
    act.review = g.rng.pick(['changed', 'revoked', 'confirmed_illegal'] as const);
    return { act, rule: 'overturned', fault: null };
  },
};

export const FAULT_RULES = Object.keys(INJECTORS) as InjectedRule[];

/** An act with the rule's fault; another rule's when this one cannot be injected yet. */
export function injectFault(g: GenContext, rule: InjectedRule): Fault {
  const fault = INJECTORS[rule](g) ?? INJECTORS['criminal-not-referred'](g);
  if (fault === null) throw new Error('unreachable');
  if (fault.rule !== 'duplicate-fine') uniqueFine(g, fault.act);
  if (fault.rule !== 'fine-outside-range') fitDiscretion(g, fault.act);
  return fault;
}

/**
 * outside-duty-list, planted on clean acts of the demo city: with the probability of one rule more
 * among FAULT_RULES (faultRate / (n + 1)), a clean act of a kind the rule checks, dated when its
 * agency has a demo list in force (src/core/duties/demo.ts), gets a matter that list does not have
 * (another agency's, by its name or sometimes its 职权编码), or one the agency holds there only as
 * 协办. Nothing else of the act changes, and the choice runs on a random stream of its own, so the
 * acts and the faults of every other rule stay as they were for a seed. Returns the fault planted,
 * or null; the act is changed in place (pass the generator's compacted copy: the original may be
 * repeated by a later duplicate-fine fault).
 */
export function outsideDutyPlanter(seed: number, faultRate: number): (act: Act) => Fault | null {
  const rng = createRng(seed ^ 0x13_0d_17);
  const p = faultRate / (FAULT_RULES.length + 1);
  const items = demoDutyItems();
  const byAgency = new Map<string, DutyItem[]>();
  for (const i of items) byAgency.set(i.agency, [...(byAgency.get(i.agency) ?? []), i]);
  const inForce = (i: DutyItem, d: string) =>
    i.effectiveFrom <= d && (i.effectiveUntil === null || d < i.effectiveUntil);
  return (act) => {
    if (!rng.chance(p) || act.kind === 'other') return null;
    const when = actDate(act);
    const own = byAgency.get(act.agency);
    if (when === null || own === undefined) return null;
    const d = when.date;
    const held = own.filter((i) => inForce(i, d));
    if (held.length === 0) return null;
    const lead = new Set(held.filter((i) => i.role === 'lead').flatMap(dutyKeys));
    const assist = new Set(held.filter((i) => i.role === 'assist').flatMap(dutyKeys));
    const assistOnly = [...assist].filter((k) => !lead.has(k));
    let matter: string;
    let assisting = 0;
    if (assistOnly.length > 0 && rng.chance(0.3)) {
      matter = rng.pick(assistOnly);
      assisting = 1;
    } else {
      const foreign = items.filter(
        (i) => i.agency !== act.agency && inForce(i, d) && !lead.has(i.name) && !assist.has(i.name),
      );
      const sameType = foreign.filter((i) => i.type === act.kind);
      const pick = rng.pick(sameType.length > 0 ? sameType : foreign);
      matter = rng.chance(0.2) && !lead.has(pick.code) && !assist.has(pick.code) ? pick.code : pick.name;
    }
    act.matter = matter;
    return { act, rule: 'outside-duty-list', fault: OUTSIDE_DUTY_FAULTS[act.kind][assisting] };
  };
}

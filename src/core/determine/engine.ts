// The determination engine's hot path. It trusts its input (validated by determine()), reads only
// the compiled tables, and allocates little: no zod, no regex, no Date. Two steps: `evaluate`
// decides everything from a digest of the request (bit sets, no text), and `present` writes the
// determination and its explanation from that. The "what would change" search (whatif.ts) runs
// `evaluate` alone over changed digests, so both answer from the same code.
import { dayNumber } from '../rulebook/day.js';
import { periodStartDay } from '../rulebook/period.js';
import type { Basis, Outcome, Referral } from '../rulebook/types.js';
import {
  ACT_CIRC_BIT,
  CONDUCT_BIT,
  type CompiledPack,
  type CStep,
  DECISION_BIT,
  holds,
  PERSONAL_BIT,
  ROLE_BIT,
  S,
  TRIGGER_BIT,
} from './compile.js';
import type { DeterminationRequest, PersonInput } from './request.js';
import type {
  Adjustment,
  AgencyDetermination,
  Determination,
  ExplanationLine,
  PersonDetermination,
} from './types.js';

const NONE: readonly never[] = Object.freeze([]);
// The articles a not-liable agency was checked against (Art. 17 joint enforcement, Art. 25).
const AGENCY_NO_BASIS_CITES: readonly Basis[] = [{ article: 17 }, { article: 25 }];
const NATURE_INDEX = { minor: 0, ordinary: 1, egregious: 2 } as const;
const BINARY_INDEX = { small: 0, large: 1 } as const;

/** Outcome codes of the evaluation: index into this list. */
export const OUTCOME_CODES: readonly Outcome[] = ['pursue', 'may_not_pursue', 'not_liable'];
const PURSUE = 0;
const NOT_LIABLE = 2;
const OUTCOME_CODE: Record<Outcome, number> = { pursue: 0, may_not_pursue: 1, not_liable: 2 };

// ---------------------------------------------------------------------------------------------
// The digest: what the rules read, as numbers.

export interface PersonDigest {
  role: number;
  conduct: number;
  personal: number;
  secondary: boolean;
  /** Art. 19(2): which branch holds, in words, or null. */
  repeat: string | null;
}

export interface ActDigest {
  day: number;
  decision: number;
  circumstances: number;
  /** nature * 4 + harm * 2 + impact */
  severity: number;
  people: PersonDigest[];
  /** Trigger bits per agency of the act (request order, or first mention). */
  agencyTriggers: number[];
}

/** The window starts of Art. 19(2) for a fault date (by the calendar, 民法典 第二百零一、二百零二条). */
export interface RepeatWindow {
  day: number;
  faultsFrom: number;
  sanctionsFrom: number;
}

export function repeatWindow(occurredOn: string, cp: CompiledPack): RepeatWindow {
  const rp = cp.repeat;
  return {
    day: dayNumber(occurredOn),
    faultsFrom: periodStartDay(occurredOn, rp.window),
    sanctionsFrom:
      rp.sanctionsWindow === null ? Number.MIN_SAFE_INTEGER : periodStartDay(occurredOn, rp.sanctionsWindow),
  };
}

/** Art. 19(2): does the history, with the current fault, meet the pack's thresholds? */
export function repeatDetail(
  history: PersonInput['history'],
  faults: readonly string[],
  w: RepeatWindow,
  cp: CompiledPack,
): string | null {
  if (history.length === 0) return null;
  const rp = cp.repeat;
  let inWindow = 1; // the current fault
  for (let i = 0; i < history.length; i++) {
    const d = dayNumber(history[i]!.date);
    if (d <= w.day && d >= w.faultsFrom) inWindow++;
  }
  if (inWindow >= rp.minFaultsInWindow) return `一年内发生第${inWindow}次行政执法过错行为`;
  for (let f = 0; f < faults.length; f++) {
    const kind = cp.kindOf.get(faults[f]!);
    let sanctioned = 0;
    for (let i = 0; i < history.length; i++) {
      const e = history[i]!;
      if (!e.sanctioned || cp.kindOf.get(e.fault) !== kind) continue;
      const d = dayNumber(e.date);
      if (d <= w.day && d >= w.sanctionsFrom) sanctioned++;
    }
    if (sanctioned >= rp.minEarlierSanctions)
      return `此前${sanctioned}次被追究，仍然发生同一种类行政执法过错行为`;
  }
  return null;
}

/** The agencies of the act: the request's, or those the people name, in order of first mention. */
export function agenciesOf(req: DeterminationRequest): NonNullable<DeterminationRequest['agencies']> {
  if (req.agencies !== undefined) return req.agencies;
  const list: NonNullable<DeterminationRequest['agencies']> = [];
  const seen = new Set<string>();
  for (const p of req.people) {
    if (p.agency !== undefined && !seen.has(p.agency)) {
      seen.add(p.agency);
      list.push({ id: p.agency, triggers: [] });
    }
  }
  return list;
}

export function personDigest(p: PersonInput, req: DeterminationRequest, w: RepeatWindow, cp: CompiledPack) {
  let conduct = 0;
  for (let j = 0; j < p.conduct.length; j++) conduct |= CONDUCT_BIT.get(p.conduct[j]!)!;
  let personal = 0;
  for (let j = 0; j < p.circumstances.length; j++) personal |= PERSONAL_BIT.get(p.circumstances[j]!)!;
  return {
    role: ROLE_BIT.get(p.role)!,
    conduct,
    personal,
    secondary: p.share === 'secondary',
    repeat: repeatDetail(p.history, req.faults, w, cp),
  };
}

export function severityIndex(s: DeterminationRequest['severity']): number {
  return NATURE_INDEX[s.nature] * 4 + BINARY_INDEX[s.harm] * 2 + BINARY_INDEX[s.impact];
}

export function digest(req: DeterminationRequest, cp: CompiledPack, w: RepeatWindow): ActDigest {
  let circumstances = 0;
  for (let i = 0; i < req.circumstances.length; i++)
    circumstances |= ACT_CIRC_BIT.get(req.circumstances[i]!)!;
  const people: PersonDigest[] = new Array(req.people.length);
  for (let i = 0; i < people.length; i++) people[i] = personDigest(req.people[i]!, req, w, cp);
  const agencies = agenciesOf(req);
  const agencyTriggers: number[] = new Array(agencies.length);
  for (let i = 0; i < agencies.length; i++) {
    let t = 0;
    const codes = agencies[i]!.triggers;
    for (let k = 0; k < codes.length; k++) t |= TRIGGER_BIT.get(codes[k]!)!;
    agencyTriggers[i] = t;
  }
  return {
    day: w.day,
    decision: DECISION_BIT.get(req.decision)!,
    circumstances,
    severity: severityIndex(req.severity),
    people,
    agencyTriggers,
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluation: every conclusion as numbers, in buffers that can be reused.

export class Evaluation {
  exempt = false;
  facts = 0;
  liableCount = 0;
  /** Per person: attribution rules that give a basis (bit k = cp.attribution[k]). */
  readonly bases: Int32Array;
  /** Per person: index of the Art. 18 shield that holds, or -1. */
  readonly shield: Int8Array;
  readonly state: Int32Array;
  /** Per person: adjustment rules that apply (bit j = cp.adjustments[j]). */
  readonly adjust: Int32Array;
  /** Per person: the first leniency rule that holds, or -1. */
  readonly lenient: Int8Array;
  readonly outcome: Int8Array;
  /** Per person: the rung of the sanction ladder, or -1 for no sanctions. */
  readonly level: Int8Array;
  /** Per agency: agency rules that give a basis (bit j = cp.agencyRules[j]). */
  readonly agencyBasis: Int32Array;
  readonly agencyState: Int32Array;
  readonly agencyOutcome: Int8Array;
  /** Per agency: 0 no measures, 1 ordinary, 2 serious. */
  readonly agencyMeasures: Int8Array;

  /** Take another evaluation's results (same request). */
  copyFrom(o: Evaluation): void {
    this.exempt = o.exempt;
    this.facts = o.facts;
    this.liableCount = o.liableCount;
    this.bases.set(o.bases);
    this.shield.set(o.shield);
    this.state.set(o.state);
    this.adjust.set(o.adjust);
    this.lenient.set(o.lenient);
    this.outcome.set(o.outcome);
    this.level.set(o.level);
    this.agencyBasis.set(o.agencyBasis);
    this.agencyState.set(o.agencyState);
    this.agencyOutcome.set(o.agencyOutcome);
    this.agencyMeasures.set(o.agencyMeasures);
  }

  constructor(people: number, agencies: number) {
    this.bases = new Int32Array(people);
    this.shield = new Int8Array(people);
    this.state = new Int32Array(people);
    this.adjust = new Int32Array(people);
    this.lenient = new Int8Array(people);
    this.outcome = new Int8Array(people);
    this.level = new Int8Array(people);
    this.agencyBasis = new Int32Array(agencies);
    this.agencyState = new Int32Array(agencies);
    this.agencyOutcome = new Int8Array(agencies);
    this.agencyMeasures = new Int8Array(agencies);
  }
}

const inForce = (r: { from: number; to: number }, day: number) => r.from <= day && day <= r.to;

function decide(steps: readonly CStep[], state: number): number {
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    if ((step.when === 0 || (state & step.when) !== 0) && (state & step.unless) === 0)
      return OUTCOME_CODE[step.outcome];
  }
  return PURSUE;
}

/** Art. 15–25 over a digest: attribution, exceptions, circumstances, outcome, sanction rung. */
export function evaluate(d: ActDigest, cp: CompiledPack, ev: Evaluation): Evaluation {
  evaluateAct(d, cp, ev);
  evaluateBases(d, cp, ev);
  for (let i = 0; i < d.people.length; i++) evaluatePerson(d, cp, ev, i);
  evaluateAgencies(d, cp, ev);
  return ev;
}

/** Art. 22 for the act, and the facts derived from the people (Art. 15, 18). */
export function evaluateAct(d: ActDigest, cp: CompiledPack, ev: Evaluation): void {
  const { day, people } = d;
  let exempt = false;
  for (let k = 0; k < cp.exemptions.length; k++) {
    const e = cp.exemptions[k]!;
    if ((d.circumstances & e.bit) !== 0 && inForce(e, day)) {
      exempt = true;
      break;
    }
  }
  let facts = 0;
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    for (let k = 0; k < cp.facts.length; k++) {
      const f = cp.facts[k]!;
      if ((f.roles & p.role) !== 0 && holds(f.condition, p.conduct, 0)) facts |= f.bit;
    }
  }
  ev.exempt = exempt;
  ev.facts = facts;
}

/** Art. 15–18 and Ch. 1: each person's bases after exceptions; the Art. 18 shield; Art. 22. */
export function evaluateBases(d: ActDigest, cp: CompiledPack, ev: Evaluation): void {
  const { day, people } = d;
  const { exempt, facts } = ev;
  let liableCount = 0;
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    ev.shield[i] = -1;
    ev.bases[i] = 0;
    if (exempt) continue;
    for (let s = 0; s < cp.shields.length; s++) {
      const sh = cp.shields[s]!;
      if (inForce(sh, day) && holds(sh.condition, p.conduct, facts)) {
        ev.shield[i] = s;
        break;
      }
    }
    let bases = 0;
    for (let k = 0; k < cp.attribution.length; k++) {
      const r = cp.attribution[k]!;
      if ((r.roles & p.role) === 0 || (r.decisions & d.decision) === 0 || !inForce(r, day)) continue;
      if (!holds(r.condition, p.conduct, facts) || defeated(r.defeatedBy, p.conduct, facts)) continue;
      bases |= 1 << k;
    }
    ev.bases[i] = bases;
    if (bases !== 0) liableCount++;
  }
  ev.liableCount = liableCount;
}

/** Art. 19–21, 23, the precedence table and Art. 24's rung, for one person (after the bases). */
export function evaluatePerson(d: ActDigest, cp: CompiledPack, ev: Evaluation, i: number): void {
  const { day } = d;
  ev.adjust[i] = 0;
  ev.lenient[i] = -1;
  ev.level[i] = -1;
  if (ev.exempt) {
    ev.state[i] = S.exempt;
    ev.outcome[i] = NOT_LIABLE;
    return;
  }
  if (ev.bases[i] === 0) {
    ev.state[i] = ev.shield[i]! >= 0 ? S.shielded : S.no_basis;
    ev.outcome[i] = NOT_LIABLE;
    return;
  }
  const p = d.people[i]!;
  let state = 0;
  let adjust = 0;
  let aggravated = false;
  let lightened = false;
  for (let j = 0; j < cp.adjustments.length; j++) {
    const r = cp.adjustments[j]!;
    if (!inForce(r, day)) continue;
    if (r.personalBit !== 0) {
      if ((p.personal & r.personalBit) === 0) continue;
    } else if (r.repeat) {
      if (p.repeat === null) continue;
    } else if (r.secondary) {
      if (!p.secondary || (cp.secondaryNeedsAnotherLiable && ev.liableCount < 2)) continue;
    } else continue;
    adjust |= 1 << j;
    if (r.aggravate) aggravated = true;
    else lightened = true;
  }
  if (aggravated) state |= S.aggravated;
  let lenient = -1;
  for (let j = 0; j < cp.leniency.length; j++) {
    const l = cp.leniency[j]!;
    if (!inForce(l, day)) continue;
    if ((l.actBit & d.circumstances) !== 0 || (l.personalBit & p.personal) !== 0) {
      state |= l.state;
      if (lenient < 0) lenient = j;
    }
  }
  const outcome = decide(cp.personSteps, state);
  ev.state[i] = state;
  ev.adjust[i] = adjust;
  ev.lenient[i] = lenient;
  ev.outcome[i] = outcome;
  if (outcome === PURSUE || cp.sanctionsIfMayNotPursue) {
    let level = cp.baseLevel[d.severity]!;
    if (aggravated) level += cp.aggravateSteps;
    if (lightened) level -= cp.lightenSteps;
    ev.level[i] = Math.max(0, Math.min(cp.sanctionByLevel.length - 1, level));
  }
}

/** Art. 17, 22, 23 and 25 for the agencies (after the act). */
export function evaluateAgencies(d: ActDigest, cp: CompiledPack, ev: Evaluation): void {
  const { day } = d;
  for (let a = 0; a < d.agencyTriggers.length; a++) {
    ev.agencyBasis[a] = 0;
    ev.agencyState[a] = 0;
    ev.agencyMeasures[a] = 0;
    if (ev.exempt) {
      ev.agencyState[a] = S.exempt;
      ev.agencyOutcome[a] = NOT_LIABLE;
      continue;
    }
    const triggers = d.agencyTriggers[a]!;
    let basis = 0;
    for (let j = 0; j < cp.agencyRules.length; j++) {
      const r = cp.agencyRules[j]!;
      if (!inForce(r, day)) continue;
      if ((r.decisions & d.decision) === 0 && (r.trigger & triggers) === 0) continue;
      basis |= 1 << j;
    }
    ev.agencyBasis[a] = basis;
    if (basis === 0) {
      ev.agencyState[a] = S.no_basis;
      ev.agencyOutcome[a] = NOT_LIABLE;
      continue;
    }
    let state = 0;
    for (let j = 0; j < cp.leniency.length; j++) {
      const l = cp.leniency[j]!;
      if (l.agencies && inForce(l, day) && (d.circumstances & l.actBit) !== 0) state |= l.state;
    }
    const outcome = decide(cp.agencySteps, state);
    ev.agencyState[a] = state;
    ev.agencyOutcome[a] = outcome;
    if (outcome === PURSUE || cp.sanctionsIfMayNotPursue)
      ev.agencyMeasures[a] = cp.agencySerious[d.severity] ? 2 : 1;
  }
}

function defeated(
  exceptions: CompiledPack['attribution'][number]['defeatedBy'],
  conduct: number,
  facts: number,
) {
  for (let d = 0; d < exceptions.length; d++) if (holds(exceptions[d]!, conduct, facts)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Presentation: the determination and its explanation, from the evaluation.

class Explainer {
  readonly lines: ExplanationLine[] = [];
  readonly explanation: string[] = [];
  add(subject: string | null, text: string, cites: readonly Basis[]): void {
    this.lines.push({ subject, text, cites });
    this.explanation.push(text);
  }
}

function notLiable(p: PersonInput): PersonDetermination {
  return {
    id: p.id,
    liable: false,
    outcome: 'not_liable',
    basis: NONE,
    share: p.share,
    adjustments: NONE,
    referrals: NONE,
  };
}

/** "，从重一档" etc.: how the adjustments moved the recommended rung, "可以" where the text says so. */
function adjustmentNote(cp: CompiledPack, adjust: number): string {
  let aggravated = false;
  let mandatory = false;
  let discretionary = false;
  for (let j = 0; j < cp.adjustments.length; j++) {
    if ((adjust & (1 << j)) === 0) continue;
    const r = cp.adjustments[j]!;
    if (r.aggravate) aggravated = true;
    else if (r.discretionary) discretionary = true;
    else mandatory = true;
  }
  const lighten = mandatory ? '从轻或者减轻' : discretionary ? '可以从轻或者减轻' : '';
  if (aggravated) return lighten === '' ? '，从重一档' : `，从重与${lighten}相抵`;
  return lighten === '' ? '' : `，${lighten}一档`;
}

interface ActView {
  req: DeterminationRequest;
  cp: CompiledPack;
  d: ActDigest;
  ev: Evaluation;
  ex: Explainer;
  exemptCites: Basis[] | null;
  exemptLabel: string;
}

function presentPerson(v: ActView, i: number): PersonDetermination {
  const { cp, ev, ex, req } = v;
  const p = req.people[i]!;
  const who = `${cp.roleLabel.get(p.role)} ${p.id}：`;
  if (ev.exempt) {
    ex.add(p.id, `${who}依${v.exemptLabel}，不承担行政执法过错责任。`, v.exemptCites!);
    return notLiable(p);
  }
  const bases = ev.bases[i]!;
  const shield = ev.shield[i]!;
  if (bases === 0) {
    if (shield >= 0) {
      const sh = cp.shields[shield]!;
      ex.add(p.id, who + sh.text, sh.cites);
    } else ex.add(p.id, who + cp.noBasisText, NONE);
    return notLiable(p);
  }
  const basis: Basis[] = [];
  for (let k = 0; k < cp.attribution.length; k++) {
    if ((bases & (1 << k)) === 0) continue;
    const r = cp.attribution[k]!;
    basis.push(r.basis);
    ex.add(p.id, who + r.text, r.cites);
  }
  if (shield >= 0) {
    const sh = cp.shields[shield]!;
    ex.add(p.id, who + sh.remainsText, sh.cites);
  }
  const adjust = ev.adjust[i]!;
  let adjustments: Adjustment[] | null = null;
  for (let j = 0; j < cp.adjustments.length; j++) {
    if ((adjust & (1 << j)) === 0) continue;
    const r = cp.adjustments[j]!;
    if (adjustments === null) adjustments = [];
    adjustments.push(r.adjustment);
    const detail = r.repeat ? v.d.people[i]!.repeat : null;
    ex.add(p.id, `${who}${r.text}${detail === null ? '' : `（${detail}）`}。`, r.cites);
  }
  const outcome = OUTCOME_CODES[ev.outcome[i]!]!;
  const lenient = ev.lenient[i]!;
  if (lenient >= 0) {
    const l = cp.leniency[lenient]!;
    if (outcome === 'may_not_pursue') ex.add(p.id, who + l.text, l.cites);
    else ex.add(p.id, who + cp.leniencyBarredText, [...l.cites, ...cp.leniencyBarredCites]);
  }
  const level = ev.level[i]!;
  const sanctions = level >= 0 ? cp.sanctionByLevel[level] : undefined;
  if (level >= 0) {
    const prefix = outcome === 'pursue' ? '' : '如决定追究，';
    const note = adjustmentNote(cp, adjust);
    ex.add(p.id, `${who}${prefix}${cp.sanctionText[level]}（${cp.severityText[v.d.severity]}${note}）。`, [
      cp.sanctionCites[level]!,
    ]);
  }
  let referrals: Referral[] | null = null;
  for (const r of cp.referrals) {
    if (!inForce(r, v.d.day) || !req.suspected[r.suspected]) continue;
    if (referrals === null) referrals = [];
    referrals.push(r.referral);
    ex.add(p.id, who + r.text, r.cites);
  }
  const share = p.share;
  const adj = adjustments ?? NONE;
  return sanctions === undefined
    ? { id: p.id, liable: true, outcome, basis, share, adjustments: adj, referrals: referrals ?? NONE }
    : {
        id: p.id,
        liable: true,
        outcome,
        basis,
        share,
        adjustments: adj,
        sanctions,
        referrals: referrals ?? NONE,
      };
}

function presentAgency(v: ActView, a: number, id: string): AgencyDetermination {
  const { cp, ev, ex } = v;
  const who = `机关 ${id}：`;
  if (ev.exempt) {
    ex.add(id, `${who}依${v.exemptLabel}，不承担行政执法过错责任。`, v.exemptCites!);
    return { id, liable: false, outcome: 'not_liable', basis: NONE, measures: NONE };
  }
  const bits = ev.agencyBasis[a]!;
  if (bits === 0) {
    ex.add(id, who + cp.agencyNoBasisText, AGENCY_NO_BASIS_CITES);
    return { id, liable: false, outcome: 'not_liable', basis: NONE, measures: NONE };
  }
  const basis: Basis[] = [];
  for (let j = 0; j < cp.agencyRules.length; j++) {
    if ((bits & (1 << j)) === 0) continue;
    const r = cp.agencyRules[j]!;
    basis.push(r.basis);
    ex.add(id, who + r.text, r.cites);
  }
  for (const l of cp.leniency) {
    if (l.agencies && inForce(l, v.d.day) && (v.d.circumstances & l.actBit) !== 0)
      ex.add(id, who + l.text, l.cites);
  }
  const outcome = OUTCOME_CODES[ev.agencyOutcome[a]!]!;
  const m = ev.agencyMeasures[a]!;
  let measures: AgencyDetermination['measures'] = NONE;
  if (m > 0) {
    measures = m === 2 ? cp.agencyMeasures.serious : cp.agencyMeasures.ordinary;
    const text = m === 2 ? cp.agencyMeasureText.serious : cp.agencyMeasureText.ordinary;
    ex.add(id, `${who}${outcome === 'pursue' ? '' : '如决定追究，'}${text}`, cp.agencyMeasureCites);
  }
  return { id, liable: true, outcome, basis, measures };
}

export interface Evaluated {
  digest: ActDigest;
  evaluation: Evaluation;
  window: RepeatWindow;
}

/** Digest and evaluate a validated request (no text). */
export function evaluateRequest(req: DeterminationRequest, cp: CompiledPack): Evaluated {
  const window = repeatWindow(req.occurredOn, cp);
  const d = digest(req, cp, window);
  const ev = evaluate(d, cp, new Evaluation(d.people.length, d.agencyTriggers.length));
  return { digest: d, evaluation: ev, window };
}

/** The determination of an evaluated request, with its explanation. */
export function present(req: DeterminationRequest, cp: CompiledPack, e: Evaluated): Determination {
  const ex = new Explainer();
  const d = e.digest;
  let exemptCites: Basis[] | null = null;
  let exemptLabel = '';
  for (const x of cp.exemptions) {
    if ((d.circumstances & x.bit) === 0 || !inForce(x, d.day)) continue;
    if (exemptCites === null) exemptCites = [];
    exemptCites.push(x.cite);
    exemptLabel += exemptLabel === '' ? x.label : `、${x.label}`;
    ex.add(null, `本案：依${x.label}，${x.conclusion}。`, [x.cite]);
  }
  const v: ActView = { req, cp, d, ev: e.evaluation, ex, exemptCites, exemptLabel };
  const faults: { code: string; text: string }[] = new Array(req.faults.length);
  for (let i = 0; i < req.faults.length; i++) faults[i] = cp.faultOut.get(req.faults[i]!)!;
  const persons: PersonDetermination[] = new Array(req.people.length);
  for (let i = 0; i < persons.length; i++) persons[i] = presentPerson(v, i);
  const list = agenciesOf(req);
  const agencies: AgencyDetermination[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) agencies[i] = presentAgency(v, i, list[i]!.id);
  return {
    pack: cp.pack.name,
    version: cp.pack.version,
    faults,
    persons,
    agencies,
    explanation: ex.explanation,
    lines: ex.lines,
  };
}

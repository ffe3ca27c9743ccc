// The determination engine's hot path. It trusts its input (validated by determine()), reads only
// the compiled tables, and allocates little: no zod, no regex, no Date.
import { dayNumber } from '../rulebook/day.js';
import type { Basis, Outcome, Referral } from '../rulebook/types.js';
import {
  ACT_CIRC_BIT,
  type CLeniency,
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

class Explainer {
  readonly lines: ExplanationLine[] = [];
  readonly explanation: string[] = [];
  add(subject: string | null, text: string, cites: readonly Basis[]): void {
    this.lines.push({ subject, text, cites });
    this.explanation.push(text);
  }
}

/** What holds for the whole act, shared by everybody's conclusions. */
interface Act {
  req: DeterminationRequest;
  cp: CompiledPack;
  ex: Explainer;
  day: number;
  decision: number;
  circumstances: number;
  /** Facts derived from the people (handler_negligent, order_kept, …). */
  facts: number;
  /** Severity index: nature * 4 + harm * 2 + impact. */
  severity: number;
  /** Art. 22 citations, or null when no exemption holds. */
  exemptCites: Basis[] | null;
  exemptLabel: string;
  liableCount: number;
}

/** One person after attribution. */
interface Attribution {
  role: number;
  conduct: number;
  personal: number;
  /** Indexes of the attribution rules that give a basis; null = none. */
  bases: number[] | null;
  state: number;
  shield: number;
}

const inForce = (r: { from: number; to: number }, day: number) => r.from <= day && day <= r.to;

function readAct(req: DeterminationRequest, cp: CompiledPack, ex: Explainer): Act {
  const day = dayNumber(req.occurredOn);
  let circumstances = 0;
  for (let i = 0; i < req.circumstances.length; i++)
    circumstances |= ACT_CIRC_BIT.get(req.circumstances[i]!)!;
  let exemptCites: Basis[] | null = null;
  let exemptLabel = '';
  for (const e of cp.exemptions) {
    if ((circumstances & e.bit) === 0 || !inForce(e, day)) continue;
    if (exemptCites === null) exemptCites = [];
    exemptCites.push(e.cite);
    exemptLabel += exemptLabel === '' ? e.label : `、${e.label}`;
    ex.add(null, `本案：依${e.label}，${e.conclusion}。`, [e.cite]);
  }
  return {
    req,
    cp,
    ex,
    day,
    decision: DECISION_BIT.get(req.decision)!,
    circumstances,
    facts: 0,
    severity:
      NATURE_INDEX[req.severity.nature] * 4 +
      BINARY_INDEX[req.severity.harm] * 2 +
      BINARY_INDEX[req.severity.impact],
    exemptCites,
    exemptLabel,
    liableCount: 0,
  };
}

/** Art. 15–18 and Ch. 1: each person's bases, after exceptions; Art. 18 shields; Art. 22 exemption. */
function attribute(act: Act): Attribution[] {
  const { cp, day } = act;
  const people = act.req.people;
  const out: Attribution[] = new Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    let conduct = 0;
    for (let j = 0; j < p.conduct.length; j++) conduct |= CONDUCT_BIT.get(p.conduct[j]!)!;
    let personal = 0;
    for (let j = 0; j < p.circumstances.length; j++) personal |= PERSONAL_BIT.get(p.circumstances[j]!)!;
    const role = ROLE_BIT.get(p.role)!;
    for (const f of cp.facts)
      if ((f.roles & role) !== 0 && (conduct & f.conductAny) !== 0) act.facts |= f.bit;
    out[i] = { role, conduct, personal, bases: null, state: 0, shield: -1 };
  }
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if (act.exemptCites !== null) {
      a.state = S.exempt;
      continue;
    }
    for (let s = 0; s < cp.shields.length; s++) {
      const sh = cp.shields[s]!;
      if (inForce(sh, day) && holds(sh.condition, a.conduct, act.facts)) {
        a.state |= S.shielded;
        a.shield = s;
        break;
      }
    }
    for (let k = 0; k < cp.attribution.length; k++) {
      const r = cp.attribution[k]!;
      if ((r.roles & a.role) === 0 || (r.decisions & act.decision) === 0 || !inForce(r, day)) continue;
      if (!holds(r.condition, a.conduct, act.facts) || defeated(r.defeatedBy, a.conduct, act.facts)) continue;
      if (a.bases === null) a.bases = [];
      a.bases.push(k);
    }
    if (a.bases === null) a.state |= S.no_basis;
    else if (a.shield < 0) act.liableCount++;
  }
  return out;
}

function defeated(
  exceptions: CompiledPack['attribution'][number]['defeatedBy'],
  conduct: number,
  facts: number,
) {
  for (let d = 0; d < exceptions.length; d++) if (holds(exceptions[d]!, conduct, facts)) return true;
  return false;
}

/** Art. 19(2): does the person's history, with the current fault, meet the pack's thresholds? */
function repeatBranch(p: PersonInput, act: Act): string | null {
  const h = p.history;
  if (h.length === 0) return null;
  const { cp, day } = act;
  const rp = cp.repeat;
  let inWindow = 1; // the current fault
  for (let i = 0; i < h.length; i++) {
    const d = dayNumber(h[i]!.date);
    if (d <= day && day - d < rp.windowDays) inWindow++;
  }
  if (inWindow >= rp.minFaultsInWindow) return `一年内发生第${inWindow}次行政执法过错行为`;
  const faults = act.req.faults;
  for (let f = 0; f < faults.length; f++) {
    const kind = cp.kindOf.get(faults[f]!);
    let sanctioned = 0;
    for (let i = 0; i < h.length; i++) {
      const e = h[i]!;
      if (!e.sanctioned || cp.kindOf.get(e.fault) !== kind) continue;
      const d = dayNumber(e.date);
      if (d <= day && (rp.sanctionsWindowDays === null || day - d < rp.sanctionsWindowDays)) sanctioned++;
    }
    if (sanctioned >= rp.minEarlierSanctions)
      return `此前${sanctioned}次被追究，仍然发生同一种类行政执法过错行为`;
  }
  return null;
}

function decide(steps: readonly CStep[], state: number): Outcome {
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    if ((step.when === 0 || (state & step.when) !== 0) && (state & step.unless) === 0) return step.outcome;
  }
  return 'pursue';
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

/** Art. 19–21: the person's adjustments; sets the `aggravated` state. */
function adjust(act: Act, p: PersonInput, a: Attribution, who: string) {
  const { cp, day } = act;
  let adjustments: Adjustment[] | null = null;
  let aggravated = false;
  let lightened = false;
  for (const r of cp.adjustments) {
    if (!inForce(r, day)) continue;
    let detail: string | null = null;
    if (r.personalBit !== 0) {
      if ((a.personal & r.personalBit) === 0) continue;
    } else if (r.repeat) {
      detail = repeatBranch(p, act);
      if (detail === null) continue;
    } else if (r.secondary) {
      if (p.share !== 'secondary' || (cp.secondaryNeedsAnotherLiable && act.liableCount < 2)) continue;
    } else continue;
    if (adjustments === null) adjustments = [];
    adjustments.push(r.adjustment);
    if (r.aggravate) aggravated = true;
    else lightened = true;
    act.ex.add(p.id, `${who}${r.text}${detail === null ? '' : `（${detail}）`}。`, r.cites);
  }
  if (aggravated) a.state |= S.aggravated;
  return { adjustments: adjustments ?? NONE, aggravated, lightened };
}

/** Art. 21, 23 and the precedence table: the person's outcome, explained. */
function outcomeOf(act: Act, p: PersonInput, a: Attribution, who: string): Outcome {
  const { cp, day } = act;
  let lenient: CLeniency | null = null;
  for (const l of cp.leniency) {
    if (!inForce(l, day)) continue;
    if ((l.actBit & act.circumstances) !== 0 || (l.personalBit & a.personal) !== 0) {
      a.state |= l.state;
      lenient ??= l;
    }
  }
  const outcome = decide(cp.personSteps, a.state);
  if (lenient === null) return outcome;
  if (outcome === 'may_not_pursue') act.ex.add(p.id, who + lenient.text, lenient.cites);
  else act.ex.add(p.id, who + cp.leniencyBarredText, [...lenient.cites, ...cp.leniencyBarredCites]);
  return outcome;
}

/** Art. 24: the rung on the ladder from severity and adjustments. */
function sanction(
  act: Act,
  p: PersonInput,
  who: string,
  outcome: Outcome,
  aggravated: boolean,
  lightened: boolean,
) {
  const { cp } = act;
  let level = cp.baseLevel[act.severity]!;
  if (aggravated) level += cp.aggravateSteps;
  if (lightened) level -= cp.lightenSteps;
  level = Math.max(0, Math.min(cp.sanctionByLevel.length - 1, level));
  const sanctions = cp.sanctionByLevel[level]!;
  const adj = aggravated
    ? lightened
      ? '，从重与从轻相抵'
      : '，从重一档'
    : lightened
      ? '，从轻或者减轻一档'
      : '';
  const prefix = outcome === 'pursue' ? '' : '如决定追究，';
  act.ex.add(p.id, `${who}${prefix}${cp.sanctionText[level]}（${cp.severityText[act.severity]}${adj}）。`, [
    cp.sanctionCites[level]!,
  ]);
  return sanctions;
}

function concludePerson(act: Act, p: PersonInput, a: Attribution): PersonDetermination {
  const { cp, ex } = act;
  const who = `${cp.roleLabel.get(p.role)} ${p.id}：`;
  if (a.state & S.exempt) {
    ex.add(p.id, `${who}依${act.exemptLabel}，不承担行政执法过错责任。`, act.exemptCites!);
    return notLiable(p);
  }
  if (a.state & S.shielded) {
    const sh = cp.shields[a.shield]!;
    ex.add(p.id, who + sh.text, sh.cites);
    return notLiable(p);
  }
  if (a.bases === null) {
    ex.add(p.id, who + cp.noBasisText, NONE);
    return notLiable(p);
  }
  const basis: Basis[] = new Array(a.bases.length);
  for (let k = 0; k < a.bases.length; k++) {
    const r = cp.attribution[a.bases[k]!]!;
    basis[k] = r.basis;
    ex.add(p.id, who + r.text, r.cites);
  }
  const { adjustments, aggravated, lightened } = adjust(act, p, a, who);
  const outcome = outcomeOf(act, p, a, who);
  const sanctions =
    outcome === 'pursue' || cp.sanctionsIfMayNotPursue
      ? sanction(act, p, who, outcome, aggravated, lightened)
      : undefined;
  let referrals: Referral[] | null = null;
  for (const r of cp.referrals) {
    if (!inForce(r, act.day) || !act.req.suspected[r.suspected]) continue;
    if (referrals === null) referrals = [];
    referrals.push(r.referral);
    ex.add(p.id, who + r.text, r.cites);
  }
  const share = p.share;
  return sanctions === undefined
    ? { id: p.id, liable: true, outcome, basis, share, adjustments, referrals: referrals ?? NONE }
    : { id: p.id, liable: true, outcome, basis, share, adjustments, sanctions, referrals: referrals ?? NONE };
}

/** The agencies of the act: the request's, or those the people name, in order of first mention. */
function agenciesOf(req: DeterminationRequest): NonNullable<DeterminationRequest['agencies']> {
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

/** Art. 17, 22, 23 and 25 for one agency. */
function concludeAgency(act: Act, id: string, triggerCodes: readonly string[]): AgencyDetermination {
  const { cp, ex, day } = act;
  const who = `机关 ${id}：`;
  if (act.exemptCites !== null) {
    ex.add(id, `${who}依${act.exemptLabel}，不承担行政执法过错责任。`, act.exemptCites);
    return { id, liable: false, outcome: 'not_liable', basis: NONE, measures: NONE };
  }
  let triggers = 0;
  for (let t = 0; t < triggerCodes.length; t++) triggers |= TRIGGER_BIT.get(triggerCodes[t]!)!;
  let basis: Basis[] | null = null;
  for (const r of cp.agencyRules) {
    if (!inForce(r, day)) continue;
    if ((r.decisions & act.decision) === 0 && (r.trigger & triggers) === 0) continue;
    if (basis === null) basis = [];
    basis.push(r.basis);
    ex.add(id, who + r.text, r.cites);
  }
  if (basis === null) {
    ex.add(id, who + cp.agencyNoBasisText, AGENCY_NO_BASIS_CITES);
    return { id, liable: false, outcome: 'not_liable', basis: NONE, measures: NONE };
  }
  let state = 0;
  for (const l of cp.leniency) {
    if (l.agencies && inForce(l, day) && (act.circumstances & l.actBit) !== 0) {
      state |= l.state;
      ex.add(id, who + l.text, l.cites);
    }
  }
  const outcome = decide(cp.agencySteps, state);
  let measures: AgencyDetermination['measures'] = NONE;
  if (outcome === 'pursue' || cp.sanctionsIfMayNotPursue) {
    const serious = cp.agencySerious[act.severity]!;
    measures = serious ? cp.agencyMeasures.serious : cp.agencyMeasures.ordinary;
    const text = serious ? cp.agencyMeasureText.serious : cp.agencyMeasureText.ordinary;
    ex.add(id, `${who}${outcome === 'pursue' ? '' : '如决定追究，'}${text}`, cp.agencyMeasureCites);
  }
  return { id, liable: true, outcome, basis, measures };
}

/**
 * The determination for a validated request under a compiled pack. Output order is request order
 * (people, then agencies); the explanation lists the act, then each person, then each agency.
 */
export function determineValidated(req: DeterminationRequest, cp: CompiledPack): Determination {
  const ex = new Explainer();
  const act = readAct(req, cp, ex);
  const faults: { code: string; text: string }[] = new Array(req.faults.length);
  for (let i = 0; i < req.faults.length; i++) faults[i] = cp.faultOut.get(req.faults[i]!)!;

  const attributions = attribute(act);
  const persons: PersonDetermination[] = new Array(req.people.length);
  for (let i = 0; i < persons.length; i++) persons[i] = concludePerson(act, req.people[i]!, attributions[i]!);

  const list = agenciesOf(req);
  const agencies: AgencyDetermination[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) agencies[i] = concludeAgency(act, list[i]!.id, list[i]!.triggers);

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

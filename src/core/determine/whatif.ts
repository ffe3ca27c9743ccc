// What would change each outcome: for every person and agency, the smallest changes of the facts
// that change its outcome or its sanction clause (Art. 24; for an agency its Art. 25 measures).
// Single-fact changes first, then two-fact changes, over each person's conduct, circumstances,
// share and history and the act's severity, decision mode and circumstances. Every candidate is a
// valid request (the same checks as the edge), and is evaluated by the engine's own `evaluate` on
// a changed digest — no text, no copies of the request — so that writing `to` at `path` and
// determining again gives exactly the stated result (property-tested). Changes are plain data
// applied to the digest in place and undone, so a search allocates little.
import { dayNumber } from '../rulebook/day.js';
import { isoOfDay } from '../rulebook/period.js';
import {
  ACT_CIRCUMSTANCES,
  type AgencyMeasure,
  type Basis,
  CONDUCT_CODES,
  DECISION_KINDS,
  HARMS,
  IMPACTS,
  NATURES,
  PERSONAL_CIRCUMSTANCES,
  ROLES,
  SHARES,
} from '../rulebook/types.js';
import { CONDUCT } from '../rulebook/vocabulary.js';
import { ACT_CIRC_BIT, CONDUCT_BIT, type CompiledPack, DECISION_BIT, PERSONAL_BIT, S } from './compile.js';
import {
  type ActDigest,
  type Evaluated,
  Evaluation,
  evaluate,
  evaluateAct,
  evaluateAgencies,
  evaluatePerson,
  OUTCOME_CODES,
  repeatDetail,
  severityIndex,
} from './engine.js';
import type { DeterminationRequest } from './request.js';
import type { AgencyWhatIf, Determination, FactChange, PersonWhatIf } from './types.js';

/** At most this many changes per person or agency. */
export const WHAT_IF_LIMIT = 5;
/**
 * At most this many two-fact candidates are evaluated per determination, so that a request with
 * many people stays quick (a three-person request needs a few dozen); the search is deterministic.
 */
export const PAIR_BUDGET = 4000;

const CONDUCT_SET = 0;
const PERSONAL_SET = 1;
const ACT_SET = 2;
const SHARE = 3;
const HISTORY = 4;
const SEVERITY = 5;
const DECISION = 6;

/**
 * One change of one fact. `clear`/`set` are bits for the set-valued kinds (conduct, circumstances);
 * `value` is the new number (severity, decision) or share; `repeat` the Art. 19(2) result of a
 * changed history. `saved` holds what `apply` overwrote.
 */
interface Atom {
  kind: number;
  path: string;
  /** Small integer per path, for de-duplication. */
  pathId: number;
  from: unknown;
  /** The new value at `path`; for set-valued kinds computed from `list`, `add`, `remove`. */
  to: unknown;
  owner: number;
  list: readonly string[] | null;
  add: string | null;
  remove: string | null;
  clear: number;
  set: number;
  value: number;
  repeat: string | null;
  /** 'person': one person's result only; 'severity': rungs and measures; 'full': anything. */
  scope: number;
  saved: number;
  savedRepeat: string | null;
}

const PERSON_SCOPE = 0;
const SEVERITY_SCOPE = 1;
const FULL_SCOPE = 2;

const NO_MEASURES: readonly AgencyMeasure[] = Object.freeze([]);

function atom(kind: number, path: string, owner: number, from: unknown, to: unknown, scope: number): Atom {
  return {
    kind,
    path,
    pathId: 0,
    from,
    to,
    owner,
    list: null,
    add: null,
    remove: null,
    clear: 0,
    set: 0,
    value: 0,
    repeat: null,
    scope,
    saved: 0,
    savedRepeat: null,
  };
}

function toggle(
  kind: number,
  path: string,
  owner: number,
  list: readonly string[],
  add: string | null,
  remove: string | null,
  clear: number,
  set: number,
): Atom {
  const a = atom(kind, path, owner, list, null, kind === PERSONAL_SET ? PERSON_SCOPE : FULL_SCOPE);
  a.list = list;
  a.add = add;
  a.remove = remove;
  a.clear = clear;
  a.set = set;
  return a;
}

function apply(d: ActDigest, a: Atom): void {
  switch (a.kind) {
    case CONDUCT_SET: {
      const p = d.people[a.owner]!;
      a.saved = p.conduct;
      p.conduct = (p.conduct & ~a.clear) | a.set;
      return;
    }
    case PERSONAL_SET: {
      const p = d.people[a.owner]!;
      a.saved = p.personal;
      p.personal = (p.personal & ~a.clear) | a.set;
      return;
    }
    case ACT_SET:
      a.saved = d.circumstances;
      d.circumstances = (d.circumstances & ~a.clear) | a.set;
      return;
    case SHARE: {
      const p = d.people[a.owner]!;
      a.saved = p.secondary ? 1 : 0;
      p.secondary = a.value === 1;
      return;
    }
    case HISTORY: {
      const p = d.people[a.owner]!;
      a.savedRepeat = p.repeat;
      p.repeat = a.repeat;
      return;
    }
    case SEVERITY:
      a.saved = d.severity;
      d.severity = a.value;
      return;
    default:
      a.saved = d.decision;
      d.decision = a.value;
  }
}

function undo(d: ActDigest, a: Atom): void {
  switch (a.kind) {
    case CONDUCT_SET:
      d.people[a.owner]!.conduct = a.saved;
      return;
    case PERSONAL_SET:
      d.people[a.owner]!.personal = a.saved;
      return;
    case ACT_SET:
      d.circumstances = a.saved;
      return;
    case SHARE:
      d.people[a.owner]!.secondary = a.saved === 1;
      return;
    case HISTORY:
      d.people[a.owner]!.repeat = a.savedRepeat;
      return;
    case SEVERITY:
      d.severity = a.saved;
      return;
    default:
      d.decision = a.saved;
  }
}

/** The new value of a set-valued path after one or two changes of it. */
function listAfter(list: readonly string[], ...atoms: Atom[]): string[] {
  let to = [...list];
  for (const a of atoms) {
    if (a.remove !== null) to = to.filter((c) => c !== a.remove);
    if (a.add !== null) to.push(a.add);
  }
  return to;
}

// The codes a change can touch, with their bits, computed once.
const CONDUCT_BY_ROLE = new Map(
  ROLES.map((role) => [
    role,
    CONDUCT_CODES.filter((c) => CONDUCT[c].roles.includes(role)).map((c) => ({
      c,
      bit: CONDUCT_BIT.get(c)!,
    })),
  ]),
);
const PERSONAL = PERSONAL_CIRCUMSTANCES.map((c) => ({ c, bit: PERSONAL_BIT.get(c)! }));
const ACT = ACT_CIRCUMSTANCES.map((c) => ({ c, bit: ACT_CIRC_BIT.get(c)! }));
const DECISIONS = DECISION_KINDS.map((k) => ({ k, bit: DECISION_BIT.get(k)! }));
/** Path ids: per person a block (conduct, circumstances, share, history). */
const PERSON_IDS = 8;

/** Every single-fact change of the request, in a fixed order: people first, then the act. */
function atomsOf(req: DeterminationRequest, cp: CompiledPack, e: Evaluated): Atom[] {
  const atoms: Atom[] = [];
  for (let i = 0; i < req.people.length; i++) {
    const p = req.people[i]!;
    const at = `people[${i}]`;
    const conductPath = `${at}.conduct`;
    const circumstancesPath = `${at}.circumstances`;
    const ids = (i + 1) * PERSON_IDS;
    for (const { c, bit } of CONDUCT_BY_ROLE.get(p.role)!) {
      const has = p.conduct.includes(c);
      const a = toggle(
        CONDUCT_SET,
        conductPath,
        i,
        p.conduct,
        has ? null : c,
        has ? c : null,
        bit,
        has ? 0 : bit,
      );
      a.pathId = ids;
      atoms.push(a);
    }
    for (const { c, bit } of PERSONAL) {
      const has = p.circumstances.includes(c);
      // The two remedies exclude each other: adding one replaces the other.
      let other: string | null = null;
      if (!has && (bit & cp.remedyBits) !== 0)
        for (const x of p.circumstances)
          if (x !== c && (PERSONAL_BIT.get(x)! & cp.remedyBits) !== 0) other = x;
      const clear = has ? bit : other === null ? bit : cp.remedyBits;
      const a = toggle(
        PERSONAL_SET,
        circumstancesPath,
        i,
        p.circumstances,
        has ? null : c,
        has ? c : other,
        clear,
        has ? 0 : bit,
      );
      a.pathId = ids + 1;
      atoms.push(a);
    }
    const share = p.share === SHARES[0] ? SHARES[1] : SHARES[0];
    const sh = atom(SHARE, `${at}.share`, i, p.share, share, PERSON_SCOPE);
    sh.value = share === 'secondary' ? 1 : 0;
    sh.pathId = ids + 2;
    atoms.push(sh);
    if (p.history.length > 0 || cp.repeat.minFaultsInWindow <= 2 || cp.repeat.minEarlierSanctions <= 1)
      historyAtoms(req, cp, e, i, ids + 3, atoms);
  }
  const sev = req.severity;
  for (const x of NATURES)
    if (x !== sev.nature) severityAtom(atoms, 'severity.nature', 1, sev.nature, x, { ...sev, nature: x });
  for (const x of HARMS)
    if (x !== sev.harm) severityAtom(atoms, 'severity.harm', 2, sev.harm, x, { ...sev, harm: x });
  for (const x of IMPACTS)
    if (x !== sev.impact) severityAtom(atoms, 'severity.impact', 3, sev.impact, x, { ...sev, impact: x });
  for (const { k, bit } of DECISIONS) {
    if (k === req.decision) continue;
    const a = atom(DECISION, 'decision', -1, req.decision, k, FULL_SCOPE);
    a.value = bit;
    a.pathId = 4;
    atoms.push(a);
  }
  for (const { c, bit } of ACT) {
    const has = req.circumstances.includes(c);
    const a = toggle(
      ACT_SET,
      'circumstances',
      -1,
      req.circumstances,
      has ? null : c,
      has ? c : null,
      bit,
      has ? 0 : bit,
    );
    a.pathId = 5;
    atoms.push(a);
  }
  return atoms;
}

function severityAtom(
  atoms: Atom[],
  path: string,
  pathId: number,
  from: string,
  to: string,
  s: DeterminationRequest['severity'],
) {
  const a = atom(SEVERITY, path, -1, from, to, SEVERITY_SCOPE);
  a.value = severityIndex(s);
  a.pathId = pathId;
  atoms.push(a);
}

function historyAtom(
  req: DeterminationRequest,
  cp: CompiledPack,
  w: Evaluated['window'],
  i: number,
  path: string,
  from: unknown,
  to: unknown,
  history: DeterminationRequest['people'][number]['history'],
  pathId: number,
): Atom {
  const a = atom(HISTORY, path, i, from, to, PERSON_SCOPE);
  a.repeat = repeatDetail(history, req.faults, w, cp);
  a.pathId = pathId;
  return a;
}

/**
 * Art. 19(2) reads the history through counts, so one change per kind of effect is enough: remove
 * the first entry that counts toward "一年内", the first earlier sanction of the same kind; mark an
 * entry (not) sanctioned; add one earlier sanctioned fault of the same item.
 */
function historyAtoms(
  req: DeterminationRequest,
  cp: CompiledPack,
  e: Evaluated,
  i: number,
  id: number,
  out: Atom[],
) {
  const p = req.people[i]!;
  const at = `people[${i}].history`;
  const w = e.window;
  const kinds: (number | undefined)[] = [];
  for (const f of req.faults) kinds.push(cp.kindOf.get(f));
  // One removal per (in the year, a counted sanction); one (un)sanctioning per current state.
  let removed = 0;
  let marked = 0;
  for (let k = 0; k < p.history.length; k++) {
    const h = p.history[k]!;
    const day = dayNumber(h.date);
    const inYear = day <= w.day && day >= w.faultsFrom;
    const counts = kinds.includes(cp.kindOf.get(h.fault)) && day <= w.day && day >= w.sanctionsFrom;
    const removeKey = 1 << ((inYear ? 2 : 0) + (h.sanctioned && counts ? 1 : 0));
    if ((inYear || (h.sanctioned && counts)) && (removed & removeKey) === 0) {
      removed |= removeKey;
      const to = [...p.history.slice(0, k), ...p.history.slice(k + 1)];
      out.push(historyAtom(req, cp, w, i, at, p.history, to, to, id));
    }
    const markKey = h.sanctioned ? 2 : 1;
    if (counts && (marked & markKey) === 0) {
      marked |= markKey;
      const to = [...p.history];
      to[k] = { ...h, sanctioned: !h.sanctioned };
      // One id for the whole history: two changes of it are not combined, and changes with the
      // same effect are offered once.
      out.push(historyAtom(req, cp, w, i, `${at}[${k}].sanctioned`, h.sanctioned, !h.sanctioned, to, id));
    }
  }
  if (p.history.length < 1000) {
    const to = [...p.history, { date: isoOfDay(w.day - 1), fault: req.faults[0]!, sanctioned: true }];
    out.push(historyAtom(req, cp, w, i, at, p.history, to, to, id));
  }
}

/** The checks of the edge that a changed fact could break (request.ts checkRequest). */
function valid(d: ActDigest, cp: CompiledPack): boolean {
  if ((d.circumstances & cp.trivialBit) !== 0 && cp.severe[d.severity]) return false;
  for (let i = 0; i < d.people.length; i++) {
    const p = d.people[i]!;
    if ((p.conduct & ~cp.conductAllowed[31 - Math.clz32(p.role)]!) !== 0) return false;
    if ((p.personal & cp.remedyBits) === cp.remedyBits) return false;
    for (const n of cp.conductNeeds)
      if ((p.role & n.role) !== 0 && (p.conduct & n.conduct) !== 0 && (p.conduct & n.needs) === 0)
        return false;
  }
  return true;
}

const lowest = (bits: number) => 31 - Math.clz32(bits & -bits);

/** What the citations compare: the pack, the base evaluation and the act's circumstances before. */
interface CiteContext {
  cp: CompiledPack;
  d: ActDigest;
  baseCircumstances: number;
}

/** The provision that makes the difference between the base result and the changed one. */
function personCite(x: CiteContext, b: Evaluation, c: Evaluation, i: number): Basis {
  const { cp } = x;
  const bo = b.outcome[i]!;
  const co = c.outcome[i]!;
  const aggravating = (bits: number) => {
    for (let j = 0; j < cp.adjustments.length; j++)
      if ((bits & (1 << j)) !== 0 && cp.adjustments[j]!.aggravate) return j;
    return -1;
  };
  if (co !== bo) {
    if (co === 2) {
      if (c.exempt) return exemptionCite(cp, x.d.circumstances);
      if ((c.state[i]! & S.shielded) !== 0) return cp.shields[c.shield[i]!]!.cites[0]!;
      const lost = b.bases[i]! & ~c.bases[i]!;
      return cp.attribution[lowest(lost || b.bases[i]!)]!.basis;
    }
    if (bo === 2) {
      const gained = c.bases[i]! & ~b.bases[i]!;
      if (gained !== 0) return cp.attribution[lowest(gained)]!.basis;
      if (b.exempt) return exemptionCite(cp, x.baseCircumstances);
      if ((b.state[i]! & S.shielded) !== 0) return cp.shields[b.shield[i]!]!.cites[0]!;
      return cp.attribution[lowest(c.bases[i]!)]!.basis;
    }
    const lenient = S.trivial | S.remedied_prevented;
    if (co === 1) {
      // Now may not pursue: a leniency gained, or the aggravation that barred it lost.
      if ((c.state[i]! & ~b.state[i]! & lenient) !== 0) return cp.leniency[c.lenient[i]!]!.cites[0]!;
      const j = aggravating(b.adjust[i]! & ~c.adjust[i]!);
      if (j >= 0) return cp.adjustments[j]!.cites[0]!;
      return cp.leniency[c.lenient[i]!]!.cites[0]!;
    }
    // Now pursued: an aggravation gained that bars the leniency, or the leniency lost.
    const j = aggravating(c.adjust[i]! & ~b.adjust[i]!);
    if (j >= 0 && (b.state[i]! & lenient & c.state[i]!) !== 0) return cp.adjustments[j]!.cites[0]!;
    return cp.leniency[b.lenient[i]!]!.cites[0]!;
  }
  const diff = b.adjust[i]! ^ c.adjust[i]!;
  if (diff !== 0) return cp.adjustments[lowest(diff)]!.cites[0]!;
  const level = c.level[i]! >= 0 ? c.level[i]! : b.level[i]!;
  return cp.sanctionCites[level]!;
}

function agencyCite(x: CiteContext, b: Evaluation, c: Evaluation, a: number): Basis {
  const { cp } = x;
  const bo = b.agencyOutcome[a]!;
  const co = c.agencyOutcome[a]!;
  if (co !== bo) {
    if (co === 2) {
      if (c.exempt) return exemptionCite(cp, x.d.circumstances);
      const lost = b.agencyBasis[a]! & ~c.agencyBasis[a]!;
      return cp.agencyRules[lowest(lost || b.agencyBasis[a]!)]!.basis;
    }
    if (bo === 2) {
      const gained = c.agencyBasis[a]! & ~b.agencyBasis[a]!;
      if (gained !== 0) return cp.agencyRules[lowest(gained)]!.basis;
      if (b.exempt) return exemptionCite(cp, x.baseCircumstances);
      return cp.agencyRules[lowest(c.agencyBasis[a]!)]!.basis;
    }
    // Art. 23 gained or lost.
    return cp.leniency.find((l) => l.agencies)!.cites[0]!;
  }
  return cp.agencyMeasureCites[0]!;
}

/** The first Art. 22 clause that holds for these circumstances. */
function exemptionCite(cp: CompiledPack, circumstances: number): Basis {
  return (cp.exemptions.find((x) => (circumstances & x.bit) !== 0) ?? cp.exemptions[0]!).cite;
}

interface Found {
  a: Atom;
  b: Atom | null;
  order: number;
  outcome: number;
  /** Sanction rung (persons) or measures code (agencies). */
  level: number;
  key: number;
  cite: Basis;
}

const byOrder = (p: Found, q: Found) => p.order - q.order;

/** A person's result differs when its outcome or its Art. 24 clause does. */
const clauseOf = (cp: CompiledPack, level: number) => (level < 0 ? 0 : cp.sanctionByLevel[level]!.clause);

/** Two changes of one list that touch the same code, or two values of one scalar. */
function clashes(a: Atom, b: Atom): boolean {
  if (a.pathId !== b.pathId) return false;
  if (a.list === null) return true;
  const touched = [a.add, a.remove];
  return (b.add !== null && touched.includes(b.add)) || (b.remove !== null && touched.includes(b.remove));
}

// One scratch evaluation per shape, reused: a search runs synchronously from start to end.
const scratches = new Map<number, Evaluation>();
function scratchFor(n: number, m: number): Evaluation {
  const key = n * 1024 + m;
  let ev = scratches.get(key);
  if (ev === undefined) {
    if (scratches.size > 64) scratches.clear();
    ev = new Evaluation(n, m);
    scratches.set(key, ev);
  }
  return ev;
}

/** The state of one search: the request's digest, its base evaluation, and what was found. */
interface Search {
  cp: CompiledPack;
  d: ActDigest;
  n: number;
  subjects: number;
  base: Evaluation;
  scratch: Evaluation;
  atoms: Atom[];
  found: Found[][];
  /** alone[s * atoms + x]: atom x alone changes subject s (a pair with it is not minimal for s). */
  alone: Uint8Array;
  ctx: CiteContext;
}

/** Evaluates again only what the changed facts can reach; the rest is the base's. */
function reevaluate(z: Search, a: Atom, b: Atom | null, agenciesOnly: boolean): void {
  const { d, cp, scratch, base } = z;
  const scope = b === null ? a.scope : Math.max(a.scope, b.scope);
  if (agenciesOnly) {
    evaluateAct(d, cp, scratch);
    evaluateAgencies(d, cp, scratch);
    return;
  }
  if (scope === FULL_SCOPE) {
    evaluate(d, cp, scratch);
    return;
  }
  // Attribution is the base's: only circumstances, shares, histories or severity changed.
  scratch.exempt = base.exempt;
  scratch.liableCount = base.liableCount;
  if (scope === SEVERITY_SCOPE) {
    scratch.bases.set(base.bases);
    scratch.shield.set(base.shield);
    for (let i = 0; i < z.n; i++) evaluatePerson(d, cp, scratch, i);
    evaluateAgencies(d, cp, scratch);
    return;
  }
  scratch.bases[a.owner] = base.bases[a.owner]!;
  scratch.shield[a.owner] = base.shield[a.owner]!;
  evaluatePerson(d, cp, scratch, a.owner);
  if (b !== null && b.owner !== a.owner) {
    scratch.bases[b.owner] = base.bases[b.owner]!;
    scratch.shield[b.owner] = base.shield[b.owner]!;
    evaluatePerson(d, cp, scratch, b.owner);
  }
}

/**
 * Which changes come first for a subject, among changes of as many facts: the people's facts
 * before the act's — conduct (its own, then the others' on the chain), circumstances, share,
 * history — then the act's circumstances, severity and decision mode.
 */
function rankOf(s: number, a: Atom): number {
  switch (a.kind) {
    case CONDUCT_SET:
      return a.owner === s ? 0 : 1;
    case PERSONAL_SET:
      return 2;
    case SHARE:
      return 3;
    case HISTORY:
      return 4;
    case ACT_SET:
      return 5;
    case SEVERITY:
      return 6;
    default:
      return 7;
  }
}

/** Records the change for subject `s` if its result differs; returns whether it differs. */
function record(z: Search, s: number, a: Atom, b: Atom | null, x: number, y: number): boolean {
  const { cp, scratch, base, n } = z;
  let outcome: number;
  let level: number;
  let kind: number;
  if (s < n) {
    outcome = scratch.outcome[s]!;
    level = scratch.level[s]!;
    kind = clauseOf(cp, level);
    if (outcome === base.outcome[s] && kind === clauseOf(cp, base.level[s]!)) return false;
  } else {
    outcome = scratch.agencyOutcome[s - n]!;
    level = scratch.agencyMeasures[s - n]!;
    kind = level;
    if (outcome === base.agencyOutcome[s - n] && level === base.agencyMeasures[s - n]) return false;
  }
  const key = ((a.pathId * 1e6 + (b === null ? 0 : b.pathId)) * 4 + outcome) * 16 + kind;
  const list = z.found[s]!;
  for (let k = 0; k < list.length; k++) if (list[k]!.key === key) return true;
  // Fewer changes first, counted as the answer states them: two changes of one list are one.
  const size = b === null || b.pathId === a.pathId ? 1 : 2;
  list.push({
    a,
    b,
    order: size * 1e12 + (rankOf(s, a) + (b === null ? 0 : rankOf(s, b))) * 1e10 + x * 1e5 + y,
    outcome,
    level,
    key,
    cite: s < n ? personCite(z.ctx, base, scratch, s) : agencyCite(z.ctx, base, scratch, s - n),
  });
  return true;
}

/** An agency's result reads only the act's facts; a person's their own, the act's and others' conduct. */
const relevant = (z: Search, s: number, a: Atom) =>
  a.owner < 0 || (s < z.n && (a.owner === s || a.kind === CONDUCT_SET));

function singles(z: Search): void {
  const { d, cp, atoms } = z;
  const width = atoms.length;
  for (let x = 0; x < width; x++) {
    const a = atoms[x]!;
    apply(d, a);
    if (valid(d, cp)) {
      reevaluate(z, a, null, false);
      if (a.scope === PERSON_SCOPE) {
        if (record(z, a.owner, a, null, x, 0)) z.alone[a.owner * width + x] = 1;
      } else for (let s = 0; s < z.subjects; s++) if (record(z, s, a, null, x, 0)) z.alone[s * width + x] = 1;
    }
    undo(d, a);
  }
}

/** Two facts, for the subjects that have fewer than WHAT_IF_LIMIT single changes. */
function pairs(z: Search): void {
  const { d, cp, atoms, n, alone } = z;
  const width = atoms.length;
  const needy: number[] = [];
  for (let s = 0; s < z.subjects; s++) if (z.found[s]!.length < WHAT_IF_LIMIT) needy.push(s);
  const cands: number[] = [];
  for (let x = 0; x < width; x++) {
    for (let k = 0; k < needy.length; k++) {
      if (relevant(z, needy[k]!, atoms[x]!)) {
        cands.push(x);
        break;
      }
    }
  }
  let budget = PAIR_BUDGET;
  for (let ix = 0; ix < cands.length && needy.length > 0 && budget > 0; ix++) {
    const x = cands[ix]!;
    const a = atoms[x]!;
    for (let iy = ix + 1; iy < cands.length && needy.length > 0; iy++) {
      const y = cands[iy]!;
      const b = atoms[y]!;
      if (clashes(a, b)) continue;
      let wanted = false;
      let agenciesOnly = true;
      for (let k = 0; k < needy.length; k++) {
        const s = needy[k]!;
        if (s < n) agenciesOnly = false;
        if (
          !wanted &&
          relevant(z, s, a) &&
          relevant(z, s, b) &&
          !alone[s * width + x] &&
          !alone[s * width + y]
        )
          wanted = true;
      }
      if (!wanted) continue;
      if (--budget < 0) break;
      apply(d, a);
      apply(d, b);
      if (valid(d, cp)) {
        reevaluate(z, a, b, agenciesOnly);
        const personal = a.scope === PERSON_SCOPE && b.scope === PERSON_SCOPE;
        for (let k = 0; k < needy.length; k++) {
          const s = needy[k]!;
          // Only subjects the pair reaches, and for which neither fact alone is enough.
          if (personal && s !== a.owner && s !== b.owner) continue;
          if (alone[s * width + x] || alone[s * width + y]) continue;
          record(z, s, a, b, x, y);
        }
      }
      undo(d, b);
      undo(d, a);
      for (let k = needy.length - 1; k >= 0; k--)
        if (z.found[needy[k]!]!.length >= 2 * WHAT_IF_LIMIT) needy.splice(k, 1);
    }
  }
}

/**
 * The smallest changes of the facts that change each person's and agency's result, attached to the
 * determination as `whatIf` (at most WHAT_IF_LIMIT each, fewer changes first, then by `rankOf`).
 */
export function attachWhatIf(
  det: Determination,
  req: DeterminationRequest,
  cp: CompiledPack,
  e: Evaluated,
): Determination {
  const d = e.digest;
  const n = d.people.length;
  const m = d.agencyTriggers.length;
  const atoms = atomsOf(req, cp, e);
  const found: Found[][] = [];
  for (let s = 0; s < n + m; s++) found.push([]);
  const z: Search = {
    cp,
    d,
    n,
    subjects: n + m,
    base: e.evaluation,
    scratch: scratchFor(n, m),
    atoms,
    found,
    alone: new Uint8Array((n + m) * atoms.length),
    ctx: { cp, d, baseCircumstances: d.circumstances },
  };
  singles(z);
  pairs(z);
  for (let s = 0; s < n + m; s++) {
    const list = found[s]!.sort(byOrder).slice(0, WHAT_IF_LIMIT);
    if (s < n) {
      const out: PersonWhatIf[] = [];
      for (const f of list) {
        const w: PersonWhatIf = { changes: changesOf(f), outcome: OUTCOME_CODES[f.outcome]!, cite: f.cite };
        if (f.level >= 0) w.sanctions = cp.sanctionByLevel[f.level]!;
        out.push(w);
      }
      det.persons[s]!.whatIf = out;
    } else {
      const out: AgencyWhatIf[] = [];
      for (const f of list) {
        const measures =
          f.level === 2
            ? cp.agencyMeasures.serious
            : f.level === 1
              ? cp.agencyMeasures.ordinary
              : NO_MEASURES;
        out.push({ changes: changesOf(f), outcome: OUTCOME_CODES[f.outcome]!, measures, cite: f.cite });
      }
      det.agencies[s - n]!.whatIf = out;
    }
  }
  return det;
}

/** The changes as the request reads them; two changes of one list become one. */
function changesOf(f: Found): FactChange[] {
  const one = (a: Atom) => ({
    path: a.path,
    from: a.from,
    to: a.list === null ? a.to : listAfter(a.list, a),
  });
  if (f.b === null) return [one(f.a)];
  if (f.a.pathId === f.b.pathId)
    return [{ path: f.a.path, from: f.a.from, to: listAfter(f.a.list!, f.a, f.b) }];
  return [one(f.a), one(f.b)];
}

// Compiles a resolved pack into tables for the engine: codes become bits, rules become bitmask
// conditions with their day range, exceptions are attached to the rules they defeat, and every
// explanation fragment and output object is built once. Cached per resolved pack.
import { ART18_OWN_ACT_REMAINS } from '../rulebook/art-18.js';
import { art24Clauses } from '../rulebook/art-24.js';
import { dayRange } from '../rulebook/day.js';
import type { ResolvedPack } from '../rulebook/packs/types.js';
import {
  AGENCY_OUTCOME_PRECEDENCE,
  PERSON_OUTCOME_PRECEDENCE,
  type PersonState,
} from '../rulebook/precedence.js';
import {
  ACT_FACT_RULES,
  ADJUSTMENT_RULES,
  AGENCY_RULES,
  ATTRIBUTION_RULES,
  EXCEPTION_RULES,
  EXEMPTION_RULES,
  LENIENCY_RULES,
  REFERRAL_RULES,
} from '../rulebook/rules.js';
import {
  ACT_CIRCUMSTANCES,
  ACT_FACTS,
  AGENCY_TRIGGERS,
  type AgencyMeasure,
  type Basis,
  CONDUCT_CODES,
  type ConductCode,
  DECISION_KINDS,
  type DecisionKind,
  HARMS,
  IMPACTS,
  NATURES,
  type Outcome,
  PERSONAL_CIRCUMSTANCES,
  type PersonalCircumstance,
  type Referral,
  ROLES,
  type Role,
} from '../rulebook/types.js';
import {
  AGENCY_MEASURE_LABELS,
  CONDUCT,
  HARM_LABELS,
  IMPACT_LABELS,
  NATURE_LABELS,
  ROLE_LABELS,
  SANCTION_FORM_LABELS,
} from '../rulebook/vocabulary.js';
import { citeLabel } from '../rulebook/zh.js';
import type { Adjustment, Sanctions } from './types.js';

const bitsOf = (codes: readonly string[]): Map<string, number> => new Map(codes.map((c, i) => [c, 1 << i]));

export const ROLE_BIT = bitsOf(ROLES) as Map<Role, number>;
export const DECISION_BIT = bitsOf(DECISION_KINDS) as Map<DecisionKind, number>;
export const CONDUCT_BIT = bitsOf(CONDUCT_CODES) as Map<ConductCode, number>;
export const PERSONAL_BIT = bitsOf(PERSONAL_CIRCUMSTANCES);
export const ACT_CIRC_BIT = bitsOf(ACT_CIRCUMSTANCES);
export const FACT_BIT = bitsOf(ACT_FACTS);
export const TRIGGER_BIT = bitsOf(AGENCY_TRIGGERS);

const STATE_BIT: Record<PersonState | 'always', number> = {
  exempt: 1,
  shielded: 2,
  no_basis: 4,
  trivial: 8,
  remedied_prevented: 16,
  aggravated: 32,
  always: 0,
};
export const S = STATE_BIT;

const mask = (codes: readonly string[] | undefined, bits: Map<string, number>): number =>
  (codes ?? []).reduce((m, c) => m | (bits.get(c) ?? 0), 0);

const frozen = <T>(v: T): T => Object.freeze(v);

/** A condition on a person's conduct bits and the act's fact bits. */
export interface Condition {
  conductAll: number;
  conductAny: number;
  conductNone: number;
  factsAll: number;
  factsAny: number;
  factsNone: number;
}

export function holds(c: Condition, conduct: number, facts: number): boolean {
  return (
    (conduct & c.conductAll) === c.conductAll &&
    (c.conductAny === 0 || (conduct & c.conductAny) !== 0) &&
    (conduct & c.conductNone) === 0 &&
    (facts & c.factsAll) === c.factsAll &&
    (c.factsAny === 0 || (facts & c.factsAny) !== 0) &&
    (facts & c.factsNone) === 0
  );
}

interface InForce {
  from: number;
  to: number;
}

export interface CFact {
  bit: number;
  roles: number;
  condition: Condition;
}
export interface CAttribution extends InForce {
  id: string;
  roles: number;
  decisions: number;
  condition: Condition;
  defeatedBy: Condition[];
  basis: Basis;
  cites: readonly Basis[];
  /** "依第十五条第（四）项，…。" */
  text: string;
}
export interface CShield extends InForce {
  condition: Condition;
  cites: readonly Basis[];
  text: string;
  /** When the person's own acts it spares remain: they stay liable on them (Art. 18). */
  remainsText: string;
}
export interface CExemption extends InForce {
  bit: number;
  cite: Basis;
  /** 第二十二条第（一）项 */
  label: string;
  conclusion: string;
}
export interface CLeniency extends InForce {
  actBit: number;
  personalBit: number;
  agencies: boolean;
  state: number;
  cites: readonly Basis[];
  text: string;
}
export interface CAdjustment extends InForce {
  personalBit: number;
  repeat: boolean;
  secondary: boolean;
  adjustment: Adjustment;
  aggravate: boolean;
  discretionary: boolean;
  cites: readonly Basis[];
  text: string;
}
export interface CReferral extends InForce {
  referral: Referral;
  suspected: 'discipline' | 'crime';
  cites: readonly Basis[];
  text: string;
}
export interface CAgencyRule extends InForce {
  decisions: number;
  trigger: number;
  basis: Basis;
  cites: readonly Basis[];
  text: string;
}
export interface CStep {
  when: number;
  unless: number;
  outcome: Outcome;
  source: string;
}

export interface CompiledPack {
  pack: ResolvedPack;
  faultOut: Map<string, { code: string; text: string }>;
  /** "Same kind" id of each catalogue code (item or category, per the pack). */
  kindOf: Map<string, number>;
  facts: CFact[];
  attribution: CAttribution[];
  shields: CShield[];
  exemptions: CExemption[];
  leniency: CLeniency[];
  adjustments: CAdjustment[];
  referrals: CReferral[];
  agencyRules: CAgencyRule[];
  personSteps: CStep[];
  agencySteps: CStep[];
  /** Conduct codes each role may record (by role bit), and conducts that need another (Art. 18). */
  conductAllowed: Int32Array;
  conductNeeds: { role: number; conduct: number; needs: number }[];
  /** Art. 21's two remedies, which exclude each other; Art. 23 and the severities it contradicts. */
  remedyBits: number;
  trivialBit: number;
  severe: boolean[];
  /** Sanctions by ladder rung. */
  sanctionByLevel: Sanctions[];
  sanctionText: string[];
  sanctionCites: Basis[];
  /** By severity index nature*4 + harm*2 + impact. */
  baseLevel: number[];
  severityText: string[];
  agencySerious: boolean[];
  agencyMeasures: { ordinary: readonly AgencyMeasure[]; serious: readonly AgencyMeasure[] };
  agencyMeasureText: { ordinary: string; serious: string };
  agencyMeasureCites: readonly Basis[];
  roleLabel: Map<Role, string>;
  repeat: ResolvedPack['params']['repeat'];
  aggravateSteps: number;
  lightenSteps: number;
  secondaryNeedsAnotherLiable: boolean;
  sanctionsIfMayNotPursue: boolean;
  /** Explanation lines that never vary. */
  noBasisText: string;
  agencyNoBasisText: string;
  leniencyBarredText: string;
  leniencyBarredCites: readonly Basis[];
}

const SUMMARY_MARK = '（摘要）';

function compile(pack: ResolvedPack): CompiledPack {
  const p = pack.params;
  const isSummary = (article: number) => pack.articles.find((a) => a.number === article)?.summary ?? false;
  const cited = (b: Basis) =>
    `依${citeLabel(b)}${'article' in b && isSummary(b.article) ? SUMMARY_MARK : ''}`;
  const range = (r: { validFrom: string; validTo: string | null }): InForce => {
    const [from, to] = dayRange(r.validFrom, r.validTo);
    return { from, to };
  };
  const condition = (r: {
    conductAll?: readonly string[];
    conductAny?: readonly string[];
    conductNone?: readonly string[];
    actAll?: readonly string[];
    actAny?: readonly string[];
    actNone?: readonly string[];
  }): Condition => ({
    conductAll: mask(r.conductAll, CONDUCT_BIT),
    conductAny: mask(r.conductAny, CONDUCT_BIT),
    conductNone: mask(r.conductNone, CONDUCT_BIT),
    factsAll: mask(r.actAll, FACT_BIT),
    factsAny: mask(r.actAny, FACT_BIT),
    factsNone: mask(r.actNone, FACT_BIT),
  });

  const faultOut = new Map(pack.catalogue.map((i) => [i.code, frozen({ code: i.code, text: i.text })]));
  const categories = [...new Set(pack.catalogue.map((i) => i.category))];
  const kindOf = new Map(
    pack.catalogue.map((i, idx) => [
      i.code,
      p.repeat.sameKindBy === 'item' ? idx : categories.indexOf(i.category),
    ]),
  );

  const facts = ACT_FACT_RULES.map((f) => ({
    bit: FACT_BIT.get(f.fact)!,
    roles: mask(f.roles, ROLE_BIT),
    condition: condition(f),
  }));

  const art15Decisions = mask(p.attribution.art15Decisions, DECISION_BIT);
  const attribution: CAttribution[] = ATTRIBUTION_RULES.map((r) => ({
    id: r.id,
    ...range(r),
    roles: mask(r.roles, ROLE_BIT),
    decisions: r.decisions === 'art15' ? art15Decisions : mask(r.decisions, DECISION_BIT),
    condition: condition(r),
    defeatedBy: [],
    basis: frozen(r.cite),
    cites: frozen([frozen(r.cite)]),
    text: `${cited(r.cite)}，${r.conclusion}。`,
  }));
  const shields: CShield[] = [];
  for (const e of EXCEPTION_RULES) {
    const c = condition(e);
    for (const r of attribution) {
      const defeats = e.defeats === '*' ? !(e.spares ?? []).includes(r.id) : e.defeats.includes(r.id);
      if (defeats) r.defeatedBy.push(c);
    }
    if (e.shields)
      shields.push({
        ...range(e),
        condition: c,
        cites: frozen([e.cite]),
        text: `${cited(e.cite)}，${e.conclusion}。`,
        remainsText: `${cited(e.cite)}，${ART18_OWN_ACT_REMAINS}。`,
      });
  }
  // The engine keeps a person's bases, adjustments and agency bases as bit sets.
  if (attribution.length > 31 || ADJUSTMENT_RULES.length > 31 || AGENCY_RULES.length > 31)
    throw new Error('too many rules for the engine’s bit sets');

  const exemptions = EXEMPTION_RULES.map((e) => ({
    ...range(e),
    bit: ACT_CIRC_BIT.get(e.circumstance)!,
    cite: frozen(e.cite),
    label: citeLabel(e.cite),
    conclusion: e.conclusion,
  }));

  const stateOf: Record<string, number> = { art23: S.trivial, 'art21.prevented': S.remedied_prevented };
  const leniency = LENIENCY_RULES.map((l) => ({
    ...range(l),
    actBit: l.actCircumstance ? ACT_CIRC_BIT.get(l.actCircumstance)! : 0,
    personalBit: l.personalCircumstance ? PERSONAL_BIT.get(l.personalCircumstance)! : 0,
    agencies: l.agencies,
    state: stateOf[l.id] ?? 0,
    cites: frozen([l.cite]),
    text: `${cited(l.cite)}，${l.conclusion}。`,
  }));

  const adjustments = ADJUSTMENT_RULES.map((a) => {
    const cite = a.cite as { article: number; clause?: number };
    return {
      ...range(a),
      personalBit: a.personalCircumstance ? PERSONAL_BIT.get(a.personalCircumstance)! : 0,
      repeat: a.computed === 'repeat',
      secondary: a.share === 'secondary',
      adjustment: frozen({
        kind: a.adjustment,
        article: cite.article,
        ...(cite.clause === undefined ? {} : { clause: cite.clause }),
        discretionary: a.discretionary,
      }),
      aggravate: a.adjustment === 'aggravate',
      discretionary: a.discretionary,
      cites: frozen([a.cite]),
      text: `${cited(a.cite)}，${a.conclusion}`,
    };
  });

  const referrals = REFERRAL_RULES.map((r) => ({
    ...range(r),
    referral: r.referral,
    suspected: r.suspected,
    cites: frozen([r.cite]),
    text: `${cited(r.cite)}，${r.conclusion}。`,
  }));

  const agencyRules = AGENCY_RULES.map((r) => ({
    ...range(r),
    decisions: mask(r.decisions, DECISION_BIT),
    trigger: r.trigger ? TRIGGER_BIT.get(r.trigger)! : 0,
    basis: frozen(r.cite),
    cites: frozen([frozen(r.cite)]),
    text: `${cited(r.cite)}，${r.conclusion}。`,
  }));

  const bar = p.leniency.aggravationBarsMayNotPursue ? S.aggravated : 0;
  const steps = (table: typeof PERSON_OUTCOME_PRECEDENCE): CStep[] =>
    table.map((s) => ({
      when: STATE_BIT[s.when],
      unless: s.unless.reduce((m, u) => m | (u === 'leniencyBar' ? bar : STATE_BIT[u]), 0),
      outcome: s.outcome,
      source: s.source,
    }));

  // Art. 24: the ladder of forms, each rung in the clause that lists it.
  const sanctionByLevel: Sanctions[] = [];
  const sanctionText: string[] = [];
  const sanctionCites: Basis[] = [];
  for (const form of p.sanctions.ladder) {
    const clause = art24Clauses.find((c) => c.forms.includes(form))!;
    sanctionByLevel.push(
      frozen({
        article: 24,
        clause: clause.cite.clause!,
        forms: frozen([...clause.forms]),
        recommended: form,
      }),
    );
    // The clause gives the forms; the rung is a recommendation that no article makes (D14).
    const forms = clause.forms.map((f) => SANCTION_FORM_LABELS[f]).join('或者');
    sanctionText.push(`${cited(clause.cite)}，可给予${forms}；量责建议：${SANCTION_FORM_LABELS[form]}`);
    sanctionCites.push(frozen(clause.cite));
  }
  const w = p.sanctions.weights;
  const baseLevel: number[] = [];
  const severityText: string[] = [];
  const agencySerious: boolean[] = [];
  for (const n of NATURES) {
    for (const h of HARMS) {
      for (const i of IMPACTS) {
        const score = w.nature[n] + w.harm[h] + w.impact[i];
        baseLevel.push(Math.min(score, sanctionByLevel.length - 1));
        severityText.push(`性质${NATURE_LABELS[n]}、危害后果${HARM_LABELS[h]}、社会影响${IMPACT_LABELS[i]}`);
        agencySerious.push(score >= p.agencies.seriousFromScore);
      }
    }
  }
  const art25 = { article: 25 } as const;
  const ordinaryMeasures: AgencyMeasure[] = ['rectify_within_limit'];
  const seriousMeasures: AgencyMeasure[] = [
    'rectify_within_limit',
    'circulated_criticism',
    'award_disqualification',
  ];

  // By role index (the role's bit is 1 << index).
  const conductAllowed = new Int32Array(ROLES.length);
  ROLES.forEach((role, k) => {
    conductAllowed[k] = mask(
      CONDUCT_CODES.filter((c) => CONDUCT[c].roles.includes(role)),
      CONDUCT_BIT,
    );
  });
  const conductNeeds = CONDUCT_CODES.flatMap((c) =>
    Object.entries(CONDUCT[c].needs ?? {}).map(([role, needs]) => ({
      role: ROLE_BIT.get(role as Role)!,
      conduct: CONDUCT_BIT.get(c)!,
      needs: CONDUCT_BIT.get(needs)!,
    })),
  );
  const remedies: PersonalCircumstance[] = ['remedied_harm_prevented', 'remedied_harm_occurred'];
  const severe: boolean[] = [];
  for (const n of NATURES)
    for (const h of HARMS)
      for (const i of IMPACTS) severe.push(n === 'egregious' || h === 'large' || i === 'large');

  return {
    pack,
    faultOut,
    kindOf,
    facts,
    attribution,
    shields,
    exemptions,
    leniency,
    adjustments,
    referrals,
    agencyRules,
    personSteps: steps(PERSON_OUTCOME_PRECEDENCE),
    agencySteps: steps(AGENCY_OUTCOME_PRECEDENCE),
    conductAllowed,
    conductNeeds,
    remedyBits: mask(remedies, PERSONAL_BIT),
    trivialBit: ACT_CIRC_BIT.get('trivial')!,
    severe,
    sanctionByLevel,
    sanctionText,
    sanctionCites,
    baseLevel,
    severityText,
    agencySerious,
    agencyMeasures: { ordinary: frozen(ordinaryMeasures), serious: frozen(seriousMeasures) },
    agencyMeasureText: {
      ordinary: `${cited(art25)}，${AGENCY_MEASURE_LABELS.rectify_within_limit}。`,
      serious: `${cited(art25)}，${AGENCY_MEASURE_LABELS.rectify_within_limit}；情节严重，可给予${AGENCY_MEASURE_LABELS.circulated_criticism}或者${AGENCY_MEASURE_LABELS.award_disqualification}。`,
    },
    agencyMeasureCites: frozen([frozen(art25)]),
    roleLabel: new Map(ROLES.map((r) => [r, ROLE_LABELS[r]])),
    repeat: p.repeat,
    aggravateSteps: p.sanctions.aggravateSteps,
    lightenSteps: p.sanctions.lightenSteps,
    secondaryNeedsAnotherLiable: p.commonFault.secondaryNeedsAnotherLiable,
    sanctionsIfMayNotPursue: p.leniency.sanctionsIfMayNotPursue,
    noBasisText: '不具备第十五条至第十八条或者总则规定的追究情形，不承担行政执法过错责任。',
    agencyNoBasisText: '不具备第十七条、第二十五条规定的情形，不承担行政执法过错责任。',
    leniencyBarredText: '虽有可以不予追究的情形，但具有第十九条规定的从重情形，仍应追究。',
    leniencyBarredCites: frozen([frozen({ article: 19 })]),
  };
}

const cache = new WeakMap<ResolvedPack, CompiledPack>();

/** The engine's tables for a resolved pack (built once per pack version). */
export function compilePack(pack: ResolvedPack): CompiledPack {
  let c = cache.get(pack);
  if (!c) {
    c = compile(pack);
    cache.set(pack, c);
  }
  return c;
}

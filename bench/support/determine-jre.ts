// The determination rules of the rulebook written for json-rules-engine, for bench/determine.ts:
// what a Node developer would otherwise reach for. Generated from the same rule data, so it encodes
// the same law: phase 1 per person — attribution by role, decision and conduct with the exceptions
// as `not` conditions, the Art. 18 shield, Art. 22 exemptions, Art. 21/23 leniency, Art. 19
// aggravation (19(2) as a dynamic fact over the history), Art. 21 lightening; phase 2 per liable
// person — Art. 20 (priority 2, recorded as a runtime fact), then the Art. 24 sanction rung (a
// dynamic fact) and referrals; one run per agency for Art. 17/25. Outcome precedence is the same
// table walk. It writes no Chinese explanation, so it does less work than our engine.
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { DeterminationRequest } from '../../src/core/determine/request.js';
import { art24Clauses } from '../../src/core/rulebook/art-24.js';
import { CATALOGUE } from '../../src/core/rulebook/catalogue.js';
import { dayNumber } from '../../src/core/rulebook/day.js';
import type { ResolvedPack } from '../../src/core/rulebook/packs/types.js';
import { periodStartDay } from '../../src/core/rulebook/period.js';
import { AGENCY_OUTCOME_PRECEDENCE, PERSON_OUTCOME_PRECEDENCE } from '../../src/core/rulebook/precedence.js';
import {
  ACT_FACT_RULES,
  ADJUSTMENT_RULES,
  AGENCY_RULES,
  ATTRIBUTION_RULES,
  EXCEPTION_RULES,
  EXEMPTION_RULES,
  LENIENCY_RULES,
  REFERRAL_RULES,
} from '../../src/core/rulebook/rules.js';
import type { Basis, ExceptionRule, Outcome } from '../../src/core/rulebook/types.js';

// ---------------------------------------------------------------------------------------------
// The same rules for json-rules-engine.

const contains = (fact: string, value: string) => ({ fact, operator: 'contains', value });
const lacks = (fact: string, value: string) => ({ fact, operator: 'doesNotContain', value });

function exceptionCondition(e: ExceptionRule): TopLevelCondition {
  const parts: unknown[] = [
    ...(e.conductAll ?? []).map((c) => contains('conduct', c)),
    ...(e.conductNone ?? []).map((c) => lacks('conduct', c)),
    ...(e.actAll ?? []).map((f) => contains('actFacts', f)),
    ...(e.actNone ?? []).map((f) => lacks('actFacts', f)),
  ];
  if (e.actAny?.length) parts.push({ any: e.actAny.map((f) => contains('actFacts', f)) });
  return { all: parts } as TopLevelCondition;
}

function personRules(pack: ResolvedPack): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const r of ATTRIBUTION_RULES) {
    const decisions = r.decisions === 'art15' ? pack.params.attribution.art15Decisions : r.decisions;
    const all: unknown[] = [
      { fact: 'role', operator: 'in', value: r.roles },
      { fact: 'decision', operator: 'in', value: decisions },
      ...(r.conductAll ?? []).map((c) => contains('conduct', c)),
      ...(r.actAll ?? []).map((f) => contains('actFacts', f)),
    ];
    if (r.conductAny?.length) all.push({ any: r.conductAny.map((c) => contains('conduct', c)) });
    for (const e of EXCEPTION_RULES) {
      const defeats = e.defeats === '*' ? !(e.spares ?? []).includes(r.id) : e.defeats.includes(r.id);
      if (defeats) all.push({ not: exceptionCondition(e) });
    }
    rules.push({
      name: r.id,
      conditions: { all } as TopLevelCondition,
      event: { type: 'basis', params: { cite: r.cite } },
    });
  }
  for (const e of EXCEPTION_RULES.filter((x) => x.shields)) {
    rules.push({
      name: e.id,
      conditions: exceptionCondition(e),
      event: { type: 'shield', params: { cite: e.cite } },
    });
  }
  for (const e of EXEMPTION_RULES) {
    rules.push({
      name: e.id,
      conditions: { all: [contains('actCircumstances', e.circumstance)] },
      event: { type: 'exempt', params: { cite: e.cite } },
    });
  }
  for (const l of LENIENCY_RULES) {
    const cond = l.actCircumstance
      ? contains('actCircumstances', l.actCircumstance)
      : contains('circumstances', l.personalCircumstance!);
    rules.push({
      name: l.id,
      conditions: { all: [cond] },
      event: { type: 'lenient', params: { source: l.id } },
    });
  }
  for (const a of ADJUSTMENT_RULES) {
    if (a.share) continue; // Art. 20 needs the others' liability: phase 2
    const cond =
      a.computed === 'repeat'
        ? { fact: 'repeat', operator: 'equal', value: true }
        : contains('circumstances', a.personalCircumstance!);
    rules.push({
      name: a.id,
      conditions: { all: [cond] },
      event: { type: a.adjustment, params: { cite: a.cite, discretionary: a.discretionary } },
    });
  }
  return rules;
}

function phase2Rules(pack: ResolvedPack): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const a of ADJUSTMENT_RULES.filter((x) => x.share)) {
    const all: unknown[] = [{ fact: 'share', operator: 'equal', value: a.share }];
    if (pack.params.commonFault.secondaryNeedsAnotherLiable)
      all.push({ fact: 'liableCount', operator: 'greaterThanInclusive', value: 2 });
    rules.push({
      name: a.id,
      priority: 2,
      conditions: { all } as TopLevelCondition,
      event: { type: a.adjustment, params: { cite: a.cite, discretionary: a.discretionary } },
      onSuccess: (_e, almanac) => almanac.addRuntimeFact('art20', true),
    });
  }
  pack.params.sanctions.ladder.forEach((form, level) => {
    const clause = art24Clauses.find((c) => c.forms.includes(form))!;
    rules.push({
      name: `art24.${form}`,
      priority: 1,
      conditions: {
        all: [
          { fact: 'sanctioned', operator: 'equal', value: true },
          { fact: 'level', operator: 'equal', value: level },
        ],
      },
      event: {
        type: 'sanction',
        params: { article: 24, clause: clause.cite.clause, forms: clause.forms, recommended: form },
      },
    });
  });
  for (const r of REFERRAL_RULES) {
    rules.push({
      name: r.id,
      priority: 1,
      conditions: {
        all: [
          {
            fact: r.suspected === 'crime' ? 'suspectedCrime' : 'suspectedDiscipline',
            operator: 'equal',
            value: true,
          },
        ],
      },
      event: { type: 'referral', params: { referral: r.referral } },
    });
  }
  return rules;
}

function agencyRules(pack: ResolvedPack): RuleProperties[] {
  const rules: RuleProperties[] = AGENCY_RULES.map((r) => ({
    name: r.id,
    conditions: r.trigger
      ? { all: [contains('triggers', r.trigger)] }
      : { all: [{ fact: 'decision', operator: 'in', value: r.decisions }] },
    event: { type: 'basis', params: { cite: r.cite } },
  }));
  for (const e of EXEMPTION_RULES) {
    rules.push({
      name: e.id,
      conditions: { all: [contains('actCircumstances', e.circumstance)] },
      event: { type: 'exempt' },
    });
  }
  for (const l of LENIENCY_RULES.filter((x) => x.agencies)) {
    rules.push({
      name: l.id,
      conditions: { all: [contains('actCircumstances', l.actCircumstance!)] },
      event: { type: 'lenient' },
    });
  }
  rules.push({
    name: 'art25.serious',
    conditions: {
      all: [
        { fact: 'score', operator: 'greaterThanInclusive', value: pack.params.agencies.seriousFromScore },
      ],
    },
    event: { type: 'serious' },
  });
  return rules;
}

export interface JreEngines {
  pack: ResolvedPack;
  person: Engine;
  phase2: Engine;
  agency: Engine;
}

export function jreEngines(pack: ResolvedPack): JreEngines {
  const options = { allowUndefinedFacts: true };
  return {
    pack,
    person: new Engine(personRules(pack), options),
    phase2: new Engine(phase2Rules(pack), options),
    agency: new Engine(agencyRules(pack), options),
  };
}

const kindOf = (pack: ResolvedPack, code: string) =>
  pack.params.repeat.sameKindBy === 'item' ? code : CATALOGUE.find((i) => i.code === code)!.category;

/** Art. 19(2) as a JavaScript function behind a dynamic fact, as one would write it. */
function repeatFact(
  pack: ResolvedPack,
  req: DeterminationRequest,
  history: DeterminationRequest['people'][number]['history'],
) {
  return () => {
    const rp = pack.params.repeat;
    const day = dayNumber(req.occurredOn);
    const past = history.filter((h) => dayNumber(h.date) <= day);
    const faultsFrom = periodStartDay(req.occurredOn, rp.window);
    const sanctionsFrom =
      rp.sanctionsWindow === null ? null : periodStartDay(req.occurredOn, rp.sanctionsWindow);
    if (1 + past.filter((h) => dayNumber(h.date) >= faultsFrom).length >= rp.minFaultsInWindow) return true;
    return req.faults.some(
      (f) =>
        past.filter(
          (h) =>
            h.sanctioned &&
            kindOf(pack, h.fault) === kindOf(pack, f) &&
            (sanctionsFrom === null || dayNumber(h.date) >= sanctionsFrom),
        ).length >= rp.minEarlierSanctions,
    );
  };
}

const STATE = {
  exempt: 1,
  shielded: 2,
  no_basis: 4,
  trivial: 8,
  remedied_prevented: 16,
  aggravated: 32,
} as const;
function outcomeOf(table: typeof PERSON_OUTCOME_PRECEDENCE, state: number, bar: boolean): Outcome {
  for (const s of table) {
    const when = s.when === 'always' ? 0 : STATE[s.when];
    const unless = s.unless.reduce(
      (m, u) => m | (u === 'leniencyBar' ? (bar ? STATE.aggravated : 0) : STATE[u]),
      0,
    );
    if ((when === 0 || (state & when) !== 0) && (state & unless) === 0) return s.outcome;
  }
  return 'pursue';
}

export async function determineWithJre(req: DeterminationRequest, e: JreEngines) {
  const pack = e.pack;
  const actFacts = new Set<string>();
  for (const p of req.people) {
    for (const f of ACT_FACT_RULES) {
      const has = (c: string) => p.conduct.includes(c as never);
      if (
        f.roles.includes(p.role) &&
        (f.conductAll ?? []).every(has) &&
        (!f.conductAny?.length || f.conductAny.some(has)) &&
        !(f.conductNone ?? []).some(has)
      )
        actFacts.add(f.fact);
    }
  }
  const phase1 = await Promise.all(
    req.people.map((p) =>
      e.person.run({
        role: p.role,
        decision: req.decision,
        conduct: p.conduct,
        actFacts: [...actFacts],
        actCircumstances: req.circumstances,
        circumstances: p.circumstances,
        repeat: repeatFact(pack, req, p.history),
      }),
    ),
  );
  // A shielded officer whose own 15(1)–(3) act remains is liable on it (Art. 18 spares it).
  const liable = phase1.map(
    ({ events }) => events.some((ev) => ev.type === 'basis') && !events.some((ev) => ev.type === 'exempt'),
  );
  const liableCount = liable.filter(Boolean).length;
  const w = pack.params.sanctions.weights;
  const score = w.nature[req.severity.nature] + w.harm[req.severity.harm] + w.impact[req.severity.impact];
  const persons = await Promise.all(
    req.people.map(async (p, i) => {
      const events = phase1[i]!.events;
      let state = 0;
      if (events.some((ev) => ev.type === 'exempt')) state |= STATE.exempt;
      const hasBasis = events.some((ev) => ev.type === 'basis');
      if (!hasBasis && events.some((ev) => ev.type === 'shield')) state |= STATE.shielded;
      if (!hasBasis) state |= STATE.no_basis;
      for (const ev of events) {
        if (ev.type === 'lenient')
          state |= ev.params!.source === 'art23' ? STATE.trivial : STATE.remedied_prevented;
        if (ev.type === 'aggravate') state |= STATE.aggravated;
      }
      const outcome = outcomeOf(
        PERSON_OUTCOME_PRECEDENCE,
        state,
        pack.params.leniency.aggravationBarsMayNotPursue,
      );
      if (outcome === 'not_liable')
        return { id: p.id, liable: false, outcome, basis: [], adjustments: [], referrals: [] };
      const aggravated = (state & STATE.aggravated) !== 0;
      const lightened = events.some((ev) => ev.type === 'lighten_or_reduce');
      const result = await e.phase2.run({
        share: p.share,
        liableCount,
        sanctioned: outcome === 'pursue' || pack.params.leniency.sanctionsIfMayNotPursue,
        suspectedDiscipline: req.suspected.discipline,
        suspectedCrime: req.suspected.crime,
        level: (_params: unknown, almanac: { factValue: (id: string) => Promise<unknown> }) =>
          almanac.factValue('art20').then((art20) => {
            const ladder = pack.params.sanctions.ladder;
            let level = Math.min(score, ladder.length - 1);
            if (aggravated) level += pack.params.sanctions.aggravateSteps;
            if (lightened || art20 === true) level -= pack.params.sanctions.lightenSteps;
            return Math.max(0, Math.min(ladder.length - 1, level));
          }),
      });
      const all = [...events, ...result.events];
      return {
        id: p.id,
        liable: true,
        outcome,
        basis: all.filter((ev) => ev.type === 'basis').map((ev) => ev.params!.cite as Basis),
        adjustments: all
          .filter((ev) => ev.type === 'aggravate' || ev.type === 'lighten_or_reduce')
          .map((ev) => ({
            kind: ev.type,
            ...(ev.params!.cite as object),
            discretionary: ev.params!.discretionary as boolean,
          })),
        sanctions: result.events.find((ev) => ev.type === 'sanction')?.params,
        referrals: result.events
          .filter((ev) => ev.type === 'referral')
          .map((ev) => ev.params!.referral as string),
      };
    }),
  );
  const agencyList =
    req.agencies ??
    [...new Set(req.people.flatMap((p) => (p.agency ? [p.agency] : [])))].map((id) => ({ id, triggers: [] }));
  const agencies = await Promise.all(
    agencyList.map(async (a) => {
      const { events } = await e.agency.run({
        decision: req.decision,
        triggers: a.triggers,
        actCircumstances: req.circumstances,
        score,
      });
      let state = 0;
      if (events.some((ev) => ev.type === 'exempt')) state |= STATE.exempt;
      if (!events.some((ev) => ev.type === 'basis')) state |= STATE.no_basis;
      if (events.some((ev) => ev.type === 'lenient')) state |= STATE.trivial;
      const outcome = outcomeOf(AGENCY_OUTCOME_PRECEDENCE, state, false);
      const liable = outcome !== 'not_liable';
      const serious = events.some((ev) => ev.type === 'serious');
      const measures =
        liable && (outcome === 'pursue' || pack.params.leniency.sanctionsIfMayNotPursue)
          ? serious
            ? ['rectify_within_limit', 'circulated_criticism', 'award_disqualification']
            : ['rectify_within_limit']
          : [];
      return {
        id: a.id,
        liable,
        outcome,
        basis: liable ? events.filter((ev) => ev.type === 'basis').map((ev) => ev.params!.cite) : [],
        measures,
      };
    }),
  );
  return { persons, agencies };
}

// Every code the console shows through a locale key has a label in both languages. The code
// lists are core's (src/core, one `as const` list per vocabulary); the few that core does not
// hold yet are the console's own lists in web/src/types. A value added to a list without its
// labels fails here, and so does a label left behind for a value that is gone.
import { describe, expect, it } from 'vitest';
import { ACT_KINDS, PARTY_TYPES, PROCEDURES } from '../../../src/core/acts/codes';
import { RULE_NAMES } from '../../../src/core/detect/rule';
import { ROLES } from '../../../src/core/policies/actor';
import { ORGAN_KINDS } from '../../../src/core/referrals/organs';
import { MEMBER_KINDS } from '../../../src/core/relief/panel';
import { APPEAL_OUTCOMES } from '../../../src/core/relief/vote';
import * as rulebook from '../../../src/core/rulebook/types';
import {
  CORRECTION_STATES,
  MISCONDUCT_KINDS,
  MISTAKE_CAUSES,
  TOLERANCE_CONDITIONS,
  TOLERANCE_EXCLUSIONS,
  TOLERANCE_OUTCOMES,
} from '../../../src/core/tolerance/policy';
import {
  APPEAL_DOCUMENT_KINDS,
  APPEAL_PROCEDURE,
  APPEAL_STAGES,
  APPEAL_STATES,
} from '../../../src/core/workflow/appeal';
import { CASE_ACTIONS, CASE_STATES, type CaseActor, DECISION_KINDS } from '../../../src/core/workflow/case';
import { CASE_DOCUMENT_KINDS } from '../../../src/core/workflow/case-documents';
import {
  CORRECTION_PROCEDURE,
  CORRECTION_SOURCES,
  MEASURE_STATES,
} from '../../../src/core/workflow/correction';
import { LEAD_PROCEDURE, LEAD_STATUSES } from '../../../src/core/workflow/lead';
import {
  PRE_REGISTRATION_DOCUMENT_KINDS,
  PRE_REGISTRATION_PROCEDURE,
  PRE_REGISTRATION_STATES,
} from '../../../src/core/workflow/pre-registration';
import {
  TOLERANCE_APPLICANT_KINDS,
  TOLERANCE_DOCUMENT_KINDS,
  TOLERANCE_PROCEDURE,
  TOLERANCE_STATES,
} from '../../../src/core/workflow/tolerance';
import { AGENCY_KINDS } from '../types/agency';
import { APPEAL_TABS } from '../types/appeal';
import { LEAD_SOURCES, LEAD_STATUSES as LEAD_STATUS_ORDER } from '../types/lead';
import { CERT_STATUSES, STAFFING } from '../types/officer';
import { PRE_REGISTRATION_TABS } from '../types/pre-registration';
import { TOLERANCE_TABS } from '../types/tolerance';
import { type Locale, messages } from '.';

/** A type's values as a list; `satisfies` makes the compiler check that none is missing or extra. */
const CASE_ACTORS = Object.keys({
  supervisor: true,
  investigator: true,
  subject: true,
} satisfies Record<CaseActor, true>);

interface Vocabulary {
  /** Where the list lives. */
  source: string;
  values: readonly string[];
  /** The locale keys that label each value: `${prefix}.${value}`. */
  prefixes: string[];
  /** Every key under the prefixes names a value of the list (no label left behind). */
  exact?: boolean;
}

const VOCABULARIES: Vocabulary[] = [
  { source: 'policies/actor ROLES', values: ROLES, prefixes: ['enums.role', 'enums.roleDesc'], exact: true },
  { source: 'workflow/case CASE_STATES', values: CASE_STATES, prefixes: ['enums.caseState'], exact: true },
  {
    source: 'workflow/case DECISION_KINDS',
    values: DECISION_KINDS,
    prefixes: ['enums.decision'],
    exact: true,
  },
  { source: 'workflow/case CaseActor', values: CASE_ACTORS, prefixes: ['enums.caseRole'], exact: true },
  {
    source: 'workflow/case CASE_ACTIONS',
    values: Object.keys(CASE_ACTIONS),
    prefixes: ['pages.cases.action', 'history.action.case'],
  },
  {
    source: 'workflow/case-documents CASE_DOCUMENT_KINDS',
    values: CASE_DOCUMENT_KINDS,
    prefixes: ['pages.cases.documents.kind'],
    exact: true,
  },
  { source: 'acts/codes ACT_KINDS', values: ACT_KINDS, prefixes: ['enums.actKind'], exact: true },
  { source: 'acts/codes PROCEDURES', values: PROCEDURES, prefixes: ['pages.acts.procedure'], exact: true },
  { source: 'acts/codes PARTY_TYPES', values: PARTY_TYPES, prefixes: ['pages.acts.party'], exact: true },
  { source: 'detect/rule RULE_NAMES', values: RULE_NAMES, prefixes: ['enums.rule'], exact: true },
  // The determination's codes (the simulator, the findings): vocab.*.
  { source: 'rulebook ROLES', values: rulebook.ROLES, prefixes: ['vocab.role'], exact: true },
  {
    source: 'rulebook DECISION_KINDS',
    values: rulebook.DECISION_KINDS,
    prefixes: ['vocab.decision'],
    exact: true,
  },
  {
    source: 'rulebook CONDUCT_CODES',
    values: rulebook.CONDUCT_CODES,
    prefixes: ['vocab.conduct'],
    exact: true,
  },
  {
    source: 'rulebook PERSONAL_CIRCUMSTANCES',
    values: rulebook.PERSONAL_CIRCUMSTANCES,
    prefixes: ['vocab.personal'],
    exact: true,
  },
  {
    source: 'rulebook ACT_CIRCUMSTANCES',
    values: rulebook.ACT_CIRCUMSTANCES,
    prefixes: ['vocab.act'],
    exact: true,
  },
  {
    source: 'rulebook AGENCY_TRIGGERS',
    values: rulebook.AGENCY_TRIGGERS,
    prefixes: ['vocab.trigger'],
    exact: true,
  },
  { source: 'rulebook SHARES', values: rulebook.SHARES, prefixes: ['vocab.share'], exact: true },
  { source: 'rulebook NATURES', values: rulebook.NATURES, prefixes: ['vocab.nature'], exact: true },
  { source: 'rulebook HARMS', values: rulebook.HARMS, prefixes: ['vocab.harm'], exact: true },
  { source: 'rulebook IMPACTS', values: rulebook.IMPACTS, prefixes: ['vocab.impact'], exact: true },
  { source: 'rulebook OUTCOMES', values: rulebook.OUTCOMES, prefixes: ['vocab.outcome'], exact: true },
  {
    source: 'rulebook ADJUSTMENT_KINDS',
    values: rulebook.ADJUSTMENT_KINDS,
    prefixes: ['vocab.adjustment'],
    exact: true,
  },
  {
    source: 'rulebook SANCTION_FORMS',
    values: rulebook.SANCTION_FORMS,
    prefixes: ['vocab.sanction'],
    exact: true,
  },
  {
    source: 'rulebook AGENCY_MEASURES',
    values: rulebook.AGENCY_MEASURES,
    prefixes: ['vocab.measure'],
    exact: true,
  },
  {
    source: 'rulebook REFERRALS',
    values: rulebook.REFERRALS,
    prefixes: ['vocab.referral', 'pages.referrals.kind', 'pages.cases.form.organ'],
    exact: true,
  },
  { source: 'referrals/organs ORGAN_KINDS', values: ORGAN_KINDS, prefixes: ['enums.organKind'], exact: true },
  {
    source: 'workflow/lead LEAD_STATUSES',
    values: LEAD_STATUSES,
    prefixes: ['enums.leadStatus'],
    exact: true,
  },
  {
    source: 'workflow/lead LEAD_PROCEDURE actions',
    values: Object.keys(LEAD_PROCEDURE.actions),
    prefixes: ['pages.leads.action'],
  },
  {
    source: 'workflow/lead LEAD_SOURCES',
    values: LEAD_SOURCES,
    prefixes: ['enums.leadSource'],
    exact: true,
  },
  {
    source: 'workflow/pre-registration PRE_REGISTRATION_STATES',
    values: PRE_REGISTRATION_STATES,
    prefixes: ['enums.preRegistrationState'],
    exact: true,
  },
  {
    source: 'workflow/pre-registration PRE_REGISTRATION_PROCEDURE actions',
    values: Object.keys(PRE_REGISTRATION_PROCEDURE.actions),
    prefixes: ['pages.preRegistrations.action', 'history.action.pre_registration'],
  },
  {
    source: 'workflow/pre-registration PRE_REGISTRATION_DOCUMENT_KINDS',
    values: PRE_REGISTRATION_DOCUMENT_KINDS,
    prefixes: ['pages.preRegistrations.documents.kind'],
    exact: true,
  },
  {
    source: 'workflow/tolerance TOLERANCE_STATES',
    values: TOLERANCE_STATES,
    prefixes: ['enums.toleranceState'],
    exact: true,
  },
  {
    source: 'workflow/tolerance TOLERANCE_PROCEDURE actions',
    values: Object.keys(TOLERANCE_PROCEDURE.actions),
    prefixes: ['pages.tolerance.action'],
    exact: true,
  },
  {
    // The history's entries: every step, and the application itself (tolerance.apply).
    source: 'workflow/tolerance TOLERANCE_PROCEDURE actions and apply (history)',
    values: [...Object.keys(TOLERANCE_PROCEDURE.actions), 'apply'],
    prefixes: ['history.action.tolerance'],
    exact: true,
  },
  {
    source: 'workflow/tolerance TOLERANCE_APPLICANT_KINDS',
    values: TOLERANCE_APPLICANT_KINDS,
    prefixes: ['enums.toleranceApplicant'],
    exact: true,
  },
  {
    source: 'workflow/tolerance TOLERANCE_DOCUMENT_KINDS',
    values: TOLERANCE_DOCUMENT_KINDS,
    prefixes: ['pages.tolerance.documents.kind'],
    exact: true,
  },
  {
    source: 'tolerance/policy TOLERANCE_OUTCOMES',
    values: TOLERANCE_OUTCOMES,
    prefixes: ['enums.toleranceOutcome'],
    exact: true,
  },
  {
    source: 'tolerance/policy TOLERANCE_CONDITIONS',
    values: TOLERANCE_CONDITIONS,
    prefixes: ['pages.tolerance.condition'],
    exact: true,
  },
  {
    source: 'tolerance/policy TOLERANCE_EXCLUSIONS',
    values: TOLERANCE_EXCLUSIONS,
    prefixes: ['pages.tolerance.exclusion'],
    exact: true,
  },
  {
    source: 'tolerance/policy MISCONDUCT_KINDS',
    values: MISCONDUCT_KINDS,
    prefixes: ['enums.misconduct'],
    exact: true,
  },
  {
    source: 'tolerance/policy MISTAKE_CAUSES',
    values: MISTAKE_CAUSES,
    prefixes: ['enums.mistakeCause'],
    exact: true,
  },
  {
    source: 'tolerance/policy CORRECTION_STATES',
    values: CORRECTION_STATES,
    prefixes: ['enums.correction'],
    exact: true,
  },
  {
    source: 'workflow/correction MEASURE_STATES',
    values: MEASURE_STATES,
    prefixes: ['enums.measureState'],
    exact: true,
  },
  {
    source: 'workflow/correction CORRECTION_SOURCES',
    values: CORRECTION_SOURCES,
    prefixes: ['enums.correctionSource'],
    exact: true,
  },
  {
    source: 'workflow/correction CORRECTION_PROCEDURE actions',
    values: Object.keys(CORRECTION_PROCEDURE.actions),
    prefixes: ['pages.corrections.action'],
    exact: true,
  },
  {
    // The history's entries: every step, and the measure's setting (correction.create).
    source: 'workflow/correction CORRECTION_PROCEDURE actions and create (history)',
    values: [...Object.keys(CORRECTION_PROCEDURE.actions), 'create'],
    prefixes: ['history.action.correction'],
    exact: true,
  },
  {
    source: 'workflow/appeal APPEAL_STATES',
    values: APPEAL_STATES,
    prefixes: ['enums.appealState'],
    exact: true,
  },
  {
    source: 'workflow/appeal APPEAL_PROCEDURE actions',
    values: Object.keys(APPEAL_PROCEDURE.actions),
    prefixes: ['pages.appeals.action'],
    exact: true,
  },
  {
    // The history's entries: every step, the filing (appeal.file) and the tally of the last vote.
    source: 'workflow/appeal APPEAL_PROCEDURE actions, file and tally (history)',
    values: [...Object.keys(APPEAL_PROCEDURE.actions), 'file', 'tally'],
    prefixes: ['history.action.appeal'],
    exact: true,
  },
  {
    source: 'workflow/appeal APPEAL_DOCUMENT_KINDS',
    values: APPEAL_DOCUMENT_KINDS,
    prefixes: ['pages.appeals.documents.kind'],
    exact: true,
  },
  {
    source: 'workflow/appeal APPEAL_STAGES',
    values: APPEAL_STAGES,
    prefixes: ['enums.appealStage', 'pages.appeals.stats.stage', 'pages.cases.appeal.stage'],
    exact: true,
  },
  {
    source: 'relief/vote APPEAL_OUTCOMES',
    values: APPEAL_OUTCOMES,
    prefixes: ['enums.appealOutcome'],
    exact: true,
  },
  { source: 'relief/panel MEMBER_KINDS', values: MEMBER_KINDS, prefixes: ['enums.memberKind'], exact: true },
  // Not in core yet: the console's own lists.
  { source: 'web types/officer CERT_STATUSES', values: CERT_STATUSES, prefixes: ['enums.cert'], exact: true },
  { source: 'web types/officer STAFFING', values: STAFFING, prefixes: ['enums.staffing'], exact: true },
  {
    source: 'web types/agency AGENCY_KINDS',
    values: AGENCY_KINDS,
    prefixes: ['enums.kind', 'pages.agencies.kindHint'],
    exact: true,
  },
];

const LOCALES: Locale[] = ['zh-CN', 'en-US'];

/** The labels a vocabulary lacks in a locale: `enums.caseState.closed` and the like. */
function missingLabels(v: Vocabulary, locale: Locale): string[] {
  const m = messages[locale];
  return v.prefixes.flatMap((p) =>
    v.values.map((value) => `${p}.${value}`).filter((key) => !(m[key] ?? '').trim()),
  );
}

/** Keys under the prefixes that name no value of the vocabulary. */
function strayLabels(v: Vocabulary, locale: Locale): string[] {
  const known = new Set(v.prefixes.flatMap((p) => v.values.map((value) => `${p}.${value}`)));
  return Object.keys(messages[locale]).filter(
    (key) => v.prefixes.some((p) => key.startsWith(`${p}.`)) && !known.has(key),
  );
}

describe('locale labels of the vocabularies', () => {
  it('loads both locales', () => {
    expect(messages['zh-CN']['menu.cases']).toBeTruthy();
    expect(Object.keys(messages['en-US']).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
  });

  for (const v of VOCABULARIES) {
    it(`${v.source}: every value has a label in ${LOCALES.join(' and ')}`, () => {
      expect(v.values.length).toBeGreaterThan(0);
      for (const locale of LOCALES)
        expect({ locale, missing: missingLabels(v, locale) }).toEqual({ locale, missing: [] });
    });
    if (v.exact) {
      it(`${v.source}: no label for a value that is not in the list`, () => {
        for (const locale of LOCALES)
          expect({ locale, stray: strayLabels(v, locale) }).toEqual({ locale, stray: [] });
      });
    }
  }

  it('Chinese labels are Chinese and English labels are not', () => {
    const han = /\p{Script=Han}/u;
    for (const v of VOCABULARIES) {
      for (const p of v.prefixes) {
        for (const value of v.values) {
          const key = `${p}.${value}`;
          expect(han.test(messages['zh-CN'][key]), key).toBe(true);
          expect(han.test(messages['en-US'][key]), key).toBe(false);
        }
      }
    }
  });

  it("the console's orders of core lists hold each value once", () => {
    expect([...LEAD_STATUS_ORDER].sort()).toEqual([...LEAD_STATUSES].sort());
    expect([...PRE_REGISTRATION_TABS].sort()).toEqual([...PRE_REGISTRATION_STATES].sort());
    expect([...TOLERANCE_TABS].sort()).toEqual([...TOLERANCE_STATES].sort());
    expect([...APPEAL_TABS].sort()).toEqual([...APPEAL_STATES].sort());
  });

  it('detects a missing and a stray label', () => {
    const v: Vocabulary = {
      source: 'test',
      values: ['closed', 'no_such_state'],
      prefixes: ['enums.caseState'],
    };
    expect(missingLabels(v, 'zh-CN')).toEqual(['enums.caseState.no_such_state']);
    expect(strayLabels(v, 'zh-CN')).toContain('enums.caseState.registered');
  });
});

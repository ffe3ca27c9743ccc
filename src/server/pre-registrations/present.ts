// A pre-registration (事前备案) as the API serves it: the measure as registered, its state, the
// initial review's deadline (computed on the working-day calendar, with its source in the city's
// policy), the review's outcome, and — on the detail — its documents and the actions open to the
// reader (the engine's availability).
import { z } from 'zod';
import type { Calendar } from '../../core/calendar/index.js';
import type { Actor } from '../../core/policies/actor.js';
import { preRegistrationActorKinds } from '../../core/policies/pre-registration.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import type { ResolvedPack } from '../../core/rulebook/packs/types.js';
import { tolerancePolicyOf } from '../../core/tolerance/assess.js';
import type { TolerancePolicy } from '../../core/tolerance/policy.js';
import {
  PRE_REGISTRATION_ACTIONS,
  PRE_REGISTRATION_DOCUMENT_KINDS,
  PRE_REGISTRATION_DOCUMENT_TITLES,
  PRE_REGISTRATION_STATE_LABELS,
  PRE_REGISTRATION_STATES,
  type PreRegistrationDocumentKind,
  type PreRegistrationSnapshot,
  preRegistrationAvailability,
  reviewDeadline,
} from '../../core/workflow/pre-registration.js';
import type {
  PreRegistrationDocumentRow,
  PreRegistrationRow,
} from '../../store/pre-registrations.repository.js';
import { availabilitySchema, iso } from '../schemas.js';

/** The review as stored (decision jsonb). */
export interface ReviewRecord {
  kind: 'accept' | 'return';
  /** The opinion (accepted) or the reasons (returned). */
  text: string;
  by: string;
  byName: string;
  /** The reviewing office, as the document names it. */
  organName: string;
  on: string;
}

/** The withdrawal as stored (withdrawal jsonb). */
export interface WithdrawalRecord {
  reason: string | null;
  by: string;
  byName: string;
  on: string;
}

export const reviewOf = (r: Pick<PreRegistrationRow, 'decision'>) =>
  (r.decision ?? null) as ReviewRecord | null;
export const withdrawalOf = (r: Pick<PreRegistrationRow, 'withdrawal'>) =>
  (r.withdrawal ?? null) as WithdrawalRecord | null;

export const snapshotOf = (r: PreRegistrationRow): PreRegistrationSnapshot => ({
  state: r.state,
  submittedOn: r.submittedOn,
});

/** The pack in force on the day of registration, its tolerance policy, and how to name it. */
export function policyOf(r: Pick<PreRegistrationRow, 'pack' | 'registeredOn'>): {
  pack: ResolvedPack;
  policy: TolerancePolicy;
  label: string;
} {
  const pack = selectPack(r.pack, r.registeredOn);
  return { pack, policy: tolerancePolicyOf(pack), label: `${pack.title}规则包 ${pack.name} ${pack.version}` };
}

const deadlineSchema = z.object({
  label: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['ok', 'near', 'overdue', 'done']),
  source: z.string(),
  param: z.literal('tolerance.preRegistrationReview'),
  provisional: z.boolean(),
});

export const preRegistrationSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  registrantKind: z.enum(['agency', 'officer']),
  registeredByName: z.string().nullable(),
  title: z.string(),
  measure: z.string(),
  plannedFrom: z.string(),
  state: z.enum(PRE_REGISTRATION_STATES),
  stateLabel: z.string(),
  registeredOn: z.string(),
  submittedOn: z.string(),
  review: deadlineSchema,
  version: z.number(),
  createdAt: z.string(),
});

export const preRegistrationDetailSchema = preRegistrationSummarySchema.extend({
  reason: z.string(),
  legalGap: z.string(),
  risks: z.string(),
  safeguards: z.string(),
  decision: z
    .object({
      kind: z.enum(['accept', 'return']),
      text: z.string(),
      byName: z.string(),
      organName: z.string(),
      on: z.string(),
    })
    .nullable(),
  withdrawal: z.object({ reason: z.string().nullable(), byName: z.string(), on: z.string() }).nullable(),
  policy: z.object({ title: z.string(), cite: z.string(), text: z.string(), summary: z.boolean() }),
  documents: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(PRE_REGISTRATION_DOCUMENT_KINDS),
      title: z.string(),
      filename: z.string(),
      size: z.number(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
  availability: availabilitySchema(PRE_REGISTRATION_ACTIONS),
});

export function presentSummary(r: PreRegistrationRow, calendar: Calendar, today: string) {
  const { policy, label } = policyOf(r);
  return {
    id: r.id,
    number: r.number,
    regionCode: r.regionCode,
    regionName: r.regionName,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    officerId: r.officerId,
    officerName: r.officerName,
    registrantKind: r.registeredByRole === 'officer' ? ('officer' as const) : ('agency' as const),
    registeredByName: r.registeredByName,
    title: r.title,
    measure: r.measure,
    plannedFrom: r.plannedFrom,
    state: r.state,
    stateLabel: PRE_REGISTRATION_STATE_LABELS[r.state],
    registeredOn: r.registeredOn,
    submittedOn: r.submittedOn,
    review: reviewDeadline(snapshotOf(r), policy, calendar, today, label),
    version: r.version,
    createdAt: iso(r.createdAt)!,
  };
}

export function presentDetail(
  r: PreRegistrationRow,
  documents: readonly PreRegistrationDocumentRow[],
  actor: Actor,
  calendar: Calendar,
  today: string,
) {
  const { policy } = policyOf(r);
  const review = reviewOf(r);
  const withdrawal = withdrawalOf(r);
  return {
    ...presentSummary(r, calendar, today),
    reason: r.reason,
    legalGap: r.legalGap,
    risks: r.risks,
    safeguards: r.safeguards,
    decision: review
      ? {
          kind: review.kind,
          text: review.text,
          byName: review.byName,
          organName: review.organName,
          on: review.on,
        }
      : null,
    withdrawal: withdrawal
      ? { reason: withdrawal.reason, byName: withdrawal.byName, on: withdrawal.on }
      : null,
    policy: {
      title: policy.title,
      cite: policy.preRegistration.cite,
      text: policy.preRegistration.text,
      summary: policy.summary,
    },
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind as PreRegistrationDocumentKind,
      title: PRE_REGISTRATION_DOCUMENT_TITLES[d.kind as PreRegistrationDocumentKind] ?? d.kind,
      filename: d.filename,
      size: d.size,
      sha256: d.sha256,
      createdAt: iso(d.createdAt)!,
    })),
    availability: preRegistrationAvailability(snapshotOf(r), preRegistrationActorKinds(actor, r), { today }),
  };
}

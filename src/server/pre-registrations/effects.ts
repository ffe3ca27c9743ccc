// What each step of a pre-registration (事前备案) writes: one typed effect per action of the
// procedure (src/core/workflow/pre-registration.ts), run inside the step's transaction after the
// engine's checks; the state, the documents and the audit entry are written by the caller.
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/policies/actor.js';
import type { PreRegistrationAction } from '../../core/workflow/pre-registration.js';
import {
  displayNameOf,
  type PreRegistrationRow,
  updatePreRegistration,
} from '../../store/pre-registrations.repository.js';
import type { DB } from '../../store/schema.js';
import type { ActionBody } from './actions.js';
import { organNameOf } from './documents.js';
import type { ReviewRecord, WithdrawalRecord } from './present.js';

export interface EffectContext {
  trx: Transaction<DB>;
  r: PreRegistrationRow;
  actor: Actor;
  today: string;
}

export interface PreRegistrationEffect<A extends PreRegistrationAction> {
  apply(x: EffectContext, body: ActionBody<A>): Promise<void>;
}

/** Who signs a step: the acting user, by id and display name. */
async function signer(x: EffectContext): Promise<{ by: string; byName: string }> {
  return { by: x.actor.id, byName: (await displayNameOf(x.trx, x.actor.id)) ?? x.actor.username };
}

async function review(x: EffectContext, kind: ReviewRecord['kind'], text: string): Promise<void> {
  const record: ReviewRecord = {
    kind,
    text: text.trim(),
    ...(await signer(x)),
    // The office that reviews signs the document: the reviewer's own (a county's registration may
    // be reviewed by the city's office, which covers it).
    organName: await organNameOf(x.trx, x.actor.regionCode),
    on: x.today,
  };
  await updatePreRegistration(x.trx, x.r.id, { decision: JSON.stringify(record) });
}

export const PRE_REGISTRATION_EFFECTS: { [A in PreRegistrationAction]: PreRegistrationEffect<A> } = {
  accept: { apply: (x, b) => review(x, 'accept', b.opinion) },
  return: { apply: (x, b) => review(x, 'return', b.reasons) },
  withdraw: {
    async apply(x, b) {
      const record: WithdrawalRecord = {
        reason: b.reason?.trim() || null,
        ...(await signer(x)),
        on: x.today,
      };
      await updatePreRegistration(x.trx, x.r.id, { withdrawal: JSON.stringify(record) });
    },
  },
  resubmit: {
    // The amended content replaces the old (the old stays in the audit log and the return notice);
    // the initial review's period starts again.
    async apply(x, b) {
      await updatePreRegistration(x.trx, x.r.id, {
        title: b.title,
        measure: b.measure,
        reason: b.reason,
        legalGap: b.legalGap,
        risks: b.risks,
        safeguards: b.safeguards,
        plannedFrom: b.plannedFrom,
        submittedOn: x.today,
        decision: null,
      });
    },
  },
};

// The documents of a pre-registration's initial review, generated from the registration as it
// stands in the step's transaction and stored with their SHA-256: what was issued stays on file.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/policies/actor.js';
import {
  PRE_REGISTRATION_DOCUMENT_TITLES,
  type PreRegistrationDocumentKind,
} from '../../core/workflow/pre-registration.js';
import {
  PRE_REGISTRATION_RENDERERS,
  type PreRegistrationDocumentModel,
} from '../../documents/pre-registration.js';
import {
  findPreRegistration,
  findRegionOf,
  insertPreRegistrationDocument,
  type PreRegistrationRow,
} from '../../store/pre-registrations.repository.js';
import type { DB } from '../../store/schema.js';
import { DOCX_TYPE } from '../download.js';
import { policyOf, reviewOf } from './present.js';

/** The supervision office of a region, as documents name it: 贵州省司法厅, A市司法局, 甲县司法局. */
export async function organNameOf(db: Transaction<DB>, regionCode: string): Promise<string> {
  const r = await findRegionOf(db, regionCode);
  if (!r) return '';
  return `${r.name}${r.level === 'province' ? '司法厅' : '司法局'}`;
}

export function documentModelOf(r: PreRegistrationRow, generatedAt: string): PreRegistrationDocumentModel {
  const { policy } = policyOf(r);
  const review = reviewOf(r);
  return {
    number: r.number,
    organName: review?.organName ?? '',
    registrant: {
      kind: r.registeredByRole === 'officer' ? 'officer' : 'agency',
      agencyName: r.agencyName,
      officerName: r.officerName,
    },
    title: r.title,
    measure: r.measure,
    reason: r.reason,
    legalGap: r.legalGap,
    risks: r.risks,
    safeguards: r.safeguards,
    plannedFrom: r.plannedFrom,
    submittedOn: r.submittedOn,
    policyTitle: policy.title,
    clauseCite: policy.preRegistration.cite,
    review: { text: review?.text ?? '', on: review?.on ?? '' },
    generatedAt,
  };
}

/** Generate the given documents from the registration as it now stands in `trx`, and store them. */
export async function storePreRegistrationDocuments(
  trx: Transaction<DB>,
  id: string,
  kinds: readonly PreRegistrationDocumentKind[],
  actor: Actor,
  generatedAt: Date,
): Promise<void> {
  const r = await findPreRegistration(trx, id);
  if (!r) return;
  const model = documentModelOf(r, generatedAt.toISOString());
  for (const kind of kinds) {
    const content = await PRE_REGISTRATION_RENDERERS[kind](model);
    await insertPreRegistrationDocument(trx, {
      preRegistrationId: r.id,
      regionCode: r.regionCode,
      kind,
      filename: `${r.number}-${PRE_REGISTRATION_DOCUMENT_TITLES[kind]}.docx`,
      mime: DOCX_TYPE,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      createdBy: actor.username,
    });
  }
}

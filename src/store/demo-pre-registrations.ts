// Loading the demo city's 事前备案 (src/demo/pre-registrations.ts) inside the demo's transaction:
// numbered in order per region and year, the review's document generated and stored with its
// SHA-256 as the server issues it, each step in the audit log under the demo account that took it.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { selectPack } from '../core/rulebook/packs/registry.js';
import { packNameForRegion } from '../core/workflow/pack.js';
import {
  PRE_REGISTRATION_DOCUMENT_TITLES,
  PRE_REGISTRATION_PROCEDURE,
  type PreRegistrationDocumentKind,
  preRegistrationNumber,
} from '../core/workflow/pre-registration.js';
import { demoPreRegistrations } from '../demo/pre-registrations.js';
import { PRE_REGISTRATION_RENDERERS } from '../documents/pre-registration.js';
import { appendAudit } from './audit.repository.js';
import type { DB } from './schema.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Load the demo's registrations (after the regions, agencies, officers and users). Returns how many. */
export async function loadDemoPreRegistrations(trx: Transaction<DB>, today: string): Promise<number> {
  const list = demoPreRegistrations(today);
  if (list.length === 0) return 0;
  const users = new Map(
    (await trx.selectFrom('users').select(['id', 'username', 'displayName']).execute()).map((u) => [
      u.username,
      u,
    ]),
  );
  const regions = new Map(
    (await trx.selectFrom('regions').select(['code', 'name']).execute()).map((r) => [r.code, r.name]),
  );
  const seqs = new Map<string, number>();
  for (const d of list) {
    const year = Number(d.registeredOn.slice(0, 4));
    const key = `${d.regionCode}/${year}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const number = preRegistrationNumber(regions.get(d.regionCode) ?? '', year, seq);
    const registrant = users.get(d.registeredBy)!;
    const reviewer = d.review ? users.get(d.review.by)! : null;
    const pack = packNameForRegion(d.regionCode);
    const agency = await trx
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', d.agencyId)
      .executeTakeFirstOrThrow();
    const officer = d.officerId
      ? await trx.selectFrom('officers').select('name').where('id', '=', d.officerId).executeTakeFirst()
      : undefined;
    const { id } = await trx
      .insertInto('preRegistrations')
      .values({
        number,
        regionCode: d.regionCode,
        year,
        seq,
        agencyId: d.agencyId,
        officerId: d.officerId,
        registeredBy: registrant.id,
        pack,
        title: d.title,
        measure: d.measure,
        reason: d.reason,
        legalGap: d.legalGap,
        risks: d.risks,
        safeguards: d.safeguards,
        plannedFrom: d.plannedFrom,
        state: d.state,
        registeredOn: d.registeredOn,
        submittedOn: d.registeredOn,
        decision:
          d.review && reviewer
            ? JSON.stringify({
                kind: d.review.kind,
                text: d.review.text,
                by: reviewer.id,
                byName: reviewer.displayName,
                organName: d.review.organName,
                on: d.review.on,
              })
            : null,
        withdrawal: null,
        version: d.review ? 2 : 1,
        updatedAt: new Date(`${d.review?.on ?? d.registeredOn}T09:00:00+08:00`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const audit = (
      actor: { id: string; username: string },
      action: string,
      detail: Record<string, unknown>,
    ) =>
      appendAudit(trx, {
        regionCode: d.regionCode,
        actorId: actor.id,
        actorName: actor.username,
        action: `${PRE_REGISTRATION_PROCEDURE.name}.${action}`,
        objectType: PRE_REGISTRATION_PROCEDURE.name,
        objectId: id,
        detail,
      });
    await audit(registrant, 'create', {
      number,
      agencyId: d.agencyId,
      officerId: d.officerId,
      title: d.title,
      plannedFrom: d.plannedFrom,
    });
    if (!d.review || !reviewer) continue;

    const kind: PreRegistrationDocumentKind =
      d.review.kind === 'accept' ? 'acceptance_decision' : 'return_notice';
    const policy = selectPack(pack, d.registeredOn).params.tolerance;
    const content = await PRE_REGISTRATION_RENDERERS[kind]({
      number,
      organName: d.review.organName,
      registrant: {
        kind: d.officerId && d.registeredBy === 'officer' ? 'officer' : 'agency',
        agencyName: agency.name,
        officerName: officer?.name ?? null,
      },
      title: d.title,
      measure: d.measure,
      reason: d.reason,
      legalGap: d.legalGap,
      risks: d.risks,
      safeguards: d.safeguards,
      plannedFrom: d.plannedFrom,
      submittedOn: d.registeredOn,
      policyTitle: policy?.title ?? '',
      clauseCite: policy?.preRegistration.cite ?? '',
      review: { text: d.review.text, on: d.review.on },
      generatedAt: new Date(`${d.review.on}T09:00:00+08:00`).toISOString(),
    });
    await trx
      .insertInto('preRegistrationDocuments')
      .values({
        preRegistrationId: id,
        regionCode: d.regionCode,
        kind,
        filename: `${number}-${PRE_REGISTRATION_DOCUMENT_TITLES[kind]}.docx`,
        mime: DOCX,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        createdBy: reviewer.username,
      })
      .execute();
    const action = d.review.kind === 'accept' ? 'accept' : 'return';
    await audit(reviewer, action, {
      ...(action === 'accept' ? { opinion: d.review.text } : { reasons: d.review.text }),
      from: 'submitted',
      to: d.state,
    });
  }
  return list.length;
}

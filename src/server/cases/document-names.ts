// The names a case's documents print instead of the codes the case stores: an account by its
// display name (an officer's account by the officer's name), an officer by name, post and 执法证号,
// an agency by its name. The stored data keeps its codes; only the documents are worded with names.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/policies/actor.js';
import type { LoadedCase } from '../../store/cases.repository.js';
import type { DB } from '../../store/schema.js';

export interface DocumentOfficer {
  name: string;
  agencyName: string;
  post: string | null;
  /** The current 执法证 (the latest valid one, else the latest issued). */
  certificate: string | null;
}

export interface DocumentNames {
  /** username → the name to print */
  users: ReadonlyMap<string, string>;
  officers: ReadonlyMap<string, DocumentOfficer>;
  /** agency id → name */
  agencies: ReadonlyMap<string, string>;
}

export const NO_NAMES: DocumentNames = { users: new Map(), officers: new Map(), agencies: new Map() };

interface StoredFacts {
  people?: { id?: unknown; agency?: unknown }[];
  agencies?: { id?: unknown }[];
}

const strings = (values: readonly unknown[]) => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];

/** The usernames, officers and agencies a case's documents may mention. */
function referencesOf(c: LoadedCase, actor: Actor) {
  const facts = (c.facts ?? null) as StoredFacts | null;
  const service = c.service as { server?: unknown } | null;
  const overrides = (Array.isArray(c.overrides) ? c.overrides : []) as { by?: unknown }[];
  return {
    usernames: strings([actor.username, service?.server, ...overrides.map((o) => o.by)]),
    officers: strings([
      ...c.persons.map((p) => p.officerId),
      c.appeal?.officerId,
      ...c.referrals.map((r) => r.officerId),
      ...(facts?.people ?? []).map((p) => p.id),
    ]),
    agencies: strings([
      c.agencyId,
      ...(facts?.people ?? []).map((p) => p.agency),
      ...(facts?.agencies ?? []).map((a) => a.id),
    ]),
  };
}

export async function loadDocumentNames(
  db: Kysely<DB> | Transaction<DB>,
  c: LoadedCase,
  actor: Actor,
): Promise<DocumentNames> {
  const refs = referencesOf(c, actor);
  const none = [''];
  const [users, officers, certificates, agencies] = await Promise.all([
    db
      .selectFrom('users')
      .leftJoin('officers', 'officers.id', 'users.officerId')
      .select(['users.username', 'users.displayName', 'officers.name as officerName'])
      .where('users.username', 'in', refs.usernames.length ? refs.usernames : none)
      .execute(),
    db
      .selectFrom('officers')
      .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
      .select(['officers.id', 'officers.name', 'officers.post', 'agencies.name as agencyName'])
      .where('officers.id', 'in', refs.officers.length ? refs.officers : none)
      .execute(),
    db
      .selectFrom('certificates')
      .select(['officerId', 'number', 'status'])
      .where('officerId', 'in', refs.officers.length ? refs.officers : none)
      .orderBy('issuedOn', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('id', 'in', refs.agencies.length ? refs.agencies : none)
      .execute(),
  ]);
  const certificate = (officerId: string) => {
    const own = certificates.filter((x) => x.officerId === officerId);
    return (own.find((x) => x.status === 'valid') ?? own[0])?.number ?? null;
  };
  return {
    users: new Map(users.map((u) => [u.username, u.officerName ?? u.displayName])),
    officers: new Map(
      officers.map((o) => [
        o.id,
        { name: o.name, agencyName: o.agencyName, post: o.post, certificate: certificate(o.id) },
      ]),
    ),
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A text with the officers' and agencies' codes replaced by their names: the rulebook's explanation
 * says '承办人 O-0001：…' and '机关 529900-SCJ：…'; the documents say '承办人戴峰：…' and
 * 'A市市场监督管理局：…'. Free texts quoting a code are worded the same way.
 */
export function withNames(text: string, names: DocumentNames): string {
  let out = text;
  for (const [id, name] of names.agencies) {
    out = out.replace(new RegExp(`(?:机关 ?)?${escapeRegExp(id)}(?![A-Za-z0-9])`, 'g'), name);
  }
  for (const [id, o] of names.officers) {
    out = out.replace(new RegExp(` ?${escapeRegExp(id)}(?![0-9])`, 'g'), o.name);
  }
  return out;
}

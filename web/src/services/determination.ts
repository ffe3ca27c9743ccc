import { setAtPath } from '../../../src/core/determine/path';
import type { CaseState, Determination, Vocabulary } from '../types/determination';
import { api } from './request';

let vocabulary: Promise<Vocabulary> | null = null;

export function getVocabulary(): Promise<Vocabulary> {
  vocabulary ??= api.get<Vocabulary>('/api/v1/rulebook/vocabulary').catch((e) => {
    vocabulary = null;
    throw e;
  });
  return vocabulary;
}

/** The request body: empty optional parts left out, people's agencies only if listed. */
export function toRequest(c: CaseState) {
  const agencyIds = new Set(c.agencies.map((a) => a.id));
  return {
    ...(c.pack ? { pack: c.pack } : {}),
    occurredOn: c.occurredOn,
    faults: c.faults,
    decision: c.decision,
    people: c.people.map((p) => ({
      id: p.id,
      role: p.role,
      ...(p.agency && agencyIds.has(p.agency) ? { agency: p.agency } : {}),
      conduct: p.conduct,
      share: p.share,
      circumstances: p.circumstances,
      history: p.history,
    })),
    ...(c.agencies.length > 0 ? { agencies: c.agencies } : {}),
    circumstances: c.circumstances,
    severity: c.severity,
    suspected: c.suspected,
  };
}

/** The determination, with what would change each result (whatIf). */
export const determine = (c: CaseState) =>
  api.post<Determination>('/api/v1/determinations?whatIf=true', toRequest(c));

/** The case with a `whatIf` entry's changes applied. */
export const applyChanges = <T>(c: T, changes: { path: string; to: unknown }[]): T =>
  changes.reduce((acc, ch) => setAtPath(acc, ch.path, ch.to), c);

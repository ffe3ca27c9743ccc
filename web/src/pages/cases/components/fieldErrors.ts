// The server's field errors on an action's form: a path (`sanctions[0].reason`,
// `collective.votesFor`, `userIds[1]`) lands on the field it names or the nearest field above
// it; one that names no field is listed in words, naming the person it concerns.
import type { FieldError } from '../../../services/request';
import type { CaseDetail } from '../../../types/case';

export type NamePath = (string | number)[];

/** A server field path as a form name: `sanctions[0].reason` → ['sanctions', 0, 'reason']. */
export function namePathOf(path: string): NamePath {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** The registered field a path lands on: the path itself, else the longest field above it. */
export function fieldFor(path: string, fields: readonly NamePath[]): NamePath | undefined {
  const segments = namePathOf(path);
  let best: NamePath | undefined;
  for (const f of fields) {
    if (f.length === 0 || f.length > segments.length || !f.every((x, i) => x === segments[i])) continue;
    if (!best || f.length > best.length) best = f;
  }
  return best;
}

/**
 * `persons[1]` → the person's name, for messages that name no field of the form; so does an
 * entry of a list sent with the action that names a person (`sanctions[0]` → its personId).
 */
export function problemText(f: FieldError, c: CaseDetail, sent?: object): string {
  const m = /^(\w+)\[(\d+)\]/.exec(f.path);
  let p: CaseDetail['persons'][number] | undefined;
  if (m?.[1] === 'persons') p = c.persons[Number(m[2])];
  else if (m) {
    const list = (sent as Record<string, unknown> | undefined)?.[m[1]];
    const entry = Array.isArray(list)
      ? (list[Number(m[2])] as { personId?: unknown } | undefined)
      : undefined;
    p = c.persons.find((x) => x.officerId === entry?.personId);
  }
  return p ? `${p.name}（${p.officerId}）：${f.message}` : f.message;
}

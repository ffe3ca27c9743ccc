// The server's field errors on a form, for any page: a path (`sanctions[0].reason`,
// `collective.votesFor`, `evidence.within_duty`) lands on the field it names or the nearest
// registered field above it; what names no field is returned to be listed in words.
import type { FieldError } from './request';

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
 * Group the errors by the registered field each lands on (several messages on one field are
 * kept together); those that land nowhere are returned as `rest`.
 */
export function landErrors(
  errors: readonly FieldError[],
  registered: readonly NamePath[],
): { landed: { name: NamePath; errors: string[] }[]; rest: FieldError[] } {
  const landed = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const f of errors) {
    const name = fieldFor(f.path, registered);
    if (!name) {
      rest.push(f);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = landed.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    landed.set(key, entry);
  }
  return { landed: [...landed.values()], rest };
}

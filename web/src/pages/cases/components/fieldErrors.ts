// The server's field errors on an action's form: a path (`sanctions[0].reason`,
// `collective.votesFor`, `userIds[1]`) lands on the field it names or the nearest field above
// it; one that names no field is listed in words, naming the person it concerns.
import type { FieldError } from '../../../services/request';
import type { CaseDetail } from '../../../types/case';

export { fieldFor, type NamePath, namePathOf } from '../../../services/fieldPaths';

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

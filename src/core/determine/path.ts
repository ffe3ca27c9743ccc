// Writing a value at a path of a request (`people[0].conduct`, `severity.harm`,
// `people[1].history[0].sanctioned`): how a `whatIf` change is applied, by a caller or a test.

const STEP = /([^.[\]]+)|\[(\d+)\]/g;

/** The steps of a path: property names and array indexes. */
export function pathSteps(path: string): (string | number)[] {
  return [...path.matchAll(STEP)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

/** A copy of `target` with `value` at `path` (the containers along the path copied, the rest shared). */
export function setAtPath<T>(target: T, path: string, value: unknown): T {
  const steps = pathSteps(path);
  const write = (node: unknown, k: number): unknown => {
    if (k === steps.length) return value;
    const step = steps[k]!;
    if (typeof step === 'number') {
      const copy = Array.isArray(node) ? [...node] : [];
      copy[step] = write(copy[step], k + 1);
      return copy;
    }
    const obj = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    return { ...obj, [step]: write(obj[step], k + 1) };
  };
  return write(target, 0) as T;
}

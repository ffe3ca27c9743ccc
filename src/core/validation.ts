// Validation shared by every adapter: one error shape, naming the field path,
// for the HTTP API (400 { error: { message, fields } }) and the CLI (exit 2).
import { z } from 'zod';

z.config(z.locales.zhCN());

export interface FieldError {
  path: string;
  message: string;
}

/** Bad input from a user or a file. Adapters map it to HTTP 400 / CLI exit 2. */
export class ValidationError extends Error {
  readonly fields: FieldError[];
  constructor(message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.fields = fields;
  }
}

/** `people[0].role` from zod's `['people', 0, 'role']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function fieldsFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
  }));
}

// NUL cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate is no character at all
// (it cannot be encoded in UTF-8): both are bad input wherever they appear.
const LONE_SURROGATE = /\p{Cs}/u;
export const UNSAFE_TEXT_MESSAGE = '含有不允许的字符（空字符或无效的 Unicode 字符）';

/** True when the text can be stored and shown: no NUL, no lone surrogate. */
export function isSafeText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** Every string (and object key) in a parsed JSON-like value that is not safe text, by path. */
export function unsafeTextFields(value: unknown, prefix: readonly PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  const walk = (v: unknown, path: PropertyKey[], depth: number): void => {
    if (out.length >= 20 || depth > 64) return;
    if (typeof v === 'string') {
      if (!isSafeText(v)) out.push({ path: formatPath(path), message: UNSAFE_TEXT_MESSAGE });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...path, i], depth + 1);
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      for (const [k, x] of Object.entries(v)) {
        if (!isSafeText(k)) out.push({ path: formatPath(path), message: UNSAFE_TEXT_MESSAGE });
        else walk(x, [...path, k], depth + 1);
      }
    }
  };
  walk(value, [...prefix], 0);
  return out;
}

/** A JSON syntax error in the user's words: where it is, never the parser's own (English) text. */
export function jsonSyntaxMessage(e: unknown): string {
  const at = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
  return at ? `JSON 格式错误（第 ${Number(at[1]) + 1} 个字符处）` : 'JSON 格式错误';
}

/** Parse or throw a ValidationError naming every bad field. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = '输入数据无效',
): z.output<S> {
  const unsafe = unsafeTextFields(input);
  if (unsafe.length > 0) throw new ValidationError(message, unsafe);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(message, fieldsFromZod(result.error));
  return result.data;
}

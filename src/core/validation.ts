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

/** Parse or throw a ValidationError naming every bad field. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = '输入数据无效',
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(message, fieldsFromZod(result.error));
  return result.data;
}

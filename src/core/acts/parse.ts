// Parsing JSON Lines of acts. The hot path (a million lines) checks each parsed line by hand
// against the schema — the same constraints as `actSchema`, without zod's per-call cost — and only
// a line that fails is run through zod, for messages that name the field.
import { formatPath, jsonSyntaxMessage, ValidationError } from '../validation.js';
import { isValidAct, readAct } from './read.js';
import { type Act, actSchema } from './schema.js';

export { isValidAct, readAct };

/** A bad line of an acts file. The message names the line and the field: `line 17: dates.decided: …`. */
export class ActLineError extends ValidationError {
  readonly line: number;
  constructor(line: number, path: string, message: string, fields = [{ path, message }]) {
    super(`line ${line}: ${path}: ${message}`, fields);
    this.name = 'ActLineError';
    this.line = line;
  }
}

/** The error for a parsed value that failed the fast check, with zod's messages. */
export function actError(value: unknown, line: number): ActLineError {
  const result = actSchema.safeParse(value);
  if (result.success) return new ActLineError(line, '(root)', '数据无效');
  const fields = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  return new ActLineError(line, fields[0].path, fields[0].message, fields);
}

/** One line of JSON Lines as an act; throws an ActLineError naming the line. */
export function parseActLine(text: string, line: number): Act {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ActLineError(line, '(root)', jsonSyntaxMessage(e));
  }
  if (isValidAct(value)) return value;
  throw actError(value, line);
}

/** True for a line that holds no act (blank, or only whitespace such as a CR). */
export function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/** Every act of a JSON Lines text, in order; blank lines are skipped but counted. */
export function* parseActsJsonl(text: string, firstLine = 1): Generator<Act> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const s = text.slice(start, end);
    if (!isBlankLine(s)) yield parseActLine(s, line);
    line += 1;
    start = end + 1;
  }
}

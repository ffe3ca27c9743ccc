// Shared CLI plumbing: reading input files, printing JSON, and mapping errors to exit codes
// (0 success, 2 bad input naming the field, 1 anything else) as CONTRACTS.md requires.
import { readFileSync } from 'node:fs';
import { ValidationError } from '../core/validation.js';

/** Read a file path, or standard input for '-' / undefined. Unreadable → exit 2. */
export function readInput(file: string | undefined): string {
  try {
    return readFileSync(file === undefined || file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new ValidationError(`无法读取输入文件：${file ?? '-'}`, [
      { path: 'file', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
}

/** Parse JSON text, or a ValidationError naming the position. */
export function parseJsonText(text: string, source = 'input'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`JSON 格式错误：${(e as Error).message}`, [
      { path: source, message: 'invalid JSON' },
    ]);
  }
}

export function printJson(value: unknown, pretty = true): void {
  process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

/** Report an error the way every command does and return the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ValidationError) {
    process.stderr.write(`错误：${e.message}\n`);
    for (const f of e.fields) process.stderr.write(`  ${f.path}: ${f.message}\n`);
    return 2;
  }
  process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.WENZE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return 1;
}

/** Wrap a command action so that errors become exit codes, never stack traces. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = reportError(e);
    }
  };
}

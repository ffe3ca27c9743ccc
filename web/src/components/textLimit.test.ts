// The shared text limit (textLimit.ts): it counts as the server's zod schemas do, its rule
// refuses one character over the limit with a message naming the limit, and no text field of
// the console still uses `maxLength`, which cuts a paste without a word.
import type { RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messages } from '../locales';
import { textLength, textLimit } from './textLimit';

const t = (key: string, values?: Record<string, string | number>) =>
  (messages['zh-CN'][key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) =>
    values && k in values ? String(values[k]) : m,
  );

/** Runs the Form.Item rule as antd does: resolves when the value passes, rejects with the message. */
async function check(max: number, value: unknown, opts?: { trim?: boolean }): Promise<string | null> {
  const rule = textLimit(max, t, opts).rule as RuleObject;
  try {
    await rule.validator?.(rule, value, () => {});
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('textLimit', () => {
  it('accepts N characters and refuses N + 1 with "不超过 N 字"', async () => {
    expect(await check(5, '问责问责问')).toBeNull();
    expect(await check(5, '问责问责问责')).toBe('不超过 5 字（当前 6 字）');
  });

  it('accepts an empty or missing value (required is another rule)', async () => {
    expect(await check(5, '')).toBeNull();
    expect(await check(5, undefined)).toBeNull();
    expect(await check(5, null)).toBeNull();
  });

  it('has an English message too', () => {
    expect(messages['en-US']['common.maxChars']).toContain('{max}');
  });

  it('shows the count and the limit without cutting (no exceedFormatter)', () => {
    const { count } = textLimit(100, t);
    expect(count.show).toBe(true);
    expect(count.max).toBe(100);
    expect(count.exceedFormatter).toBeUndefined();
    expect(count.strategy?.('  问责  ')).toBe(2);
  });

  // zod 4.6 measures max length in code points, not UTF-16 units (see textLimit.ts).
  it('counts code points after trimming, as z.string().trim().max(N) does', async () => {
    const server = (max: number) => z.string().trim().max(max);
    const samples = [
      '问责',
      '  问责  ',
      '😀', // an emoji outside the basic plane: 1 code point, 2 UTF-16 units
      '👨\u200d👩\u200d👧', // one grapheme: 5 code points, 8 UTF-16 units
      '𠮷野家', // a CJK Extension B character: 1 code point, 2 units
      'e\u0301', // e + combining acute: 2 code points
      'a\u3000', // an ideographic space is trimmed
      'a\ud800b', // a lone surrogate counts 1
      '😀'.repeat(6),
    ];
    for (const s of samples) {
      for (const max of [0, 1, 2, 3, 4, 8, 10]) {
        expect(await check(max, s), `${JSON.stringify(s)} at ${max}`).toBe(
          server(max).safeParse(s).success ? null : t('common.maxChars', { max, count: textLength(s) }),
        );
      }
    }
    expect(textLength('😀')).toBe(1);
    expect(textLength('👨\u200d👩\u200d👧')).toBe(5);
    expect(textLength('问责')).toBe(2);
  });

  it('counts leading and trailing spaces for a field the server takes as sent', async () => {
    expect(textLength(' ab ', false)).toBe(4);
    expect(await check(3, ' ab ', { trim: false })).toBe('不超过 3 字（当前 4 字）');
    expect(await check(3, ' ab ')).toBeNull();
  });

  it('tells a field outside a Form whether it is over', () => {
    const limit = textLimit(2, t);
    expect(limit.over('ab')).toBe(false);
    expect(limit.over('abc')).toBe(true);
    expect(limit.message('abc')).toBe('不超过 2 字（当前 3 字）');
  });
});

describe('text fields of the console', () => {
  const sources = import.meta.glob<string>(['../**/*.tsx'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('are read', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('use no maxLength, which cuts a paste silently (use textLimit)', () => {
    const found = Object.entries(sources).flatMap(([file, source]) =>
      source
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => /\bmaxLength\s*=/.test(line))
        .map(([, n]) => `${file}:${n}`),
    );
    expect(found).toEqual([]);
  });

  it('use no bare showCount, which counts without the server limit (use textLimit)', () => {
    const found = Object.entries(sources).flatMap(([file, source]) =>
      /\bshowCount\b/.test(source) ? [file] : [],
    );
    expect(found).toEqual([]);
  });
});

// A text field's length limit, shown before it is reached and never enforced by cutting.
// antd's `maxLength` truncates a paste without a word; instead the field shows "n / N"
// (red beyond N, nothing cut) and the form refuses to submit with "不超过 N 字".
//
//   const limit = textLimit(2000, t);
//   <Form.Item name="reason" rules={[required, limit.rule]}>
//     <Input.TextArea count={limit.count} />
//   </Form.Item>
//
// N is the server's zod limit for the field. Fields outside a Form use `limit.over(value)` and
// `limit.message(value)` to mark the field and say why.
//
// Counting is the server's: the zod of this project (4.6, node_modules/zod/v4/core/checks.js
// $ZodCheckMaxLength) measures a string's max length in Unicode code points, not in UTF-16
// units (`String.prototype.length`), and after `.trim()` when the schema trims (most of ours do;
// `trim: false` for a field the server takes as sent). So a Chinese character counts 1, and so
// do an emoji and a rare character outside the basic plane (😀, 𠮷) although each is two UTF-16
// units; an emoji sequence counts each of its code points (👨‍👩‍👧 is 5: three people, two joiners).
// Counting UTF-16 units would refuse here what the server accepts; counting grapheme clusters
// would accept here what the server refuses. textLimit.test.ts checks against zod itself.
import type { FormRule, InputProps } from 'antd';
import type { Translate } from '../locales/intl';

export type TextCount = NonNullable<InputProps['count']>;

export interface TextLimitOptions {
  /** The server trims the value before measuring it (`z.string().trim().max(N)`); default true. */
  trim?: boolean;
}

/** The length of `value` as the server measures it: code points, trimmed if it trims. */
export function textLength(value: string, trim = true): number {
  const s = trim ? value.trim() : value;
  // A surrogate pair is one code point; a lone surrogate counts 1, as in zod's codePointLength.
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

export interface TextLimit {
  max: number;
  /** The `count` prop of Input / Input.TextArea: shows "n / N", turns red beyond N, cuts nothing. */
  count: TextCount;
  /** The Form.Item rule: refuses a value longer than N with "不超过 N 字". */
  rule: FormRule;
  /** Whether `value` is over the limit (for a field outside a Form). */
  over(value: unknown): boolean;
  /** What to tell the user about `value`'s length. */
  message(value: unknown): string;
}

export function textLimit(max: number, t: Translate, { trim = true }: TextLimitOptions = {}): TextLimit {
  const length = (value: unknown) => (typeof value === 'string' ? textLength(value, trim) : 0);
  const over = (value: unknown) => length(value) > max;
  const message = (value: unknown) => t('common.maxChars', { max, count: length(value) });
  return {
    max,
    count: { show: true, max, strategy: (value: string) => textLength(value, trim) },
    rule: {
      validator: (_rule, value: unknown) =>
        over(value) ? Promise.reject(new Error(message(value))) : Promise.resolve(),
    },
    over,
    message,
  };
}

// The duty-list page labels every value of core's duty vocabularies (power types, roles, the columns
// by their item keys, the gap rules) in both languages, and no label is left for a value that is gone.
import { describe, expect, it } from 'vitest';
import { OVERLAP_STATUS_LABELS, OVERLAP_STATUSES } from '../../../src/core/duties/boundary';
import { GAP_REASONS } from '../../../src/core/duties/check';
import { DUTY_COLUMNS, DUTY_ROLES, POWER_TYPES } from '../../../src/core/duties/columns';
import { type Locale, messages } from '.';

const LISTS: [string, readonly string[]][] = [
  ['pages.duties.type', POWER_TYPES],
  ['pages.duties.role', DUTY_ROLES],
  ['pages.duties.field', DUTY_COLUMNS.map((c) => c.key)],
  ['pages.duties.gap', Object.keys(GAP_REASONS)],
  ['pages.duties.boundary.state', OVERLAP_STATUSES],
];

describe.each(['zh-CN', 'en-US'] as Locale[])('duty-list labels in %s', (locale) => {
  it.each(LISTS)('%s.* labels exactly the values of core', (prefix, values) => {
    const m = messages[locale];
    for (const v of values) expect(m[`${prefix}.${v}`], `${prefix}.${v}`).toBeTruthy();
    const keys = Object.keys(m)
      .filter((k) => k.startsWith(`${prefix}.`))
      .map((k) => k.slice(prefix.length + 1));
    expect(keys.sort()).toEqual([...values].sort());
  });

  it('the gap rules read as core states them (zh-CN)', () => {
    if (locale !== 'zh-CN') return;
    for (const [k, text] of Object.entries(GAP_REASONS))
      expect(messages[locale][`pages.duties.gap.${k}`]).toBe(text);
  });

  it('an overlap’s state reads as core states it (zh-CN)', () => {
    if (locale !== 'zh-CN') return;
    for (const [k, text] of Object.entries(OVERLAP_STATUS_LABELS))
      expect(messages[locale][`pages.duties.boundary.state.${k}`]).toBe(text);
  });
});

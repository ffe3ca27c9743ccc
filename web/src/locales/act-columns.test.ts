// The import dialog explains every column of a CSV or Excel file of acts (issue #16): each column
// of core's list (src/core/acts/columns.ts) has its meaning in both languages, and no meaning is
// left behind for a column that is gone. The Chinese ones are core's own text.
import { describe, expect, it } from 'vitest';
import { ACT_COLUMNS } from '../../../src/core/acts/columns';
import { type Locale, messages } from '.';

const PREFIX = 'pages.acts.column.';

describe('the import dialog’s column guide', () => {
  for (const locale of Object.keys(messages) as Locale[]) {
    it(`has every column’s meaning in ${locale}`, () => {
      const keys = Object.keys(messages[locale]).filter((k) => k.startsWith(PREFIX));
      expect(keys.map((k) => k.slice(PREFIX.length)).sort()).toEqual(ACT_COLUMNS.map((c) => c.name).sort());
      for (const c of ACT_COLUMNS) expect(messages[locale][`${PREFIX}${c.name}`], c.name).toBeTruthy();
    });
  }
  it('takes the Chinese meanings from core', () => {
    for (const c of ACT_COLUMNS) expect(messages['zh-CN'][`${PREFIX}${c.name}`]).toBe(c.meaning);
  });
});

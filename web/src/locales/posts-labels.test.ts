// The posts' stage labels are exactly core's stages, in both languages; in Chinese as core states them.
import { describe, expect, it } from 'vitest';
import { DUTY_STAGE_LABELS, DUTY_STAGES } from '../../../src/core/duties/columns';
import { type Locale, messages } from '.';

describe.each(['zh-CN', 'en-US'] as Locale[])('post stage labels in %s', (locale) => {
  it('label every stage of core and nothing else', () => {
    const m = messages[locale];
    const keys = Object.keys(m)
      .filter((k) => k.startsWith('pages.posts.stage.'))
      .map((k) => k.slice('pages.posts.stage.'.length));
    expect(keys.sort()).toEqual([...DUTY_STAGES].sort());
    if (locale === 'zh-CN')
      for (const s of DUTY_STAGES) expect(m[`pages.posts.stage.${s}`]).toBe(DUTY_STAGE_LABELS[s]);
  });
});

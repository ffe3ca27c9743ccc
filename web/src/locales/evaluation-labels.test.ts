// The evaluation's vocabularies are exactly core's, in both languages; in Chinese as core states them.
import { describe, expect, it } from 'vitest';
import {
  EVALUATION_AUDIENCE_LABELS,
  EVALUATION_AUDIENCES,
  EVALUATION_CAMPAIGN_STATE_LABELS,
  EVALUATION_CAMPAIGN_STATES,
  MODERATION_STATE_LABELS,
  MODERATION_STATES,
} from '../../../src/core/evaluation/form';
import { type Locale, messages } from '.';

const under = (m: Record<string, string>, prefix: string) =>
  Object.keys(m)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .sort();

describe.each(['zh-CN', 'en-US'] as Locale[])('evaluation labels in %s', (locale) => {
  it('label every audience, campaign state and moderation state of core, and nothing else', () => {
    const m = messages[locale];
    expect(under(m, 'enums.evaluationAudience.')).toEqual([...EVALUATION_AUDIENCES].sort());
    expect(under(m, 'enums.evaluationState.')).toEqual([...EVALUATION_CAMPAIGN_STATES].sort());
    expect(under(m, 'enums.moderation.')).toEqual([...MODERATION_STATES].sort());
    if (locale === 'zh-CN') {
      for (const a of EVALUATION_AUDIENCES)
        expect(m[`enums.evaluationAudience.${a}`]).toBe(EVALUATION_AUDIENCE_LABELS[a]);
      for (const s of EVALUATION_CAMPAIGN_STATES)
        expect(m[`enums.evaluationState.${s}`]).toBe(EVALUATION_CAMPAIGN_STATE_LABELS[s]);
      for (const s of MODERATION_STATES) expect(m[`enums.moderation.${s}`]).toBe(MODERATION_STATE_LABELS[s]);
    }
  });
});

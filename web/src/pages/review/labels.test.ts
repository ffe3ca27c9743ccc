// Every code of the case-file review the console shows has its label in both languages, and no label
// is left for a code that is gone; the Chinese ones are core's own. The score sheet's marks round-trip.
import { describe, expect, it } from 'vitest';
import { AGREEMENTS } from '../../../../src/core/review/results';
import { REVIEW_GRADE_LABELS, REVIEW_GRADES } from '../../../../src/core/review/rubric';
import { scoreFile } from '../../../../src/core/review/score';
import { A_CITY_REVIEW } from '../../../../src/core/rulebook/packs/a-city-review';
import {
  REVIEW_CAMPAIGN_KINDS,
  REVIEW_CAMPAIGN_PROCEDURE,
  REVIEW_CAMPAIGN_STATE_LABELS,
  REVIEW_CAMPAIGN_STATES,
  REVIEW_STAGES,
} from '../../../../src/core/workflow/review-campaign';
import { messages } from '../../locales';
import { marksOf, missingNotes, sheetOf } from './components/ScoreSheet';

const VOCABULARIES: [string, readonly string[]][] = [
  ['enums.reviewCampaignKind', REVIEW_CAMPAIGN_KINDS],
  ['enums.reviewCampaignState', REVIEW_CAMPAIGN_STATES],
  ['enums.reviewStage', REVIEW_STAGES],
  ['enums.reviewGrade', REVIEW_GRADES],
  ['enums.reviewAgreement', AGREEMENTS],
  ['pages.review.action', Object.keys(REVIEW_CAMPAIGN_PROCEDURE.actions)],
  ['pages.review.done', Object.keys(REVIEW_CAMPAIGN_PROCEDURE.actions)],
];

describe('the review page’s labels', () => {
  for (const [prefix, values] of VOCABULARIES)
    it(`${prefix}: one label per code in both languages`, () => {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const keys = Object.keys(messages[locale])
          .filter((k) => k.startsWith(`${prefix}.`))
          .map((k) => k.slice(prefix.length + 1));
        expect(keys.sort(), locale).toEqual([...values].sort());
      }
    });

  it('takes the Chinese labels from core', () => {
    expect(messages['zh-CN']['enums.reviewGrade.fail']).toBe(REVIEW_GRADE_LABELS.fail);
    expect(messages['zh-CN']['enums.reviewCampaignState.spot_check']).toBe(
      REVIEW_CAMPAIGN_STATE_LABELS.spot_check,
    );
  });
});

describe('the score sheet', () => {
  it('turns a sheet into the marks the server scores, and back', () => {
    const sheet = sheetOf({
      vetoes: [{ item: 'two_officers', note: '仅一名执法人员' }],
      deductions: [
        { item: 'form.filling', count: 1, note: '缺日期' },
        { item: 'form.filling', count: 2, note: '缺签名' },
      ],
    });
    expect(sheet.defects['form.filling']).toEqual({ count: 3, note: '缺日期；缺签名' });
    const marks = marksOf(sheet);
    expect(scoreFile(A_CITY_REVIEW, { kind: 'penalty', ...marks })).toMatchObject({
      total: 0,
      grade: 'fail',
    });
    // A note not written yet: named as missing, and the live score still computes.
    const draft = { failed: {}, defects: { 'content.citation': { count: 1, note: ' ' } } };
    expect([...missingNotes(draft)]).toEqual(['content.citation']);
    expect(scoreFile(A_CITY_REVIEW, marksOf(draft, '—'))).toMatchObject({ total: 98, grade: 'pass' });
    // No defects counted: no deduction.
    expect(marksOf({ failed: {}, defects: { 'form.cover': { count: 0, note: '' } } }).deductions).toEqual([]);
  });
});

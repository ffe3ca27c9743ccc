// The review campaign's procedure: draw, self-check, spot-check, close; only the office moves it,
// and a stage opens only when its files are there (drawn, assigned, scored).
import { describe, expect, it } from 'vitest';
import { actionAvailability, checkAction } from './engine.js';
import { REVIEW_CAMPAIGN_PROCEDURE as P, type ReviewCampaignSnapshot } from './review-campaign.js';

const snap = (s: Partial<ReviewCampaignSnapshot>): ReviewCampaignSnapshot => ({
  state: 'draft',
  files: 0,
  unassigned: 0,
  unscored: 0,
  understaffed: 0,
  unreconciled: 0,
  ...s,
});

describe('the review campaign procedure', () => {
  it('runs draft → sampled → self_check → spot_check → closed, by the office only', () => {
    expect(checkAction(P, snap({}), 'draw', {}, ['office'], undefined)).toMatchObject({
      ok: true,
      next: 'sampled',
    });
    expect(checkAction(P, snap({}), 'draw', {}, [], undefined).blocked).toBe('actor');
    expect(
      checkAction(P, snap({ state: 'sampled', files: 3 }), 'start_self_check', {}, ['office'], undefined)
        .next,
    ).toBe('self_check');
    expect(
      checkAction(P, snap({ state: 'self_check', files: 3 }), 'start_spot_check', {}, ['office'], undefined)
        .next,
    ).toBe('spot_check');
    // A campaign without a self-check goes straight to the spot-check.
    expect(
      checkAction(P, snap({ state: 'sampled', files: 3 }), 'start_spot_check', {}, ['office'], undefined).ok,
    ).toBe(true);
    expect(
      checkAction(P, snap({ state: 'spot_check', files: 3 }), 'close', {}, ['office'], undefined).next,
    ).toBe('closed');
    expect(checkAction(P, snap({ state: 'closed' }), 'draw', {}, ['office'], undefined).blocked).toBe(
      'state',
    );
  });

  it('says why a stage cannot open yet', () => {
    const av = (s: ReviewCampaignSnapshot) =>
      Object.fromEntries(
        actionAvailability(P, s, ['office'], undefined).map((a) => [
          a.action,
          a.reasons.map((r) => r.message),
        ]),
      );
    expect(av(snap({ state: 'sampled' })).start_self_check).toEqual(['未抽取到案卷']);
    expect(av(snap({ state: 'self_check', files: 4, unassigned: 2 })).start_spot_check).toEqual([
      '尚有 2 件案卷未分配评查人员',
    ]);
    expect(av(snap({ state: 'spot_check', files: 4, unscored: 1 })).close).toEqual([
      '尚有 1 件案卷未完成抽查评分',
    ]);
    // Double scoring: two reviewers for every file before the spot-check, the leader's 合议 before closing.
    expect(av(snap({ state: 'sampled', files: 4, understaffed: 3 })).start_spot_check).toEqual([
      '双人评分：尚有 3 件案卷的评查人员不足两名',
    ]);
    expect(av(snap({ state: 'spot_check', files: 4, unscored: 1, unreconciled: 1 })).close).toEqual([
      '尚有 1 件案卷两次评分相差超过允许差额，待评查组组长合议确定',
      '尚有 1 件案卷未完成抽查评分',
    ]);
  });
});

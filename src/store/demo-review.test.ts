// The demo city's review campaign and evaluation, read through the API as a new user would: a
// double-scored campaign at the spot-check with scored files, one waiting for 合议 and one unscored
// (so it cannot close yet); an evaluation with answers per agency and a comment to moderate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { fixedClock } from '../../test/helpers/clock.js';
import { drivers } from '../../test/helpers/db.js';
import { loadDemoActs } from './demo-acts.js';
import { loadDemoReview } from './demo-review.js';

describe.each(drivers)('demo review and evaluation on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { clock: fixedClock('2026-11-25') });
    await loadDemoActs(t.database, { count: 600, asOf: '2026-11-25' });
    await loadDemoReview(t.database, '2026-11-25');
  });
  afterAll(async () => t?.close());

  it('shows a double-scored campaign with scored files, one to reconcile and one to score', async () => {
    const sfj = await t.login('sfj');
    const list = (await sfj.get('/api/v1/review-campaigns')).json();
    expect(list.items).toHaveLength(1);
    const c = list.items[0];
    expect(c).toMatchObject({
      state: 'spot_check',
      doubleScoring: true,
      files: 12,
      unreconciled: 1,
      unscored: 2,
    });
    const files = (await sfj.get(`/api/v1/review-campaigns/${c.id}/files?stage=spot`)).json().items;
    expect(files.filter((f: { grade: string | null }) => f.grade !== null)).toHaveLength(10);
    expect(files.filter((f: { needsReconciliation: boolean }) => f.needsReconciliation)).toHaveLength(1);
    const close = c.availability.find((a: { action: string }) => a.action === 'close');
    expect(close.available).toBe(false);
    const results = (await sfj.get(`/api/v1/review-campaigns/${c.id}/results`)).json();
    expect(results.campaign.spot.scored).toBe(10);
    // The leader can reconcile the file that waits.
    const waiting = files.find((f: { needsReconciliation: boolean }) => f.needsReconciliation);
    const detail = (await sfj.get(`/api/v1/review-files/${waiting.id}`)).json();
    expect(detail.scores).toHaveLength(2);
    expect(detail.reconcileRefusal).toBeNull();
  });

  it('shows an evaluation with answers per agency and a comment to moderate', async () => {
    const sfj = await t.login('sfj');
    const [c] = (await sfj.get('/api/v1/evaluation-campaigns')).json().items;
    expect(c).toMatchObject({ answers: 24, pending: 4, state: 'open' });
    const r = (await sfj.get(`/api/v1/evaluation-campaigns/${c.id}/results`)).json();
    expect(r.agencies.map((a: { responses: number }) => a.responses)).toEqual([6, 6, 6, 6]);
    for (const a of r.agencies) {
      expect(a.mean).toBeGreaterThanOrEqual(1);
      expect(a.mean).toBeLessThanOrEqual(5);
    }
  });
});

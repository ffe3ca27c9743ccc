// 案卷评查's double scoring over the API: a campaign that asks two reviewers per spot-check file does not
// start the spot-check while a file has fewer than two; each reviewer scores alone (the other's score
// is hidden until both are in); totals within the rubric's margin give the file their mean; totals
// further apart wait for the group leader's final score with a note (合议), and the campaign does not
// close before; a third reviewer cannot add a score; every step is audited.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActs } from '../../src/core/acts/generate.js';
import { A_CITY_REVIEW } from '../../src/core/rulebook/packs/a-city-review.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const { acts } = generateActs({ count: 300, seed: 2020, asOf: '2026-11-20' });

interface FileItem {
  id: string;
  stage: 'self' | 'spot';
  version: number;
  grade: string | null;
  total: number | null;
  scoreCount: number;
  needsReconciliation: boolean;
}

describe.each(drivers)('double scoring of review files on %s', (driver) => {
  let t: TestApp;
  let sfj: Client;
  let sfjdc: Client;
  let pingjia: Client;
  let users: Record<string, string>;
  let campaign: {
    id: string;
    version: number;
    availability: { action: string; reasons: { message: string }[] }[];
  };
  let files: FileItem[];

  beforeAll(async () => {
    t = await createTestApp(driver, { clock: fixedClock('2026-11-25') });
    await importActs(
      t.database,
      { batches: [acts.map((value, i) => ({ line: i + 1, value }))] },
      { detect: false },
    );
    [sfj, sfjdc, pingjia] = await Promise.all(['sfj', 'sfjdc', 'pingjia'].map((u) => t.login(u)));
    users = Object.fromEntries(
      (await t.database.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [
        u.username,
        u.id,
      ]),
    );
  });
  afterAll(async () => t?.close());

  const ok = async (p: Promise<LightMyRequestResponse>, code = 200) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(code);
    return r.json();
  };
  const refresh = async () => {
    campaign = await ok(sfj.get(`/api/v1/review-campaigns/${campaign.id}`));
    files = (await ok(sfj.get(`/api/v1/review-campaigns/${campaign.id}/files?stage=spot`))).items;
  };
  const pool = (reviewers: object[]) =>
    ok(
      sfj.request({
        method: 'PUT',
        url: `/api/v1/review-campaigns/${campaign.id}/reviewers`,
        payload: { version: campaign.version, reviewers },
      }),
    );
  const mark = async (c: Client, fileId: string, deductions: object[], code = 200) => {
    const f = (await ok(c.get(`/api/v1/review-files/${fileId}`))).file;
    return ok(
      c.request({
        method: 'PUT',
        url: `/api/v1/review-files/${fileId}/marks`,
        payload: { version: f.version, vetoes: [], deductions },
      }),
      code,
    );
  };
  const minus = (points: number) => {
    // Items of step 1 from the content section, enough defects to cost `points`.
    const out: { item: string; count: number; note: string }[] = [];
    let left = points;
    for (const i of A_CITY_REVIEW.sections.content.items.filter((x) => x.step === 1)) {
      if (left === 0) break;
      const n = Math.min(left, i.max);
      out.push({ item: i.key, count: n, note: '存在缺陷' });
      left -= n;
    }
    expect(left).toBe(0);
    return out;
  };

  it('needs two reviewers per file before the spot-check opens', async () => {
    campaign = await ok(
      sfj.post('/api/v1/review-campaigns', {
        name: 'A市双人评分评查',
        kind: 'special',
        from: '2026-01-01',
        to: '2026-10-31',
        size: 3,
        seed: '双评',
        doubleScoring: true,
      }),
      201,
    );
    expect(campaign).toMatchObject({ doubleScoring: true });
    campaign = await ok(
      sfj.post(`/api/v1/review-campaigns/${campaign.id}/actions/draw`, { version: campaign.version }),
    );
    await refresh();
    await pool([{ userId: users.sfjdc, group: '第一组', leader: true }]);
    await refresh();
    await ok(sfj.post(`/api/v1/review-campaigns/${campaign.id}/assign`, { version: campaign.version }));
    await refresh();
    expect(
      campaign.availability.find((a) => a.action === 'start_spot_check')!.reasons.map((r) => r.message),
    ).toEqual(['双人评分：尚有 3 件案卷的评查人员不足两名']);
    // The pool grows to three: the leader and two members, each assigned to every file.
    await pool([
      { userId: users.sfj, group: '第一组', leader: true },
      { userId: users.sfjdc, group: '第一组' },
      { userId: users.pingjia, group: '第一组', externalLawyer: true },
    ]);
    await refresh();
    // Files still holding the one reviewer of the first pool are reassigned by hand.
    for (const f of files)
      await ok(
        sfj.request({
          method: 'PUT',
          url: `/api/v1/review-files/${f.id}/reviewers`,
          payload: { version: f.version, reviewerIds: [users.sfj, users.sfjdc, users.pingjia] },
        }),
      );
    await refresh();
    campaign = await ok(
      sfj.post(`/api/v1/review-campaigns/${campaign.id}/actions/start_spot_check`, {
        version: campaign.version,
      }),
    );
    await refresh();
    expect(files).toHaveLength(3);
  });

  it('keeps each score apart until both are in; within the margin the file takes their mean', async () => {
    const f = files[0]!;
    await mark(sfjdc, f.id, []);
    const mine = await ok(sfjdc.get(`/api/v1/review-files/${f.id}`));
    expect(mine.file).toMatchObject({ grade: null, scoreCount: 1 });
    expect(mine.scores.map((s: { mine: boolean; total: number }) => [s.mine, s.total])).toEqual([
      [true, 100],
    ]);
    // The other reviewer does not see it before scoring.
    expect((await ok(pingjia.get(`/api/v1/review-files/${f.id}`))).scores).toEqual([]);
    const d = await mark(pingjia, f.id, minus(4));
    expect(d.file).toMatchObject({
      total: 98,
      grade: 'excellent',
      scoreCount: 2,
      needsReconciliation: false,
    });
    expect(d.reconciliation).toMatchObject({
      agreed: true,
      difference: 4,
      margin: A_CITY_REVIEW.reconcileMargin,
    });
    // Both scored at the test clock's same moment: the order between them is not the point.
    expect(d.scores.map((s: { total: number }) => s.total).sort((a: number, b: number) => b - a)).toEqual([
      100, 96,
    ]);
    // A third reviewer adds no score; the two cannot change a final score.
    expect((await mark(sfj, f.id, [], 403)).error.message).toMatch(/已确定最终分数|两名/);
    expect((await mark(sfjdc, f.id, [], 403)).error.message).toMatch(/已确定最终分数/);
  });

  it('further apart, the file waits for the leader’s 合议, and the campaign cannot close before', async () => {
    const f = files[1]!;
    await mark(sfjdc, f.id, []);
    const d = await mark(pingjia, f.id, minus(12));
    expect(d.file).toMatchObject({ total: null, grade: null, needsReconciliation: true });
    expect(d.reconciliation).toMatchObject({ agreed: false, difference: 12 });
    expect(d.reconcileRefusal).toMatch(/组长/);
    // The third file: scored by two who agree.
    await mark(sfjdc, files[2]!.id, []);
    await mark(pingjia, files[2]!.id, []);
    await refresh();
    expect(campaign.availability.find((a) => a.action === 'close')!.reasons.map((r) => r.message)).toEqual([
      '尚有 1 件案卷两次评分相差超过允许差额，待评查组组长合议确定',
      '尚有 1 件案卷未完成抽查评分',
    ]);
    const reconcile = (c: Client, version: number, body: object) =>
      c.post(`/api/v1/review-files/${f.id}/reconcile`, { version, vetoes: [], ...body });
    const version = (await ok(sfj.get(`/api/v1/review-files/${f.id}`))).file.version;
    expect((await reconcile(pingjia, version, { deductions: [], note: '合议' })).statusCode).toBe(403);
    const noNote = await reconcile(sfj, version, { deductions: [] });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.map((x: { path: string }) => x.path)).toEqual(['note']);
    const leaderView = await ok(sfj.get(`/api/v1/review-files/${f.id}`));
    expect(leaderView.scores).toHaveLength(2);
    expect(leaderView.reconcileRefusal).toBeNull();
    const done = await ok(
      reconcile(sfj, version, { deductions: minus(6), note: '经合议，笔录瑕疵成立，证据来源问题不成立' }),
    );
    expect(done.file).toMatchObject({ total: 94, grade: 'excellent', needsReconciliation: false });
    expect(done.reconciliation).toMatchObject({
      agreed: false,
      note: '经合议，笔录瑕疵成立，证据来源问题不成立',
      byName: expect.any(String),
    });
    // Once reconciled, no second 合议.
    expect((await reconcile(sfj, done.file.version, { deductions: [], note: '再议' })).statusCode).toBe(403);
    await refresh();
    campaign = await ok(
      sfj.post(`/api/v1/review-campaigns/${campaign.id}/actions/close`, { version: campaign.version }),
    );
    expect(campaign).toMatchObject({ state: 'closed' });
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'detail'])
      .where('objectId', '=', f.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'review_file.assign',
      'review_file.score',
      'review_file.score',
      'review_file.reconcile',
    ]);
    expect(audit[2]!.detail).toMatchObject({ double: true, outcome: 'differs', difference: 12 });
  });
});

// 案卷评查 over the API, on generated acts of the demo city: the draw from the database is the draw
// `wenze review sample` makes from the same acts in a file (same seed, same ids), proportional by
// agency and reproducible; a reviewer of the file's own agency is refused; the agencies' self-check
// and the office's spot-check; a failed veto scores 0, 不合格 and opens a lead; no score is negative;
// the two grades compared per file and per agency; the campaign closes only when every file is scored.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActs } from '../../src/core/acts/generate.js';
import { allocate } from '../../src/core/review/sample.js';
import { A_CITY_REVIEW } from '../../src/core/rulebook/packs/a-city-review.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const AS_OF = '2026-11-20';
const SCOPE = { from: '2026-01-01', to: '2026-10-31' };
const SEED = 'A市2026年度评查';
const SIZE = 24;

const { acts } = generateActs({ count: 700, seed: 1414, asOf: AS_OF });

interface FileItem {
  id: string;
  actId: string;
  agencyId: string;
  stage: 'self' | 'spot';
  reviewers: { id: string; name: string }[];
  grade: string | null;
  total: number | null;
  version: number;
  leads: { fault: string; leadId: string }[];
}

interface Campaign {
  id: string;
  version: number;
  state: string;
  strata: { agencyId: string; eligible: number; drawn: number }[] | null;
  unassigned: number;
  availability: { action: string; reasons: { message: string }[] }[];
}

describe.each(drivers)('case-file review on %s', (driver) => {
  let t: TestApp;
  let sfj: Client;
  let county: Client;
  let scjfz: Client;
  let pingjia: Client;
  let users: Record<string, string>;
  let dir: string;
  let campaign: Campaign;
  let files: FileItem[];

  beforeAll(async () => {
    t = await createTestApp(driver, { clock: fixedClock('2026-11-25') });
    await importActs(
      t.database,
      { batches: [acts.map((value, i) => ({ line: i + 1, value }))] },
      { detect: false },
    );
    dir = mkdtempSync(join(tmpdir(), 'wenze-review-api-'));
    writeFileSync(join(dir, 'acts.jsonl'), `${acts.map((a) => JSON.stringify(a)).join('\n')}\n`);
    [sfj, county, scjfz, pingjia] = await Promise.all(
      ['sfj', 'jxsfj', 'scjfz', 'pingjia'].map((u) => t.login(u)),
    );
    users = Object.fromEntries(
      (await t.database.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [
        u.username,
        u.id,
      ]),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  const ok = async (p: Promise<LightMyRequestResponse>, code = 200) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(code);
    return r.json();
  };
  const create = (c: Client, body: object = {}) =>
    c.post('/api/v1/review-campaigns', {
      name: 'A市2026年度行政执法案卷评查',
      kind: 'routine',
      ...SCOPE,
      size: SIZE,
      seed: SEED,
      ...body,
    });
  const act = async (c: Client, id: string, action: string, version: number, code = 200) =>
    ok(c.post(`/api/v1/review-campaigns/${id}/actions/${action}`, { version }), code);
  const listFiles = async (c: Client, query = '') =>
    (await ok(c.get(`/api/v1/review-campaigns/${campaign.id}/files${query}`))).items as FileItem[];
  const refresh = async () => {
    campaign = await ok(sfj.get(`/api/v1/review-campaigns/${campaign.id}`));
    files = await listFiles(sfj);
  };
  const mark = (c: Client, f: FileItem, marks: object, code = 200) =>
    ok(
      c.request({
        method: 'PUT',
        url: `/api/v1/review-files/${f.id}/marks`,
        payload: { version: f.version, ...marks },
      }),
      code,
    );

  it('draws from the database exactly what `wenze review sample` draws from the same acts', async () => {
    campaign = await ok(create(sfj), 201);
    expect(campaign).toMatchObject({ state: 'draft', seed: SEED, regionCode: '529900', files: 0 });
    campaign = await act(sfj, campaign.id, 'draw', campaign.version);
    expect(campaign.state).toBe('sampled');
    const drawn = (await listFiles(sfj, '?stage=spot')).map((f) => f.actId).sort();

    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/index.ts',
        'review',
        'sample',
        '--input',
        join(dir, 'acts.jsonl'),
        '--size',
        String(SIZE),
        '--seed',
        SEED,
        '--from',
        SCOPE.from,
        '--to',
        SCOPE.to,
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as {
      strata: { agency: string; eligible: number; drawn: number }[];
      acts: string[];
    };
    expect(printed.acts).toHaveLength(SIZE);
    expect(drawn).toEqual([...printed.acts].sort());
    expect(
      campaign.strata!.map(({ agencyId, eligible, drawn }) => ({ agency: agencyId, eligible, drawn })),
    ).toEqual(printed.strata);
    // Each act drawn is a file of the self-check and one of the spot-check.
    expect(await listFiles(sfj, '?stage=self')).toHaveLength(SIZE);
  });

  it('is proportional by agency, one file for every agency, reproducible from the seed', async () => {
    const strata = campaign.strata!;
    // The eligible counts are the database's: decided licensing and penalty acts in the period.
    const counts = await t.database.db
      .selectFrom('acts')
      .select(['agencyId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', 'in', ['licensing', 'penalty'])
      .where('decided', '>=', SCOPE.from)
      .where('decided', '<=', SCOPE.to)
      .groupBy('agencyId')
      .execute();
    expect(Object.fromEntries(strata.map((s) => [s.agencyId, s.eligible]))).toEqual(
      Object.fromEntries(counts.map((c) => [c.agencyId, Number(c.n)])),
    );
    expect(strata.map((s) => s.drawn)).toEqual(
      allocate(
        strata.map((s) => s.eligible),
        SIZE,
      ),
    );
    expect(strata.every((s) => s.drawn >= 1)).toBe(true);
    const sum = strata.reduce((n, s) => n + s.eligible, 0);
    for (const s of strata) expect(Math.abs(s.drawn - (SIZE * s.eligible) / sum)).toBeLessThan(2);

    const again = await ok(create(sfj, { name: '同一种子再抽一次' }), 201);
    await act(sfj, again.id, 'draw', again.version);
    const ids = async (id: string) =>
      (await ok(sfj.get(`/api/v1/review-campaigns/${id}/files?stage=spot`))).items
        .map((f: FileItem) => f.actId)
        .sort();
    expect(await ids(again.id)).toEqual(await ids(campaign.id));
    const other = await ok(create(sfj, { name: '另一种子', seed: '另一个种子' }), 201);
    await act(sfj, other.id, 'draw', other.version);
    expect(await ids(other.id)).not.toEqual(await ids(campaign.id));
  });

  it('checks the scope and the jurisdiction', async () => {
    const bad = await create(sfj, {
      agencyIds: ['529900-SCJ', 'NOPE'],
      from: '2026-12-01',
      to: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['to']),
    );
    const outside = await create(sfj, { agencyIds: ['NOPE'] });
    expect(outside.json().error.fields).toEqual([{ path: 'agencyIds[0]', message: expect.any(String) }]);
    expect((await create(county, { regionCode: '529900' })).statusCode).toBe(403);
    expect((await create(scjfz)).statusCode).toBe(403);
    // The county office does not see the city's campaign, nor its files.
    expect((await county.get(`/api/v1/review-campaigns/${campaign.id}`)).statusCode).toBe(404);
    const listed = await ok(county.get('/api/v1/review-campaigns'));
    expect(listed.items.map((c: { id: string }) => c.id)).not.toContain(campaign.id);
    // A campaign with nothing to draw says so.
    const empty = await ok(
      create(county, { regionCode: '529921', from: '2020-01-01', to: '2020-12-31' }),
      201,
    );
    const r = await county.post(`/api/v1/review-campaigns/${empty.id}/actions/draw`, {
      version: empty.version,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].path).toBe('scope');
  });

  it('forms the groups and never gives a file to a reviewer of its own agency', async () => {
    await refresh();
    const pool = await ok(
      sfj.request({
        method: 'PUT',
        url: `/api/v1/review-campaigns/${campaign.id}/reviewers`,
        payload: {
          version: campaign.version,
          reviewers: [
            { userId: users.sfj, group: '第一组', leader: true },
            { userId: users.scjfz, group: '第一组' },
            { userId: users.pingjia, group: '第二组', leader: true, externalLawyer: true },
          ],
        },
      }),
    );
    expect(pool.items).toHaveLength(3);
    // An officer is no reviewer; two leaders of one group are one too many.
    await refresh();
    const wrong = await sfj.request({
      method: 'PUT',
      url: `/api/v1/review-campaigns/${campaign.id}/reviewers`,
      payload: {
        version: campaign.version,
        reviewers: [
          { userId: users.officer, group: '第一组' },
          { userId: users.sfj, group: '第二组', leader: true },
          { userId: users.pingjia, group: '第二组', leader: true },
        ],
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'reviewers[0].userId',
      'reviewers[2].leader',
    ]);

    const scj = files.find((f) => f.stage === 'spot' && f.agencyId === '529900-SCJ')!;
    const own = await scjfz.request({
      method: 'PUT',
      url: `/api/v1/review-files/${scj.id}/reviewers`,
      payload: { version: scj.version, reviewerIds: [users.scjfz] },
    });
    expect(own.statusCode).toBe(403);
    const refused = await sfj.request({
      method: 'PUT',
      url: `/api/v1/review-files/${scj.id}/reviewers`,
      payload: { version: scj.version, reviewerIds: [users.pingjia, users.scjfz] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'reviewerIds[1]', message: expect.stringMatching(/回避/) },
    ]);

    const assigned = await ok(
      sfj.post(`/api/v1/review-campaigns/${campaign.id}/assign`, { version: campaign.version }),
    );
    expect(assigned).toEqual({ assigned: SIZE, unassignable: [] });
    await refresh();
    expect(campaign.unassigned).toBe(0);
    for (const f of files.filter((x) => x.stage === 'spot')) {
      expect(f.reviewers.length).toBeGreaterThan(0);
      if (f.agencyId === '529900-SCJ') expect(f.reviewers.map((r) => r.id)).not.toContain(users.scjfz);
    }
    // A reviewer lists the files given to them, and no self-check.
    const mine = await listFiles(pingjia);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((f) => f.stage === 'spot' && f.reviewers.some((r) => r.id === users.pingjia))).toBe(
      true,
    );
  });

  it('the agency scores its own files in the self-check, and only those', async () => {
    campaign = await act(sfj, campaign.id, 'start_self_check', campaign.version);
    await refresh();
    const own = files.filter((f) => f.stage === 'self' && f.agencyId === '529900-SCJ');
    expect(own.length).toBeGreaterThan(0);
    // What the legal office lists: its agency's files, and the spot-check files it reviews.
    const listed = await listFiles(scjfz);
    expect(
      listed.every((f) => f.agencyId === '529900-SCJ' || f.reviewers.some((r) => r.id === users.scjfz)),
    ).toBe(true);
    for (const f of own) {
      const d = await mark(scjfz, f, { vetoes: [], deductions: [] });
      expect(d.file).toMatchObject({ total: 100, grade: 'excellent' });
    }
    const foreign = files.find((f) => f.stage === 'self' && f.agencyId !== '529900-SCJ')!;
    expect((await mark(scjfz, foreign, {}, 404)).error.message).toBeTruthy();
    const spot = files.find((f) => f.stage === 'spot' && f.reviewers.some((r) => r.id === users.pingjia))!;
    expect((await mark(pingjia, spot, {}, 403)).error.message).toMatch(/不在抽查评查阶段/);
    expect((await mark(sfj, own[0]!, {}, 403)).error.message).toMatch(/法制机构/);
  });

  it('at the spot-check a failed veto is 0 and 不合格 and opens a lead, once', async () => {
    campaign = await act(sfj, campaign.id, 'start_spot_check', campaign.version);
    await refresh();
    const kindOf = (x: FileItem) => acts.find((a) => a.id === x.actId)!.kind;
    const f = files.find(
      (x) => x.stage === 'spot' && kindOf(x) === 'penalty' && x.reviewers.some((r) => r.id === users.pingjia),
    )!;
    const marks = {
      vetoes: [{ item: 'procedure_lawful', note: '未经法制审核即作出决定' }],
      deductions: [{ item: 'form.filling', count: 2, note: '送达回证未填写日期' }],
    };
    const d = await mark(pingjia, f, marks);
    expect(d.file).toMatchObject({ total: 0, grade: 'fail' });
    expect(d.file.score).toMatchObject({ vetoed: true, gradeLabel: '不合格' });
    const fault = A_CITY_REVIEW.vetoes.find((v) => v.key === 'procedure_lawful')!.faults.penalty;
    expect(fault).toBe('penalty.12');
    {
      expect(d.file.leads).toEqual([{ fault, item: 'procedure_lawful', leadId: expect.any(String) }]);
      const lead = await ok(sfj.get(`/api/v1/leads/${d.file.leads[0].leadId}`));
      expect(lead).toMatchObject({
        source: 'case_review',
        faultCode: fault,
        actId: f.actId,
        agencyId: f.agencyId,
      });
      expect(lead.narrative).toContain('未经法制审核即作出决定');
      // Scored again, the file keeps its one lead.
      const again = await mark(pingjia, { ...f, version: d.file.version }, marks);
      expect(again.file.leads).toEqual(d.file.leads);
      const inbox = await ok(sfj.get('/api/v1/leads?source=case_review'));
      expect(inbox.items.filter((l: { actId: string }) => l.actId === f.actId)).toHaveLength(1);
    }
    // The campaign's history and the audit of the score.
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'detail'])
      .where('objectId', '=', f.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['review_file.score', 'review_file.score']);
  });

  it('never scores below zero and names a bad item', async () => {
    await refresh();
    const f = files.find(
      (x) => x.stage === 'spot' && x.grade === null && x.reviewers.some((r) => r.id === users.pingjia),
    )!;
    const everything = [...A_CITY_REVIEW.sections.form.items, ...A_CITY_REVIEW.sections.content.items].map(
      (i) => ({
        item: i.key,
        count: 1000,
        note: '严重缺失',
      }),
    );
    const d = await mark(pingjia, f, { deductions: everything });
    expect(d.file).toMatchObject({ total: 0, grade: 'fail' });
    for (const s of d.file.score.sections) expect(s.score).toBe(0);
    const bad = await mark(
      pingjia,
      { ...f, version: d.file.version },
      {
        deductions: [
          { item: 'form.nope', note: '无' },
          { item: 'form.cover', note: ' ' },
        ],
      },
      400,
    );
    expect(bad.error.fields.map((x: { path: string }) => x.path)).toEqual(
      expect.arrayContaining(['deductions[1].note']),
    );
    const unknown = await mark(
      pingjia,
      { ...f, version: d.file.version },
      { vetoes: [{ item: 'nope', note: '无' }] },
      400,
    );
    expect(unknown.error.fields).toEqual([{ path: 'vetoes[0].item', message: expect.any(String) }]);
  });

  it('compares the self-check with the spot-check per file and per agency, and closes when all are scored', async () => {
    await refresh();
    expect(campaign.availability.find((a) => a.action === 'close')!.reasons[0]!.message).toMatch(
      /未完成抽查评分/,
    );
    const clients: Record<string, Client> = {
      [users.sfj]: sfj,
      [users.pingjia]: pingjia,
      [users.scjfz]: scjfz,
    };
    for (const f of files.filter((x) => x.stage === 'spot' && x.grade === null)) {
      const by = clients[f.reviewers[0]!.id]!;
      await mark(by, f, {
        deductions: [{ item: 'content.citation', count: 1, note: '引用法律依据未具体到条款' }],
      });
    }
    const results = await ok(sfj.get(`/api/v1/review-campaigns/${campaign.id}/results`));
    const scj = results.agencies.find((a: { agencyId: string }) => a.agencyId === '529900-SCJ');
    // The market regulator graded all its files 优秀; the reviewers found a basic element's defect
    // (合格 at best) in each: the self-check was more lenient on every file compared.
    expect(scj.self.grades.excellent).toBe(scj.self.scored);
    expect(scj.compared).toBe(scj.self.scored);
    expect(scj.agreements.lenient).toBe(scj.compared);
    expect(scj.meanDifference).toBeGreaterThan(0);
    expect(scj.drawn).toBe(scj.files);
    const row = results.files.find(
      (r: { agencyId: string; agreement: string | null }) => r.agencyId === '529900-SCJ',
    );
    expect(row).toMatchObject({ agreement: 'lenient', self: { grade: 'excellent', total: 100 } });
    expect(results.campaign).toMatchObject({ files: SIZE, spot: { scored: SIZE } });
    // The legal office reads its own agency's results only.
    const own = await ok(scjfz.get(`/api/v1/review-campaigns/${campaign.id}/results`));
    expect(own.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual(['529900-SCJ']);
    expect((await pingjia.get(`/api/v1/review-campaigns/${campaign.id}/results`)).statusCode).toBe(403);

    await refresh();
    campaign = await act(sfj, campaign.id, 'close', campaign.version);
    expect(campaign.state).toBe('closed');
    await refresh();
    const late = files.find((x) => x.stage === 'spot' && x.reviewers.some((r) => r.id === users.pingjia))!;
    expect((await mark(pingjia, late, {}, 403)).error.message).toMatch(/不在抽查评查阶段/);
    const history = await ok(sfj.get(`/api/v1/review-campaigns/${campaign.id}/history`));
    expect(history.items.map((h: { action: string }) => h.action).reverse()).toEqual([
      'review_campaign.create',
      'review_campaign.draw',
      'review_campaign.reviewers',
      'review_campaign.assign',
      'review_campaign.start_self_check',
      'review_campaign.start_spot_check',
      'review_campaign.close',
    ]);
  });
});

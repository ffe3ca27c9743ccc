// 职责边界清单 over the API (issue 13): the supervision office refers an overlap to the establishment
// office (the worklist marks it 已移交编制部门, the previous split standing) and later records the
// boundary (lead and 协办, with its ground), which takes it off the worklist from its date on; bad
// input is 400 naming the field and writes nothing; the overlap's region decides who may decide;
// every decision is audited in its transaction; the boundary list reads and downloads as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const TODAY = '2026-06-01';
const ZHJ = '529900-ZHJ';
const ZJJ = '529900-ZJJ';
const CITY_OVERLAP = '/api/v1/duty-lists/overlaps/529900/CF-0014';

interface Overlap {
  code: string;
  name: string;
  region: string;
  agencies: { id: string; name: string }[];
  status: string;
  resolution: { id: number; kind: string; referral: { number: string } | null } | null;
}

describe.each(drivers)('overlap decisions and the boundary list on %s', (driver) => {
  let t: TestApp;
  let city: Client;
  let county: Client;
  let legal: Client;
  let countyLegal: Client;
  let officer: Client;

  const report = async (c: Client, on = TODAY) => {
    const res = await c.get(`/api/v1/duty-lists/report?on=${on}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { overlaps: Overlap[]; settled: Overlap[]; abilities: { resolve: boolean } };
  };
  const cityOverlap = (w: { overlaps: Overlap[] }) =>
    w.overlaps.find((o) => o.code === 'CF-0014' && o.region === '529900');
  const decisions = async () =>
    t.database.db.selectFrom('dutyBoundaries').selectAll().orderBy('id').execute();
  const audits = async (action: string) =>
    t.database.db
      .selectFrom('auditLog')
      .select(['objectId', 'detail'])
      .where('action', '=', action)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(driver, { clock: fixedClock(TODAY) });
    [city, county, legal, countyLegal, officer] = await Promise.all(
      ['sfj', 'jxsfj', 'scjfz', 'jxzhfz', 'officer'].map((u) => t.login(u)),
    );
  });
  afterAll(async () => t?.close());

  it('an undecided overlap is open on the worklist; the office may decide, a legal office may not', async () => {
    const w = await report(city);
    expect(cityOverlap(w)).toMatchObject({ status: 'open', resolution: null });
    expect(w.abilities.resolve).toBe(true);
    expect(w.settled).toEqual([]);
    expect((await report(countyLegal)).abilities.resolve).toBe(false);
  });

  it('bad input is 400 naming each field and writes nothing', async () => {
    const empty = await city.post(`${CITY_OVERLAP}/refer`, { number: ' ', referredOn: '2026-02-30' });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['number', 'referredOn']);
    const future = await city.post(`${CITY_OVERLAP}/refer`, {
      number: 'A编办函〔2026〕3号',
      referredOn: '2026-06-02',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([{ path: 'referredOn', message: '移交日期不得晚于今天' }]);
    const stranger = await city.post(`${CITY_OVERLAP}/resolve`, { lead: '529900-GTJ', ground: '会议纪要' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['lead']);
    const past = await city.post(`${CITY_OVERLAP}/resolve`, {
      lead: ZHJ,
      ground: '会议纪要',
      validFrom: '2026-05-31',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['validFrom']);
    const noGround = await city.post(`${CITY_OVERLAP}/resolve`, { lead: ZHJ, ground: '   ' });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['ground']);
    const badParams = await city.post('/api/v1/duty-lists/overlaps/52/!x/resolve', {
      lead: ZHJ,
      ground: 'g',
    });
    expect(badParams.statusCode).toBe(400);
    expect(await decisions()).toEqual([]);
    expect(await audits('duties.boundary')).toEqual([]);
  });

  it('who decides: the office of the overlap’s region and the administrator; others 403, another region 404', async () => {
    const body = { number: 'X', referredOn: TODAY };
    expect((await county.post(`${CITY_OVERLAP}/refer`, body)).statusCode).toBe(404);
    expect((await legal.post(`${CITY_OVERLAP}/refer`, body)).statusCode).toBe(403);
    expect((await officer.post(`${CITY_OVERLAP}/resolve`, { lead: ZHJ, ground: 'g' })).statusCode).toBe(403);
    // No overlap of that power there (one agency leads it): nothing to decide.
    const none = await city.post('/api/v1/duty-lists/overlaps/529900/CF-9999/refer', body);
    expect(none.statusCode).toBe(404);
    expect(await decisions()).toEqual([]);
  });

  it('a referral keeps the overlap on the worklist, marked, the previous split standing; once only', async () => {
    const res = await city.post(`${CITY_OVERLAP}/refer`, {
      number: 'A司监函〔2026〕12号',
      referredOn: '2026-05-20',
      referredTo: 'A市委机构编制委员会办公室',
      note: '两部门均主张主办',
    });
    expect(res.statusCode, res.body).toBe(201);
    const referral = res.json();
    expect(referral).toMatchObject({
      kind: 'referral',
      region: '529900',
      code: 'CF-0014',
      name: '违法建设查处',
      lead: null,
      parties: [
        { id: ZHJ, name: 'A市综合行政执法局' },
        { id: ZJJ, name: 'A市住房和城乡建设局' },
      ],
      referral: {
        number: 'A司监函〔2026〕12号',
        referredOn: '2026-05-20',
        referredTo: 'A市委机构编制委员会办公室',
        note: '两部门均主张主办',
      },
      validFrom: '2026-05-20',
      decidedByName: 'sfj',
      supersededBy: null,
    });
    const w = await report(city);
    expect(cityOverlap(w)).toMatchObject({
      status: 'referred',
      resolution: { id: referral.id, kind: 'referral', referral: { number: 'A司监函〔2026〕12号' } },
    });
    // Before the referral the overlap was simply open.
    expect(cityOverlap(await report(city, '2026-05-19'))?.status).toBe('open');
    // The agencies' lists are unchanged: both still lead the power.
    const items = (await city.get(`/api/v1/duty-lists?on=${TODAY}&q=CF-0014&pageSize=50`)).json().items;
    expect(
      items
        .filter(
          (i: { code: string; role: string; regionCode: string }) =>
            i.code === 'CF-0014' && i.role === 'lead',
        )
        .filter((i: { regionCode: string }) => i.regionCode === '529900')
        .map((i: { agencyId: string }) => i.agencyId)
        .sort(),
    ).toEqual([ZHJ, ZJJ]);
    const again = await city.post(`${CITY_OVERLAP}/refer`, { number: 'again', referredOn: TODAY });
    expect(again.statusCode).toBe(409);
    const audit = await audits('duties.referral');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ objectId: String(referral.id) });
    // The pending referrals, as a list.
    const pending = (await city.get('/api/v1/duty-lists/boundaries?kind=referral')).json();
    expect(pending.items.map((e: { id: number }) => e.id)).toEqual([referral.id]);
  });

  it('a boundary takes the overlap off the worklist from its date, supersedes the referral, and is audited', async () => {
    const res = await city.post(`${CITY_OVERLAP}/resolve`, {
      lead: ZHJ,
      ground: 'A市委编办《关于违法建设查处职责分工的意见》（A编办发〔2026〕7号）',
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({
      kind: 'boundary',
      lead: { id: ZHJ, name: 'A市综合行政执法局' },
      assisting: [{ id: ZJJ, name: 'A市住房和城乡建设局' }],
      validFrom: TODAY,
      referral: null,
    });
    const w = await report(city);
    expect(cityOverlap(w)).toBeUndefined();
    expect(w.settled.find((o) => o.code === 'CF-0014')).toMatchObject({
      region: '529900',
      resolution: { id: b.id, kind: 'boundary' },
    });
    // The day before: still referred (a decision does not rewrite days past).
    expect(cityOverlap(await report(city, '2026-05-31'))?.status).toBe('referred');
    const rows = await decisions();
    expect(rows.map((r) => [r.kind, r.supersededBy, r.supersededAt === null])).toEqual([
      ['referral', b.id, false],
      ['boundary', null, true],
    ]);
    const audit = await audits('duties.boundary');
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ lead: ZHJ, assisting: [ZJJ], supersedes: rows[0].id });
    // The referral list is empty now; the boundary list has the entry.
    expect((await city.get('/api/v1/duty-lists/boundaries?kind=referral')).json().items).toEqual([]);
    const list = (await city.get('/api/v1/duty-lists/boundaries?q=违法建设')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: b.id,
      regionName: 'A市',
      ground: expect.stringContaining('编办发'),
    });
  });

  it('a boundary that starts later leaves the overlap open until then; the county decides its own', async () => {
    const before = await report(county);
    const target = before.overlaps.find((o) => o.name === '占道经营查处');
    expect(target).toMatchObject({ region: '529921', status: 'open' });
    const lead = target!.agencies[0].id;
    const res = await county.post(`/api/v1/duty-lists/overlaps/529921/${target!.code}/resolve`, {
      lead,
      ground: '甲县人民政府《关于城关镇综合执法队受委托事项的决定》',
      validFrom: '2026-07-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await report(county)).overlaps.find((o) => o.code === target!.code)?.status).toBe('open');
    const later = await report(county, '2026-07-01');
    expect(later.overlaps.find((o) => o.code === target!.code)).toBeUndefined();
    expect(later.settled.map((o) => o.code)).toContain(target!.code);
    // The county's list has its own entry only; the city's reaches the county's too.
    const own = (await county.get('/api/v1/duty-lists/boundaries?on=2026-07-01')).json();
    expect(own.items.map((e: { region: string }) => e.region)).toEqual(['529921']);
    const all = (await city.get('/api/v1/duty-lists/boundaries?on=2026-07-01')).json();
    expect(all.items.map((e: { region: string }) => e.region)).toEqual(['529900', '529921']);
    // Its legal office, a party, sees the decision on the worklist of that day.
    const party = await report(countyLegal, '2026-07-01');
    expect(party.settled.map((o) => o.code)).toContain(target!.code);
    expect((await officer.get('/api/v1/duty-lists/boundaries')).statusCode).toBe(403);
  });

  it('the boundary list downloads as CSV', async () => {
    const res = await city.get('/api/v1/duty-lists/boundaries/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('地区,职权编码,职权名称,牵头（主办）单位,协办单位,依据,生效日期,决定人,决定时间');
    // Today: the city's boundary (the county's starts on 2026-07-01).
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('A市,CF-0014,违法建设查处,A市综合行政执法局,A市住房和城乡建设局');
  });
});

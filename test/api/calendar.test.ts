import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('working-day calendar on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('shows the State Council schedule of a year, make-up days included', async () => {
    const c = await t.login('sfj');
    const y = (await c.get('/api/v1/calendar?year=2025')).json();
    expect(y.covered).toBe(true);
    expect(y.days.find((d: { day: string }) => d.day === '2025-01-26')).toMatchObject({
      kind: 'workday',
      source: 'seed',
    });
    expect(y.days.find((d: { day: string }) => d.day === '2025-10-01')).toMatchObject({
      kind: 'holiday',
      source: 'seed',
    });
  });

  it('an admin extends it for a new year; deadlines follow at once', async () => {
    const admin = await t.login('admin');
    const far = 2190;
    expect((await admin.get(`/api/v1/calendar?year=${far}`)).json()).toMatchObject({
      covered: false,
      days: [],
    });
    const put = await admin.request({
      method: 'PUT',
      url: `/api/v1/calendar/overrides/${far}-01-04`,
      payload: { kind: 'holiday', note: '元旦' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await admin.get(`/api/v1/calendar?year=${far}`)).json();
    expect(after).toMatchObject({
      covered: true,
      days: [{ day: `${far}-01-04`, kind: 'holiday', source: 'admin', note: '元旦' }],
    });
    const cal = await t.app.calendar();
    const { isWorkingDay } = await import('../../src/core/calendar/index.js');
    expect(isWorkingDay(cal, `${far}-01-04`)).toBe(false);
    const del = await admin.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${far}-01-04` });
    expect(del.statusCode).toBe(204);
    expect(isWorkingDay(await t.app.calendar(), `${far}-01-04`)).toBe(true);
    const sup = await t.login('sfj');
    expect(
      (
        await sup.request({
          method: 'PUT',
          url: `/api/v1/calendar/overrides/${far}-01-03`,
          payload: { kind: 'holiday' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("says which year's schedule is missing, and stops once an administrator loads it", async () => {
    const admin = await t.login('admin');
    const { missingSchedule } = await import('../../src/core/calendar/index.js');
    const status = (await admin.get('/api/v1/calendar/status')).json();
    expect(status.missingYear).toBe(missingSchedule(await t.app.calendar(), status.today));
    if (status.missingYear === null) return; // every year that matters today is published
    expect(status.coveredYears).not.toContain(status.missingYear);
    const day = `${status.missingYear}-01-01`;
    const put = await admin.request({
      method: 'PUT',
      url: `/api/v1/calendar/overrides/${day}`,
      payload: { kind: 'holiday', note: '元旦' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await admin.get('/api/v1/calendar/status')).json();
    expect(after.coveredYears).toContain(status.missingYear);
    expect(after.missingYear).not.toBe(status.missingYear);
    await admin.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${day}` });
  });
});

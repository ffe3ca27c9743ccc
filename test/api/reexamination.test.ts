// 复查: a complainant told 不予立案 asks once, from the tracking page, for it to be re-examined; the
// lead comes back to the inbox, and only someone other than who dismissed it triages it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('re-examination of a dismissed complaint on %s', (driver) => {
  let t: TestApp;
  let sup: Client;
  let other: Client;
  let receipt: string;
  let leadId: string;

  const track = async () => (await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` })).json();
  const ask = (grounds: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/public/complaints/${receipt}/reexamination`,
      payload: { grounds },
    });
  const lead = async (c: Client) => (await c.get(`/api/v1/leads/${leadId}`)).json();

  beforeAll(async () => {
    t = await createTestApp(driver);
    sup = await t.login('sfj');
    other = await t.login('sfjdc');
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject: '复查测试：检查未出示证件',
        narrative: '执法人员检查时未出示执法证件。',
        anonymous: false,
        contact: { name: '王五', phone: '13700004444' },
      },
    });
    receipt = filed.json().receipt;
    leadId = (await sup.get(`/api/v1/leads?q=${encodeURIComponent('复查测试')}`)).json().items[0].id;
  });
  afterAll(async () => t?.close());

  it('nothing to re-examine before a dismissal', async () => {
    expect((await track()).reexamination).toEqual({ requestedOn: null, available: false });
    const early = await ask('我认为应当立案调查，请复查。');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe('state');
  });

  it('dismissed: the complainant asks, with reasons, once; the lead is back in the inbox', async () => {
    const l = await lead(sup);
    const d = await sup.post(`/api/v1/leads/${leadId}/dismiss`, {
      version: l.version,
      reason: '证据不足，不予立案。',
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(await track()).toMatchObject({ status: 'dismissed', reexamination: { available: true } });
    const short = await ask('不服');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe('grounds');
    const asked = await ask('现场有视频可以证明未出示证件，请复查。');
    expect(asked.statusCode, asked.body).toBe(200);
    expect(await track()).toMatchObject({
      status: 'reexamining',
      reexamination: { requestedOn: expect.any(String), available: false },
    });
    expect(await lead(other)).toMatchObject({
      status: 'new',
      reexamination: {
        grounds: '现场有视频可以证明未出示证件，请复查。',
        dismissReason: '证据不足，不予立案。',
      },
    });
  });

  it('whoever dismissed it does not re-examine it; someone else does, and that is final', async () => {
    const l = await lead(sup);
    const same = await sup.post(`/api/v1/leads/${leadId}/dismiss`, {
      version: l.version,
      reason: '维持不予立案。',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['actor']);
    expect(l.availability.find((a: { action: string }) => a.action === 'open')).toMatchObject({
      available: false,
    });
    const byOther = await other.post(`/api/v1/leads/${leadId}/dismiss`, {
      version: l.version,
      reason: '经复查，视频显示已出示证件，维持不予立案。',
    });
    expect(byOther.statusCode, byOther.body).toBe(200);
    expect(await track()).toMatchObject({
      status: 'dismissed',
      reply: '经复查，视频显示已出示证件，维持不予立案。',
      reexamination: { available: false },
    });
    const again = await ask('仍然不服，请再次复查。');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].path).toBe('reexamination');
  });
});

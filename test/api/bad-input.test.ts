// Bad input is 400 naming the field, never a 500 and never a database's or a library's words:
// NUL bytes and lone surrogates in any string, dates of year 0000, versions past 32 bits, empty
// or unknown ids that a foreign key would refuse, URLs that do not decode. (The route fuzzer,
// fuzz.test.ts, looks for more; these are the cases it found, kept as plain examples.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorOfDatabase, isDatabaseError } from '../../src/server/db-errors.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { error: { fields?: { path: string }[] } }).error.fields?.map((f) => f.path) ?? [];

describe.each(drivers)('bad input on %s', (driver) => {
  let t: TestApp;
  let admin: Client;
  let sup: Client;

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    sup = await t.login('sfj');
  });
  afterAll(async () => t?.close());

  const complaint = {
    subject: '输入校验',
    narrative: '执法人员未出示证件即进行检查。',
    anonymous: true,
  };
  const file = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: body as object });

  it('a NUL byte or a lone surrogate in any string is 400 naming the field', async () => {
    const nul = await file({ ...complaint, subject: '输入\u0000校验' });
    expect(nul.statusCode, nul.body).toBe(400);
    expect(fieldsOf(nul.body)).toEqual(['subject']);
    const surrogate = await file({ ...complaint, narrative: '执法人员未出示证件\ud800即进行检查。' });
    expect(surrogate.statusCode, surrogate.body).toBe(400);
    expect(fieldsOf(surrogate.body)).toEqual(['narrative']);
    // In a query string, in a nested field, and in a field the schema does not know.
    const query = await admin.get('/api/v1/agencies?q=%00');
    expect(query.statusCode, query.body).toBe(400);
    expect(fieldsOf(query.body)).toEqual(['q']);
    const patch = await admin.patch('/api/v1/agencies/529900-SCJ', {
      version: 1,
      name: 'A市市场监督管理局\u0000',
    });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(fieldsOf(patch.body)).toEqual(['name']);
  });

  it('dates outside 1900–2199 (year 0000, 9999) are 400 naming the field', async () => {
    const zero = await file({ ...complaint, occurredOn: '0000-01-01' });
    expect(zero.statusCode, zero.body).toBe(400);
    expect(fieldsOf(zero.body)).toEqual(['occurredOn']);
    const acts = await admin.get('/api/v1/acts?from=0000-01-01');
    expect(acts.statusCode, acts.body).toBe(400);
    expect(fieldsOf(acts.body)).toEqual(['from']);
    const far = await admin.get('/api/v1/supervision/summary?to=9999-12-31');
    expect(far.statusCode, far.body).toBe(400);
    expect(fieldsOf(far.body)).toEqual(['to']);
  });

  it('a version beyond 32 bits is 400 naming it, not a database error', async () => {
    const r = await admin.patch('/api/v1/agencies/529900-SCJ', {
      version: 2 ** 31,
      name: 'A市市场监督管理局',
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(fieldsOf(r.body)).toEqual(['version']);
  });

  it('an empty agency or an unknown officer is bad input (no foreign-key error)', async () => {
    const empty = await file({ ...complaint, agency: '' });
    expect(empty.statusCode, empty.body).toBe(201);
    const lead = await sup.post('/api/v1/leads', {
      source: 'superior',
      agencyId: '529900-SCJ',
      officerId: 'O-NOPE',
      subject: '上级交办线索',
      narrative: '交办内容',
    });
    expect(lead.statusCode, lead.body).toBe(400);
    expect(fieldsOf(lead.body)).toEqual(['officerId']);
  });

  it('a URL that does not decode or an over-long id is 400 in the one error shape', async () => {
    for (const url of ['/api/v1/agencies/%E0%A4%A', `/api/v1/cases/${'长'.repeat(200)}`]) {
      const r = await admin.get(url);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.body).not.toMatch(/FST_|is not a valid url|maximum length/);
    }
  });

  it('library texts never reach the client', async () => {
    const noBoundary = await admin.request({
      method: 'POST',
      url: '/api/v1/acts:upload',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode).toBeLessThan(500);
    expect(noBoundary.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(noBoundary.body).not.toMatch(/Boundary|multipart: /i);
    const boundary = '----x';
    const badJson = await admin.request({
      method: 'POST',
      url: '/api/v1/acts:upload',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n\r\n{"id": \r\n--${boundary}--\r\n`,
    });
    expect(badJson.statusCode, badJson.body).toBe(400);
    expect(badJson.body).toContain('JSON 格式错误');
    expect(badJson.body).not.toMatch(/Unexpected|Expected|JSON at position/);
  });

  it('a database constraint error becomes 400/409 naming the column, in Chinese', async () => {
    const db = t.database.db;
    const caught = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (e) {
        return e;
      }
      throw new Error('expected a database error');
    };
    const fk = await caught(() =>
      db
        .insertInto('leads')
        .values({
          regionCode: '529900',
          source: 'other',
          agencyId: 'NOPE-AGENCY',
          subject: 'x',
          narrative: 'x',
          updatedAt: new Date(),
        } as never)
        .execute(),
    );
    expect(isDatabaseError(fk)).toBe(true);
    expect(clientErrorOfDatabase(fk as never)).toMatchObject({
      status: 400,
      message: '引用的对象不存在',
      fields: [{ path: 'agencyId' }],
    });
    // Two regions with one code: the primary key refuses it (a conflict).
    const unique = await caught(() =>
      db.updateTable('regions').set({ code: '529921' }).where('code', '=', '529922').execute(),
    );
    expect(clientErrorOfDatabase(unique as never)).toMatchObject({
      status: 409,
      fields: [{ path: 'code' }],
    });
  });
});

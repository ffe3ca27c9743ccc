// Issue 9, as an attacker would try it: overwriting another jurisdiction's acts through the bulk
// import and the upload, forged X-Forwarded-For against the per-address limits, oversized
// spreadsheets, and the headers every response carries.
import { connect } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeConfig } from '../../src/cli/config.js';
import { generateActs } from '../../src/core/acts/generate.js';
import type { Act } from '../../src/core/acts/schema.js';
import { todayInChina } from '../../src/core/dates.js';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { buildApp } from '../../src/server/app.js';
import { contentTypeOf } from '../../src/server/download.js';
import { OFFICER_SHEET_LIMITS } from '../../src/server/officers-sheet.js';
import { loadDemo } from '../../src/store/demo.js';
import { certificateNumberTaken } from '../../src/store/officers.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/db.js';

const today = todayInChina();

function multipart(url: string, filename: string, content: string | Buffer) {
  const boundary = '----wenzehardening';
  return {
    method: 'POST' as const,
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describe.each(drivers)('acts imports within jurisdiction, on the stored rows (%s)', (driver) => {
  let t: TestApp;
  let city: Client;
  let county: Client;
  let legal: Client;
  const { acts } = generateActs({ count: 400, seed: 21, faultRate: 0.1, asOf: today });
  const of = (agency: string) => acts.filter((a) => a.agency === agency);
  const stored = async (id: string) =>
    (await t.database.db
      .selectFrom('acts')
      .select(['agencyId', 'body'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null;
  const importsAudited = async () =>
    (await t.database.db.selectFrom('auditLog').select('id').where('action', '=', 'acts.import').execute())
      .length;

  beforeAll(async () => {
    t = await createTestApp(driver);
    city = await t.login('sfj');
    county = await t.login('jxsfj'); // 529921
    legal = await t.login('scjfz'); // 529900-SCJ
    const res = await city.post('/api/v1/acts:bulk', { acts });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it("refuses (403) a legal office's act that takes over another agency's id, by JSON, NDJSON and upload", async () => {
    const victim = of('529900-ZHJ')[0];
    const before = await stored(victim.id);
    const audited = await importsAudited();
    const own = of('529900-SCJ')[0];
    const takeover: Act = { ...own, id: victim.id, matter: '篡改' };
    const fresh: Act = { ...own, id: 'HX-NEW-1' };
    const json = await legal.post('/api/v1/acts:bulk', { acts: [fresh, takeover] });
    expect(json.statusCode, json.body).toBe(403);
    expect(json.json().error.fields).toEqual([
      { path: 'acts[1].id', message: expect.stringContaining('529900-ZHJ') },
    ]);
    const ndjson = await legal.request({
      method: 'POST',
      url: '/api/v1/acts:bulk',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(fresh)}\n${JSON.stringify(takeover)}\n`,
    });
    expect(ndjson.statusCode).toBe(403);
    expect(ndjson.json().error.fields[0].path).toBe('line 2: id');
    const upload = await legal.request(
      multipart(
        '/api/v1/acts:upload',
        'acts.jsonl',
        `${JSON.stringify(fresh)}\n${JSON.stringify(takeover)}\n`,
      ),
    );
    expect(upload.statusCode).toBe(403);
    expect(upload.json().error.fields[0].path).toBe('line 2: id');
    const csv = `id,agency,kind\n${victim.id},529900-SCJ,other\n`;
    expect((await legal.request(multipart('/api/v1/acts:upload', 'acts.csv', csv))).statusCode).toBe(403);
    // Nothing written, nothing audited.
    expect(await stored(victim.id)).toEqual(before);
    expect(await stored('HX-NEW-1')).toBeNull();
    expect(await importsAudited()).toBe(audited);
  });

  it("refuses (403) a county supervisor's act that takes over another county's id", async () => {
    const victim = of('529922-SCJ')[0];
    const before = await stored(victim.id);
    const takeover = { ...of('529921-SCJ')[0], id: victim.id };
    const res = await county.post('/api/v1/acts:bulk', { acts: [takeover] });
    expect(res.statusCode).toBe(403);
    expect(await stored(victim.id)).toEqual(before);
    // Its own county's acts it may correct; the import is audited.
    const mine = { ...of('529921-SCJ')[0], matter: '更正后的事项' };
    const audited = await importsAudited();
    const ok = await county.post('/api/v1/acts:bulk', { acts: [mine] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ updated: 1 });
    expect(await importsAudited()).toBe(audited + 1);
  });

  it('finds the one foreign id among 10,000 acts of a request', async () => {
    const own = of('529900-SCJ')[0];
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...own, id: `HX-${i}` }));
    many[9_999] = { ...own, id: of('529900-GJJ')[0].id };
    const res = await legal.post('/api/v1/acts:bulk', { acts: many });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.fields).toEqual([{ path: 'acts[9999].id', message: expect.any(String) }]);
    expect(await stored('HX-0')).toBeNull();
  });

  it('treats an unregistered agency and an id outside the pattern as bad input (400)', async () => {
    const base = of('529900-SCJ')[0];
    const res = await city.post('/api/v1/acts:bulk', {
      acts: [
        { ...base, id: 'HX-U-1', agency: '529900-FAKE' },
        { ...base, id: '../../x' },
        { ...base, id: 'x'.repeat(65) },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'acts[0].agency',
      'acts[1].id',
      'acts[2].id',
    ]);
    expect(await stored('HX-U-1')).toBeNull();
  });
});

describe.each(drivers)('client addresses, limits, headers (%s)', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await loadDemo(database);
  });
  afterAll(async () => database?.drop());

  const login = (app: Awaited<ReturnType<typeof buildApp>>, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'nobody', password: 'wrong-Password-1' },
    });

  it('ignores X-Forwarded-For unless the peer is a configured proxy', async () => {
    const app = await buildApp({ database, webRoot: null, rateLimits: { login: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await login(app, `203.0.113.${i}`)).statusCode);
      expect(codes.slice(0, 3)).not.toContain(429);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await app.close();
    }
    const proxied = await buildApp({
      database,
      webRoot: null,
      rateLimits: { login: 3 },
      trustedProxies: ['127.0.0.1'],
    });
    try {
      // Behind the proxy each client has its own limit, the address the proxy names.
      for (let i = 0; i < 5; i++) expect((await login(proxied, `198.51.100.${i}`)).statusCode).not.toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('keeps the default limits when the environment sets none (wenze serve)', async () => {
    // What `wenze serve` passes: the environment's limits, each unset one undefined.
    const app = await buildApp({ database, webRoot: null, rateLimits: runtimeConfig({}).rateLimits });
    try {
      expect(app.rateLimits).toEqual({ login: 20, public: 30 });
      const res = await login(app, '203.0.113.50');
      expect(res.statusCode).toBe(401);
      expect(res.headers['x-ratelimit-limit']).toBe('20');
    } finally {
      await app.close();
    }
    const some = await buildApp({
      database,
      webRoot: null,
      rateLimits: runtimeConfig({ WENZE_RATE_LIMIT_LOGIN: '7' }).rateLimits,
    });
    try {
      expect(some.rateLimits).toEqual({ login: 7, public: 30 });
      expect((await login(some, '203.0.113.51')).headers['x-ratelimit-limit']).toBe('7');
    } finally {
      await some.close();
    }
  });

  it('sends the security headers; HSTS and Secure cookies only behind https', async () => {
    const app = await buildApp({ database, webRoot: null });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/docs' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sfj', password: DEMO_PASSWORD },
      });
      expect(String(ok.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
      // A forged X-Forwarded-For is not the address the audit log records.
      const forged = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.99' },
        payload: { username: 'jiwei', password: DEMO_PASSWORD },
      });
      expect(forged.statusCode, forged.body).toBe(200);
      const entry = await database.db
        .selectFrom('auditLog')
        .select('detail')
        .where('action', '=', 'auth.login')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.detail).toMatchObject({ ip: '127.0.0.1' });
    } finally {
      await app.close();
    }
    const https = await buildApp({ database, webRoot: null, publicUrl: 'https://wenze.example.gov.cn/' });
    try {
      const res = await https.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      const ok = await https.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sfj', password: DEMO_PASSWORD },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(String(ok.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await https.close();
    }
  });

  it('cuts a client that never finishes its headers', async () => {
    const app = await buildApp({ database, webRoot: null, timeouts: { headers: 300, request: 1000 } });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'),
        );
        let data = '';
        socket.on('data', (d) => {
          data += d;
        });
        socket.on('close', () => resolve(data));
      });
      expect(answer).toContain('408');
    } finally {
      await app.close();
    }
  });

  it('cuts a client whose body never finishes, within the request timeout', async () => {
    const app = await buildApp({ database, webRoot: null, timeouts: { headers: 300, request: 1000 } });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const started = Date.now();
      const outcome = await new Promise<{ data: string; closed: boolean }>((resolve) => {
        // Complete headers announcing 200 bytes, then 20 of them, then nothing.
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(
            'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
              'Content-Length: 200\r\n\r\n{"username":"nobody"',
          ),
        );
        let data = '';
        socket.on('data', (d) => {
          data += d;
        });
        socket.on('error', () => {});
        socket.on('close', () => resolve({ data, closed: true }));
        // A bound far above the 1 s timeout, for a busy machine: a server that waits forever fails.
        setTimeout(() => {
          resolve({ data, closed: false });
          socket.destroy();
        }, 30_000).unref();
      });
      expect(outcome.closed, 'the server kept the connection open').toBe(true);
      // Answered 408, or simply closed; never a reply to the half body.
      if (outcome.data !== '') expect(outcome.data).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('downloads typed by their bytes', () => {
  it('never serves what an uploader calls a picture as HTML', () => {
    expect(contentTypeOf(Buffer.from('<html><script>alert(1)</script>'), 'x.png')).toBe(
      'text/plain; charset=utf-8',
    );
    expect(contentTypeOf(Buffer.from('%PDF-1.7\n'), 'a.pdf')).toBe('application/pdf');
    expect(contentTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.html')).toBe(
      'image/png',
    );
    expect(contentTypeOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]), '决定书.docx')).toContain(
      'wordprocessingml',
    );
    expect(contentTypeOf(Buffer.from([0, 1, 2, 0xff]), 'x.svg')).toBe('application/octet-stream');
  });
});

describe.each(drivers)('spreadsheets within limits, queries in chunks (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('looks up more certificate numbers than a statement has parameters', async () => {
    const numbers = Array.from({ length: 70_000 }, (_, i) => String(10_000_000_000 + i));
    numbers.push('52990000001');
    const taken = await certificateNumberTaken(t.database.db, numbers);
    expect(taken.size).toBeLessThanOrEqual(1);
  });

  it('refuses an officers sheet past its row limit (400 naming the file), nothing written', async () => {
    const sheet = async (rows: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('执法人员');
      ws.addRow(['姓名', '所属机关编码', '编制类型', '执法证号', '发证日期', '有效期至']);
      for (let i = 0; i < rows; i++)
        ws.addRow([
          `人${i}`,
          '529900-SCJ',
          '行政编制',
          String(60_000_000_000 + i),
          '2025-01-01',
          '2029-12-31',
        ]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const buf = await sheet(OFFICER_SHEET_LIMITS.rows + 1);
    const admin = await t.login('admin');
    const before = (await t.database.db.selectFrom('officers').select('id').execute()).length;
    const res = await admin.request(multipart('/api/v1/officers/import', 'big.xlsx', buf));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'file', message: expect.stringContaining(String(OFFICER_SHEET_LIMITS.rows)) },
    ]);
    expect((await t.database.db.selectFrom('officers').select('id').execute()).length).toBe(before);
    // A sheet within the limit goes in, in chunks, with consecutive ids.
    const ok = await admin.request(multipart('/api/v1/officers/import', 'ok.xlsx', await sheet(1201)));
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    expect(ok.json().imported).toBe(1201);
    expect(new Set(ok.json().ids).size).toBe(1201);
  });

  it('streams the exports', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/v1/officers/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['content-length']).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const count = (await t.database.db.selectFrom('officers').select('id').execute()).length;
    expect(wb.worksheets[0].rowCount - 1).toBe(count);
  });
});

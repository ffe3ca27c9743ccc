// The public channel's writes: a complaint and its audit entry, an attachment and its audit
// entry, commit together or not at all; an Idempotency-Key is bound to its request body; the
// limit of 5 attachments holds under concurrent uploads.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const complaint = (subject: string) => ({
  agency: '529900-SCJ',
  subject,
  narrative: '执法人员未出示执法证件即进行检查，态度粗暴。',
  anonymous: false,
  contact: { name: '钱一', phone: '13700003333' },
});

/** A 1×1 PNG: attachments are accepted by their bytes (images, PDF, Office/WPS, audio, video). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function upload(filename: string, content: string) {
  const boundary = '----intake';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      // Distinct files: the text after the image's end does not change its type.
      PNG,
      Buffer.from(`${content}\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(drivers)('public complaint intake on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  const file = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: body as object, headers });
  const count = async (table: 'complaints' | 'leads', subject: string) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('subject', '=', subject)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Make the audit log refuse entries of one action, as a failing append would. */
  async function failingAudit<T>(action: string, run: () => Promise<T>): Promise<T> {
    const db = t.database.db;
    await sql
      .raw(`create or replace function wenze_test_fail_audit() returns trigger language plpgsql as $$
        begin
          if new.action = '${action}' then raise exception 'audit append failed'; end if;
          return new;
        end $$`)
      .execute(db);
    await sql`create trigger wenze_test_fail_audit before insert on audit_log
      for each row execute function wenze_test_fail_audit()`.execute(db);
    try {
      return await run();
    } finally {
      await sql`drop trigger wenze_test_fail_audit on audit_log`.execute(db);
      await sql`drop function wenze_test_fail_audit()`.execute(db);
    }
  }

  it('a complaint whose audit entry fails is not kept (nor its lead)', async () => {
    const res = await failingAudit('complaint.create', () => file(complaint('审计失败的投诉')));
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toBe('服务器内部错误');
    expect(res.body).not.toContain('audit append failed');
    expect(await count('complaints', '审计失败的投诉')).toBe(0);
    expect(await count('leads', '审计失败的投诉')).toBe(0);
    // And with the audit log working again the same complaint goes through, audited.
    const ok = await file(complaint('审计失败的投诉'));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await count('complaints', '审计失败的投诉')).toBe(1);
  });

  it('an attachment whose audit entry fails is not kept', async () => {
    const receipt = (await file(complaint('附件审计失败'))).json().receipt as string;
    const res = await failingAudit('complaint.attachment', () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/complaints/${receipt}/attachments`,
        ...upload('a.png', '证据'),
      }),
    );
    expect(res.statusCode).toBe(500);
    const track = await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` });
    expect(track.json().attachments).toBe(0);
  });

  it('an Idempotency-Key is bound to its body: the same body repeats, another body gets 422', async () => {
    const headers = { 'idempotency-key': 'intake-key-0001' };
    const first = await file(complaint('幂等键绑定'), headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await file(complaint('幂等键绑定'), headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().receipt).toBe(first.json().receipt);
    const other = await file(
      { ...complaint('幂等键绑定'), narrative: '另一份完全不同的投诉内容，不应得到同一回执。' },
      headers,
    );
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json().error.fields).toEqual([{ path: 'idempotency-key', message: expect.any(String) }]);
    expect(other.json().error.message).toMatch(/Idempotency-Key/);
    expect(other.body).not.toContain(first.json().receipt);
    expect(await count('complaints', '幂等键绑定')).toBe(1);
    // A different contact is a different body too.
    const otherContact = await file(
      { ...complaint('幂等键绑定'), contact: { name: '孙二', phone: '13700004444' } },
      headers,
    );
    expect(otherContact.statusCode).toBe(422);
  });

  it('concurrent uploads never pass the limit of 5 attachments', async () => {
    const receipt = (await file(complaint('并发附件上限'))).json().receipt as string;
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/public/complaints/${receipt}/attachments`,
          ...upload(`f${i}.png`, `附件内容 ${i}`),
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 400)).toHaveLength(4);
    const refused = results.find((r) => r.statusCode === 400)!;
    expect(refused.json().error.fields).toEqual([{ path: 'file', message: '附件数量已达上限' }]);
    const track = await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` });
    expect(track.json().attachments).toBe(5);
    const audited = await t.database.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'complaint.attachment')
      .where(
        'objectId',
        '=',
        (
          await t.database.db
            .selectFrom('complaints')
            .select('id')
            .where('receipt', '=', receipt)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expect(audited).toHaveLength(5);
  });

  it('a file name with a NUL byte is bad input naming the file', async () => {
    const receipt = (await file(complaint('附件文件名'))).json().receipt as string;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/complaints/${receipt}/attachments`,
      ...upload('a\u0000b.png', 'x'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('file');
  });
});

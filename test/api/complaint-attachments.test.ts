// A complaint's attachments (issue #8): accepted by their bytes only (images, PDF, Office/WPS
// documents, audio, video); listed on the lead to the region's supervision office and on the case
// to its investigators and supervisors, never to the agency, the officers, the administrators or
// another region; each download sent as an attachment of the type its bytes say, and audited in
// the transaction that reads it. No list carries the complainant's identity.
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** The start of a Windows program (what a renamed .exe begins with). */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(200)]);

/**
 * A minimal OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): a header and one directory sector whose
 * root entry carries `clsid` — Word's for a .doc, Windows Installer's for an .msi.
 */
function compoundFile(clsid: string): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x003e, 0x18); // minor version
  b.writeUInt16LE(0x0003, 0x1a); // major version 3
  b.writeUInt16LE(0xfffe, 0x1c); // little-endian
  b.writeUInt16LE(9, 0x1e); // 512-byte sectors
  b.writeUInt16LE(6, 0x20);
  b.writeUInt32LE(0, 0x30); // the directory starts at sector 0
  const root = 512;
  Buffer.from('Root Entry\0', 'utf16le').copy(b, root);
  b.writeUInt16LE(22, root + 0x40);
  b[root + 0x42] = 5; // root storage
  const [d1, d2, d3, d4] = clsid.split('-');
  b.writeUInt32LE(Number.parseInt(d1, 16), root + 0x50);
  b.writeUInt16LE(Number.parseInt(d2, 16), root + 0x54);
  b.writeUInt16LE(Number.parseInt(d3, 16), root + 0x56);
  Buffer.from(d4, 'hex').copy(b, root + 0x58);
  return b;
}
const WORD_97 = compoundFile('00020906-0000-0000-C000000000000046');
const MSI = compoundFile('000C1084-0000-0000-C000000000000046');

const docx = () =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('罚款收据两张')] }] }));

function multipart(filename: string, type: string, content: Buffer) {
  const boundary = '----attachments';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          `Content-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(drivers)('complaint attachments on %s', (driver) => {
  let t: TestApp;
  let sfj: Client; // A市 supervisor: triages the city's leads
  let sfjdc: Client; // A市 supervisor, the case's investigator
  let jxsfj: Client; // 甲县 supervisor: another region
  let scjfz: Client; // the agency's legal office
  let officer: Client;
  let admin: Client;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(driver);
    [sfj, sfjdc, jxsfj, scjfz, officer, admin] = await Promise.all(
      ['sfj', 'sfjdc', 'jxsfj', 'scjfz', 'officer', 'admin'].map((u) => t.login(u)),
    );
    const users = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  });
  afterAll(async () => t?.close());

  /** A named complaint against the city's market regulator; its receipt and lead. */
  async function complaint(subject: string) {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject,
        narrative: '执法人员重复罚款，并拒绝出具罚没收据。',
        anonymous: false,
        contact: { name: '钱多多', phone: '13711112222', idNumber: '11010519491231002X' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json().receipt as string;
    const lead = (await sfj.get(`/api/v1/leads?q=${encodeURIComponent(subject)}`)).json().items[0];
    return { receipt, lead: lead as { id: string; version: number } };
  }

  const upload = (receipt: string, filename: string, type: string, content: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/public/complaints/${receipt}/attachments`,
      ...multipart(filename, type, content),
    });

  const audits = (action: string, objectId?: string) => {
    let q = t.database.db.selectFrom('auditLog').selectAll().where('action', '=', action);
    if (objectId) q = q.where('objectId', '=', objectId);
    return q.orderBy('id').execute();
  };

  describe('upload: the bytes decide', () => {
    it('accepts a PNG, a PDF, a .docx (zip) and legacy Office/WPS files (OLE2), whatever they claim', async () => {
      const { receipt, lead } = await complaint('附件类型检查');
      const files: [string, string, Buffer][] = [
        ['现场照片.png', 'application/octet-stream', PNG],
        ['罚款决定书.pdf', 'application/pdf', PDF],
        ['情况说明.docx', 'application/octet-stream', await docx()],
        ['旧版文书.doc', 'application/msword', WORD_97],
        ['金山文档.wps', 'application/octet-stream', WORD_97],
      ];
      for (const [name, type, content] of files) {
        const res = await upload(receipt, name, type, content);
        expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
        expect(res.json()).toMatchObject({ filename: name, size: content.length });
      }
      const listed = await sfj.get(`/api/v1/leads/${lead.id}/attachments`);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(
        listed
          .json()
          .items.map((a: { filename: string; mime: string; kind: string }) => [a.filename, a.kind, a.mime]),
      ).toEqual([
        ['现场照片.png', 'image', 'image/png'],
        ['罚款决定书.pdf', 'pdf', 'application/pdf'],
        [
          '情况说明.docx',
          'document',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
        ['旧版文书.doc', 'document', 'application/msword'],
        ['金山文档.wps', 'document', 'application/vnd.ms-works'],
      ]);
    });

    it('refuses text, a program renamed .pdf, an installer renamed .doc and an empty file: 400 on file, nothing kept', async () => {
      const { receipt } = await complaint('附件类型拒收');
      const refused: [string, string, Buffer][] = [
        ['罚款收据.txt', 'text/plain', Buffer.from('罚款收据两张')],
        ['罚款决定书.pdf', 'application/pdf', EXE],
        ['旧版文书.doc', 'application/msword', MSI],
        ['空白.png', 'image/png', Buffer.alloc(0)],
        ['page.html', 'text/html', Buffer.from('<html><script>alert(1)</script></html>')],
      ];
      for (const [name, type, content] of refused) {
        const res = await upload(receipt, name, type, content);
        expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
        const body = res.json();
        expect(body.error.message).toMatch(/图片.*PDF.*Office\/WPS.*音频.*视频/);
        expect(body.error.fields).toEqual([{ path: 'file', message: expect.stringContaining('文件类型') }]);
      }
      const track = await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` });
      expect(track.json().attachments).toBe(0);
      const c = await t.database.db
        .selectFrom('complaints')
        .select('id')
        .where('receipt', '=', receipt)
        .executeTakeFirstOrThrow();
      expect(await audits('complaint.attachment', c.id)).toHaveLength(0);
    });
  });

  describe('lists and downloads', () => {
    let lead: { id: string; version: number };
    let caseId: string;
    let photo: number;
    let mergedPdf: number;
    let otherAttachment: number;

    beforeAll(async () => {
      const first = await complaint('重复罚款附件');
      lead = first.lead;
      expect((await upload(first.receipt, '罚款收据（一）.png', 'image/png', PNG)).statusCode).toBe(201);
      // A duplicate complaint merged into the lead: its attachment goes with it.
      const dup = await complaint('重复罚款附件（重复投诉）');
      expect((await upload(dup.receipt, '决定书.pdf', 'application/pdf', PDF)).statusCode).toBe(201);
      const merged = await sfj.post(`/api/v1/leads/${dup.lead.id}/merge`, {
        version: dup.lead.version,
        into: lead.id,
      });
      expect(merged.statusCode, merged.body).toBe(200);
      // An unrelated complaint's attachment, to ask for through the wrong lead or case.
      const other = await complaint('无关投诉附件');
      expect((await upload(other.receipt, '无关.png', 'image/png', PNG)).statusCode).toBe(201);
      const rows = await t.database.db
        .selectFrom('complaintAttachments')
        .innerJoin('complaints', 'complaints.id', 'complaintAttachments.complaintId')
        .select(['complaintAttachments.id', 'complaints.receipt'])
        .where('complaints.receipt', 'in', [first.receipt, dup.receipt, other.receipt])
        .execute();
      const idOf = (receipt: string) => rows.find((r) => r.receipt === receipt)!.id;
      photo = idOf(first.receipt);
      mergedPdf = idOf(dup.receipt);
      otherAttachment = idOf(other.receipt);
      // The lead becomes a case; sfjdc is assigned to investigate it.
      const current = (await sfj.get(`/api/v1/leads/${lead.id}`)).json();
      const opened = await sfj.post(`/api/v1/leads/${lead.id}/open`, { version: current.version });
      expect(opened.statusCode, opened.body).toBe(201);
      caseId = opened.json().caseId;
      let version = (await sfj.get(`/api/v1/cases/${caseId}`)).json().version as number;
      for (const [action, body] of [
        ['accept', { opinion: '同意立案' }],
        ['assign_investigators', { userIds: [ids.sfj, ids.sfjdc] }],
      ] as const) {
        const r = await sfj.post(`/api/v1/cases/${caseId}/actions/${action}`, { version, ...body });
        expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
        version = r.json().version;
      }
    });

    const noIdentity = (body: string) => {
      for (const secret of ['钱多多', '13711112222', '11010519491231002X'])
        expect(body).not.toContain(secret);
    };

    it('the lead lists its attachments (with the merged complaint’s) to the region’s supervision office', async () => {
      const res = await sfj.get(`/api/v1/leads/${lead.id}/attachments`);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items;
      expect(items).toEqual([
        {
          id: photo,
          filename: '罚款收据（一）.png',
          mime: 'image/png',
          kind: 'image',
          size: PNG.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        expect.objectContaining({ id: mergedPdf, filename: '决定书.pdf', kind: 'pdf' }),
      ]);
      noIdentity(res.body);
      // The province's supervision office covers the city too.
      const gzsfj = await t.login('gzsfj');
      expect((await gzsfj.get(`/api/v1/leads/${lead.id}/attachments`)).statusCode).toBe(200);
    });

    it('the case lists them to its investigators and the supervisor', async () => {
      for (const who of [sfj, sfjdc]) {
        const res = await who.get(`/api/v1/cases/${caseId}/attachments`);
        expect(res.statusCode, `${who.username}: ${res.body}`).toBe(200);
        expect(res.json().items.map((a: { id: number }) => a.id)).toEqual([photo, mergedPdf]);
        noIdentity(res.body);
      }
    });

    it('others get 404 where they cannot see the object, 403 where they can but not its attachments, 401 without a session', async () => {
      const expectations: [Client, string, number][] = [
        [jxsfj, `/api/v1/leads/${lead.id}/attachments`, 404],
        [jxsfj, `/api/v1/cases/${caseId}/attachments`, 404],
        [scjfz, `/api/v1/leads/${lead.id}/attachments`, 404],
        [scjfz, `/api/v1/cases/${caseId}/attachments`, 403], // the agency sees the case, not the complaint's files
        [officer, `/api/v1/leads/${lead.id}/attachments`, 404],
        [officer, `/api/v1/cases/${caseId}/attachments`, 404],
        [admin, `/api/v1/leads/${lead.id}/attachments`, 403],
        [admin, `/api/v1/cases/${caseId}/attachments`, 403],
      ];
      for (const [who, url, status] of expectations) {
        for (const u of [url, `${url}/${photo}`]) {
          const res = await who.get(u);
          expect(res.statusCode, `${who.username} ${u}: ${res.body}`).toBe(status);
          expect(res.json().error.message).toBeTruthy();
          noIdentity(res.body);
        }
      }
      for (const u of [
        `/api/v1/leads/${lead.id}/attachments`,
        `/api/v1/cases/${caseId}/attachments/${photo}`,
      ]) {
        expect((await t.app.inject({ url: u })).statusCode, u).toBe(401);
      }
      expect(await audits('attachment.download', String(photo))).toHaveLength(0);
    });

    it('a download sends the bytes as an attachment of their type, and is audited', async () => {
      const res = await sfjdc.get(`/api/v1/cases/${caseId}/attachments/${photo}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.equals(PNG)).toBe(true);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('罚款收据（一）.png');
      expect(res.headers['x-content-sha256']).toMatch(/^[0-9a-f]{64}$/);

      const pdf = await sfj.get(`/api/v1/leads/${lead.id}/attachments/${mergedPdf}`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.equals(PDF)).toBe(true);

      const [onCase] = await audits('attachment.download', String(photo));
      expect(onCase).toMatchObject({
        actorName: 'sfjdc',
        objectType: 'complaint_attachment',
        regionCode: '529900',
        detail: expect.objectContaining({ case: caseId, sha256: expect.any(String) }),
      });
      const [onLead] = await audits('attachment.download', String(mergedPdf));
      expect(onLead).toMatchObject({ actorName: 'sfj', detail: expect.objectContaining({ lead: lead.id }) });
      for (const row of [onCase, onLead]) noIdentity(JSON.stringify(row.detail));
    });

    it('an attachment of another complaint is not found through this lead or case, and nothing is audited', async () => {
      for (const u of [
        `/api/v1/leads/${lead.id}/attachments/${otherAttachment}`,
        `/api/v1/cases/${caseId}/attachments/${otherAttachment}`,
        `/api/v1/cases/${caseId}/attachments/2147483647`,
      ]) {
        expect((await sfj.get(u)).statusCode, u).toBe(404);
      }
      expect(await audits('attachment.download', String(otherAttachment))).toHaveLength(0);
    });

    it('a download whose audit entry cannot be written sends nothing', async () => {
      const db = t.database.db;
      await sql`create or replace function wenze_test_fail_download() returns trigger language plpgsql as $$
        begin
          if new.action = 'attachment.download' then raise exception 'audit append failed'; end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger wenze_test_fail_download before insert on audit_log
        for each row execute function wenze_test_fail_download()`.execute(db);
      try {
        const before = (await audits('attachment.download')).length;
        const res = await sfj.get(`/api/v1/cases/${caseId}/attachments/${photo}`);
        expect(res.statusCode).toBe(500);
        expect(res.rawPayload.includes(PNG)).toBe(false);
        expect(await audits('attachment.download')).toHaveLength(before);
      } finally {
        await sql`drop trigger wenze_test_fail_download on audit_log`.execute(db);
        await sql`drop function wenze_test_fail_download()`.execute(db);
      }
    });

    it('a file kept before the check (text) is listed as other and downloaded as plain bytes', async () => {
      const c = await t.database.db
        .selectFrom('leads')
        .select('complaintId')
        .where('id', '=', lead.id)
        .executeTakeFirstOrThrow();
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      const row = await t.database.db
        .insertInto('complaintAttachments')
        .values({
          complaintId: c.complaintId!,
          regionCode: '529900',
          filename: "old (1)'s.html",
          mime: 'text/html',
          size: html.length,
          sha256: 'x'.repeat(64),
          content: html,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const listed = (await sfj.get(`/api/v1/cases/${caseId}/attachments`)).json().items;
      expect(listed.find((a: { id: number }) => a.id === row.id)).toMatchObject({ kind: 'other' });
      const res = await sfj.get(`/api/v1/cases/${caseId}/attachments/${row.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      const disposition = String(res.headers['content-disposition']);
      // RFC 5987: the encoded name holds attr-chars and escapes only (no quote, no parenthesis).
      expect(disposition).toBe(
        `attachment; filename="old (1)'s.html"; filename*=UTF-8''old%20%281%29%27s.html`,
      );
    });

    it('a lead and a case that come from no complaint list no attachments', async () => {
      const created = await sfj.post('/api/v1/leads', {
        source: 'media',
        agencyId: '529900-SCJ',
        subject: '媒体报道的重复罚款',
        narrative: '某报报道市场监管局重复罚款。',
      });
      expect(created.statusCode, created.body).toBe(201);
      const manual = created.json();
      const empty = await sfj.get(`/api/v1/leads/${manual.id}/attachments`);
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json().items).toEqual([]);
      const opened = await sfj.post(`/api/v1/leads/${manual.id}/open`, { version: manual.version });
      expect(opened.statusCode, opened.body).toBe(201);
      const res = await sfj.get(`/api/v1/cases/${opened.json().caseId}/attachments`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toEqual([]);
      expect((await sfj.get(`/api/v1/cases/${opened.json().caseId}/attachments/${photo}`)).statusCode).toBe(
        404,
      );
    });
  });
});

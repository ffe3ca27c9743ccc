// The complaint's receipt code is accepted as the complainant reads or types it: in groups with
// hyphens or spaces, in lower case, with O for 0 and I or L for 1 — for tracking and attaching.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReceipt } from '../../src/core/complaints/receipt.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('receipt codes as typed on %s', (driver) => {
  let t: TestApp;
  let receipt: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        subject: '执法人员未出示证件',
        narrative: '检查时执法人员没有出示执法证件，也没有说明来意。',
        anonymous: true,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    receipt = r.json().receipt;
  });
  afterAll(async () => t?.close());

  /** The code as a person might type it: look-alike letters for 0 and 1, lower case. */
  const misread = (code: string) => code.replace(/0/g, 'O').replace(/1/g, 'l').toLowerCase();

  it('tracks with the code as displayed, typed in lower case or with look-alike letters', async () => {
    for (const typed of [
      receipt,
      formatReceipt(receipt),
      ` ${formatReceipt(receipt).replace(/-/g, ' ')} `,
      misread(receipt),
    ]) {
      const r = await t.app.inject({ url: `/api/v1/public/complaints/${encodeURIComponent(typed)}` });
      expect(r.statusCode, `${typed}: ${r.body}`).toBe(200);
      expect(r.json().receipt).toBe(receipt);
    }
  });

  it('attaches with the code as displayed', async () => {
    const boundary = '----wenze';
    const payload = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="收据.pdf"',
      'Content-Type: application/pdf',
      '',
      '%PDF-1.4\n%%EOF',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/complaints/${encodeURIComponent(formatReceipt(receipt).toLowerCase())}/attachments`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(r.statusCode, r.body).toBe(201);
  });

  it('answers 404 for a code that is not one, whatever its form', async () => {
    const other = receipt.endsWith('Z') ? `${receipt.slice(0, 15)}Y` : `${receipt.slice(0, 15)}Z`;
    for (const typed of [other, `${receipt}U`, 'not-a-receipt']) {
      const r = await t.app.inject({ url: `/api/v1/public/complaints/${encodeURIComponent(typed)}` });
      expect(r.statusCode, typed).toBe(404);
    }
  });
});

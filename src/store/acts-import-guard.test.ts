// What an import may not do: name an agency that is not in the register, key an act on an id
// outside the pattern, or replace an act that the table holds for an agency the importer may not
// touch (judged on the stored row: nothing written). And its audit entry commits with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { generateActs } from '../core/acts/generate.js';
import { ACT_ID_MAX } from '../core/acts/ids.js';
import { ValidationError } from '../core/validation.js';
import { actsFile, XLSX_LIMITS } from './acts-formats.js';
import { ActImportDenied, ActImportError, importActs } from './acts-import.js';
import { loadDemo } from './demo.js';

const AS_OF = '2025-12-31';

describe.each(drivers)('import guards on %s', (driver) => {
  let t: TestDatabase;
  const { acts } = generateActs({ count: 50, seed: 9, faultRate: 0, asOf: AS_OF });
  const scj = acts.filter((a) => a.agency === '529900-SCJ');
  const zhj = acts.find((a) => a.agency === '529900-ZHJ')!;
  const lines = (xs: unknown[]) => ({
    lines: (async function* () {
      yield { buf: Buffer.from(`${xs.map((x) => JSON.stringify(x)).join('\n')}\n`), valid: true };
    })(),
  });
  const batches = (xs: unknown[]) => ({ batches: [xs.map((value, i) => ({ line: i + 1, value }))] });
  const bodyOf = async (id: string) =>
    (await t.db.selectFrom('acts').select(['agencyId', 'body']).where('id', '=', id).executeTakeFirst()) ??
    null;
  const imports = async () =>
    (await t.db.selectFrom('auditLog').select('id').where('action', '=', 'acts.import').execute()).length;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await loadDemo(t, AS_OF);
    await importActs(t, batches([zhj, ...scj]), { asOf: AS_OF, detect: false });
  });
  afterAll(async () => t?.drop());

  it.each([
    ['the fast lane', lines],
    ['the full path', batches],
  ])('refuses an unregistered agency and ids outside the pattern (%s)', async (lane, input) => {
    const base = { ...scj[0] };
    const bad = [
      { ...base, id: 'G-1', agency: '529900-NOPE' },
      { ...base, id: 'a b' },
      { ...base, id: '../../etc' },
      { ...base, id: 'x'.repeat(ACT_ID_MAX + 1) },
      { ...base, id: `甲${'乙'.repeat(ACT_ID_MAX)}` },
      { ...base, id: 'G-6' },
    ];
    try {
      await importActs(t, input(bad), { asOf: AS_OF, detect: false });
      throw new Error('expected the import to fail');
    } catch (e) {
      expect(e).toBeInstanceOf(ActImportError);
      const fields = (e as ActImportError).fields;
      expect(fields.map((f) => f.path)).toEqual([
        'line 1: agency',
        'line 2: id',
        'line 3: id',
        'line 4: id',
        'line 5: id',
      ]);
      expect(fields[0].message).toContain('未登记');
    }
    expect(await bodyOf('G-6')).toBeNull();
    // Case numbers as offices write them are ids.
    const ok = await importActs(
      t,
      input([{ ...base, id: `黔市监罚〔2025〕${lane === 'the fast lane' ? 1 : 2}号` }]),
      { asOf: AS_OF, detect: false },
    );
    expect(ok.inserted).toBe(1);
  });

  it('refuses to replace an act the table holds for another agency, judged on the stored row', async () => {
    const before = await bodyOf(zhj.id);
    expect(before?.agencyId).toBe('529900-ZHJ');
    const asked: string[] = [];
    const guard = {
      // The legal office of 529900-SCJ: the act it sends names its own agency…
      authorize: (act: { agency: string }) =>
        act.agency === '529900-SCJ' ? null : '只能导入本机关的执法行为',
      // …but the id is taken by another agency's act.
      authorizeStored: (agency: string, region: string) => {
        asked.push(`${agency}/${region}`);
        return agency === '529900-SCJ' ? null : '只能导入本机关的执法行为';
      },
      audit: () => ({
        regionCode: '529900',
        actorId: null,
        actorName: 'test',
        action: 'acts.import',
        objectType: 'acts',
        objectId: 'test',
      }),
    };
    const audited = await imports();
    const takeover = { ...scj[0], id: zhj.id, agency: '529900-SCJ', matter: '篡改' };
    const fresh = { ...scj[0], id: 'NEW-1' };
    const changedOwn = { ...scj[1], matter: '本机关更正' };
    for (const input of [batches([fresh, changedOwn, takeover]), lines([fresh, changedOwn, takeover])]) {
      try {
        await importActs(t, input, { asOf: AS_OF, detect: false, ...guard });
        throw new Error('expected the import to be refused');
      } catch (e) {
        expect(e).toBeInstanceOf(ActImportDenied);
        expect((e as ActImportDenied).fields).toEqual([
          { path: 'line 3: id', message: expect.stringContaining('529900-ZHJ') },
        ]);
      }
    }
    // Nothing written: the other agency's act, the new act, the own change, the audit log.
    expect(await bodyOf(zhj.id)).toEqual(before);
    expect(await bodyOf('NEW-1')).toBeNull();
    expect((await bodyOf(scj[1].id))?.body).not.toMatchObject({ matter: '本机关更正' });
    expect(await imports()).toBe(audited);
    // One answer per stored agency and region, not one per act.
    expect(new Set(asked).size).toBe(asked.length / 2);
    // Its own acts it may replace; the audit entry commits with the import.
    const own = await importActs(t, batches([fresh, changedOwn]), { asOf: AS_OF, detect: false, ...guard });
    expect(own).toMatchObject({ inserted: 1, updated: 1 });
    expect(await imports()).toBe(audited + 1);
  });
});

describe('spreadsheets of acts within limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenze-xlsx-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops at a row wider than the limit, naming its line, before importing anything', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('acts');
    ws.addRow(['id', 'agency', 'kind']);
    ws.addRow(['W-1', '529900-SCJ', 'other']);
    ws.getRow(3).getCell(XLSX_LIMITS.columns + 1).value = 'x';
    const path = join(dir, 'wide.xlsx');
    await wb.xlsx.writeFile(path);
    const source = await actsFile(path);
    let error: unknown;
    try {
      for await (const _ of source.batches ?? []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      { path: 'line 3', message: expect.stringContaining('列') },
    ]);
  });
});

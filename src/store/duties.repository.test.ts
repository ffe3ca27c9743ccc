// Duty lists in the database: the demo's lists as loaded, the import all or nothing (a bad row, an
// unknown agency, a denied agency: nothing written), agencies by full name, supersession and
// versions, the difference between versions, and both sides of each worklist rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { GAP_REASONS } from '../core/duties/check.js';
import { demoDutyItems } from '../core/duties/demo.js';
import { dutyItem } from '../core/duties/fixtures.js';
import { type DutyItem, dutyItemsCsv } from '../core/duties/item.js';
import { ValidationError } from '../core/validation.js';
import {
  commonRegion,
  DutyImportDenied,
  diffDutyVersions,
  dutyFileItems,
  dutyItemsInForce,
  dutyWorklist,
  importDuties,
  listDutyItems,
  listDutyVersions,
} from './duties.repository.js';

const CITY = { kind: 'region', prefix: '5299' } as const;
const opts = (fileName = 'test.csv') => ({
  fileName,
  sha256: '0'.repeat(64),
  importedBy: { id: null, name: 'test' },
});
const codeOf = (name: string) => demoDutyItems().find((i) => i.name === name)!.code;

async function counts(db: TestDatabase) {
  const items = await db.db
    .selectFrom('dutyItems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const imports = await db.db
    .selectFrom('dutyImports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const ended = await db.db
    .selectFrom('dutyItems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('validTo', 'is not', null)
    .executeTakeFirstOrThrow();
  return { items: Number(items.n), imports: Number(imports.n), ended: Number(ended.n) };
}

async function failure(
  p: Promise<unknown>,
): Promise<Error & { fields: { path: string; message: string }[] }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { fields: { path: string; message: string }[] };
  }
  throw new Error('expected a failure');
}

describe('commonRegion', () => {
  it('is the division covering every code', () => {
    expect(commonRegion(['529921'])).toBe('529921');
    expect(commonRegion(['529921', '529922'])).toBe('529900');
    expect(commonRegion(['529900', '529921'])).toBe('529900');
    expect(commonRegion(['520000', '529921'])).toBe('520000');
    expect(commonRegion(['529921', '110101'])).toBe('000000');
  });
});

describe.each(drivers)('duty lists in the database on %s', (driver) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(driver, { demo: true });
  });
  afterAll(async () => db?.drop());

  it('the demo loads every agency’s list, in two imports, with versions', async () => {
    const held = demoDutyItems();
    const c = await counts(db);
    expect(c.imports).toBe(2);
    // Every item of the demo's imports is stored (the superseded ones ended, not deleted).
    expect(c.items).toBe(held.length);
    const zjj = await listDutyVersions(db.db, '529900-ZJJ', '2026-01-01');
    expect(zjj.map((v) => [v.version, v.from, v.until])).toEqual([
      [2, '2025-01-01', null],
      [1, '2021-01-01', '2025-01-01'],
    ]);
    expect(zjj[0].inForce).toBe(zjj[0].items);
    expect(zjj[1].inForce).toBe(0);
    const inForce = await dutyItemsInForce(db.db, { kind: 'all' }, '2026-01-01');
    const expected = held.filter((i) => i.effectiveUntil === null);
    expect(inForce).toHaveLength(expected.length);
  });

  it('lists the items in force on a day, searchable and paginated, with the agency’s name', async () => {
    const page = await listDutyItems(
      db.db,
      CITY,
      { on: '2026-01-01', agencyId: '529900-ZHJ', q: '违法建设' },
      { page: 1, pageSize: 10 },
    );
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items[0]).toMatchObject({ agency: '529900-ZHJ', agencyName: 'A市综合行政执法局' });
    expect(page.items.every((i) => i.name.includes('违法建设'))).toBe(true);
    const all = await listDutyItems(db.db, CITY, { on: '2026-01-01' }, { page: 2, pageSize: 5 });
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(100);
    // Another jurisdiction sees none of the city's.
    const none = await listDutyItems(
      db.db,
      { kind: 'agency', agencyId: '529922-SCJ' },
      { on: '2026-01-01', agencyId: '529900-ZHJ' },
      { page: 1, pageSize: 10 },
    );
    expect(none.total).toBe(0);
  });

  it('the worklist has the overlaps, the gap and the incomplete items of the demo', async () => {
    const w = await dutyWorklist(db.db, CITY, '2026-01-01');
    const illegal = w.overlaps.find((o) => o.name === '违法建设查处' && o.region === '529900');
    expect(illegal?.agencies).toEqual([
      { id: '529900-ZHJ', name: 'A市综合行政执法局' },
      { id: '529900-ZJJ', name: 'A市住房和城乡建设局' },
    ]);
    expect(w.overlaps.some((o) => o.name === '占道经营查处' && o.region === '529921')).toBe(true);
    const gap = w.gaps.find((g) => g.name === '餐厨废弃物收运监督检查');
    expect(gap?.reason).toBe(GAP_REASONS.assistOnly);
    expect(gap?.agencies.map((a) => [a.id, a.role])).toEqual([
      ['529900-SCJ', 'assist'],
      ['529900-STJ', 'assist'],
    ]);
    expect(w.incomplete.length).toBeGreaterThan(0);
    for (const i of w.incomplete) expect(i.missing.length).toBeGreaterThan(0);
    // An agency's view: what concerns it only.
    const mine = await dutyWorklist(db.db, { kind: 'region', prefix: '529900' }, '2026-01-01', '529900-ZJJ');
    expect(mine.overlaps.map((o) => o.name)).toEqual(['违法建设查处']);
    expect(mine.gaps).toEqual([]);
    expect(mine.incomplete.every((i) => i.agencyId === '529900-ZJJ')).toBe(true);
  });

  it('a bad row, an unknown agency or a denied agency writes nothing, naming the row and column', async () => {
    const before = await counts(db);
    const csv = dutyItemsCsv([
      dutyItem({ agency: '529900-ZHJ', effectiveFrom: '2027-01-01' }),
      dutyItem({ agency: '529900-ZHJ', code: 'X-1', effectiveFrom: '2027-01-01' }),
    ]).replace(',主办,', ',负责,');
    const bad = await failure(dutyFileItems('bad.csv', Buffer.from(csv)));
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fields).toContainEqual({ path: '第 2 行 主办或协办', message: '“负责”应为 主办 或 协办' });

    const unknown = await failure(
      importDuties(
        db.db,
        [
          dutyItem({ agency: '529900-ZHJ', effectiveFrom: '2027-01-01' }),
          dutyItem({ row: 3, agency: 'A市不存在局', region: null, effectiveFrom: '2027-01-01' }),
        ],
        opts(),
      ),
    );
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(unknown.fields).toEqual([
      { path: '第 3 行 实施主体', message: expect.stringContaining('登记册中没有“A市不存在局”') },
    ]);
    const denied = await failure(
      importDuties(db.db, [dutyItem({ agency: '529900-ZHJ' }), dutyItem({ row: 3, agency: '529922-SCJ' })], {
        ...opts(),
        authorize: (a) => (a.regionCode === '529922' ? '不在您的辖区' : null),
      }),
    );
    expect(denied).toBeInstanceOf(DutyImportDenied);
    expect(denied.fields).toEqual([{ path: '第 3 行 实施主体', message: '不在您的辖区' }]);
    expect(await counts(db)).toEqual(before);
  });

  it('a dry run reports and writes nothing; the import supersedes from its 生效日期, as a new version', async () => {
    const before = await counts(db);
    const list: DutyItem[] = [
      // By the register's full name.
      dutyItem({ agency: 'A市综合行政执法局', region: null, effectiveFrom: '2027-01-01' }),
      dutyItem({
        row: 3,
        agency: 'A市综合行政执法局',
        region: null,
        code: 'ZZ-0001',
        name: '新增职权',
        basis: null,
        effectiveFrom: '2027-01-01',
      }),
    ];
    const dry = await importDuties(db.db, list, { ...opts(), dryRun: true });
    expect(dry).toMatchObject({ importId: null, dryRun: true });
    expect(dry.agencies).toEqual([
      expect.objectContaining({ agencyId: '529900-ZHJ', version: 2, from: '2027-01-01', items: 2 }),
    ]);
    expect(dry.report.items).toBe(2);
    expect(dry.report.incomplete).toEqual([
      { row: 3, code: 'ZZ-0001', agency: '529900-ZHJ', missing: ['设定依据'] },
    ]);
    expect(await counts(db)).toEqual(before);

    const held = (await listDutyVersions(db.db, '529900-ZHJ', '2026-06-01'))[0].items;
    const done = await importDuties(db.db, list, {
      ...opts('zhj-2027.csv'),
      audit: (r) => ({
        regionCode: '529900',
        actorId: null,
        actorName: 'test',
        action: 'duties.import',
        objectType: 'duty_import',
        objectId: String(r.importId),
      }),
    });
    expect(done.importId).toBeGreaterThan(0);
    expect(done.report).toEqual(dry.report);
    expect(done.agencies[0].superseded).toBe(held);
    const after = await counts(db);
    expect(after.items).toBe(before.items + 2);
    expect(after.imports).toBe(before.imports + 1);
    // The old list holds until the day before; the new one from its 生效日期.
    const old = await listDutyItems(
      db.db,
      CITY,
      { on: '2026-12-31', agencyId: '529900-ZHJ' },
      { page: 1, pageSize: 500 },
    );
    expect(old.total).toBe(held);
    const now = await listDutyItems(
      db.db,
      CITY,
      { on: '2027-01-01', agencyId: '529900-ZHJ' },
      { page: 1, pageSize: 500 },
    );
    expect(now.items.map((i) => [i.code, i.version])).toEqual([
      ['CF-0014', 2],
      ['ZZ-0001', 2],
    ]);
    const audit = await db.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'duties.import')
      .where('objectId', '=', String(done.importId))
      .execute();
    expect(audit).toHaveLength(1);

    // Imported again from the same day (a correction): version 2 never comes into force.
    const again = await importDuties(db.db, [list[0]], opts('zhj-2027-fix.csv'));
    expect(again.agencies[0]).toMatchObject({ version: 3, superseded: 2 });
    const versions = await listDutyVersions(db.db, '529900-ZHJ', '2027-01-01');
    expect(versions.map((v) => [v.version, v.items, v.inForce, v.from, v.until])).toEqual([
      [3, 1, 1, '2027-01-01', null],
      [2, 2, 0, '2027-01-01', '2027-01-01'],
      [1, held, 0, '2021-01-01', '2027-01-01'],
    ]);

    // The differences between the versions, by code.
    const d = await diffDutyVersions(db.db, '529900-ZHJ', 2, 3);
    expect(d?.removed.map((i) => i.code)).toEqual(['ZZ-0001']);
    expect(d?.added).toEqual([]);
    expect(d?.unchanged).toBe(1);
    const d1 = await diffDutyVersions(db.db, '529900-ZHJ', 1, 2);
    expect(d1?.added.map((i) => i.code)).toEqual(['ZZ-0001']);
    expect(d1?.removed.length).toBe(held - 1);
    expect(await diffDutyVersions(db.db, '529900-ZHJ', 1, 9)).toBeNull();
  });

  it('the worklist’s rules, both sides: an overlap resolved by 协办, a 协办-only gap closed by a lead', async () => {
    const illegal = codeOf('违法建设查处');
    const kitchen = codeOf('餐厨废弃物收运监督检查');
    const on = '2028-01-01';
    const before = await dutyWorklist(db.db, CITY, on);
    expect(before.overlaps.some((o) => o.code === illegal && o.region === '529900')).toBe(true);
    expect(before.gaps.some((g) => g.code === kitchen)).toBe(true);
    // 市住建局 assists in 违法建设查处 from 2028; 市生态环境局 leads the kitchen-waste inspection.
    const zjj = (await dutyItemsInForce(db.db, { kind: 'agency', agencyId: '529900-ZJJ' }, '2027-12-31')).map(
      (i) => ({ ...i, effectiveFrom: on, role: i.code === illegal ? ('assist' as const) : i.role }),
    );
    const stj = (await dutyItemsInForce(db.db, { kind: 'agency', agencyId: '529900-STJ' }, '2027-12-31')).map(
      (i) => ({ ...i, effectiveFrom: on, role: i.code === kitchen ? ('lead' as const) : i.role }),
    );
    const r = await importDuties(db.db, [...zjj, ...stj], opts('zjj-stj-2028.csv'));
    expect(r.agencies.map((a) => [a.agencyId, a.version])).toEqual([
      ['529900-ZJJ', 3],
      ['529900-STJ', 2],
    ]);
    const after = await dutyWorklist(db.db, CITY, on);
    expect(after.overlaps.some((o) => o.code === illegal && o.region === '529900')).toBe(false);
    expect(after.gaps.some((g) => g.code === kitchen)).toBe(false);
    // The day before, the earlier split stands.
    const dayBefore = await dutyWorklist(db.db, CITY, '2027-12-31');
    expect(dayBefore.overlaps.some((o) => o.code === illegal && o.region === '529900')).toBe(true);
    expect(dayBefore.gaps.some((g) => g.code === kitchen)).toBe(true);
  });
});

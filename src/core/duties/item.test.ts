// Parsing a row of a duty list: every problem names its row and its column by the Chinese name;
// a good row is an item the schema accepts and that writes back to the same cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates.js';
import { ValidationError } from '../validation.js';
import {
  DUTY_COLUMN_NAMES,
  DUTY_COLUMNS,
  DUTY_EXAMPLE_ROW,
  DUTY_ROLES,
  DUTY_STAGE_LABELS,
  DUTY_STAGES,
  POWER_TYPE_LABELS,
  POWER_TYPES,
} from './columns.js';
import { dutyItem } from './fixtures.js';
import {
  checkDutyHeaders,
  dutyItemCells,
  dutyItemSchema,
  dutyRowsError,
  dutyStage,
  isIsoDay,
  parseAgency,
  parseDutyRow,
  parseDutyRows,
  splitList,
} from './item.js';

const row = (cells: Record<string, string>, n = 5) => ({ row: n, cells: { ...DUTY_EXAMPLE_ROW, ...cells } });
const errorsOf = (cells: Record<string, string>) => {
  const r = parseDutyRow(row(cells));
  return 'errors' in r ? r.errors : [];
};

describe('parseDutyRow', () => {
  it('the template’s example row is an item', () => {
    const r = parseDutyRow(row({}));
    expect(r).toEqual({
      item: {
        row: 5,
        code: 'CF-0014',
        name: '违法建设查处',
        type: 'penalty',
        agency: '529900-ZHJ',
        region: '529900',
        unit: '执法一大队',
        role: 'lead',
        basis: '《中华人民共和国城乡规划法》第六十四条',
        duties: [
          '立案责任：对发现的违法建设线索审查，决定是否立案',
          '调查取证责任：两名以上执法人员调查取证',
          '送达责任：依法送达处罚决定书',
        ],
        accountability: ['penalty.03', 'penalty.12', '不履行法定职责的'],
        timeLimit: '90日',
        effectiveFrom: '2024-01-01',
        effectiveUntil: null,
      },
    });
    if ('item' in r) expect(dutyItemSchema.safeParse(r.item).success).toBe(true);
  });

  it('takes labels, codes and aliases of the vocabularies, full-width and half-width separators', () => {
    const r = parseDutyRow(
      row({
        职权类型: ' inspection ',
        主办或协办: '配合',
        责任事项: '检查责任；告知责任;  ;执行',
        追责情形: '',
      }),
    );
    expect('item' in r && r.item).toMatchObject({
      type: 'inspection',
      role: 'assist',
      duties: ['检查责任', '告知责任', '执行'],
      accountability: [],
    });
    for (const t of POWER_TYPES) {
      expect(parseDutyRow(row({ 职权类型: POWER_TYPE_LABELS[t] }))).toMatchObject({ item: { type: t } });
    }
    expect(parseDutyRow(row({ 职权类型: '行政征用' }))).toMatchObject({ item: { type: 'levy' } });
  });

  it('an agency by its full name has no region; by code, the six digits that begin it', () => {
    expect(parseDutyRow(row({ 实施主体: 'A市综合行政执法局' }))).toMatchObject({
      item: { agency: 'A市综合行政执法局', region: null },
    });
    expect(parseDutyRow(row({ 实施主体: '529921-ZZD' }))).toMatchObject({ item: { region: '529921' } });
    expect(parseAgency('52992100000000112345678')).toEqual({
      agency: '52992100000000112345678',
      region: '529921',
    });
    expect(parseAgency('SCJ-529900')).toHaveProperty('error');
  });

  it('names the row and the Chinese column of each problem, all of them', () => {
    const errors = errorsOf({
      职权编码: '',
      职权类型: '行政惩罚',
      实施主体: 'SCJ',
      主办或协办: '负责',
      生效日期: '2024-02-30',
      失效日期: '2024/12/31',
    });
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [5, '职权编码'],
      [5, '职权类型'],
      [5, '主办或协办'],
      [5, '实施主体'],
      [5, '生效日期'],
      [5, '失效日期'],
    ]);
    expect(errors[0].message).toBe('必填');
    expect(errors[1].message).toContain('行政处罚');
  });

  it('every required column is required; the others may be empty', () => {
    for (const c of DUTY_COLUMNS) {
      const errors = errorsOf({ [c.name]: '' });
      if (c.required) expect(errors).toEqual([{ row: 5, column: c.name, message: '必填' }]);
      else expect(errors).toEqual([]);
    }
  });

  it('refuses an end not after the start, an unknown catalogue code, a bad code, unsafe or too long text', () => {
    expect(errorsOf({ 生效日期: '2024-01-01', 失效日期: '2024-01-01' })).toEqual([
      { row: 5, column: '失效日期', message: '失效日期须晚于生效日期' },
    ]);
    expect(errorsOf({ 追责情形: 'penalty.99；其他' })[0]).toMatchObject({ column: '追责情形' });
    expect(errorsOf({ 职权编码: 'CF 0014' })[0]).toMatchObject({ column: '职权编码' });
    expect(errorsOf({ 职权名称: 'a\u0000b' })[0]).toMatchObject({ column: '职权名称' });
    expect(errorsOf({ 职权名称: '名'.repeat(201) })[0]).toMatchObject({ column: '职权名称' });
  });

  it('parseDutyRows returns the good rows and every bad row’s problems', () => {
    const { items, errors } = parseDutyRows([row({}, 2), row({ 职权类型: '?' }, 3), row({}, 4)]);
    expect(items.map((i) => i.row)).toEqual([2, 4]);
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: '职权类型' })]);
    const e = dutyRowsError(errors);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.fields[0].path).toBe('第 3 行 职权类型');
  });

  it('a parsed row writes back to the cells it came from (property)', () => {
    const text = fc.stringMatching(/^[\u4e00-\u4e2fA-Za-z0-9（）《》]{1,12}$/);
    fc.assert(
      fc.property(
        fc.record({
          职权编码: fc.stringMatching(/^[A-Z]{2}-\d{4}$/),
          职权名称: text,
          职权类型: fc.constantFrom(...POWER_TYPES.map((t) => POWER_TYPE_LABELS[t])),
          实施主体: fc.oneof(fc.stringMatching(/^5299\d{2}-[A-Z]{3}$/), fc.constant('A市市场监督管理局')),
          承办机构: fc.oneof(fc.constant(''), text),
          主办或协办: fc.constantFrom('主办', '协办'),
          设定依据: fc.oneof(fc.constant(''), text),
          责任事项: fc.array(text, { maxLength: 4 }).map((xs) => xs.join('；')),
          追责情形: fc
            .array(fc.constantFrom('penalty.03', 'licensing.07', '其他情形'), { maxLength: 3 })
            .map((xs) => xs.join('；')),
          法定办结时限: fc.constantFrom('', '90日'),
          生效日期: fc.constantFrom('2021-01-01', '2024-02-29'),
          失效日期: fc.constantFrom('', '2026-01-01'),
        }),
        (cells) => {
          const r = parseDutyRow({ row: 9, cells });
          if (!('item' in r)) throw new Error(JSON.stringify(r.errors));
          expect(dutyItemSchema.safeParse(r.item).success).toBe(true);
          expect(dutyItemCells(r.item)).toEqual(cells);
        },
      ),
    );
  });
});

describe('isIsoDay', () => {
  it('agrees with isIsoDate on any YYYY-MM-DD-shaped text (property)', () => {
    const two = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), two, two, (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${m}-${d}`;
        expect(isIsoDay(s)).toBe(isIsoDate(s));
      }),
    );
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2100-02-29')).toBe(false);
    expect(isIsoDay('2024-1-01')).toBe(false);
  });
});

describe('dutyItemSchema', () => {
  it('accepts the fixture and refuses an inconsistent region or period', () => {
    expect(dutyItemSchema.safeParse(dutyItem()).success).toBe(true);
    expect(dutyItemSchema.safeParse(dutyItem({ region: '529921' })).success).toBe(false);
    expect(dutyItemSchema.safeParse(dutyItem({ effectiveUntil: '2023-01-01' })).success).toBe(false);
    expect(dutyItemSchema.safeParse(dutyItem({ accountability: ['penalty.99'] })).success).toBe(false);
    expect(dutyItemSchema.safeParse(dutyItem({ role: 'main' as never })).success).toBe(false);
    expect(dutyItemSchema.safeParse(dutyItem({ agency: 'A市综合行政执法局', region: null })).success).toBe(
      true,
    );
  });
});

describe('headers, stages, lists', () => {
  it('a header row must hold every column once and no other', () => {
    expect(checkDutyHeaders(DUTY_COLUMN_NAMES)).toEqual([]);
    expect(checkDutyHeaders([...DUTY_COLUMN_NAMES].reverse())).toEqual([]);
    const errors = checkDutyHeaders([
      ...DUTY_COLUMN_NAMES.filter((c) => c !== '追责情形'),
      '备注',
      '职权编码',
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('未知的列“备注”'),
      '列“职权编码”重复',
      '缺少列“追责情形”',
    ]);
    expect(errors.every((e) => e.row === 1)).toBe(true);
  });

  it('a responsibility item’s stage is read from its beginning', () => {
    for (const s of DUTY_STAGES) expect(dutyStage(`${DUTY_STAGE_LABELS[s]}责任：…`)).toBe(s);
    expect(dutyStage('受理责任：一次性告知')).toBe('filing');
    expect(dutyStage('审查责任')).toBe('review');
    expect(dutyStage('事后监管责任')).toBeNull();
    expect(splitList(' a；b;;c ')).toEqual(['a', 'b', 'c']);
    expect(DUTY_ROLES).toEqual(['lead', 'assist']);
  });
});

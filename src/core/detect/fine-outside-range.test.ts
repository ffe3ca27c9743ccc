import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../calendar/day-number.js';
import { discretionStandard, parseDiscretionCsv } from './discretion.js';
import { fineOutsideRange } from './fine-outside-range.js';
import { act, cal, check } from './testing.js';

// The demo city's standard: PRICE-01 is 500–5,000 yuan.
const fined = (fine: number | null, violation = 'PRICE-01') => act('penalty', { fine, violation });

describe('fine-outside-range (行政处罚法第三十四条, penalty.03)', () => {
  it('both ends of the standard are allowed', () => {
    expect(check(fineOutsideRange, fined(500))).toBeNull();
    expect(check(fineOutsideRange, fined(5000))).toBeNull();
    expect(check(fineOutsideRange, fined(499))).toEqual({
      act: 'A-2024-0000001',
      rule: 'fine-outside-range',
      fault: 'penalty.03',
      basis: '行政处罚法第三十四条',
      detail: '违法行为PRICE-01罚款499元，低于下限500元（裁量基准500至5000元，《A市行政处罚裁量基准》第1项）',
    });
    expect(check(fineOutsideRange, fined(5000.01))?.detail).toContain('高于上限5000元');
  });

  it('no finding without a fine, for a violation the standard does not list, or without a standard', () => {
    expect(check(fineOutsideRange, fined(0))).toBeNull();
    expect(check(fineOutsideRange, fined(null))).toBeNull();
    expect(check(fineOutsideRange, fined(1_000_000, 'PRICE-06'))).toBeNull();
    expect(check(fineOutsideRange, act('licensing', { fine: 1, violation: 'PRICE-01' }))).toBeNull();
    const none = { asOf: '2025-12-31', asOfDay: toDayNumber('2025-12-31'), calendar: cal };
    expect(fineOutsideRange.check(fined(1), none)).toBeNull();
  });

  it('reads a standard from CSV, naming the bad cell', () => {
    const rows = parseDiscretionCsv(
      '\ufeffviolation,min,max,basis\r\nX-1,100,1000,"《某局裁量基准》第3条，情节一般"\n\nX-2,0,50.5,基准\n',
    );
    expect(rows).toEqual([
      { violation: 'X-1', min: 100, max: 1000, basis: '《某局裁量基准》第3条，情节一般' },
      { violation: 'X-2', min: 0, max: 50.5, basis: '基准' },
    ]);
    const ctx = { asOf: '2025-12-31', asOfDay: 0, calendar: cal, discretion: discretionStandard(rows) };
    expect(fineOutsideRange.check(fined(1001, 'X-1'), ctx)?.detail).toContain('第3条，情节一般');
    expect(() => parseDiscretionCsv('violation,min,max\nX,1,2')).toThrow('首行');
    expect(() => parseDiscretionCsv('violation,min,max,basis\nX,a,2,b')).toThrow('第2行：min');
    expect(() => parseDiscretionCsv('violation,min,max,basis\nX,5,2,b')).toThrow('第2行：max');
    expect(() => parseDiscretionCsv('violation,min,max,basis\nX,1,2,b\nX,1,2,b')).toThrow('第3行：violation');
  });
});

import { describe, expect, it } from 'vitest';
import {
  citations,
  enumerate,
  paragraphsOf,
  sentence,
  zhDate,
  zhDateOrBlank,
  zhNumber,
  zhPunct,
} from './format.js';

describe('format', () => {
  it('writes dates the Chinese way, or leaves them blank', () => {
    expect(zhDate('2026-03-05')).toBe('2026年3月5日');
    expect(zhDate('2026-12-31T10:00:00Z')).toBe('2026年12月31日');
    expect(zhDate(null)).toBe('');
    expect(zhDate(undefined)).toBe('');
    expect(zhDate('三月')).toBe('三月');
    expect(zhDateOrBlank(null)).toBe('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
  });

  it('counts in Chinese numerals', () => {
    expect([1, 4, 10, 15, 20, 22, 99].map(zhNumber)).toEqual([
      '一',
      '四',
      '十',
      '十五',
      '二十',
      '二十二',
      '九十九',
    ]);
    expect(zhNumber(100)).toBe('100');
  });

  it('makes punctuation next to Chinese text full-width, and leaves the rest alone', () => {
    expect(zhPunct('第十五条第(四)项')).toBe('第十五条第（四）项');
    expect(zhPunct('经查,该局于2025年作出处罚;当事人称:"不知情"')).toBe(
      '经查，该局于2025年作出处罚；当事人称：“不知情”',
    );
    expect(zhPunct('是否重复罚款?是的!')).toBe('是否重复罚款？是的！');
    expect(zhPunct('已整改.')).toBe('已整改。');
    expect(zhPunct('penalty.04, 3.5 (x)')).toBe('penalty.04, 3.5 (x)');
    expect(zhPunct('罚款3.5万元,编号penalty.04')).toBe('罚款3.5万元，编号penalty.04');
    expect(zhPunct('现场照片(1).jpg')).toBe('现场照片（1）.jpg');
    expect(zhPunct(null)).toBe('');
  });

  it('cites articles after the Measures’ title', () => {
    expect(citations(['第十五条第（四）项', '第十九条'], '贵州省行政执法过错责任追究办法')).toBe(
      '《贵州省行政执法过错责任追究办法》第十五条第（四）项、第十九条',
    );
    expect(citations(['第十五条'], '《某办法》')).toBe('《某办法》第十五条');
    expect(citations(['第十五条'], null)).toBe('第十五条');
    expect(citations([], 'x')).toBe('');
  });

  it('joins, closes sentences and splits paragraphs', () => {
    expect(enumerate(['a', '', '诫勉谈话'])).toBe('a、诫勉谈话');
    expect(sentence('不予采纳')).toBe('不予采纳。');
    expect(sentence('不予采纳。')).toBe('不予采纳。');
    expect(sentence('')).toBe('');
    expect(paragraphsOf('一\r\n\n 二 \n')).toEqual(['一', '二']);
    expect(paragraphsOf(undefined)).toEqual([]);
  });
});

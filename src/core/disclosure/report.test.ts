import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualReportAvailable,
  fen,
  heavierCategory,
  LICENSING_STAGES,
  latestReportYear,
  licensingStagesIn,
  PENALTY_CATEGORIES,
  PENALTY_KEYWORDS,
  PENALTY_REPORT_ORDER,
  type PenaltyCategory,
  penaltyCategoriesOf,
  penaltyReportCategory,
  wanYuan,
} from './report.js';
import { countsByKey, FIGURE_KEYS, type FigureRow } from './statistics.js';

describe('the penalty categories of 行政处罚法第九条', () => {
  it.each([
    [{ category: '警告' }, 'warning'],
    [{ category: '通报批评' }, 'warning'],
    [{ category: '罚款', fine: 2000 }, 'fine'],
    [{ result: '罚款2000元' }, 'fine'],
    [{ fine: 500 }, 'fine'],
    [{ category: '警告；罚款', fine: 200 }, 'fine'],
    [{ result: '没收违法所得3000元，并处罚款5000元', fine: 5000 }, 'confiscation'],
    [{ category: '暂扣许可证件' }, 'suspension'],
    [{ category: '降低资质等级' }, 'suspension'],
    [{ category: '罚款、吊销许可证件', fine: 20000 }, 'revocation'],
    [{ result: '限制开展生产经营活动三个月' }, 'restriction'],
    [{ result: '责令停产停业，罚款10万元', fine: 100000 }, 'closure'],
    [{ category: '责令关闭' }, 'closure'],
    [{ category: '限制从业' }, 'closure'],
    [{ category: '行政拘留', result: '拘留五日，罚款500元', fine: 500 }, 'detention'],
    [{ category: '其他' }, 'other'],
    [{}, 'other'],
    [{ fine: 0 }, 'other'],
  ] as const)('%j → %s', (facts, expected) => {
    expect(penaltyReportCategory(facts)).toBe(expected);
  });

  it('lists every category in the report once, 其他 last', () => {
    expect(new Set(PENALTY_REPORT_ORDER)).toEqual(new Set(PENALTY_CATEGORIES));
    expect(PENALTY_REPORT_ORDER.at(-1)).toBe('other');
  });

  const named = PENALTY_CATEGORIES.filter((c): c is Exclude<PenaltyCategory, 'other'> => c !== 'other');
  /** A decision naming some categories, each by one of its words, in any order and either field. */
  const decision = fc.uniqueArray(fc.constantFrom(...named), { minLength: 0, maxLength: 5 }).chain((cats) =>
    fc.record({
      cats: fc.constant(cats),
      words: fc.tuple(...cats.map((c) => fc.constantFrom(...PENALTY_KEYWORDS[c]))),
      inResult: fc.array(fc.boolean(), { minLength: cats.length, maxLength: cats.length }),
      fine: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
    }),
  );

  it('counts a combined penalty once, under the heaviest category it names (property)', () => {
    fc.assert(
      fc.property(decision, ({ cats, words, inResult, fine }) => {
        const category = words.filter((_, i) => !inResult[i]).join('、');
        const result = words.filter((_, i) => inResult[i]).join('，');
        const facts = { category, result, fine };
        const expected = [...cats, ...(fine ? (['fine'] as const) : [])];
        const got = penaltyReportCategory(facts);
        // Exactly one category; the heaviest named; other only when none is named.
        if (expected.length === 0) return got === 'other';
        return got === expected.reduce<PenaltyCategory>((a, b) => heavierCategory(a, b), expected[0]!);
      }),
    );
  });

  it('does not depend on the order the categories are named in (property)', () => {
    fc.assert(
      fc.property(decision, ({ words, fine }) => {
        const a = penaltyReportCategory({ category: words.join('、'), fine });
        const b = penaltyReportCategory({ result: [...words].reverse().join('，'), fine });
        return (
          a === b && penaltyCategoriesOf({ category: words.join('、'), fine }).includes(a) !== (a === 'other')
        );
      }),
    );
  });
});

describe('amounts in 万元', () => {
  it.each([
    [0, '0.00'],
    [50, '0.01'],
    [49.99, '0.00'],
    [10_000, '1.00'],
    [12_345.67, '1.23'],
    [12_350, '1.24'],
    [1_000_000, '100.00'],
  ])('%d 元 → %s 万元', (yuan, text) => {
    expect(wanYuan(fen(yuan))).toBe(text);
  });

  it('rounds half up to the hundredth of a 万元, exactly, for any sum of fines (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_000 }), { maxLength: 50 }), (fens) => {
        const total = fens.reduce((a, b) => a + b, 0);
        const [whole, frac] = wanYuan(total).split('.');
        const hundredths = Number(whole) * 100 + Number(frac);
        // |total / 10000 − hundredths| ≤ 0.5, and exactly .5 rounds up.
        const diff = total - hundredths * 10_000;
        return diff >= -5000 && diff < 5000 && frac!.length === 2;
      }),
    );
  });

  it('sums fines in fen without floating error', () => {
    const fines = Array.from({ length: 1000 }, () => 0.1);
    expect(wanYuan(fines.reduce((s, y) => s + fen(y), 0))).toBe('0.01');
    expect(fen(-5)).toBe(0);
    expect(fen(null)).toBe(0);
  });
});

describe('licensing by stage', () => {
  const act = {
    applied: '2025-12-20',
    accepted: '2025-12-28',
    decided: '2026-01-15',
    decision: 'granted' as const,
  };
  it('counts each stage in the year it happened', () => {
    expect(licensingStagesIn(act, 2025)).toEqual(['applied', 'accepted']);
    expect(licensingStagesIn(act, 2026)).toEqual(['granted']);
    expect(licensingStagesIn({ ...act, decision: 'refused' }, 2026)).toEqual(['refused']);
    expect(licensingStagesIn({ ...act, decision: 'not_accepted' }, 2026)).toEqual([]);
    expect(licensingStagesIn({ ...act, review: 'revoked' }, 2026)).toEqual(['granted', 'revoked']);
    expect(licensingStagesIn({ decided: '2026-03-01' }, 2026)).toEqual(['granted']);
  });
  it('has a label for every stage', () => {
    expect(Object.keys(FIGURE_KEYS.licensing)).toEqual([...LICENSING_STAGES]);
  });
});

describe('the report is out from 31 January of the following year (国办发〔2018〕118号)', () => {
  it('answers by the day', () => {
    expect(annualReportAvailable(2025, '2026-01-30')).toBe(false);
    expect(annualReportAvailable(2025, '2026-01-31')).toBe(true);
    expect(latestReportYear('2026-01-30')).toBe(2024);
    expect(latestReportYear('2026-01-31')).toBe(2025);
    expect(latestReportYear('2026-11-25')).toBe(2025);
  });
});

describe('figures by key', () => {
  it('gives every key of the vocabulary, zero when not counted, summed over agencies and years', () => {
    const rows: FigureRow[] = [
      { measure: 'penalty', key: 'fine', year: 2025, agencyId: 'A', n: 3, amountFen: 300 },
      { measure: 'penalty', key: 'fine', year: 2025, agencyId: 'B', n: 2, amountFen: 200 },
      { measure: 'licensing', key: 'granted', year: 2025, agencyId: 'A', n: 9, amountFen: 0 },
    ];
    const by = countsByKey(rows, 'penalty');
    expect(by.map((r) => r.key)).toEqual(PENALTY_REPORT_ORDER);
    expect(by.find((r) => r.key === 'fine')).toMatchObject({ label: '罚款', n: 5, amountFen: 500 });
    expect(by.find((r) => r.key === 'warning')?.n).toBe(0);
  });
});

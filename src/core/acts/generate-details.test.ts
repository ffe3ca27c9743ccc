import { describe, expect, it } from 'vitest';
import { penaltyReportCategory } from '../disclosure/report.js';
import { generateActs } from './generate.js';

describe('the generator’s 双公示 details', () => {
  const { acts } = generateActs({ count: 3000, seed: 11, asOf: '2025-12-31' });
  const decisions = acts.filter((a) => a.dates.decided && (a.kind === 'penalty' || a.kind === 'licensing'));

  it('gives every licensing and penalty decision its party’s name, a unique document number', () => {
    expect(decisions.length).toBeGreaterThan(500);
    for (const a of decisions) {
      expect(a.documentNo).toMatch(/^.+[罚许]〔\d{4}〕\d+号$/);
      if (a.party) expect(a.party.name?.length ?? 0).toBeGreaterThanOrEqual(2);
      if (a.party?.type === 'org') expect(a.party.creditCode).toBe(a.party.id);
    }
    const numbers = decisions.map((a) => a.documentNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(decisions.some((a) => a.party?.type === 'person')).toBe(true);
  });

  it('gives penalties facts, a basis and a result whose category agrees with the fine', () => {
    const penalties = decisions.filter((a) => a.kind === 'penalty');
    for (const a of penalties) {
      expect(a.reason).toBeTruthy();
      expect(a.basis).toBeTruthy();
      const c = penaltyReportCategory(a);
      expect(c).not.toBe('other');
      if (a.fine) expect(['fine', 'confiscation', 'suspension', 'revocation', 'closure']).toContain(c);
    }
    // Combined penalties occur, so the annual report's heaviest-category rule is exercised.
    expect(new Set(penalties.map(penaltyReportCategory)).size).toBeGreaterThanOrEqual(5);
  });

  it('leaves the other acts and the ground truth as they were (a stream of its own)', () => {
    const again = generateActs({ count: 3000, seed: 11, asOf: '2025-12-31' });
    expect(again.acts).toEqual(acts);
    const others = acts.filter((a) => a.kind !== 'penalty' && a.kind !== 'licensing');
    for (const a of others) expect(a.documentNo).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { demoDutyImports } from '../core/duties/demo.js';
import { heldOn } from '../core/duties/posts.js';
import { demoAgencies, demoOfficers } from './city.js';
import { demoPosts } from './posts.js';

describe('the demo city’s posts', () => {
  const officers = demoOfficers('2026-06-01');
  const items = demoDutyImports().flatMap((i) => i.items);
  const posts = demoPosts(
    demoAgencies.map((a) => a.id),
    officers,
    items,
  );

  it('every agency has a post for every stage, held on every day since the lists by its own officers', () => {
    for (const a of demoAgencies) {
      const mine = posts.filter((p) => p.agencyId === a.id);
      expect(new Set(mine.flatMap((p) => p.stages)).size).toBe(7);
      for (const p of mine) {
        for (const day of ['2021-01-01', '2024-12-31', '2025-01-01', '2026-06-01']) {
          expect(
            p.holdings.some((h) => heldOn(h, day)),
            `${a.id} ${p.name} ${day}`,
          ).toBe(true);
        }
        for (const h of p.holdings) expect(officers.find((o) => o.id === h.officerId)?.agencyId).toBe(a.id);
      }
    }
  });

  it('the 审批决定岗 changes hands on 2025-01-01; the 专班 answers for 违法建设查处 only', () => {
    const decide = posts.find((p) => p.agencyId === '529900-SCJ' && p.name === '审批决定岗')!;
    const before = decide.holdings.filter((h) => heldOn(h, '2024-12-31')).map((h) => h.officerId);
    const after = decide.holdings.filter((h) => heldOn(h, '2025-01-01')).map((h) => h.officerId);
    expect(before).toHaveLength(1);
    expect(after).toHaveLength(1);
    expect(before).not.toEqual(after);
    const special = posts.find((p) => p.name === '违法建设查处专班')!;
    const item = items.find((i) => i.agency === '529900-ZHJ' && i.name === '违法建设查处')!;
    expect(special).toMatchObject({
      agencyId: '529900-ZHJ',
      codes: [item.code],
      stages: ['investigation', 'service'],
    });
  });
});

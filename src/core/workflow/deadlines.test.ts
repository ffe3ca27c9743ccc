import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byUrgency, type DeadlineStatus } from './deadlines.js';

const d = (status: DeadlineStatus, dueOn: string) => ({ status, dueOn });

describe('byUrgency', () => {
  it('puts overdue before near before the rest, each by due date, no deadline last', () => {
    const list = [
      null,
      d('ok', '2026-01-05'),
      d('near', '2026-01-09'),
      d('overdue', '2026-01-03'),
      d('near', '2026-01-07'),
      d('overdue', '2025-12-30'),
    ];
    expect([...list].sort(byUrgency)).toEqual([
      d('overdue', '2025-12-30'),
      d('overdue', '2026-01-03'),
      d('near', '2026-01-07'),
      d('near', '2026-01-09'),
      d('ok', '2026-01-05'),
      null,
    ]);
  });

  it('is a consistent order: antisymmetric and transitive over any deadlines', () => {
    const deadline = fc.option(
      fc.record({
        status: fc.constantFrom<DeadlineStatus>('ok', 'near', 'overdue', 'done'),
        dueOn: fc
          .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
          .map((x) => x.toISOString().slice(0, 10)),
      }),
    );
    fc.assert(
      fc.property(deadline, deadline, deadline, (a, b, c) => {
        expect(Math.sign(byUrgency(a, b))).toBe(-Math.sign(byUrgency(b, a)) || 0);
        if (byUrgency(a, b) <= 0 && byUrgency(b, c) <= 0) expect(byUrgency(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

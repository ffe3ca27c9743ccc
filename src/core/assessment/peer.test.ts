// Peer-normalised early warning: faults per 100 acts against the same agency's officers doing the same
// kind of act, as a percentile, with the reason in words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A_CITY_ASSESSMENT } from '../rulebook/packs/a-city-assessment.js';
import { type PeerRecord, peerWarnings } from './peer.js';

const PEER = A_CITY_ASSESSMENT.peer; // minActs 20, minPeers 5, attention 80, warning 95

const officers = (faults: number[], kind: PeerRecord['kind'] = 'penalty', agency = 'SCJ'): PeerRecord[] =>
  faults.map((f, i) => ({ officer: `O-${kind}-${i}`, agency, kind, acts: 100, faults: f }));

describe('peerWarnings', () => {
  it('the officer far above the peers is warned, with the reason in words', () => {
    const group = officers([0, 1, 1, 2, 1, 0, 1, 2, 1, 0, 1, 1, 0, 1, 1, 2, 1, 0, 1, 9]);
    const w = peerWarnings(group, PEER);
    const top = w.at(-1)!;
    expect(top).toMatchObject({ per100: 9, peers: 20, median: 1, percentile: 97.5, level: 'warning' });
    expect(top.reason).toBe(
      'O-penalty-19在SCJ的行政处罚中执法 100 件、过错 9 件，每百件 9 件；同单位同类执法人员 20 人，每百件中位数 1 件；' +
        '高于 95% 的同行（第 97.5 百分位），达到预警线（第 95 百分位），予以预警',
    );
    // 2 per 100: above the median, percentile (16 + 1.5) / 20 = 87.5 → attention.
    expect(w[3]).toMatchObject({ percentile: 87.5, level: 'attention' });
    expect(w[0]).toMatchObject({ level: 'none' });
    expect(w[0]!.reason).toContain('本年度无过错');
    expect(w[1]!.reason).toContain('不高于同行中位数');
  });

  it('compares only within the same agency and act kind', () => {
    const penalty = officers([0, 0, 0, 0, 0, 0]);
    const licensing = officers([...Array(19).fill(5), 6], 'licensing');
    const other = officers([9, 9, 9, 9, 9, 9], 'penalty', 'ZHJ');
    const w = peerWarnings([...penalty, ...licensing, ...other], PEER);
    expect(w.slice(0, 6).every((x) => x.peers === 6 && x.median === 0)).toBe(true);
    expect(w[25]).toMatchObject({ peers: 20, median: 5, percentile: 97.5, level: 'warning' });
    expect(w.slice(26).every((x) => x.level === 'none' && x.percentile === 50)).toBe(true);
  });

  it('too few acts or too few peers: no comparison, and says why', () => {
    const small = peerWarnings(
      [{ officer: 'O-1', name: '王五', agency: 'SCJ', kind: 'penalty', acts: 10, faults: 5 }],
      PEER,
    );
    expect(small[0]).toMatchObject({ level: 'insufficient', percentile: null, per100: 50 });
    expect(small[0]!.reason).toBe('王五在SCJ的行政处罚中执法 10 件，少于 20 件，不作同行比较');
    const few = peerWarnings(officers([0, 1, 9]), PEER);
    expect(few[2]!.reason).toContain('仅 3 人，少于 5 人');
  });

  it('percentiles lie in (0, 100]; a higher rate never has a lower percentile; no warning without a fault', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ acts: fc.integer({ min: 0, max: 300 }), faults: fc.integer({ min: 0, max: 20 }) }),
          {
            maxLength: 40,
          },
        ),
        (rows) => {
          const w = peerWarnings(
            rows.map((r, i) => ({ officer: `O-${i}`, agency: 'A', kind: 'penalty', ...r })),
            PEER,
          );
          const compared = w.filter((x) => x.percentile !== null);
          for (const x of compared) {
            expect(x.percentile!).toBeGreaterThan(0);
            expect(x.percentile!).toBeLessThanOrEqual(100);
            for (const y of compared)
              if (x.per100! > y.per100!) expect(x.percentile!).toBeGreaterThan(y.percentile!);
          }
          for (const x of w) {
            if (x.faults === 0) expect(['none', 'insufficient']).toContain(x.level);
            expect(x.reason.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

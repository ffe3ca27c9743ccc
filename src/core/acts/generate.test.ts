import { describe, expect, it } from 'vitest';
import { demoOfficers } from '../../demo/city.js';
import { defaultCalendar } from '../calendar/calendar.js';
import { discretionStandard } from '../detect/discretion.js';
import { RULE_NAMES } from '../detect/rule.js';
import { scanActs } from '../detect/scan.js';
import { demoDuties } from '../detect/testing.js';
import { DEFAULT_DISCRETION } from '../rulebook/packs/discretion.js';
import { generateActChunks, generateActs } from './generate.js';
import { usccCheck } from './generate-parts.js';
import { actSchema } from './schema.js';

const key = (f: { act: string; rule: string; fault: string | null }) => `${f.act} ${f.rule} ${f.fault}`;

function check(count: number, seed: number, faultRate: number, asOf = '2025-12-31') {
  const { acts, truth } = generateActs({ count, seed, faultRate, asOf });
  const found = scanActs(acts, {
    asOf,
    calendar: defaultCalendar(),
    discretion: discretionStandard(DEFAULT_DISCRETION),
    // The demo city's duty lists: the truth of outside-duty-list assumes them.
    duties: demoDuties(),
  });
  return { acts, truth, found };
}

describe('generateActs', () => {
  it('the scan finds exactly the injected faults (100% recall, no false findings)', () => {
    for (const [seed, rate] of [
      [1, 0.05],
      [2, 0.3],
      [3, 1],
    ]) {
      const { truth, found } = check(4000, seed, rate);
      expect(found.map(key).sort()).toEqual(truth.map(key).sort());
    }
  });

  it('injects every rule and at about the given rate', () => {
    const { acts, truth } = check(6000, 4, 0.2);
    // All but fine-outlier, which needs twenty fines of one agency and violation within a year.
    expect(new Set(truth.map((t) => t.rule))).toEqual(
      new Set(RULE_NAMES.filter((r) => r !== 'fine-outlier')),
    );
    expect(truth.length / acts.length).toBeGreaterThan(0.17);
    expect(truth.length / acts.length).toBeLessThan(0.23);
    expect(new Set(truth.map((t) => t.act)).size).toBe(truth.length);
  });

  it('gives the truth of fine-outlier once the data is dense enough', () => {
    const { truth, found } = check(60_000, 13, 0.3);
    expect(found.map(key).sort()).toEqual(truth.map(key).sort());
    expect(truth.filter((t) => t.rule === 'fine-outlier').length).toBeGreaterThan(20);
  });

  it('plants outside-duty-list on both sides; without the lists the scan finds the rest of the truth', () => {
    const { acts, truth, found } = check(6000, 7, 0.3);
    const planted = truth.filter((t) => t.rule === 'outside-duty-list');
    expect(planted.length).toBeGreaterThan(30);
    // Both sides: not on the list, and held only as 协办 (inspection.02).
    expect(new Set(planted.map((t) => t.fault))).toContain('inspection.02');
    expect(new Set(planted.map((t) => t.fault))).toContain('penalty.01');
    expect(found.filter((f) => f.rule === 'outside-duty-list').length).toBe(planted.length);
    // Without the lists, the scan finds the rest of the truth.
    const without = scanActs(acts, {
      asOf: '2025-12-31',
      calendar: defaultCalendar(),
      discretion: discretionStandard(DEFAULT_DISCRETION),
    });
    expect(without.map(key).sort()).toEqual(
      truth
        .filter((t) => t.rule !== 'outside-duty-list')
        .map(key)
        .sort(),
    );
  });

  it('clean data triggers nothing, also for another as-of date', () => {
    expect(check(3000, 5, 0).found).toEqual([]);
    const other = check(2000, 6, 0.2, '2024-06-30');
    expect(other.found.map(key).sort()).toEqual(other.truth.map(key).sort());
    for (const a of other.acts)
      for (const d of Object.values(a.dates)) if (typeof d === 'string') expect(d <= '2024-06-30').toBe(true);
  });

  it('is deterministic by seed and streams the same acts in chunks', () => {
    const a = generateActs({ count: 500, seed: 9 });
    expect(generateActs({ count: 500, seed: 9 })).toEqual(a);
    expect(generateActs({ count: 500, seed: 10 }).acts).not.toEqual(a.acts);
    const chunks = [...generateActChunks({ count: 500, seed: 9, chunkSize: 64 })];
    expect(chunks).toHaveLength(8);
    expect(chunks.flatMap((c) => c.acts)).toEqual(a.acts);
    expect(chunks.flatMap((c) => c.truth)).toEqual(a.truth);
  });

  it('produces valid, realistic acts', () => {
    const { acts } = generateActs({ count: 2000, seed: 12, faultRate: 0.1 });
    const certs = new Set(
      demoOfficers('2025-12-31').flatMap((o) =>
        o.certificates.map((c) => `${o.id} ${c.number} ${c.validUntil}`),
      ),
    );
    expect(new Set(acts.map((a) => a.id)).size).toBe(acts.length);
    for (const a of acts) {
      expect(actSchema.safeParse(a).success).toBe(true);
      for (const o of a.officers)
        if (o.certificate) expect(certs.has(`${o.id} ${o.certificate} ${o.validUntil}`)).toBe(true);
      const id = a.party?.id ?? '';
      if (a.party?.type === 'org') expect(usccCheck(id.slice(0, 17))).toBe(id[17]);
      else expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(a.incidentDate ?? a.dates.applied ?? a.dates.decided ?? '2023').toMatch(/^202[345]/);
    }
    const kinds = new Set(acts.map((a) => a.kind));
    expect(kinds.size).toBe(6);
  });

  it('rejects bad options naming them', () => {
    expect(() => generateActs({ count: -1, seed: 1 })).toThrow('生成参数无效');
    expect(() => generateActs({ count: 1, seed: 1, faultRate: 2 })).toThrow('生成参数无效');
    expect(() => generateActs({ count: 1, seed: 1, asOf: '2025-13-01' })).toThrow('生成参数无效');
  });
});

import { describe, expect, it } from 'vitest';
import { dutyItem } from '../duties/fixtures.js';
import { hasPersonalNumbers } from '../privacy/mask.js';
import { dutySummary, publicDutyItem, RELIEF_CHANNEL_KINDS, reliefChannels } from './before-enforcement.js';

describe('dutySummary', () => {
  it('counts by type in the order of the power types, types without items left out', () => {
    expect(
      dutySummary([
        { type: 'penalty', count: 30 },
        { type: 'licensing', count: 4 },
        { type: 'inspection', count: 0 },
        { type: 'penalty', count: 2 },
      ]),
    ).toEqual({
      total: 36,
      byType: [
        { type: 'licensing', label: '行政许可', count: 4 },
        { type: 'penalty', label: '行政处罚', count: 32 },
      ],
    });
    expect(dutySummary([])).toEqual({ total: 0, byType: [] });
  });
});

describe('publicDutyItem', () => {
  it('keeps the published columns and hides any personal number in the texts', () => {
    const item = dutyItem({ unit: '执法一大队（联系人 13812345678）', timeLimit: '90日' });
    const p = publicDutyItem(item);
    expect(p).toMatchObject({
      code: 'CF-0014',
      name: '违法建设查处',
      type: 'penalty',
      typeLabel: '行政处罚',
      role: 'lead',
      basis: item.basis,
      procedure: item.duties,
      timeLimit: '90日',
      effectiveFrom: '2024-01-01',
    });
    expect(p.unit).toContain('执法一大队');
    expect(hasPersonalNumbers(JSON.stringify(p))).toBe(false);
    // Not published: the accountability (追责情形) and the file's row.
    expect(Object.keys(p)).not.toContain('accountability');
    expect(Object.keys(p)).not.toContain('row');
  });
});

describe('reliefChannels', () => {
  const county = { name: '甲县市场监督管理局', kind: 'administrative' as const, regionName: '甲县' };

  it('reconsideration, litigation and complaints, each with where, when and its legal source', () => {
    const channels = reliefChannels(county);
    expect(channels.map((c) => c.kind)).toEqual([...RELIEF_CHANNEL_KINDS]);
    for (const c of channels) {
      expect(c.where.length).toBeGreaterThan(0);
      expect(c.period.length).toBeGreaterThan(0);
      expect(c.sources.length).toBeGreaterThan(0);
    }
    expect(channels[0].where).toBe('向甲县人民政府申请行政复议（被申请人为甲县市场监督管理局）');
    expect(channels[0].period).toContain('六十日');
    expect(channels[0].sources).toContainEqual({
      law: '《中华人民共和国行政复议法》（2023年修订）',
      article: '第二十条第一款',
    });
    expect(channels[1].period).toContain('六个月');
    expect(channels[1].period).toContain('十五日');
    expect(channels[2].where).toContain('我要投诉');
  });

  it('an entrusted organisation: the agency that entrusted it answers for its acts', () => {
    const team = reliefChannels({
      name: '甲县城关镇综合执法队',
      kind: 'entrusted',
      regionName: '甲县',
      entrustedBy: '甲县综合行政执法局',
    });
    expect(team[0].where).toContain('被申请人为甲县综合行政执法局');
    expect(team[0].notes.some((n) => n.includes('委托的行政机关是被申请人'))).toBe(true);
    expect(reliefChannels(county)[0].notes.some((n) => n.includes('委托'))).toBe(false);
  });
});

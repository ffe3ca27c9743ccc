import { describe, expect, it } from 'vitest';
import { mediaLeadText, mediaReportSchema } from './media.js';

describe('a media report as a lead', () => {
  it('keeps the outlet, date, title and address in the lead', () => {
    const r = mediaReportSchema.parse({
      agencyId: '529900-SCJ',
      outlet: 'A市日报',
      publishedOn: '2026-11-20',
      title: '检查未出示证件',
      url: 'https://news.example.cn/1',
      summary: '报道称执法人员检查时未出示执法证件。',
    });
    const t = mediaLeadText(r);
    expect(t.subject).toBe('媒体报道：检查未出示证件');
    expect(t.narrative).toBe(
      'A市日报于 2026-11-20 报道《检查未出示证件》：报道称执法人员检查时未出示执法证件。',
    );
    expect(t.detail).toContain('链接：https://news.example.cn/1');
    expect(Array.from(mediaLeadText({ ...r, title: '长'.repeat(200) }).subject)).toHaveLength(100);
  });

  it('refuses an address that is not http(s)', () => {
    const bad = mediaReportSchema.safeParse({
      agencyId: 'x',
      outlet: 'x',
      publishedOn: '2026-01-01',
      title: 'xx',
      url: 'javascript:alert(1)',
      summary: '一二三四五六七八九十',
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['url']);
  });
});

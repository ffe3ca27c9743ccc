// Charts in the reports: the options docx draws from (labels shortened, gaps kept, sizes), the
// chart part holding the values, and the same model giving the same bytes (settleCharts).
import { describe, expect, it } from 'vitest';
import {
  axisLabel,
  chartOptions,
  chartParagraphs,
  packWithCharts,
  readZip,
  settleCharts,
  writeZip,
} from './chart.js';
import { docxPart, openDocx } from './docx-text.testing.js';

const spec = {
  kind: 'column' as const,
  title: '各部门得分',
  categories: ['A市市场监督管理局综合行政执法支队第一大队', '乙局'],
  series: [
    { name: '自查', values: [92.456, null] },
    { name: '抽查', values: [80, 71.5] },
  ],
  unit: '分',
  min: 0,
  max: 100,
};

describe('chart options', () => {
  it('shortens long category names, rounds values, keeps gaps, names the axis', () => {
    expect(axisLabel('一二三')).toBe('一二三');
    expect(axisLabel('一二三四五六七八九十十一十二十三')).toBe('一二三四五六七八九十十…');
    const o = chartOptions(spec) as unknown as {
      categories: string[];
      series: { values: (number | null)[] }[];
      valueAxis: unknown;
      legend: unknown;
    };
    expect(o.categories[0]).toHaveLength(12);
    expect(o.series[0]!.values).toEqual([92.46, null]);
    expect(o.valueAxis).toMatchObject({ minimum: 0, maximum: 100, title: { text: '分' } });
    expect(o.legend).toMatchObject({ position: 'bottom' });
    expect(
      (chartOptions({ ...spec, series: [spec.series[0]!] }) as unknown as { legend: unknown }).legend,
    ).toBe(false);
  });

  it('refuses a chart without categories or series', () => {
    expect(() => chartOptions({ ...spec, categories: [] })).toThrow(/no categories/);
    expect(() => chartOptions({ ...spec, series: [] })).toThrow(/no series/);
  });
});

describe('charts in a package', () => {
  const build = () =>
    packWithCharts(
      { generatedAt: '2026-12-01T09:00:00+08:00', caseNumber: '测试', organName: 'A市司法局' },
      '测试报告',
      [
        ...chartParagraphs(spec, '图1　各部门得分'),
        ...chartParagraphs({ ...spec, kind: 'line', title: '趋势' }, '图2　趋势'),
      ],
    );

  it('writes a Word chart holding the values, with its workbook', async () => {
    const docx = await build();
    const zip = await openDocx(docx);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining([
        'word/charts/chart1.xml',
        'word/charts/chart2.xml',
        'word/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      ]),
    );
    const xml = await docxPart(docx, 'word/charts/chart1.xml');
    expect(xml).toContain('<c:v>92.46</c:v>');
    expect(xml).toContain('<c:v>71.5</c:v>');
    expect(xml).toContain('<c:barDir val="col"/>');
    expect(await docxPart(docx, 'word/charts/chart2.xml')).toContain('<c:lineChart>');
    const rels = await docxPart(docx, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Id="rIdC1"');
    expect(rels).not.toMatch(/rId[a-z0-9_-]{21}/);
    const doc = await docxPart(docx, 'word/document.xml');
    expect([...doc.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2']);
  });

  it('the same model gives the same bytes, whenever and however often it is built', async () => {
    const a = await build();
    const b = await build();
    expect(b.equals(a)).toBe(true);
  });

  it('readZip and writeZip round-trip; a package without charts is left as it is', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('一二三') },
      { name: 'b/c.xml', data: Buffer.from('<x/>'.repeat(100)) },
    ];
    const zip = writeZip(entries, new Date('2026-01-01T00:00:00Z'));
    expect(readZip(zip)).toEqual(entries);
    expect(settleCharts(zip, new Date())).toBe(zip);
    expect(() => readZip(Buffer.from('not a zip at all, not at all'))).toThrow(/not a zip/);
  });
});

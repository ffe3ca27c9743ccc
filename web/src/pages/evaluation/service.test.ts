import { describe, expect, it } from 'vitest';
import { codesCsv } from './service';

describe('the CSV of issued codes', () => {
  it('has one row per code with its address, quoted where needed, and no formula', () => {
    const csv = codesCsv(
      {
        expiresOn: '2026-12-25',
        items: [{ code: 'ABCD-EFGH-JKMN', path: '/public/evaluate?code=ABCD-EFGH-JKMN' }],
      },
      { campaign: '评议, 2026', agency: '=市场监管局', audience: '群众', origin: 'https://w.example.cn/' },
      ['活动', '机关', '主体', '评议码', '链接', '有效期至'],
    );
    expect(csv.startsWith('\uFEFF活动,机关,主体,评议码,链接,有效期至\r\n')).toBe(true);
    expect(csv).toContain(
      '"评议, 2026",\'=市场监管局,群众,ABCD-EFGH-JKMN,https://w.example.cn/public/evaluate?code=ABCD-EFGH-JKMN,2026-12-25\r\n',
    );
  });
});

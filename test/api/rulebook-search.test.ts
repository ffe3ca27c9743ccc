import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('regulation search with segmentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('finds the catalogue item by its words, exact phrases first', async () => {
    const c = await t.login('sfj');
    const words = (await c.get(`/api/v1/rulebook/search?q=${encodeURIComponent('重复收取罚款')}`)).json();
    expect(words.hits.map((h: { code?: string }) => h.code)).toContain('penalty.04');
    const exact = (await c.get(`/api/v1/rulebook/search?q=${encodeURIComponent('不可抗力')}`)).json();
    expect(exact.hits[0].title).toMatch(/第二十二条/);
  });
});

// POST /api/v1/determinations: the engine over HTTP — `?whatIf=true` adds what would change each
// result; contradictory facts are bad input naming every field concerned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threePersonRequest } from '../../src/core/determine/fixtures.js';
import { determine } from '../../src/core/determine/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('POST /api/v1/determinations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('?whatIf=true adds the changes of the facts that change each result, as the engine gives them', async () => {
    const c = await t.login('sfj');
    const plain = await c.post('/api/v1/determinations', threePersonRequest());
    expect(plain.statusCode).toBe(200);
    expect(plain.json().persons[0].whatIf).toBeUndefined();
    const res = await c.post('/api/v1/determinations?whatIf=true', threePersonRequest());
    expect(res.statusCode, res.body).toBe(200);
    const expected = JSON.parse(JSON.stringify(determine(threePersonRequest(), undefined, { whatIf: true })));
    expect(res.json()).toEqual(expected);
    expect(res.json().agencies[0].whatIf.length).toBeGreaterThan(0);
  });

  it('Art. 23 "trivial" with an egregious nature → 400 naming both fields', async () => {
    const c = await t.login('sfj');
    const res = await c.post('/api/v1/determinations', {
      ...threePersonRequest(),
      circumstances: ['trivial'],
      severity: { nature: 'egregious', harm: 'small', impact: 'small' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'circumstances[0]',
      'severity.nature',
    ]);
  });
});

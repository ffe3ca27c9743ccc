// POST /api/v1/tolerance/assessments: the tolerance assessment over HTTP, the same answer as the
// engine (and `wenze tolerance assess`); a pack without a policy is bad input naming `pack`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessToleranceRequest } from '../../src/core/tolerance/assess.js';
import { toleranceRequest } from '../../src/core/tolerance/fixtures.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('POST /api/v1/tolerance/assessments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('answers as the engine does, every condition and exclusion listed', async () => {
    const c = await t.login('sfj');
    const body = toleranceRequest({ corrected: 'no', knowingViolation: true, obstructed: true });
    const res = await c.post('/api/v1/tolerance/assessments', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(assessToleranceRequest(body));
    expect(res.json()).toMatchObject({ outcome: 'reject', eligible: false });
    expect(res.json().exclusions.map((e: { id: string }) => e.id)).toEqual([
      'knowing_violation',
      'obstructed',
    ]);
  });

  it('?pack= overrides the request; the province has no policy → 400 naming pack', async () => {
    const c = await t.login('sfj');
    const res = await c.post('/api/v1/tolerance/assessments?pack=guizhou', toleranceRequest());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['pack']);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tolerance/assessments',
      payload: toleranceRequest(),
    });
    expect(res.statusCode).toBe(401);
  });
});

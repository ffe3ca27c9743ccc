import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { loadDemo } from './demo.js';
import { loadDemoActs } from './demo-acts.js';

describe('demo acts', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    await loadDemo(t, '2026-11-25');
  });
  afterAll(async () => t?.drop());

  it('loads generated acts of the demo city through the import and leaves findings and detection leads', async () => {
    const r = await loadDemoActs(t, { count: 400, asOf: '2026-11-25' });
    expect(r.inserted).toBe(400);
    expect(r.detection?.findings).toBeGreaterThan(5);
    const leads = await t.db.selectFrom('leads').select('id').where('source', '=', 'detection').execute();
    expect(leads.length).toBe(r.detection?.findings);
  });
});

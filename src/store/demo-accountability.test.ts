// The demo city's detection leads followed up: cases decided in every way the assessment tells
// apart, so that its annual assessment has a pursued rate to show (not 0 % everywhere).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { loadDemo } from './demo.js';
import { loadDemoAccountability } from './demo-accountability.js';
import { loadDemoActs } from './demo-acts.js';

describe('demo accountability', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    await loadDemo(t, '2026-11-25');
    await loadDemoActs(t, { count: 600, asOf: '2026-11-25' });
  });
  afterAll(async () => t?.drop());

  it('opens cases for most detection leads older than a month, pursued, exempted or still open', async () => {
    const { cases } = await loadDemoAccountability(t, '2026-11-25');
    expect(cases).toBeGreaterThan(5);
    const rows = await t.db
      .selectFrom('cases')
      .innerJoin('leads', 'leads.caseId', 'cases.id')
      .select(['cases.decisionKind', 'cases.state', 'cases.number', 'leads.status'])
      .execute();
    expect(rows).toHaveLength(cases);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['opened']));
    expect(rows.filter((r) => r.decisionKind === 'pursue').length).toBeGreaterThan(cases / 2);
    expect(new Set(rows.map((r) => r.number)).size).toBe(cases);
    expect(rows.some((r) => r.decisionKind === 'exempt')).toBe(true);
    const tolerated = await t.db
      .selectFrom('casePersons')
      .innerJoin('cases', 'cases.id', 'casePersons.caseId')
      .select('cases.decisionKind')
      .where(sql<boolean>`case_persons.tolerance->>'outcome' = 'exempt'`)
      .execute();
    expect(tolerated.length).toBeGreaterThan(0);
    expect(tolerated.every((r) => r.decisionKind === 'not_pursue')).toBe(true);
  });
});

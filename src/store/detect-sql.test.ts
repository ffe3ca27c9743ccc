// The set-based SQL rules against their in-memory twins: generated acts (with the generator's ground
// truth) and hand-made acts on every boundary — holidays, make-up working days, days outside the
// calendar table, odd numbers, odd officers — imported, scanned in SQL, and required to give exactly
// the findings `scanActs` gives, detail text included. Then re-scans, re-imports, corrections,
// a later as-of date and an admin's calendar change. On PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { generateActs } from '../core/acts/generate.js';
import type { Act } from '../core/acts/schema.js';
import { addDays, createCalendar, defaultCalendar } from '../core/calendar/index.js';
import { dutyEntry, dutyLookup } from '../core/detect/duty-list.js';
import { type Finding, RULE_NAMES, scanActs } from '../core/detect/index.js';
import { act, demoDuties, discretion } from '../core/detect/testing.js';
import { categoryOfAct } from '../core/disclosure/categories.js';
import { demoDutyItems } from '../core/duties/demo.js';
import { importActs } from './acts-import.js';
import { loadDemo } from './demo.js';
import { detectAll, RULE_LABELS, ruleSql } from './detect-sql.js';

const AS_OF = '2025-12-31';

/** Acts on the boundaries of every rule (ids E-…), all valid exchange-format records. */
function edgeActs(): unknown[] {
  const out: unknown[] = [];
  let n = 0;
  const id = () => `E-${String(++n).padStart(5, '0')}`;
  const push = (a: Act | Record<string, unknown>) => out.push({ ...a, id: id() });
  // licensing-overdue around Spring Festival 2024 and 2025, National Day 2024, extended or not,
  // decided or pending.
  for (const start of ['2024-01-10', '2024-09-01', '2024-12-20', '2025-09-05']) {
    for (let s = 0; s < 12; s += 3) {
      const accepted = addDays(start, s);
      for (let k = 24; k <= 46; k++) {
        push(
          act('licensing', {
            dates: { applied: accepted, accepted, decided: addDays(accepted, k), extended: k % 2 === 0 },
          }),
        );
      }
      push(act('licensing', { dates: { accepted, decided: null } }));
      push(act('licensing', { dates: { accepted, decided: null, extended: true } }));
    }
  }
  push(act('licensing', { dates: { accepted: '2025-12-01', decided: null } })); // not yet late
  push(act('licensing', { dates: { accepted: null, decided: '2025-01-01' } }));
  // Outside the calendar table (1900–2199): only weekends are days off.
  push(act('licensing', { dates: { accepted: '1899-12-01', decided: '1900-01-20' } }));
  push(act('licensing', { dates: { accepted: '2199-12-15', decided: '2200-01-20' } }));
  push(act('licensing', { dates: { accepted: '2250-03-01', decided: '2250-04-15', extended: true } }));
  push(act('licensing', { dates: { accepted: '1850-03-01', decided: null } }));
  // penalty-overdue: filed so that day 90 falls on holidays (postponed) or on a working day.
  for (const filed of [
    '2023-11-05',
    '2023-11-12',
    '2024-07-04',
    '2024-07-03',
    '2024-11-02',
    '2025-07-02',
    '2025-07-10',
  ]) {
    for (let k = 88; k <= 100; k++) {
      push(act('penalty', { dates: { filed, notified: filed, decided: addDays(filed, k) } }));
    }
    push(
      act('penalty', {
        procedure: 'summary',
        dates: { filed, notified: filed, decided: addDays(filed, 120) },
      }),
    );
  }
  push(act('penalty', { dates: { filed: '2199-11-01', notified: '2199-11-01', decided: '2200-02-03' } }));
  // fewer-than-two-officers, uncertified-officer.
  const o = (oid: string, certificate: string | null, validUntil: string | null) => ({
    id: oid,
    certificate,
    validUntil,
  });
  const decided = { filed: '2025-03-01', notified: '2025-03-02', decided: '2025-03-10' };
  for (const kind of ['penalty', 'inspection', 'coercion', 'licensing', 'levy'] as const) {
    push(act(kind, { officers: [], dates: decided }));
    push(act(kind, { officers: [o('O-1', 'C1', '2026-01-01')], dates: decided }));
    push(
      act(kind, { officers: [o('O-1', 'C1', '2026-01-01'), o('O-1', 'C1', '2026-01-01')], dates: decided }),
    );
    push(
      act(kind, { officers: [o('O-1', 'C1', '2025-03-10'), o('O-2', 'C2', '2025-03-09')], dates: decided }),
    );
    push(
      act(kind, {
        officers: [o('O-1', '', '2026-01-01'), o('O-2', null, null), o('O-3', 'C3', null)],
        dates: decided,
      }),
    );
  }
  push(act('penalty', { procedure: 'summary', officers: [o('O-1', 'C1', '2026-01-01')], dates: decided }));
  push(act('inspection', { officers: [o('O-1', 'C1', '2024-01-01')], dates: { filed: '2024-05-01' } }));
  push(act('inspection', { officers: [o('O-1', 'C1', '2024-01-01')], dates: { accepted: '2024-05-01' } }));
  push(act('coercion', { incidentDate: '2024-05-01', officers: [o('O-1', 'C1', '2024-01-01')], dates: {} }));
  push(act('coercion', { incidentDate: null, officers: [o('O-1', null, null)], dates: {} }));
  // Officers as agency systems send them: keys missing, extra fields.
  push({
    ...act('penalty', { dates: decided }),
    officers: [
      { id: 'O-7', rank: '科员' },
      { id: 'O-8', certificate: 'C8' },
    ],
  });
  push({
    ...act('inspection', { dates: decided }),
    officers: [{ id: 'O-9', certificate: 'C9', validUntil: '2030-01-01', x: 1 }],
  });
  // Fines: boundaries and numbers JavaScript writes oddly.
  for (const fine of [
    100, 100.01, 150.5, 1e21, 1.5e22, 5e-7, 0.000001, 0, 0.30000000000000004, 1234567.891, 99.99,
  ]) {
    push(act('penalty', { fine, payment: { method: 'onsite', receipt: false }, dates: decided }));
  }
  push(act('penalty', { fine: null, payment: { method: 'bank', receipt: false }, dates: decided }));
  push(act('penalty', { fine: 300, payment: { method: 'bank', receipt: true }, dates: decided }));
  push(act('penalty', { fine: 300, payment: { method: '现金', receipt: false }, dates: decided }));
  // hearing, notice, criminal referral, review.
  for (const kind of ['penalty', 'licensing', 'inspection'] as const) {
    push(act(kind, { hearing: { requested: true, held: false }, dates: decided }));
    push(act(kind, { hearing: { requested: true, held: false }, dates: { filed: '2025-03-01' } }));
    push(act(kind, { hearing: { requested: true, held: true }, dates: decided }));
    push(act(kind, { criminal: { suspected: true, referred: false }, dates: decided }));
    push(act(kind, { criminal: { suspected: true, referred: true }, dates: decided }));
  }
  for (const notified of [null, '2025-03-09', '2025-03-10', '2025-03-11']) {
    push(act('penalty', { dates: { ...decided, notified } }));
    push(act('penalty', { procedure: 'summary', dates: { ...decided, notified } }));
  }
  push(act('penalty', { dates: { filed: '2025-03-01', notified: null, decided: null } }));
  for (const review of ['upheld', 'changed', 'revoked', 'confirmed_illegal', null] as const) {
    push(act('levy', { review, agency: '529921-ZHJ', dates: decided }));
  }
  // duplicate-fine: groups of 2 and 3, ties on the decision date (earliest id first, Chinese ids
  // included), a zero fine, a summary penalty, missing keys.
  const fineAct = (aid: string, party: string, decidedOn: string, extra: Partial<Act> = {}) => ({
    ...act('penalty', {
      fine: 500,
      party: { type: 'org', id: party },
      violation: 'FOOD-01',
      incidentDate: '2025-01-05',
      dates: { filed: '2025-01-06', notified: '2025-01-07', decided: decidedOn },
      ...extra,
    }),
    id: aid,
  });
  out.push(
    fineAct('D-0002', 'P1', '2025-02-01'),
    fineAct('D-0001', 'P1', '2025-02-01'),
    fineAct('D-0003', 'P1', '2025-01-20'),
  );
  out.push(fineAct('D-乙', 'P2', '2025-02-01'), fineAct('D-甲', 'P2', '2025-02-01'));
  out.push(fineAct('D-0010', 'P3', '2025-02-01'), fineAct('D-0011', 'P3', '2025-02-02', { fine: 0 }));
  out.push(
    fineAct('D-0020', 'P4', '2025-02-01'),
    fineAct('D-0021', 'P4', '2025-02-02', { procedure: 'summary' }),
  );
  out.push(fineAct('D-0030', 'P5', '2025-02-01'), fineAct('D-0031', 'P5', '2025-02-02', { violation: '' }));
  out.push(
    fineAct('D-0040', 'P6', '2025-02-01'),
    fineAct('D-0041', 'P6', '2025-02-02', { incidentDate: null }),
  );
  out.push({ ...fineAct('D-0050', 'P7', '2025-02-01'), unknownField: { kept: true } });
  out.push(...newRuleEdges());
  out.push(...dutyEdges());
  return out;
}

/**
 * outside-duty-list against the demo lists (loaded with the demo): matters led, held only as 协办,
 * another agency's, by name and by 职权编码, none; on both sides of the lists' first day (2021-01-01)
 * and of the newer lists of 市市场监管局 and 市住建局 (2025-01-01); decided, or only filed.
 */
function dutyEdges(): unknown[] {
  const out: unknown[] = [];
  let n = 0;
  const push = (a: Act) => out.push({ ...a, id: `L-${String(++n).padStart(5, '0')}` });
  const matters = [
    '食品经营许可',
    'XK-0001',
    '占道经营查处',
    'CF-0015',
    '违法建设查处',
    '电子商务经营者违法行为查处',
    '住房保障租赁补贴发放',
    "引号'与\\反斜杠",
    '',
    null,
  ];
  for (const agency of ['529900-SCJ', '529921-SCJ', '529900-ZJJ', '529923-SZD'])
    for (const matter of matters)
      for (const day of ['2020-12-31', '2021-01-01', '2024-12-31', '2025-01-01'])
        for (const kind of ['penalty', 'inspection', 'levy', 'other'] as const) {
          push(act(kind, { agency, matter, dates: { filed: day, notified: day, decided: day } }));
          if (kind === 'inspection') push(act(kind, { agency, matter, dates: { filed: day } }));
        }
  return out;
}

/**
 * The rules on seizures, hearing notices, remittance, licensing outcomes, the discretion standard
 * and outlying fines, on both sides of each boundary (National Day 2024, Spring Festival 2025 and
 * their make-up working days).
 */
function newRuleEdges(): unknown[] {
  const out: unknown[] = [];
  let n = 0;
  const push = (a: Act | Record<string, unknown>) =>
    out.push({ ...a, id: `N-${String(++n).padStart(5, '0')}` });
  const starts = [
    '2024-09-01',
    '2024-09-27',
    '2024-09-28',
    '2024-09-30',
    '2024-12-29',
    '2025-01-24',
    '2025-01-27',
  ];
  for (const start of starts) {
    for (let k = 0; k <= 14; k++) {
      const end = addDays(start, k);
      push(
        act('penalty', {
          procedure: 'summary',
          fine: 50,
          dates: { decided: start, notified: start },
          payment: { method: 'onsite', receipt: true, collectedOn: start, remittedOn: end },
        }),
      );
      push(
        act('penalty', {
          fine: 20_000,
          dates: { filed: start, notified: start, decided: addDays(start, 30) },
          hearing: { requested: true, held: k % 3 !== 0, noticedOn: start, heldOn: end },
        }),
      );
    }
    push(
      act('penalty', {
        procedure: 'summary',
        fine: 50,
        dates: { decided: start, notified: start },
        payment: { method: 'onsite', receipt: true, collectedOn: start },
      }),
    );
    for (const k of [28, 29, 30, 31, 32, 36, 37, 38, 39, 58, 59, 60, 61, 62, 66, 67, 68]) {
      for (const measure of ['seal', 'seize', 'other'] as const) {
        push(
          act('coercion', {
            measure,
            dates: { decided: start, seized: start, released: addDays(start, k) },
            extension: k > 50 ? { approved: k % 2 === 0, on: addDays(start, 20) } : null,
          }),
        );
      }
    }
    push(act('coercion', { measure: 'seal', dates: { decided: start, seized: start } }));
    push(
      act('coercion', {
        measure: 'seize',
        dates: { decided: start, seized: start },
        extension: { approved: true },
      }),
    );
  }
  for (const decision of ['granted', 'refused', 'not_accepted', null] as const) {
    for (const reason of [null, '', '  ', '理由', ' x ']) {
      push(act('licensing', { decision, reason, dates: { applied: '2025-03-03', decided: '2025-03-10' } }));
    }
    push(act('licensing', { decision, dates: { applied: '2025-03-03' } }));
  }
  for (const receiptIssued of [true, false, null]) {
    push(act('licensing', { receiptIssued, dates: { applied: '2025-03-03' } }));
    push(act('licensing', { receiptIssued }));
    push(act('penalty', { receiptIssued, dates: { decided: '2025-03-10', notified: '2025-03-01' } }));
  }
  for (const fine of [0, 1, 499, 500, 500.5, 5000, 5000.01, 5001]) {
    for (const violation of ['PRICE-01', 'PRICE-06', 'LAND-05']) {
      push(
        act('penalty', {
          fine,
          violation,
          incidentDate: null,
          dates: { decided: '2025-03-10', notified: '2025-03-01' },
        }),
      );
    }
  }
  // fine-outlier: twenty fines of one agency and violation in 2024, fences 50 and 3,850 for January
  // 2025; another group one fine short.
  const fined = (fine: number, decided: string, violation = 'OUT-01') =>
    push(
      act('penalty', {
        fine,
        violation,
        incidentDate: null,
        dates: { decided, notified: addDays(decided, -5) },
      }),
    );
  for (let i = 0; i < 20; i++) fined(1000 + 100 * i, addDays('2024-01-10', i * 17));
  for (const f of [3850, 3851, 50, 49, 2000]) fined(f, '2025-01-15');
  fined(99_999, '2025-02-01');
  for (let i = 0; i < 19; i++) fined(1000 + 100 * i, addDays('2024-01-10', i * 17), 'OUT-02');
  fined(99_999, '2025-01-15', 'OUT-02');
  return out;
}

function key(f: Finding): string {
  return JSON.stringify([f.act, f.rule, f.fault, f.basis, f.detail]);
}

async function sqlFindings(t: TestDatabase): Promise<Finding[]> {
  const rows = await t.db
    .selectFrom('findings')
    .select(['actId', 'rule', 'fault', 'basis', 'detail'])
    .orderBy('actId')
    .orderBy('rule')
    .execute();
  return rows.map((r) => ({
    act: r.actId,
    rule: r.rule as Finding['rule'],
    fault: r.fault,
    basis: r.basis,
    detail: r.detail,
  }));
}

function expectSame(actual: Finding[], expected: Finding[]) {
  const a = new Set(actual.map(key));
  const e = new Set(expected.map(key));
  expect(
    [...e].filter((x) => !a.has(x)),
    'missing in SQL',
  ).toEqual([]);
  expect(
    [...a].filter((x) => !e.has(x)),
    'extra in SQL',
  ).toEqual([]);
  expect(actual.length).toBe(expected.length);
}

describe.each(drivers)('set-based detection on %s', (driver) => {
  let t: TestDatabase;
  const generated = generateActs({ count: 3000, seed: 11, faultRate: 0.1, asOf: AS_OF });
  const edges = edgeActs();
  const all = [...(generated.acts as unknown[]), ...edges];
  // The database published every decision on import (as of AS_OF): as of a later day, a decision
  // the agency had not published counts as published then (disclosure-overdue's SQL twin).
  const memory = (asOf: string, calendar = defaultCalendar()) =>
    scanActs(
      all.map((v) => {
        const a = v as Act;
        return asOf > AS_OF && !a.publishedOn && categoryOfAct(a) ? { ...a, publishedOn: AS_OF } : a;
      }),
      { asOf, calendar, discretion, duties: demoDuties() },
    );
  const records = () => [all.map((value, i) => ({ line: i + 1, value }))];

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await loadDemo(t, AS_OF);
  });
  afterAll(async () => t?.drop());

  it('imports the acts and finds exactly what scanActs finds — and the generator’s ground truth', async () => {
    const r = await importActs(t, { batches: records() }, { asOf: AS_OF });
    expect(r.inserted).toBe(all.length);
    const found = await sqlFindings(t);
    expectSame(found, memory(AS_OF));
    // Every rule fires somewhere; the generated acts give the ground truth, 100 % recall, no false finding.
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(RULE_NAMES));
    const generatedIds = new Set(generated.acts.map((a) => a.id));
    const truth = new Set(generated.truth.map((x) => `${x.act}|${x.rule}|${x.fault}`));
    const fromGenerated = found
      .filter((f) => generatedIds.has(f.act))
      .map((f) => `${f.act}|${f.rule}|${f.fault}`);
    expect(new Set(fromGenerated)).toEqual(truth);
    expect(fromGenerated.length).toBe(truth.size);
    // Every finding became one detection lead.
    const leads = await t.db
      .selectFrom('leads')
      .select(['findingKey', 'regionCode', 'subject', 'detail', 'faultCode'])
      .where('source', '=', 'detection')
      .execute();
    expect(leads.length).toBe(found.length);
    const lead = leads.find((l) => l.findingKey === 'D-0001|duplicate-fine');
    expect(lead).toMatchObject({ regionCode: '529900', faultCode: 'penalty.04' });
    expect(lead?.subject).toContain(RULE_LABELS['duplicate-fine']);
  });

  it('a full re-scan and a re-import change nothing and never duplicate leads', async () => {
    const before = await sqlFindings(t);
    const again = await detectAll(t, { asOf: AS_OF });
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0, leads: 0, findings: before.length });
    const re = await importActs(t, { batches: records() }, { asOf: AS_OF });
    expect(re).toMatchObject({ inserted: 0, updated: 0, unchanged: all.length, detection: null });
    // The same act sent differently (other key order, whitespace) is still unchanged.
    const first = edges[0] as Record<string, unknown>;
    const reordered = `{ "dates": ${JSON.stringify(first.dates)}, ${JSON.stringify(first).slice(1)}`;
    const r2 = await importActs(t, { batches: [[{ line: 1, text: reordered }]] }, { asOf: AS_OF });
    expect(r2).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expectSame(await sqlFindings(t), before);
    const [{ n }] = await t.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'detection')
      .execute();
    expect(Number(n)).toBe(before.length);
  });

  it('uses the partial indexes for a full scan', async () => {
    if (driver !== 'postgres') return;
    await sql`analyze acts`.execute(t.raw);
    const indexes = {
      'criminal-not-referred': 'acts_criminal_idx',
      'fewer-than-two-officers': 'acts_officers_idx',
      'hearing-not-held': 'acts_hearing_idx',
      'no-prior-notice': 'acts_notice_idx',
      'no-receipt': 'acts_receipt_idx',
      'onsite-collection': 'acts_onsite_idx',
      overturned: 'acts_overturned_idx',
      'penalty-overdue': 'acts_penalty_late_idx',
      'uncertified-officer': 'acts_uncertified_idx',
      'fine-not-remitted': 'acts_remit_idx',
      'hearing-notice-late': 'acts_hearing_notice_idx',
      'seizure-overdue': 'acts_seizure_idx',
      'refusal-without-reason': 'acts_refusal_idx',
      'no-application-receipt': 'acts_application_receipt_idx',
    } as const;
    for (const [rule, index] of Object.entries(indexes)) {
      const { rows } = await sql
        .raw<{ 'QUERY PLAN': string }>(
          `explain ${ruleSql(rule as keyof typeof indexes).replaceAll('$1::date', "'2025-12-31'::date")}`,
        )
        .execute(t.raw);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n'), rule).toContain(index);
    }
  });

  it('a corrected act loses its finding; a changed first decision re-ranks its duplicates', async () => {
    const fixed = { ...(all.find((a) => (a as Act).id === 'D-0003') as Act), incidentDate: '2025-01-04' };
    const r = await importActs(t, { batches: [[{ line: 1, value: fixed }]] }, { asOf: AS_OF });
    expect(r).toMatchObject({ updated: 1 });
    const found = await sqlFindings(t);
    const next = all.map((a) => ((a as Act).id === 'D-0003' ? fixed : a)) as Act[];
    expectSame(
      found,
      scanActs(next, { asOf: AS_OF, calendar: defaultCalendar(), discretion, duties: demoDuties() }),
    );
    // D-0001 is now the first decision; D-0002 repeats it.
    expect(found.find((f) => f.act === 'D-0002')?.detail).toContain('与D-0001（2025-02-01作出）');
    expect(found.find((f) => f.act === 'D-0001' && f.rule === 'duplicate-fine')).toBeUndefined();
    // Put it back.
    await importActs(
      t,
      { batches: [[{ line: 1, value: all.find((a) => (a as Act).id === 'D-0003') }]] },
      { asOf: AS_OF },
    );
    expectSame(await sqlFindings(t), memory(AS_OF));
  });

  it('a later as-of date and an admin’s new holiday reach the findings on the next full scan', async () => {
    const later = '2026-03-31';
    await detectAll(t, { asOf: later });
    expectSame(await sqlFindings(t), memory(later));
    await t.db
      .insertInto('calendarOverrides')
      .values({ day: '2024-02-05', kind: 'holiday', note: '测试', createdBy: 'test' })
      .execute();
    await t.db
      .insertInto('calendarOverrides')
      .values({ day: '2025-07-05', kind: 'workday', note: '测试', createdBy: 'test' })
      .execute();
    const r = await detectAll(t, { asOf: later });
    expect(r.updated + r.created + r.removed).toBeGreaterThan(0);
    const calendar = createCalendar({ holidays: ['2024-02-05'], workdays: ['2025-07-05'] });
    expectSame(await sqlFindings(t), memory(later, calendar));
    await t.db.deleteFrom('calendarOverrides').execute();
    await detectAll(t, { asOf: AS_OF });
    expectSame(await sqlFindings(t), memory(AS_OF));
  });

  it('outside-duty-list reads the stored lists: an agency whose list is gone is no longer checked', async () => {
    const before = await sqlFindings(t);
    const gone = '529923-SZD';
    const ofGone = (fs: Finding[]) =>
      fs.filter(
        (f) =>
          f.rule === 'outside-duty-list' &&
          all.some((a) => (a as Act).id === f.act && (a as Act).agency === gone),
      );
    expect(ofGone(before).length).toBeGreaterThan(0);
    await t.db.deleteFrom('dutyItems').where('agencyId', '=', gone).execute();
    const r = await detectAll(t, { asOf: AS_OF });
    expect(r.removed).toBe(ofGone(before).length);
    const after = await sqlFindings(t);
    expect(ofGone(after)).toEqual([]);
    const lists = dutyLookup(
      demoDutyItems()
        .filter((i) => i.agency !== gone)
        .map(dutyEntry),
    );
    expectSame(
      after,
      scanActs(
        all.map((v) => v as Act),
        { asOf: AS_OF, calendar: defaultCalendar(), discretion, duties: lists },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateActs } from '../acts/generate.js';
import { ACT_PATHS, damageChars, mutate, mutationValues } from '../acts/mutations.testing.js';
import { readAct } from '../acts/read.js';
import type { Act } from '../acts/schema.js';
import { addWorkingDays } from '../calendar/calendar.js';
import { addDays } from '../calendar/day-number.js';
import { demoDutyItems } from '../duties/demo.js';
import { fineKey, fineKeyOf } from './duplicate-fine.js';
import { dutyEntry, dutyLookup } from './duty-list.js';
import { CROSS_ACT_RULES, type Finding, RULE_NAMES, type RuleContext } from './rule.js';
import { actRules, checkAct } from './rules.js';
import { BAIL, CLEAN, SCREENED_RULES, SUSPECT, screenAct, screenOut } from './screen.js';
import { cal, ctx } from './testing.js';

const acts = [
  ...generateActs({ count: 400, seed: 31, faultRate: 0.5 }).acts,
  ...generateActs({ count: 400, seed: 32, faultRate: 0 }).acts,
];

/** The demo city's duty lists with keys as the scan's workers hold them: UTF-8 bytes as latin1 chars. */
const duties = dutyLookup(demoDutyItems().map(dutyEntry), (s) => Buffer.from(s, 'utf8').toString('latin1'));

/** What the full path makes of a line: the act (or null when invalid), its findings and fine key. */
function full(line: string, context: RuleContext) {
  const latin1 = Buffer.from(line, 'utf8').toString('latin1');
  let act: Act | null = null;
  try {
    act = readAct(JSON.parse(latin1));
  } catch {
    act = null;
  }
  const found: Finding[] = [];
  if (act) checkAct(act, context, found);
  return { act, found, key: act && fineKey(act), latin1 };
}

function agree(line: string): number {
  return agreeAsOf(line, '2025-12-31');
}

function agreeAsOf(line: string, asOf: string): number {
  const context = { ...ctx(asOf), duties };
  const bytes = Buffer.from(line, 'utf8');
  const out = screenOut();
  const verdict = screenAct(bytes, 0, bytes.length, context, out);
  const f = full(line, context);
  if (verdict === CLEAN) {
    expect(f.act, line).not.toBeNull();
    expect(f.found, line).toEqual([]);
    if (out.fine) {
      const t = f.latin1;
      const key = fineKeyOf(
        t.slice(out.partyStart, out.partyEnd),
        t.slice(out.violationStart, out.violationEnd),
        t.slice(out.incidentStart, out.incidentStart + 10),
      );
      expect(key).toBe(f.key);
      expect(t.slice(out.idStart, out.idEnd)).toBe(f.act?.id);
      expect(t.slice(out.decidedStart, out.decidedStart + 10)).toBe(f.act?.dates.decided);
    } else expect(f.key).toBeNull();
  } else if (verdict === SUSPECT) {
    expect(f.act, line).not.toBeNull();
    expect(f.found.length, line).toBeGreaterThan(0);
  } else expect(verdict).toBe(BAIL);
  return verdict;
}

describe('the screen agrees with the full path', () => {
  it('clears every clean generated act and flags every faulty one', () => {
    const verdicts = acts.map((a) => agree(JSON.stringify(a)));
    expect(verdicts).not.toContain(BAIL);
    expect(verdicts.filter((v) => v === SUSPECT).length).toBeGreaterThan(100);
  });

  it('on mutated acts', () => {
    const seen = [0, 0, 0];
    fc.assert(
      fc.property(
        fc.constantFrom(...acts),
        fc.array(fc.tuple(fc.constantFrom(...ACT_PATHS), mutationValues), { minLength: 1, maxLength: 4 }),
        (a, changes) => {
          let v: unknown = a;
          for (const [path, value] of changes) v = mutate(v, path, value);
          seen[agree(JSON.stringify(v))]++;
        },
      ),
      { numRuns: 4000 },
    );
    expect(Math.min(...seen)).toBeGreaterThan(100);
  });

  it('on damaged or reformatted text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...acts), fc.nat(), damageChars, fc.boolean(), (a, at, ch, pretty) => {
        const line = pretty ? JSON.stringify(a, null, 1).replace(/\n/g, ' ') : JSON.stringify(a);
        const i = at % (line.length + 1);
        agree(line.slice(0, i) + ch + line.slice(i));
        agree(line.slice(0, i) + ch + line.slice(i + 1));
      }),
      { numRuns: 4000 },
    );
  });

  it('on numbers, literals and escapes the fast lane leaves to JSON.parse', () => {
    const a = acts.find((x) => x.kind === 'penalty' && x.fine) as Act;
    const line = JSON.stringify(a);
    for (const fine of ['1e3', '100.0', '-0', '01', '1.', '-', '1E+2', '9007199254740993']) {
      agree(line.replace(/"fine":\d+/, `"fine":${fine}`));
    }
    agree(line.replace('"id":"', '"id":"\\u0041'));
    agree(line.replace('"kind"', '"kind" '));
    agree(line.replace('{', '{"x":[1,{"y":[true,false,null,-1.5e-3]}],'));
    agree(`${line}x`);
    agree(`${line}   `);
    agree(line.replace('"dates":{', '"dates":{"decided":"2024-01-01",'));
    agree(`{"dates":{},${line.slice(1)}`);
  });

  it('on both sides of every boundary', () => {
    const day = (d: string, n: number) => addDays(d, n);
    const shifts = fc.integer({ min: -2, max: 2 });
    fc.assert(
      fc.property(
        fc.constantFrom(...acts.filter((a) => a.dates.decided)),
        fc.record({
          until: shifts,
          notice: shifts,
          filedBack: fc.integer({ min: 85, max: 100 }),
          acceptedBack: fc.constantFrom(19, 20, 21, 22, 29, 30, 31, 32),
          fine: fc.constantFrom(99, 100, 101, 0, 1),
          extended: fc.boolean(),
          asOfShift: shifts,
        }),
        (a, s) => {
          const decided = a.dates.decided as string;
          const b: Act = structuredClone(a);
          b.officers = b.officers.map((o, i) => (i === 0 ? { ...o, validUntil: day(decided, s.until) } : o));
          b.dates = {
            ...b.dates,
            notified: day(decided, s.notice),
            filed: day(decided, -s.filedBack),
            accepted: addWorkingDays(cal, decided, -s.acceptedBack),
            extended: s.extended,
          };
          b.fine = s.fine;
          agree(JSON.stringify(b));
          const pending = { ...b, dates: { ...b.dates, decided: null } };
          agreeAsOf(JSON.stringify(pending), day(decided, s.asOfShift));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on both sides of the boundaries of the rules on seizures, hearings, remittance, licensing outcomes and the discretion standard', () => {
    const days = [
      '2024-09-27',
      '2024-09-28',
      '2024-09-30',
      '2024-12-29',
      '2025-01-24',
      '2025-01-27',
      '2025-02-02',
    ];
    const byKind = (k: Act['kind']) => acts.filter((a) => a.kind === k);
    fc.assert(
      fc.property(
        fc.constantFrom(...byKind('coercion'), ...byKind('penalty'), ...byKind('licensing')),
        fc.record({
          start: fc.constantFrom(...days),
          gap: fc.integer({ min: 0, max: 70 }),
          pending: fc.boolean(),
          asOfGap: fc.integer({ min: 0, max: 70 }),
          measure: fc.constantFrom('seal', 'seize', 'other', null),
          extension: fc.constantFrom(null, { approved: true }, { approved: false, on: '2024-10-01' }),
          held: fc.boolean(),
          decision: fc.constantFrom('granted', 'refused', 'not_accepted', null),
          reason: fc.constantFrom(null, '', '  ', '理由', ' x'),
          receiptIssued: fc.constantFrom(true, false, null),
          fine: fc.constantFrom(499, 500, 5000, 5001, 1, 100),
          violation: fc.constantFrom('PRICE-01', 'PRICE-06', 'LAND-05'),
        }),
        (a, s) => {
          const b = structuredClone(a) as Act & Record<string, unknown>;
          const end = s.pending ? null : addDays(s.start, s.gap);
          const asOf = addDays(s.start, s.asOfGap);
          if (b.kind === 'coercion') {
            b.measure = s.measure as Act['measure'];
            b.extension = s.extension;
            b.dates = { ...b.dates, seized: s.start, released: end };
          } else if (b.kind === 'penalty') {
            b.fine = s.fine;
            b.violation = s.violation;
            b.payment = { method: 'onsite', receipt: true, collectedOn: s.start, remittedOn: end };
            b.hearing = { requested: true, held: s.held, noticedOn: s.start, heldOn: end };
          } else {
            b.decision = s.decision as Act['decision'];
            b.reason = s.reason;
            b.receiptIssued = s.receiptIssued;
          }
          agreeAsOf(JSON.stringify(b), asOf);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on both sides of outside-duty-list: lead, 协办 and foreign matters, by name or code, around the lists’ dates', () => {
    let fired = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...acts.filter((a) => a.dates.decided && a.kind !== 'other')),
        fc.constantFrom('529900-SCJ', '529921-SCJ', '529900-ZJJ', '529900-WJW'),
        fc.constantFrom(
          '食品经营许可',
          'XK-0001',
          '占道经营查处',
          'CF-0015',
          '违法建设查处',
          '电子商务经营者违法行为查处',
          '',
          null,
        ),
        fc.constantFrom('2020-12-31', '2021-01-01', '2024-12-31', '2025-01-01'),
        (a, agency, matter, decided) => {
          const b: Act = { ...structuredClone(a), agency, matter, dates: { ...a.dates, decided } };
          const line = JSON.stringify(b);
          if (agreeAsOf(line, '2025-12-31') === SUSPECT) {
            const only = full(line, { ...ctx('2025-12-31'), duties }).found;
            if (only.length === 1 && only[0].rule === 'outside-duty-list') fired++;
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(fired).toBeGreaterThan(100);
  });

  it('mirrors every per-act rule', () => {
    expect([...SCREENED_RULES]).toEqual(actRules.map((r) => r.name));
    expect(RULE_NAMES.filter((r) => !(CROSS_ACT_RULES as readonly string[]).includes(r))).toEqual([
      ...SCREENED_RULES,
    ]);
  });
});

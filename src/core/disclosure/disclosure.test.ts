import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Act } from '../acts/schema.js';
import { addWorkingDays, defaultCalendar, isWorkingDay, workingDaysBetween } from '../calendar/calendar.js';
import { addDays } from '../calendar/day-number.js';
import { act } from '../detect/testing.js';
import { idNumberCheck } from '../privacy/identifiers.js';
import { hasPersonalNumbers, MASK_CHAR } from '../privacy/mask.js';
import { periodBefore } from '../rulebook/period.js';
import {
  categoryOfAct,
  DEFAULT_DISCLOSURE,
  periodAfter,
  publicationDueOn,
  publicationOfAct,
  publishedFields,
  takeDownOn,
  WITHHOLD_CITES,
  withdrawalReason,
  withdrawsPublication,
} from './index.js';

const cal = defaultCalendar();
const P = DEFAULT_DISCLOSURE;

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const idNumberBorn = (born: string, seq = '123') => {
  const body = `529900${born.replaceAll('-', '')}${seq}`;
  return body + idNumberCheck(body);
};

const penalty = (over: Partial<Act> = {}) =>
  act('penalty', { dates: { decided: '2025-03-10' }, fine: 500, ...over });

describe('what a decision publishes (双公示, masked)', () => {
  it('an organisation by full name and credit code; its 双公示 fields', () => {
    const f = publishedFields(
      penalty({
        party: { type: 'org', id: '91529900MA6DXXXX1X', name: ' A市某某食品有限公司 ', creditCode: null },
        documentNo: 'A市市监罚〔2025〕12号',
        itemName: '销售过期食品案',
        category: '罚款',
        reason: '销售超过保质期的食品，联系电话13800138000',
        basis: '《食品安全法》第一百二十四条',
      }),
    );
    expect(f.party).toEqual({ type: 'org', name: 'A市某某食品有限公司', creditCode: null });
    expect(f).toMatchObject({
      documentNo: 'A市市监罚〔2025〕12号',
      itemName: '销售过期食品案',
      category: '罚款',
      basis: '《食品安全法》第一百二十四条',
      result: '罚款500元',
      content: null,
    });
    expect(f.reason).toBe('销售超过保质期的食品，联系电话138****8000');
  });

  it('a licence: 项目名称 defaults to the matter, 许可内容, no penalty fields', () => {
    const f = publishedFields(
      act('licensing', { dates: { decided: '2025-03-10' }, content: '食品销售', reason: 'x', fine: 9 }),
    );
    expect(f).toMatchObject({ itemName: '食品经营许可', content: '食品销售', reason: null, result: null });
  });

  it('never a natural person’s ID number, phone or given name, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(han, { minLength: 2, maxLength: 4 }).map((cs) => cs.join('')),
        day,
        fc.string({ maxLength: 20 }),
        (name, born, free) => {
          const idNumber = idNumberBorn(born);
          const text = `${free}${idNumber} 电话 13912345678 ${name}`;
          const a = penalty({
            party: { type: 'person', id: idNumber, name, creditCode: '91529900MA6DXXXX1X', idNumber },
            reason: text,
            result: text,
            basis: text,
            itemName: text,
            documentNo: text,
          });
          const f = publishedFields(a);
          const json = JSON.stringify(f);
          expect(json).not.toContain(idNumber);
          if (!name.includes(MASK_CHAR)) expect(json).not.toContain(name);
          expect(f.party?.creditCode).toBeNull();
          expect(f.party?.name?.slice(1)).toMatch(new RegExp(`^${MASK_CHAR}+$`));
          for (const v of [f.reason, f.result, f.basis, f.itemName, f.documentNo])
            expect(hasPersonalNumbers(v ?? '')).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('do-not-publish rules', () => {
  it('a minor on the day of the decision is withheld, with the rule; an adult is published', () => {
    const minor = idNumberBorn('2008-03-11');
    const a = penalty({ party: { type: 'person', id: 'x', idNumber: minor } });
    const pub = publicationOfAct(a, cal, P);
    expect(pub?.withheld).toEqual({ ground: 'minor', cite: WITHHOLD_CITES.minor });
    expect(pub?.fields).toBeNull();
    // Eighteen on 2025-03-11: an adult from 2025-03-12.
    const adult = publicationOfAct(penalty({ dates: { decided: '2026-03-12' }, party: a.party }), cal, P);
    expect(adult?.withheld).toBeNull();
    expect(publicationOfAct(a, cal, P, null)?.withheld).toBeNull(); // the ID number kept apart, not given
  });

  it('a declared ground is withheld with its provision', () => {
    const pub = publicationOfAct(penalty({ withhold: 'state_secret' }), cal, P);
    expect(pub?.withheld?.cite).toContain('政府信息公开条例》第十四条');
  });

  it('only granted licences and penalties, decided, are published', () => {
    expect(categoryOfAct(penalty())).toBe('penalty');
    expect(categoryOfAct(act('licensing', { dates: { decided: '2025-01-02' } }))).toBe('licensing');
    expect(
      categoryOfAct(act('licensing', { dates: { decided: '2025-01-02' }, decision: 'refused' })),
    ).toBeNull();
    expect(categoryOfAct(act('inspection', { dates: { decided: '2025-01-02' } }))).toBeNull();
    expect(categoryOfAct(penalty({ dates: { decided: null } }))).toBeNull();
  });

  it('a decision changed, revoked or confirmed illegal is withdrawn with the reason', () => {
    expect(withdrawsPublication(penalty({ review: 'revoked' }))).toBe(true);
    expect(withdrawsPublication(penalty({ review: 'upheld' }))).toBe(false);
    expect(withdrawalReason('confirmed_illegal')).toContain('确认违法');
  });
});

describe('deadlines', () => {
  it('7 working days for licences and penalties, 20 for others, across National Day', () => {
    expect(publicationDueOn(cal, 'penalty', '2024-09-27', P)).toBe('2024-10-12'); // a make-up Saturday
    expect(publicationDueOn(cal, 'licensing', '2025-03-10', P)).toBe('2025-03-19');
    expect(publicationDueOn(cal, 'other', '2025-03-10', P)).toBe('2025-04-08');
  });

  it('the due day is a working day, the 7th after the decision (property)', () => {
    fc.assert(
      fc.property(day, (d) => {
        const due = publicationDueOn(cal, 'penalty', d, P);
        expect(isWorkingDay(cal, due)).toBe(true);
        expect(workingDaysBetween(cal, d, due)).toBe(7);
        expect(due).toBe(addWorkingDays(cal, d, 7));
      }),
    );
  });

  it('retention: natural persons two years, organisations five, by the calendar date', () => {
    expect(takeDownOn('person', '2024-03-10', P)).toBe('2026-03-11');
    expect(takeDownOn('org', '2024-03-10', P)).toBe('2029-03-11');
    expect(takeDownOn('person', '2024-02-29', P)).toBe('2026-03-01');
    expect(takeDownOn(null, '2024-03-10', P)).toBe('2026-03-11');
  });

  it('a publication comes down the day after its retention ends, never before (property)', () => {
    fc.assert(
      fc.property(day, fc.constantFrom<'person' | 'org'>('person', 'org'), (d, type) => {
        const down = takeDownOn(type, d, P);
        const retention = type === 'org' ? P.retention.org : P.retention.person;
        const last = addDays(down, -1);
        expect(last).toBe(periodAfter(d, retention));
        expect(down > d).toBe(true);
        // The last day online is the corresponding date, or the month's end when there is none.
        expect(periodBefore(last, retention) <= d).toBe(true);
      }),
    );
  });
});

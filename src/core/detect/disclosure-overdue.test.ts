import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../calendar/calendar.js';
import { idNumberCheck } from '../privacy/identifiers.js';
import { disclosureOverdue } from './disclosure-overdue.js';
import { act, cal, check } from './testing.js';

const penalty = (decided: string, publishedOn: string | null, over = {}) =>
  act('penalty', { dates: { decided }, publishedOn, ...over });

describe('disclosure-overdue (国办发〔2018〕118号, licensing.02 / penalty.12)', () => {
  it('published on the 7th working day is in time, on the 8th late — across National Day 2024', () => {
    // Decided Fri 27 Sep 2024: Sun 29 Sep is a make-up day, 1–7 Oct off; the 7th is Sat 12 Oct (make-up).
    const seventh = '2024-10-12';
    expect(addWorkingDays(cal, '2024-09-27', 7)).toBe(seventh);
    expect(check(disclosureOverdue, penalty('2024-09-27', seventh))).toBeNull();
    expect(check(disclosureOverdue, penalty('2024-09-27', '2024-10-13'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'disclosure-overdue',
      fault: 'penalty.12',
      basis: '国办发〔2018〕118号、政府信息公开条例第二十六条',
      detail:
        '2024-09-27作出行政处罚决定，2024-10-13公示，为决定后第8个工作日，应于7个工作日内（2024-10-12前）公示',
    });
  });

  it('not published: counted to the as-of date, late from the 8th working day', () => {
    expect(check(disclosureOverdue, penalty('2025-12-19', null), '2025-12-30')).toBeNull();
    expect(check(disclosureOverdue, penalty('2025-12-19', null), '2025-12-31')?.detail).toBe(
      '2025-12-19作出行政处罚决定，截至2025-12-31未公示，应于7个工作日内（2025-12-30前）公示',
    );
  });

  it('licences granted (or with no outcome) are checked as licensing.02; refusals, other kinds and withheld ones are not', () => {
    const lic = (decision: 'granted' | 'refused' | null) =>
      act('licensing', { dates: { decided: '2025-03-10' }, decision, publishedOn: '2025-06-01' });
    expect(check(disclosureOverdue, lic('granted'))?.fault).toBe('licensing.02');
    expect(check(disclosureOverdue, lic(null))?.fault).toBe('licensing.02');
    expect(check(disclosureOverdue, lic('refused'))).toBeNull();
    expect(
      check(disclosureOverdue, act('inspection', { dates: { decided: '2025-03-10' }, publishedOn: null })),
    ).toBeNull();
    expect(check(disclosureOverdue, penalty('2025-03-10', null, { withhold: 'state_secret' }))).toBeNull();
    const body = `52990020100101123`;
    const minor = { type: 'person' as const, id: 'x', idNumber: body + idNumberCheck(body) };
    expect(check(disclosureOverdue, penalty('2025-03-10', null, { party: minor }))).toBeNull();
    expect(check(disclosureOverdue, penalty('2025-03-10', null))).not.toBeNull();
  });
});

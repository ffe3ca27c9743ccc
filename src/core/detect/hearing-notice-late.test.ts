import { describe, expect, it } from 'vitest';
import { hearingNoticeLate } from './hearing-notice-late.js';
import { act, check } from './testing.js';

const held = (noticedOn: string | null, heldOn: string | null, isHeld = true) =>
  act('penalty', { fine: 50_000, hearing: { requested: true, held: isHeld, noticedOn, heldOn } });

describe('hearing-notice-late (行政处罚法第六十四条、第八十五条, penalty.10)', () => {
  it('across National Day 2024 and its make-up days (29 Sep, 12 Oct) the 7th working day is 12 Oct', () => {
    // Notice Fri 27 Sep: Sun 29 Sep (make-up) is the 1st working day after, Sat 12 Oct the 7th.
    expect(check(hearingNoticeLate, held('2024-09-27', '2024-10-12'))).toBeNull();
    expect(check(hearingNoticeLate, held('2024-09-27', '2024-10-11'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'hearing-notice-late',
      fault: 'penalty.10',
      basis: '行政处罚法第六十四条、第八十五条',
      detail:
        '2024-09-27通知听证，2024-10-11举行听证，间隔6个工作日，未在举行听证的七日前通知（最早应于2024-10-12举行）',
    });
  });

  it('across Spring Festival 2025 and its make-up days (26 Jan, 8 Feb)', () => {
    // Notice Fri 24 Jan: 26 Jan, 27 Jan, 5–8 Feb are the 1st to 6th working days, Mon 10 Feb the 7th.
    expect(check(hearingNoticeLate, held('2025-01-24', '2025-02-10'))).toBeNull();
    expect(check(hearingNoticeLate, held('2025-01-24', '2025-02-08'))?.detail).toContain('间隔6个工作日');
    expect(check(hearingNoticeLate, held('2025-01-24', '2025-02-09'))?.detail).toContain(
      '最早应于2025-02-10',
    );
    // A notice on a day off counts from the next working day.
    // (Sun 2 Feb, in the holiday: 5, 6, 7, Sat 8 (make-up), 10, 11 Feb, then 12 Feb the 7th.)
    expect(check(hearingNoticeLate, held('2025-02-02', '2025-02-12'))).toBeNull();
    expect(check(hearingNoticeLate, held('2025-02-02', '2025-02-11'))).not.toBeNull();
  });

  it('needs a hearing held with both dates, on a penalty', () => {
    expect(check(hearingNoticeLate, held('2025-03-03', '2025-03-04', false))).toBeNull();
    expect(check(hearingNoticeLate, held(null, '2025-03-04'))).toBeNull();
    expect(check(hearingNoticeLate, held('2025-03-03', null))).toBeNull();
    expect(
      check(
        hearingNoticeLate,
        act('licensing', {
          hearing: { requested: true, held: true, noticedOn: '2025-03-03', heldOn: '2025-03-04' },
        }),
      ),
    ).toBeNull();
    // Held before the notice: no working day between.
    expect(check(hearingNoticeLate, held('2025-03-10', '2025-03-03'))?.detail).toContain('间隔0个工作日');
  });
});

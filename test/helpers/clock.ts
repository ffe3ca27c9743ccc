// A clock the tests set: `buildApp({ clock })` reads it, so a test moves the date instead of
// back-dating rows with SQL.
import { todayInChina } from '../../src/core/dates.js';
import type { Clock } from '../../src/server/clock.js';

export interface TestClock extends Clock {
  /** China's date at now(). */
  today(): string;
  /** Stop at `at`: a moment, or a date 'YYYY-MM-DD' (noon in China that day). */
  set(at: Date | string): void;
  /** Move by whole days (from the current setting, or from the system's now if not set). */
  advance(days: number): void;
  /** Follow the system clock again. */
  reset(): void;
}

const momentOf = (at: Date | string) =>
  typeof at === 'string' ? new Date(`${at}T12:00:00+08:00`) : new Date(at.getTime());

/** A clock stopped at `at`; without it, the system clock until set. */
export function fixedClock(at?: Date | string): TestClock {
  let fixed: Date | null = at === undefined ? null : momentOf(at);
  const now = () => (fixed ? new Date(fixed.getTime()) : new Date());
  return {
    now,
    today: () => todayInChina(now()),
    set(to) {
      fixed = momentOf(to);
    },
    advance(days) {
      fixed = new Date(now().getTime() + days * 86_400_000);
    },
    reset() {
      fixed = null;
    },
  };
}

// The app's clock: what "now" and "today" mean to the routes, the case services and the
// supervision jobs. `buildApp({ clock })` injects one (tests set the date instead of back-dating
// rows); by default it is the system clock. Security timers (session expiry, sign-in lockouts,
// TOTP windows, rate limits, password age) stay on the system clock: they are measured against
// the database's `now()` and the user's authenticator.
import { todayInChina } from '../core/dates.js';

/** A source of the current moment. */
export interface Clock {
  now(): Date;
}

/** The clock as the app exposes it (`app.clock`). */
export interface AppClock extends Clock {
  /** Today's date in China ('YYYY-MM-DD'), the way the law counts days. */
  today(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** The app's clock over `clock`: today() is China's date at clock.now(). */
export function appClock(clock: Clock = systemClock): AppClock {
  return { now: () => clock.now(), today: () => todayInChina(clock.now()) };
}

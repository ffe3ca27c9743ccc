// The nightly detection run: every rule over every act, once a day at 02:00 China time, so that the
// time-based rules (a licensing application still undecided past its deadline) and calendar changes
// reach the findings and the leads inbox without an import. The timer is unref'd (it never keeps
// the process alive) and off under tests (VITEST, NODE_ENV=test) or with WENZE_NIGHTLY=off.
// On start the working-day table is brought in line with the calendar in force.
import type { FastifyInstance } from 'fastify';
import { anchorAuditHead } from '../../store/audit.repository.js';
import { syncCalendarTable } from '../../store/calendar-days.js';
import type { Database } from '../../store/db.js';
import { type DetectionResult, detectAll } from '../../store/detect-sql.js';
import { type RunTrigger, recordDetectionRun } from '../../store/detection-runs.js';
import { sweepAudit, sweepPublications } from '../../store/publications.repository.js';
import { recheckDue } from '../corrections/service.js';
import { scheduleFiguresRefresh } from './public-figures.js';

export interface NightlyOptions {
  /** Default: on, except under tests or with WENZE_NIGHTLY=off. */
  enabled?: boolean;
  /** Hour of the day, China time (default 2). */
  hour?: number;
}

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000; // Asia/Shanghai has no daylight saving time

/** Milliseconds from `now` to the next `hour`:00 in China. */
export function msUntilNext(hour: number, now = Date.now()): number {
  const local = now + CHINA_OFFSET;
  let run = Math.floor(local / DAY) * DAY + hour * 3_600_000;
  if (run <= local) run += DAY;
  return run - local;
}

function enabledByDefault(): boolean {
  return !process.env.VITEST && process.env.NODE_ENV !== 'test' && process.env.WENZE_NIGHTLY !== 'off';
}

/** The run in progress on each database: overlapping requests share it. */
const running = new WeakMap<Database, Promise<DetectionResult>>();

/**
 * One full run — every rule over every act, as of `asOf` (the app's today in China; also what
 * `wenze scan-db` does) — recorded in the audit log. A run already in progress on the database is
 * shared.
 */
export function runDetection(
  database: Database,
  by: { trigger: RunTrigger; actorId?: string | null; actorName?: string | null },
  asOf: string,
): Promise<DetectionResult> {
  let run = running.get(database);
  if (!run) {
    run = (async () => {
      try {
        const result = await detectAll(database, { asOf });
        await recordDetectionRun(database.db, { ...by, result });
        return result;
      } finally {
        running.delete(database);
      }
    })();
    running.set(database, run);
  }
  return run;
}

export default async function nightly(app: FastifyInstance, opts: NightlyOptions = {}) {
  const hour = opts.hour ?? 2;
  let timer: NodeJS.Timeout | null = null;

  async function runOnce(): Promise<DetectionResult | null> {
    try {
      // 行政执法决定公示 first: decisions without a publication are published (the rules read
      // publications), expired ones taken down.
      const today = app.clock.today();
      await sweepPublications(app.database, today, sweepAudit({ actorName: 'system:nightly' }, today))
        .then((r) => app.log.info({ disclosure: r }, 'nightly disclosure sweep'))
        .catch((err) => app.log.error({ err }, 'disclosure sweep failed'));
      const result = await runDetection(app.database, { trigger: 'nightly' }, app.clock.today());
      app.log.info({ result }, 'nightly detection');
      // Then the correction measures that fell due are re-checked against the fresh findings (纠错).
      await recheckDue(app, { kind: 'all' }, null)
        .then((r) => app.log.info({ corrections: r }, 'nightly correction re-check'))
        .catch((err) => app.log.error({ err }, 'correction re-check failed'));
      // The portal's statistics and annual report figures, from the day's data (never throws).
      await scheduleFiguresRefresh(app, 'all');
      // The nightly run also anchors the audit chain's head (outside the database).
      await anchorAuditHead(app.database.db).catch((err) => app.log.error({ err }, 'audit anchor failed'));
      return result;
    } catch (err) {
      app.log.error({ err }, 'nightly detection failed');
      return null;
    }
  }

  function schedule() {
    timer = setTimeout(
      async () => {
        await runOnce();
        schedule();
      },
      msUntilNext(hour, app.clock.now().getTime()),
    );
    timer.unref();
  }

  app.addHook('onReady', async () => {
    try {
      await syncCalendarTable(app.database.raw);
    } catch (err) {
      app.log.error({ err }, 'calendar table refresh failed');
    }
    if (opts.enabled ?? enabledByDefault()) schedule();
  });
  app.addHook('onClose', async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    await running.get(app.database)?.catch(() => undefined);
  });
}

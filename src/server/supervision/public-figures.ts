// The portal's figures kept fresh (issue 15): one refresh at a time per database, requests made
// while one waits joining it; which writes of the API call for one. The nightly run, the portal's
// routes (on start, after a write) and the tests use it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../store/db.js';
import { refreshAllPublicFigures, refreshPublicFigures } from '../../store/public-figures.repository.js';

type Which = 'accountability' | 'all';
interface Refresher {
  chain: Promise<void>;
  queued: Which | null;
}
const refreshers = new WeakMap<Database, Refresher>();

/**
 * Refresh the figures after the running refresh (one at a time per database; requests made while
 * one waits join it, the larger kind winning). Never throws: a failure is logged.
 */
export function scheduleFiguresRefresh(app: FastifyInstance, which: Which): Promise<void> {
  let r = refreshers.get(app.database);
  if (!r) {
    r = { chain: Promise.resolve(), queued: null };
    refreshers.set(app.database, r);
  }
  const state = r;
  if (state.queued !== null) {
    if (which === 'all') state.queued = 'all';
    return state.chain;
  }
  state.queued = which;
  state.chain = state.chain.then(async () => {
    const kind = state.queued ?? which;
    state.queued = null;
    try {
      const res =
        kind === 'all'
          ? await refreshAllPublicFigures(app.database.db, app.clock.now())
          : await app.database.db
              .transaction()
              .execute((trx) => refreshPublicFigures(trx, 'accountability', app.clock.now()));
      app.log.info({ figures: { kind, ...res } }, 'public figures refreshed');
    } catch (err) {
      app.log.error({ err }, 'public figures refresh failed');
    }
  });
  return state.chain;
}

/** The refresh in progress, if any (tests wait for it). */
export const figuresSettled = (app: FastifyInstance): Promise<void> =>
  refreshers.get(app.database)?.chain ?? Promise.resolve();

/** Successful writes after which the figures are refreshed, and how much of them. */
export function refreshAfter(req: FastifyRequest, status: number): Which | null {
  if (req.method !== 'POST' || status >= 300) return null;
  const url = req.routeOptions.url ?? '';
  if (/^\/api\/v1\/acts::?(bulk|upload)$/.test(url)) return 'all';
  if (/^\/api\/v1\/(cases|appeals|tolerance-applications|leads)(\/|$)/.test(url)) return 'accountability';
  return null;
}

// Anchoring the audit chain while the server runs (src/store/audit.repository.ts): the head is
// signed into the key directory's anchor file when the server is ready, every
// WENZE_AUDIT_ANCHOR_MINUTES (default 10) if it moved, and when the server closes. With keys held
// in memory only (tests) there is no anchor file and nothing is written.
import type { FastifyInstance } from 'fastify';
import { anchorAuditHead } from '../store/audit.repository.js';

export function anchorAuditPeriodically(
  app: FastifyInstance,
  minutes = Number(process.env.WENZE_AUDIT_ANCHOR_MINUTES ?? 10),
): void {
  let timer: NodeJS.Timeout | null = null;
  const anchor = async () => {
    try {
      await anchorAuditHead(app.database.db);
    } catch (err) {
      app.log.error({ err }, 'anchoring the audit log failed');
    }
  };
  app.addHook('onReady', async () => {
    await anchor();
    if (Number.isFinite(minutes) && minutes > 0) {
      timer = setInterval(anchor, minutes * 60_000);
      timer.unref();
    }
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    timer = null;
    await anchor();
  });
}

// Loading the demo city's duty lists (src/core/duties/demo.ts) inside the demo's transaction: each
// of the demo's imports as the import writes it — the lists of 2021 for every agency, then the newer
// lists of 市住建局 and 市市场监管局 superseding theirs from 2025 —, each with its audit entry.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { demoDutyImports } from '../core/duties/demo.js';
import { dutyItemsCsv } from '../core/duties/item.js';
import { importDutiesIn } from './duties.repository.js';
import type { DB } from './schema.js';

/** Load the demo's lists (after the regions and agencies). Returns how many items. */
export async function loadDemoDuties(trx: Transaction<DB>): Promise<number> {
  let n = 0;
  for (const imp of demoDutyImports()) {
    const fileName = `演示权责清单-${imp.effectiveFrom}.csv`;
    const sha256 = createHash('sha256').update(dutyItemsCsv(imp.items)).digest('hex');
    await importDutiesIn(trx, imp.items, {
      fileName,
      sha256,
      importedBy: { id: null, name: 'system' },
      audit: (r) => ({
        regionCode: '520000',
        actorId: null,
        actorName: 'system',
        action: 'duties.import',
        objectType: 'duty_import',
        objectId: String(r.importId),
        detail: { file: fileName, items: r.report.items, agencies: r.agencies.length },
      }),
    });
    n += imp.items.length;
  }
  return n;
}

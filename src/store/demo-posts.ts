// Loading the demo city's posts (src/demo/posts.ts) inside the demo's transaction, after its
// officers and duty lists, with one audit entry for them all.
import type { Transaction } from 'kysely';
import { demoDutyImports } from '../core/duties/demo.js';
import { demoPosts } from '../demo/posts.js';
import { appendAudit } from './audit.repository.js';
import type { DB } from './schema.js';

/** Load the demo's posts and their holders. Returns how many posts. */
export async function loadDemoPosts(
  trx: Transaction<DB>,
  agencies: readonly { id: string; regionCode: string }[],
  officers: readonly { id: string; agencyId: string; post: string | null }[],
): Promise<number> {
  const region = new Map(agencies.map((a) => [a.id, a.regionCode]));
  const posts = demoPosts(
    agencies.map((a) => a.id),
    officers,
    demoDutyImports().flatMap((i) => i.items),
  );
  let holdings = 0;
  for (const p of posts) {
    const regionCode = region.get(p.agencyId)!;
    const { id } = await trx
      .insertInto('posts')
      .values({
        agencyId: p.agencyId,
        regionCode,
        name: p.name,
        stages: JSON.stringify(p.stages),
        codes: JSON.stringify(p.codes),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p.holdings.length > 0) {
      await trx
        .insertInto('officerPosts')
        .values(
          p.holdings.map((h) => ({
            postId: id,
            officerId: h.officerId,
            regionCode,
            fromDate: h.from,
            toDate: h.to,
          })),
        )
        .execute();
      holdings += p.holdings.length;
    }
  }
  await appendAudit(trx, {
    regionCode: '520000',
    actorId: null,
    actorName: 'system',
    action: 'posts.demo',
    objectType: 'system',
    objectId: 'demo',
    detail: { posts: posts.length, holdings },
  });
  return posts.length;
}

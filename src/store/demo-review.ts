// A case-file review and an external evaluation for the demo city (after loadDemoActs), so that a new
// user opens 案卷评查 and 外部评议 to find one of each under way. The review: this year's licensing and
// penalty acts drawn with a recorded seed, double scoring by 第一组 (the office's leader and
// investigator, an external lawyer), most spot-check files scored by two reviewers who agree, one
// whose two totals differ by more than the margin (待合议), one not yet scored; the self-check scored
// by the two agencies that have a legal office account. The evaluation: four city agencies rated by
// the public (by code) and the evaluator (signed in), some comments approved, some waiting. Scores are
// computed by the same core functions the server uses; nothing random.

import { todayInChina } from '../core/dates.js';
import { answerMean } from '../core/evaluation/answer.js';
import { codeFromBytes } from '../core/evaluation/code.js';
import { regionPrefix } from '../core/policies/actor.js';
import { createRng } from '../core/random.js';
import { sampleActs } from '../core/review/sample.js';
import { type ReviewMarksInput, reconcileScores, scoreFile } from '../core/review/score.js';
import { selectPack } from '../core/rulebook/packs/registry.js';
import { packNameForRegion } from '../core/workflow/pack.js';
import { appendAudit } from './audit.repository.js';
import type { Database } from './db.js';
import { codeHash } from './evaluation.repository.js';
import {
  candidateOf,
  eligibleActs,
  insertCampaign,
  insertFiles,
  listFiles,
  recordDraw,
  replaceReviewers,
  upsertScore,
} from './review.repository.js';

const REGION = '529900';

/** The reviewers' marks, cycled through the files (totals 100, 99, 97, 96 with a basic defect). */
const MARKS: ReviewMarksInput[] = [
  { vetoes: [], deductions: [] },
  { vetoes: [], deductions: [{ item: 'form.filling', count: 1, note: '送达回证未填写送达日期' }] },
  {
    vetoes: [],
    deductions: [
      { item: 'content.records', count: 2, note: '询问笔录未经当事人逐页签名' },
      { item: 'form.order', count: 1, note: '卷内材料未按时间顺序排列' },
    ],
  },
  {
    vetoes: [],
    deductions: [{ item: 'content.prior_notice', count: 1, note: '告知书未载明听证权利' }],
  },
];
/** The second reviewer of the file that needs 合议: 7 points further off. */
const FAR: ReviewMarksInput = {
  vetoes: [],
  deductions: [
    { item: 'content.evidence_chain', count: 3, note: '现场照片与笔录记载不一致，证据链不完整' },
    { item: 'form.filling', count: 1, note: '立案审批表未填写承办人意见' },
  ],
};

/** A code whose text the demo does not keep (only the hash is stored), from fixed bytes. */
const demoCode = (n: number) =>
  codeFromBytes(Uint8Array.from({ length: 11 }, (_, i) => (n * 31 + i * 7) & 255));

export async function loadDemoReview(database: Database, today = todayInChina()): Promise<void> {
  const pack = packNameForRegion(REGION);
  const params = selectPack(pack, today).params;
  const rubric = params.review;
  const form = params.evaluation;
  if (!rubric || !form) return;
  const year = today.slice(0, 4);
  const kinds = ['licensing', 'penalty'] as const;
  await database.db.transaction().execute(async (trx) => {
    const users = new Map(
      (await trx.selectFrom('users').select(['id', 'username', 'agencyId']).execute()).map((u) => [
        u.username,
        u,
      ]),
    );
    const id = (u: string) => users.get(u)!.id;
    const legalOf = new Map(
      [...users.values()].filter((u) => u.agencyId).map((u) => [u.agencyId!, u.id] as const),
    );

    // --- 案卷评查 ---
    const scope = {
      agencyIds: [] as string[],
      kinds: [...kinds],
      periodFrom: `${year}-01-01`,
      periodTo: today,
    };
    const rows = await eligibleActs(trx, scope, regionPrefix(REGION));
    const seed = `${year}1125`;
    const sample = sampleActs(rows.map(candidateOf), {
      size: 12,
      seed,
      from: scope.periodFrom,
      to: today,
      kinds: scope.kinds,
    });
    if (sample.acts.length >= 3) {
      const campaignId = await insertCampaign(trx, {
        regionCode: REGION,
        name: `A市${year}年度行政执法案卷评查（演示）`,
        kind: 'routine',
        agencyIds: '[]',
        kinds: JSON.stringify(scope.kinds),
        periodFrom: scope.periodFrom,
        periodTo: today,
        seed,
        size: 12,
        pack,
        packOn: today,
        doubleScoring: true,
        state: 'spot_check',
        createdBy: id('sfj'),
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const reviewers = [id('sfj'), id('sfjdc'), id('pingjia')];
      await insertFiles(
        trx,
        sample.acts.flatMap((actId) => {
          const a = byId.get(actId)!;
          const base = { campaignId, regionCode: a.regionCode, actId, agencyId: a.agencyId, kind: a.kind };
          return [
            { ...base, stage: 'self' as const },
            {
              ...base,
              stage: 'spot' as const,
              reviewGroup: '第一组',
              reviewerIds: JSON.stringify(reviewers),
            },
          ];
        }),
      );
      await recordDraw(trx, campaignId, sample.strata, new Date());
      await replaceReviewers(trx, campaignId, REGION, [
        { userId: id('sfj'), reviewGroup: '第一组', leader: true, externalLawyer: false },
        { userId: id('sfjdc'), reviewGroup: '第一组', leader: false, externalLawyer: false },
        { userId: id('pingjia'), reviewGroup: '第一组', leader: false, externalLawyer: true },
      ]);
      const files = await listFiles(trx, campaignId, {});
      const spot = files.filter((f) => f.stage === 'spot');
      const now = new Date();
      for (const f of files.filter((x) => x.stage === 'self')) {
        const by = legalOf.get(f.agencyId);
        if (!by) continue;
        const marks = { act: f.actId, kind: f.kind, ...MARKS[0]! };
        const score = scoreFile(rubric, marks);
        await trx
          .updateTable('reviewFiles')
          .set({
            marks: JSON.stringify({ vetoes: marks.vetoes, deductions: marks.deductions }),
            score: JSON.stringify(score),
            total: score.total,
            grade: score.grade,
            scoredBy: by,
            scoredAt: now,
          })
          .where('id', '=', f.id)
          .execute();
      }
      // The last spot-check file is not scored yet; the one before waits for 合议.
      for (const [i, f] of spot.slice(0, -1).entries()) {
        const far = i === spot.length - 2;
        // Neighbouring marks differ by at most 4 points (within A市's margin of 5); FAR by 7 from a clean file.
        const a = far ? MARKS[0]! : MARKS[i % MARKS.length]!;
        const b = far ? FAR : MARKS[(i + 1) % MARKS.length]!;
        const scores = [a, b].map((m) => scoreFile(rubric, { act: f.actId, kind: f.kind, ...m }));
        for (const [k, who] of ['sfjdc', 'pingjia'].entries()) {
          const m = [a, b][k]!;
          await upsertScore(trx, {
            fileId: f.id,
            regionCode: f.regionCode,
            reviewerId: id(who),
            marks: JSON.stringify({ vetoes: m.vetoes ?? [], deductions: m.deductions ?? [] }),
            score: JSON.stringify(scores[k]),
            total: scores[k]!.total,
            grade: scores[k]!.grade,
            scoredAt: now,
          });
        }
        const r = reconcileScores(rubric, scores[0]!, scores[1]!);
        await trx
          .updateTable('reviewFiles')
          .set({
            total: r.total,
            grade: r.grade,
            scoredBy: r.agreed ? id('pingjia') : null,
            scoredAt: r.agreed ? now : null,
            reconciliation: JSON.stringify({
              agreed: r.agreed,
              difference: r.difference,
              margin: rubric.reconcileMargin,
              reason: r.reason,
            }),
          })
          .where('id', '=', f.id)
          .execute();
      }
    }

    // --- 外部评议 ---
    const agencies = ['529900-SCJ', '529900-ZHJ', '529900-ZJJ', '529900-STJ'];
    const evaluationId = (
      await trx
        .insertInto('evaluationCampaigns')
        .values({
          regionCode: REGION,
          name: `A市${year}年度行政执法社会评议（演示）`,
          agencyIds: JSON.stringify(agencies),
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
          audiences: JSON.stringify(['expert', 'monitor', 'public']),
          form: JSON.stringify(form),
          pack,
          packOn: today,
          createdBy: id('sfj'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const rng = createRng(2026_1208);
    const comments = [
      '办事效率高，工作人员态度好。',
      '检查时出示了证件，告知了权利。',
      '整改期限太短，希望多些指导。',
    ];
    let n = 0;
    for (const [k, agencyId] of agencies.entries()) {
      for (let j = 0; j < 6; j++) {
        n += 1;
        const invitation = (
          await trx
            .insertInto('evaluationInvitations')
            .values({
              campaignId: evaluationId,
              regionCode: REGION,
              agencyId,
              audience: 'public',
              codeHash: codeHash(demoCode(n)),
              expiresOn: `${year}-12-31`,
              usedAt: new Date(),
              issuedBy: id('sfj'),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        const scores = Object.fromEntries(
          form.items.map((i) => [i.key, Math.min(5, rng.int(2, 5) + (k === 0 ? 1 : 0))]),
        );
        const comment = j < comments.length ? comments[(j + k) % comments.length]! : null;
        await trx
          .insertInto('evaluationAnswers')
          .values({
            campaignId: evaluationId,
            regionCode: REGION,
            agencyId,
            audience: 'public',
            invitationId: invitation,
            userId: null,
            scores: JSON.stringify(scores),
            mean: answerMean(scores),
            comment,
            moderation: comment === null ? 'none' : j === 0 ? 'pending' : 'approved',
            moderatedBy: comment !== null && j > 0 ? id('sfj') : null,
            moderatedAt: comment !== null && j > 0 ? new Date() : null,
          })
          .execute();
      }
    }
    await appendAudit(trx, {
      regionCode: REGION,
      actorId: null,
      actorName: 'system',
      action: 'demo.review',
      objectType: 'system',
      objectId: 'demo',
      detail: { reviewFiles: sample.acts.length, evaluationAnswers: n },
    });
  });
}

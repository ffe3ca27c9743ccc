// 案卷评查 over HTTP: setting up a campaign, the procedure's steps (the draw reads the acts table and
// draws with `sampleActs` and the recorded seed, as `wenze review sample` does from a file), the
// reviewer pool and the assignment of files (never to a reviewer of the file's own agency), scoring a
// file with the campaign's rubric (`scoreFile`) — a failed veto or a deduction that names a catalogue
// fault opens a lead (source 案卷评查) in the office's inbox in the same transaction —, and the
// results per file, per agency and per campaign. Every write is audited; every check is made against
// the stored campaign and file.
import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACT_KIND_LABELS, ACT_KINDS } from '../../core/acts/codes.js';
import { actSchema } from '../../core/acts/schema.js';
import { regionCovers, regionPrefix } from '../../core/policies/actor.js';
import {
  canCreateCampaign,
  canReadCampaign,
  canReadFile,
  type DoubleScoring,
  isReviewOffice,
  reconcileRefusal,
  reviewCampaignActorKinds,
  reviewerRefusal,
  scoreRefusal,
} from '../../core/policies/review.js';
import { type AgencyRef, assignGroups, isOwnAgency, OWN_AGENCY_BASIS } from '../../core/review/assign.js';
import { AGREEMENTS, summarize } from '../../core/review/results.js';
import { REVIEW_GRADES, type ReviewRubric, reviewRubricSchema } from '../../core/review/rubric.js';
import { checkSampleOptions, sampleActs } from '../../core/review/sample.js';
import { type FileScore, reconcileScores, reviewMarksSchema, scoreFile } from '../../core/review/score.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import { ValidationError } from '../../core/validation.js';
import { actionAvailability, auditDetail, checkAction } from '../../core/workflow/engine.js';
import { packNameForRegion } from '../../core/workflow/pack.js';
import {
  REVIEW_CAMPAIGN_KINDS,
  REVIEW_CAMPAIGN_PROCEDURE,
  REVIEW_CAMPAIGN_STATES,
  REVIEW_STAGE_LABELS,
  REVIEW_STAGES,
  type ReviewCampaignAction,
  type ReviewCampaignSnapshot,
  STAGE_STATE,
} from '../../core/workflow/review-campaign.js';
import {
  actRecord,
  agenciesOf,
  agencyNames,
  type CampaignRow,
  campaignReach,
  candidateOf,
  claimCampaign,
  dropDepartedReviewers,
  eligibleActs,
  type FileRow,
  findCampaign,
  findFile,
  findTwin,
  groupLoads,
  insertCampaign,
  insertFiles,
  insertReviewLead,
  isGroupLeader,
  listFiles,
  listReviewers,
  listScores,
  lockedCampaignState,
  recordDraw,
  regionExists,
  replaceReviewers,
  reviewerCandidates,
  scoredFiles,
  setCampaignState,
  updateFile,
  upsertScore,
  usersByIds,
} from '../../store/review.repository.js';
import type { DB } from '../../store/schema.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { availabilitySchema, iso, isoDate, regionCode, versionField } from '../schemas.js';
import { actorOf } from '../types.js';

type Req = FastifyRequest;
const bad = (path: string, message: string) => new HttpError(400, message, [{ path, message }]);
const P = REVIEW_CAMPAIGN_PROCEDURE;

// --- schemas ------------------------------------------------------------------------------------

export const createCampaignSchema = z.object({
  name: z.string().trim().min(2, { message: '请填写评查活动名称（至少 2 字）' }).max(100),
  kind: z.enum(REVIEW_CAMPAIGN_KINDS),
  /** The region it covers (default the office's own). */
  regionCode: regionCode.optional(),
  /** Agencies in scope; empty: every agency of the region. */
  agencyIds: z.array(z.string().trim().min(1).max(40)).max(200).default([]),
  kinds: z.array(z.enum(ACT_KINDS)).min(1).max(ACT_KINDS.length).default(['licensing', 'penalty']),
  /** The decision dates of the acts in scope. */
  from: isoDate,
  to: isoDate,
  size: z.number().int().min(1).max(2000),
  /** Recorded with the draw; the same seed and acts draw the same files. Default: a random number. */
  seed: z.string().trim().min(1).max(100).optional(),
  /** Two reviewers score each spot-check file; totals further apart than the rubric's margin are reconciled. */
  doubleScoring: z.boolean().default(false),
});

const version = versionField;
export const campaignActionSchemas = {
  draw: z.object({ version }),
  start_self_check: z.object({ version }),
  start_spot_check: z.object({ version }),
  close: z.object({ version }),
} satisfies { [A in ReviewCampaignAction]: z.ZodType };

export const reviewersSchema = z.object({
  version,
  reviewers: z
    .array(
      z.object({
        userId: z.uuid({ message: '用户编号无效' }),
        group: z.string().trim().min(1, { message: '请填写评查组' }).max(40),
        leader: z.boolean().default(false),
        externalLawyer: z.boolean().default(false),
      }),
    )
    .max(200),
});

export const fileReviewersSchema = z.object({
  version,
  reviewerIds: z.array(z.uuid({ message: '用户编号无效' })).max(10),
});

export const marksSchema = z.object({
  version,
  vetoes: reviewMarksSchema.shape.vetoes,
  deductions: reviewMarksSchema.shape.deductions,
});

/** The group leader's final score of a double-scored file (合议): the agreed marks and a note. */
export const reconcileSchema = marksSchema.extend({
  note: z.string().trim().min(2, { message: '请写明合议意见（至少 2 字）' }).max(2000),
});

const ACTIONS = Object.keys(P.actions) as [ReviewCampaignAction, ...ReviewCampaignAction[]];

const strataSchema = z.array(
  z.object({ agencyId: z.string(), agencyName: z.string(), eligible: z.number(), drawn: z.number() }),
);

export const campaignSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  kind: z.enum(REVIEW_CAMPAIGN_KINDS),
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  kinds: z.array(z.enum(ACT_KINDS)),
  from: z.string().nullable(),
  to: z.string().nullable(),
  seed: z.string(),
  size: z.number(),
  pack: z.string(),
  packOn: z.string(),
  rubricTitle: z.string(),
  state: z.enum(REVIEW_CAMPAIGN_STATES),
  strata: strataSchema.nullable(),
  drawnAt: z.string().nullable(),
  /** Acts drawn; spot-check files without reviewers, not scored; self-check files not scored. */
  files: z.number(),
  unassigned: z.number(),
  unscored: z.number(),
  selfUnscored: z.number(),
  /** Double scoring, files with fewer than two reviewers, files waiting for the leader's 合议. */
  doubleScoring: z.boolean(),
  understaffed: z.number(),
  unreconciled: z.number(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  availability: availabilitySchema(ACTIONS),
  /** What the reader is to the campaign: its office, in its pool, or the legal office of an agency in it. */
  office: z.boolean(),
  reviewer: z.boolean(),
});

const reviewerRef = z.object({ id: z.string(), name: z.string() });

export const fileSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  actId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  kind: z.enum(ACT_KINDS),
  stage: z.enum(REVIEW_STAGES),
  matter: z.string().nullable(),
  decided: z.string().nullable(),
  reviewGroup: z.string().nullable(),
  reviewers: z.array(reviewerRef),
  total: z.number().nullable(),
  grade: z.enum(REVIEW_GRADES).nullable(),
  scoredByName: z.string().nullable(),
  scoredAt: z.string().nullable(),
  leads: z.array(z.object({ fault: z.string(), item: z.string(), leadId: z.string() })),
  /** May the reader score it now. */
  canScore: z.boolean(),
  /** Double scoring: reviewers' scores in (0–2); waiting for the leader's 合议. */
  scoreCount: z.number(),
  needsReconciliation: z.boolean(),
  version: z.number(),
});

const section = z.enum(['form', 'content']);
export const fileScoreSchema = z.object({
  act: z.string().nullable(),
  kind: z.enum(ACT_KINDS).nullable(),
  total: z.number(),
  grade: z.enum(REVIEW_GRADES),
  gradeLabel: z.string(),
  vetoed: z.boolean(),
  basicDefect: z.boolean(),
  sections: z.array(
    z.object({ section, label: z.string(), max: z.number(), deducted: z.number(), score: z.number() }),
  ),
  vetoes: z.array(
    z.object({
      item: z.string(),
      label: z.string(),
      cite: z.string(),
      basis: z.string().nullable(),
      note: z.string(),
    }),
  ),
  deductions: z.array(
    z.object({
      item: z.string(),
      section,
      group: z.string().nullable(),
      label: z.string(),
      basic: z.boolean(),
      count: z.number(),
      points: z.number(),
      notes: z.array(z.string()),
      cite: z.string(),
      basis: z.string().nullable(),
    }),
  ),
  leads: z.array(
    z.object({
      fault: z.string(),
      item: z.string(),
      label: z.string(),
      source: z.enum(['veto', 'deduction']),
      notes: z.array(z.string()),
    }),
  ),
  reasons: z.array(z.string()),
});

const marksOut = z.object({
  vetoes: z.array(z.object({ item: z.string(), note: z.string() })),
  deductions: z.array(z.object({ item: z.string(), count: z.number(), note: z.string() })),
});

export const fileDetailSchema = z.object({
  file: fileSchema.extend({ marks: marksOut.nullable(), score: fileScoreSchema.nullable() }),
  /** Why the reader may not score it now (null when they may). */
  refusal: z.string().nullable(),
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    state: z.enum(REVIEW_CAMPAIGN_STATES),
    regionCode: z.string(),
  }),
  act: z.object({
    id: z.string(),
    kind: z.enum(ACT_KINDS),
    agencyName: z.string(),
    body: actSchema,
  }),
  rubric: reviewRubricSchema,
  /** Double scoring: the reviewers' own scores the reader may see (their own; all once both are in). */
  scores: z.array(
    z.object({
      reviewerId: z.string(),
      reviewerName: z.string(),
      mine: z.boolean(),
      total: z.number(),
      grade: z.enum(REVIEW_GRADES),
      scoredAt: z.string(),
      marks: marksOut,
      score: fileScoreSchema,
    }),
  ),
  reconciliation: z
    .object({
      agreed: z.boolean(),
      difference: z.number(),
      margin: z.number(),
      reason: z.string(),
      note: z.string().nullable(),
      byName: z.string().nullable(),
      at: z.string().nullable(),
    })
    .nullable(),
  /** Why the reader may not reconcile it now (null when they may). */
  reconcileRefusal: z.string().nullable(),
  doubleScoring: z.boolean(),
  /** The other stage of the same act, when the reader may see it. */
  twin: z
    .object({
      id: z.string(),
      stage: z.enum(REVIEW_STAGES),
      total: z.number().nullable(),
      grade: z.enum(REVIEW_GRADES).nullable(),
    })
    .nullable(),
});

const stageSummary = z.object({
  scored: z.number(),
  mean: z.number().nullable(),
  grades: z.object({ excellent: z.number(), pass: z.number(), fail: z.number() }),
  passRate: z.number().nullable(),
  excellentRate: z.number().nullable(),
});
const resultSummary = z.object({
  files: z.number(),
  self: stageSummary,
  spot: stageSummary,
  compared: z.number(),
  agreements: z.object({ same: z.number(), lenient: z.number(), strict: z.number() }),
  meanDifference: z.number().nullable(),
});
const stageScore = z
  .object({ fileId: z.string(), total: z.number().nullable(), grade: z.enum(REVIEW_GRADES).nullable() })
  .nullable();

export const resultsSchema = z.object({
  campaign: resultSummary,
  agencies: z.array(
    resultSummary.extend({
      agencyId: z.string(),
      agencyName: z.string(),
      eligible: z.number().nullable(),
      drawn: z.number().nullable(),
    }),
  ),
  files: z.array(
    z.object({
      actId: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      self: stageScore,
      spot: stageScore,
      difference: z.number().nullable(),
      agreement: z.enum(AGREEMENTS).nullable(),
    }),
  ),
});

export const reviewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string(),
  role: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  group: z.string(),
  leader: z.boolean(),
  externalLawyer: z.boolean(),
});

export const candidateSchema = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string(),
  role: z.string(),
  regionCode: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
});

// --- reading ------------------------------------------------------------------------------------

/** The rubric that scores the campaign's files: its pack's, on the day it was set up. */
export function rubricOf(c: { pack: string; packOn: string }): ReviewRubric {
  const rubric = selectPack(c.pack, c.packOn).params.review;
  if (!rubric) throw new HttpError(409, '该评查活动适用的规则包没有案卷评查标准');
  return rubric;
}

const snapshotOf = (c: CampaignRow): ReviewCampaignSnapshot => ({
  state: c.state,
  files: c.files,
  unassigned: c.unassigned,
  unscored: c.unscored,
  understaffed: c.understaffed,
  unreconciled: c.unreconciled,
});

/** The campaign as the reader may see it: 404 when they may not. */
export async function visibleCampaign(req: Req, id: string) {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const c = await findCampaign(db, id);
  if (!c) throw notFound('评查活动');
  const reach = isReviewOffice(actor, c)
    ? { reviewer: false, ownFiles: false }
    : await campaignReach(db, c.id, actor.id, actor.agencyId);
  if (!canReadCampaign(actor, c, reach)) throw notFound('评查活动');
  return { c, reach };
}

/** The campaign, where the reader must be its office (404 outside their reach, 403 inside it). */
async function managedCampaign(req: Req, id: string) {
  const { c } = await visibleCampaign(req, id);
  if (!isReviewOffice(actorOf(req), c)) throw forbidden('只有本辖区的执法监督机构可以组织评查');
  return c;
}

export async function presentCampaign(req: Req, c: CampaignRow, reviewer: boolean) {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const strata = c.strata ?? null;
  const names = await agencyNames(db, [...c.agencyIds, ...(strata ?? []).map((s) => s.agency)]);
  const name = (id: string) => names.get(id) ?? id;
  let rubricTitle: string;
  try {
    rubricTitle = rubricOf(c).title;
  } catch {
    rubricTitle = '';
  }
  return {
    id: c.id,
    regionCode: c.regionCode,
    regionName: c.regionName,
    name: c.name,
    kind: c.kind,
    agencies: c.agencyIds.map((id) => ({ id, name: name(id) })),
    kinds: c.kinds,
    from: c.periodFrom,
    to: c.periodTo,
    seed: c.seed,
    size: c.size,
    pack: c.pack,
    packOn: c.packOn,
    rubricTitle,
    state: c.state,
    strata: strata
      ? strata.map((s) => ({
          agencyId: s.agency,
          agencyName: name(s.agency),
          eligible: s.eligible,
          drawn: s.drawn,
        }))
      : null,
    drawnAt: iso(c.drawnAt),
    files: c.files,
    unassigned: c.unassigned,
    unscored: c.unscored,
    selfUnscored: c.selfUnscored,
    doubleScoring: c.doubleScoring,
    understaffed: c.understaffed,
    unreconciled: c.unreconciled,
    createdByName: c.createdByName,
    createdAt: iso(c.createdAt)!,
    version: c.version,
    availability: actionAvailability(P, snapshotOf(c), reviewCampaignActorKinds(actor, c), undefined),
    office: isReviewOffice(actor, c),
    reviewer,
  };
}

async function namesOf(req: Req, rows: FileRow[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const f of rows) {
    for (const id of f.reviewerIds) ids.add(id);
    if (f.scoredBy) ids.add(f.scoredBy);
  }
  const users = await usersByIds(req.server.database.db, [...ids]);
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function presentFile(req: Req, c: CampaignRow, f: FileRow, names: Map<string, string>) {
  return {
    id: f.id,
    campaignId: f.campaignId,
    actId: f.actId,
    agencyId: f.agencyId,
    agencyName: f.agencyName,
    kind: f.kind,
    stage: f.stage,
    matter: f.matter,
    decided: f.decided,
    reviewGroup: f.reviewGroup,
    reviewers: f.reviewerIds.map((id) => ({ id, name: names.get(id) ?? id })),
    total: f.total,
    grade: f.grade,
    scoredByName: f.scoredBy ? (names.get(f.scoredBy) ?? null) : null,
    scoredAt: iso(f.scoredAt),
    leads: f.leads,
    canScore: scoreRefusal(actorOf(req), c, f, doubleOf(c, f)) === null,
    scoreCount: f.scorerIds.length,
    needsReconciliation: needsReconciliation(f),
    version: f.version,
  };
}

/** Double scoring's state of a spot-check file (null when the file is scored once). */
const doubleOf = (c: CampaignRow, f: FileRow): DoubleScoring | null =>
  c.doubleScoring && f.stage === 'spot' ? { scorers: f.scorerIds, final: f.grade !== null } : null;

/** Two totals further apart than the margin, and no final score yet. */
const needsReconciliation = (f: FileRow): boolean =>
  f.grade === null && f.reconciliation !== null && f.reconciliation.agreed === false;

/** The campaign's files the reader may see (the office all, an agency its own, a reviewer theirs). */
export async function campaignFiles(
  req: Req,
  c: CampaignRow,
  f: { stage?: 'self' | 'spot'; agencyId?: string; mine?: boolean },
) {
  const actor = actorOf(req);
  const rows = (
    await listFiles(req.server.database.db, c.id, {
      stage: f.stage,
      agencyId: f.agencyId,
      reviewerId: f.mine ? actor.id : undefined,
    })
  ).filter((x) => canReadFile(actor, c, x));
  const names = await namesOf(req, rows);
  return rows.map((x) => presentFile(req, c, x, names));
}

/** One file with its act's record, the rubric and (where the reader may see it) the other stage. */
export async function fileDetail(req: Req, id: string) {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const f = await findFile(db, id);
  if (!f) throw notFound('评查案卷');
  const c = await findCampaign(db, f.campaignId);
  if (!c || !canReadFile(actor, c, f)) throw notFound('评查案卷');
  const act = await actRecord(db, f.actId);
  const twin = await findTwin(db, f);
  const names = await namesOf(req, [f]);
  const double = doubleOf(c, f);
  const leader = double ? await isGroupLeader(db, c.id, f.reviewGroup, actor.id) : false;
  // A reviewer sees the other's score only once both are in (independent scoring); the leader and the office always.
  const allScores = double ? await listScores(db, f.id) : [];
  const seesAll = leader || isReviewOffice(actor, c) || actor.role === 'admin' || allScores.length >= 2;
  const rec = f.reconciliation;
  return {
    file: {
      ...presentFile(req, c, f, names),
      marks: (f.marks ?? null) as z.output<typeof marksOut> | null,
      score: (f.score ?? null) as FileScore | null,
    },
    refusal: scoreRefusal(actor, c, f, double),
    scores: allScores
      .filter((s) => seesAll || s.reviewerId === actor.id)
      .map((s) => ({
        reviewerId: s.reviewerId,
        reviewerName: s.reviewerName,
        mine: s.reviewerId === actor.id,
        total: s.total,
        grade: s.grade,
        scoredAt: iso(s.scoredAt)!,
        marks: s.marks as z.output<typeof marksOut>,
        score: s.score as FileScore,
      })),
    reconciliation: rec
      ? {
          agreed: rec.agreed,
          difference: rec.difference,
          margin: rec.margin,
          reason: rec.reason,
          note: rec.note ?? null,
          byName: rec.by ? ((await usersByIds(db, [rec.by]))[0]?.displayName ?? null) : null,
          at: rec.at ?? null,
        }
      : null,
    reconcileRefusal: double
      ? reconcileRefusal(actor, c, f, { leader, needed: needsReconciliation(f) })
      : '该案卷不实行双人评分',
    doubleScoring: double !== null,
    campaign: { id: c.id, name: c.name, state: c.state, regionCode: c.regionCode },
    // The body is the act as imported, checked against the exchange format then.
    act: {
      id: act.id,
      kind: act.kind,
      agencyName: f.agencyName,
      body: act.body as z.output<typeof actSchema>,
    },
    rubric: rubricOf(c),
    twin:
      twin && canReadFile(actor, c, twin)
        ? { id: twin.id, stage: twin.stage, total: twin.total, grade: twin.grade }
        : null,
  };
}

/** Results per file, per agency and for the campaign (an agency's legal office: its agency's). */
export async function campaignResults(req: Req, c: CampaignRow) {
  const actor = actorOf(req);
  const db = req.server.database.db;
  let agencyId: string | undefined;
  if (!(actor.role === 'admin' || isReviewOffice(actor, c))) {
    if (actor.role !== 'agency_legal' || !actor.agencyId) throw forbidden('无权查看评查结果');
    agencyId = actor.agencyId;
  }
  const rows = await scoredFiles(db, c.id, agencyId);
  const r = summarize(rows);
  const names = await agencyNames(db, [...new Set(rows.map((x) => x.agencyId))]);
  const strata = new Map((c.strata ?? []).map((s) => [s.agency, s]));
  return {
    campaign: r.campaign,
    agencies: r.agencies.map((a) => ({
      ...a,
      agencyName: names.get(a.agencyId) ?? a.agencyId,
      eligible: strata.get(a.agencyId)?.eligible ?? null,
      drawn: strata.get(a.agencyId)?.drawn ?? null,
    })),
    files: r.files.map((x) => ({ ...x, agencyName: names.get(x.agencyId) ?? x.agencyId })),
  };
}

// --- writing ------------------------------------------------------------------------------------

/** Set up a campaign (draft): its scope checked, its rubric the region's pack's in force today. */
export async function createCampaign(req: Req, b: z.output<typeof createCampaignSchema>): Promise<string> {
  const app = req.server;
  const db = app.database.db;
  const actor = actorOf(req);
  const today = app.clock.today();
  const region = b.regionCode ?? actor.regionCode;
  if (!canCreateCampaign(actor, region)) throw forbidden('只有本辖区的执法监督机构可以组织案卷评查');
  if (!(await regionExists(db, region))) throw bad('regionCode', '行政区划不存在');
  const seed = b.seed ?? String(randomInt(100_000, 1_000_000));
  checkSampleOptions({ size: b.size, seed, from: b.from, to: b.to, kinds: b.kinds });
  const agencyIds = [...new Set(b.agencyIds)];
  const found = new Map((await agenciesOf(db, agencyIds)).map((a) => [a.id, a]));
  const fields = b.agencyIds.flatMap((id, i) => {
    const a = found.get(id);
    return a && regionCovers(region, a.regionCode)
      ? []
      : [{ path: `agencyIds[${i}]`, message: `执法机关 ${id} 不存在或不在评查地区内` }];
  });
  if (fields.length > 0) throw new ValidationError('评查范围无效', fields);
  const pack = packNameForRegion(region);
  if (!selectPack(pack, today).params.review)
    throw bad('regionCode', '该地区适用的规则包没有案卷评查标准（params.review）');
  return db.transaction().execute(async (trx) => {
    const id = await insertCampaign(trx, {
      regionCode: region,
      name: b.name,
      kind: b.kind,
      agencyIds: JSON.stringify(agencyIds),
      kinds: JSON.stringify(b.kinds),
      periodFrom: b.from,
      periodTo: b.to,
      seed,
      size: b.size,
      pack,
      packOn: today,
      doubleScoring: b.doubleScoring,
      createdBy: actor.id,
    });
    await auditAs(req, trx, {
      regionCode: region,
      action: `${P.name}.create`,
      objectType: P.name,
      objectId: id,
      detail: {
        name: b.name,
        kind: b.kind,
        agencyIds,
        kinds: b.kinds,
        periodFrom: b.from,
        periodTo: b.to,
        size: b.size,
        seed,
        pack,
        doubleScoring: b.doubleScoring,
      },
    });
    return id;
  });
}

/** One step of the procedure, checked by the engine on the stored campaign; the draw draws. */
export async function performCampaignAction(
  req: Req,
  id: string,
  action: ReviewCampaignAction,
  body: { version: number },
): Promise<void> {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const { c } = await visibleCampaign(req, id);
  const check = checkAction(P, snapshotOf(c), action, {}, reviewCampaignActorKinds(actor, c), undefined);
  if (check.blocked === 'actor') throw forbidden(check.problems[0]!.message);
  if (body.version !== c.version) throw conflict();
  if (!check.ok) throw new HttpError(400, check.problems.map((p) => p.message).join('；'), check.problems);
  await db.transaction().execute(async (trx) => {
    if (!(await claimCampaign(trx, c.id, c.version))) throw conflict();
    let detail: Record<string, unknown> = {};
    if (action === 'draw') detail = await draw(trx, c, req.server.clock.now());
    await setCampaignState(trx, c.id, check.next);
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: `${P.name}.${action}`,
      objectType: P.name,
      objectId: c.id,
      detail: { ...auditDetail(P, action, {}, c.state, check.next), ...detail },
    });
  });
}

/**
 * Draw the files: the eligible acts of the campaign's scope through `sampleActs` with the recorded
 * seed — the same function and seed `wenze review sample` uses, so the same acts draw the same ids.
 * Each act drawn becomes two files: the agency's self-check and the office's spot-check.
 */
async function draw(trx: import('kysely').Transaction<DB>, c: CampaignRow, now: Date) {
  const rows = await eligibleActs(trx, c, regionPrefix(c.regionCode));
  const sample = sampleActs(rows.map(candidateOf), {
    size: c.size,
    seed: c.seed,
    from: c.periodFrom,
    to: c.periodTo,
    kinds: c.kinds,
  });
  if (sample.acts.length === 0) throw bad('scope', '评查范围内没有符合条件的执法行为（已作出决定的案件）');
  const byId = new Map(rows.map((r) => [r.id, r]));
  await insertFiles(
    trx,
    sample.acts.flatMap((actId) => {
      const a = byId.get(actId)!;
      return REVIEW_STAGES.map((stage) => ({
        campaignId: c.id,
        regionCode: a.regionCode,
        actId,
        agencyId: a.agencyId,
        kind: a.kind,
        stage,
      }));
    }),
  );
  await recordDraw(trx, c.id, sample.strata, now);
  return { seed: sample.seed, size: sample.size, drawn: sample.acts.length, strata: sample.strata };
}

/** Set the campaign's reviewer pool (groups, leaders, external lawyers). */
export async function setReviewers(req: Req, id: string, b: z.output<typeof reviewersSchema>): Promise<void> {
  const db = req.server.database.db;
  const c = await managedCampaign(req, id);
  if (c.state === 'closed') throw bad('state', '评查活动已结束');
  if (b.version !== c.version) throw conflict();
  const users = new Map(
    (
      await usersByIds(
        db,
        b.reviewers.map((r) => r.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const seen = new Set<string>();
  const leaders = new Set<string>();
  const fields = b.reviewers.flatMap((r, i) => {
    const out: { path: string; message: string }[] = [];
    const u = users.get(r.userId);
    const refusal = u ? reviewerRefusal(u, c.regionCode) : '用户不存在';
    if (refusal) out.push({ path: `reviewers[${i}].userId`, message: refusal });
    if (seen.has(r.userId)) out.push({ path: `reviewers[${i}].userId`, message: '同一人员重复' });
    seen.add(r.userId);
    if (r.leader) {
      if (leaders.has(r.group))
        out.push({ path: `reviewers[${i}].leader`, message: `评查组“${r.group}”已有组长` });
      leaders.add(r.group);
    }
    return out;
  });
  if (fields.length > 0) throw new ValidationError('评查人员无效', fields);
  await db.transaction().execute(async (trx) => {
    if (!(await claimCampaign(trx, c.id, c.version))) throw conflict();
    await replaceReviewers(
      trx,
      c.id,
      c.regionCode,
      b.reviewers.map((r) => ({
        userId: r.userId,
        reviewGroup: r.group,
        leader: r.leader,
        externalLawyer: r.externalLawyer,
      })),
    );
    const released = await dropDepartedReviewers(
      trx,
      c.id,
      b.reviewers.map((r) => r.userId),
    );
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: `${P.name}.reviewers`,
      objectType: P.name,
      objectId: c.id,
      detail: {
        reviewers: b.reviewers.map((r) => ({
          user: users.get(r.userId)!.username,
          group: r.group,
          leader: r.leader,
          externalLawyer: r.externalLawyer,
        })),
        released,
      },
    });
  });
}

/** The pool as stored, with names. */
export async function presentReviewers(req: Req, c: CampaignRow) {
  return (await listReviewers(req.server.database.db, c.id)).map((r) => ({
    userId: r.userId,
    name: r.displayName,
    username: r.username,
    role: r.role,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    group: r.reviewGroup,
    leader: r.leader,
    externalLawyer: r.externalLawyer,
  }));
}

/** Accounts the office may put in the pool. */
export async function candidates(req: Req, id: string) {
  const c = await managedCampaign(req, id);
  const rows = await reviewerCandidates(req.server.database.db, c.regionCode.slice(0, 4));
  return rows
    .filter((u) => reviewerRefusal(u, c.regionCode) === null)
    .map((u) => ({
      userId: u.id,
      name: u.displayName,
      username: u.username,
      role: u.role,
      regionCode: u.regionCode,
      agencyId: u.agencyId,
      agencyName: u.agencyName,
    }));
}

/** Assign every unassigned spot-check file to a group (never to a reviewer of its own agency). */
export async function autoAssign(
  req: Req,
  id: string,
  b: { version: number },
): Promise<{ assigned: number; unassignable: string[] }> {
  const db = req.server.database.db;
  const c = await managedCampaign(req, id);
  if (!['sampled', 'self_check', 'spot_check'].includes(c.state))
    throw bad('state', '只有抽样后、结束前可以分配评查人员');
  if (b.version !== c.version) throw conflict();
  const pool = await listReviewers(db, c.id);
  if (pool.length === 0) throw bad('reviewers', '请先确定评查人员');
  const open = (await listFiles(db, c.id, { stage: 'spot' })).filter((f) => f.reviewerIds.length === 0);
  const result = assignGroups(
    open.map((f) => ({ id: f.id, agency: { id: f.agencyId, parentId: f.agencyParentId } })),
    pool.map((r) => ({
      userId: r.userId,
      group: r.reviewGroup,
      agency: r.agencyId ? { id: r.agencyId, parentId: r.agencyParentId } : null,
    })),
    await groupLoads(db, c.id),
  );
  const byId = new Map(open.map((f) => [f.id, f]));
  await db.transaction().execute(async (trx) => {
    if (!(await claimCampaign(trx, c.id, c.version))) throw conflict();
    for (const a of result.assignments) {
      const f = byId.get(a.fileId)!;
      if (
        !(await updateFile(trx, f.id, f.version, {
          reviewerIds: JSON.stringify(a.reviewerIds),
          reviewGroup: a.group,
        }))
      )
        throw conflict();
    }
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: `${P.name}.assign`,
      objectType: P.name,
      objectId: c.id,
      detail: {
        assigned: result.assignments.length,
        unassignable: result.unassignable.map((fid) => byId.get(fid)!.actId),
      },
    });
  });
  return {
    assigned: result.assignments.length,
    unassignable: result.unassignable.map((fid) => byId.get(fid)!.actId),
  };
}

/** Assign one spot-check file's reviewers by hand (from the pool, none of the file's agency). */
export async function setFileReviewers(
  req: Req,
  id: string,
  b: z.output<typeof fileReviewersSchema>,
): Promise<void> {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const f = await findFile(db, id);
  const c = f ? await findCampaign(db, f.campaignId) : undefined;
  if (!f || !c || !canReadFile(actor, c, f)) throw notFound('评查案卷');
  if (!isReviewOffice(actor, c)) throw forbidden('只有本辖区的执法监督机构可以分配评查人员');
  if (f.stage !== 'spot') throw bad('stage', '自查案卷由所属执法部门的法制机构评分，无需分配');
  if (c.state === 'closed') throw bad('state', '评查活动已结束');
  if (b.version !== f.version) throw conflict();
  const pool = new Map((await listReviewers(db, c.id)).map((r) => [r.userId, r]));
  const file: AgencyRef = { id: f.agencyId, parentId: f.agencyParentId };
  const fields = b.reviewerIds.flatMap((uid, i) => {
    const r = pool.get(uid);
    if (!r) return [{ path: `reviewerIds[${i}]`, message: '不是本次评查的评查人员' }];
    if (isOwnAgency(r.agencyId ? { id: r.agencyId, parentId: r.agencyParentId } : null, file))
      return [
        {
          path: `reviewerIds[${i}]`,
          message: `${r.displayName}属于案卷所属执法部门（或其委托、受托单位），应当回避（${OWN_AGENCY_BASIS}）`,
        },
      ];
    return [];
  });
  if (new Set(b.reviewerIds).size !== b.reviewerIds.length)
    fields.push({ path: 'reviewerIds', message: '同一人员重复' });
  if (fields.length > 0) throw new ValidationError('评查人员无效', fields);
  await db.transaction().execute(async (trx) => {
    const group = b.reviewerIds.length > 0 ? pool.get(b.reviewerIds[0]!)!.reviewGroup : null;
    if (
      !(await updateFile(trx, f.id, f.version, {
        reviewerIds: JSON.stringify(b.reviewerIds),
        reviewGroup: group,
      }))
    )
      throw conflict();
    await auditAs(req, trx, {
      regionCode: f.regionCode,
      action: 'review_file.assign',
      objectType: 'review_file',
      objectId: f.id,
      detail: {
        campaignId: c.id,
        actId: f.actId,
        reviewers: b.reviewerIds.map((u) => pool.get(u)!.username),
      },
    });
  });
}

/**
 * Score a file: the marks through `scoreFile` with the campaign's rubric, stored with the score and
 * grade; at the spot-check, each catalogue fault a failed item names opens one lead (source
 * 案卷评查) unless the file already opened one for it. One transaction, under a share lock on the
 * campaign so that no stage change passes in between.
 */
export async function scoreReviewFile(req: Req, id: string, b: z.output<typeof marksSchema>): Promise<void> {
  const app = req.server;
  const db = app.database.db;
  const actor = actorOf(req);
  const f = await findFile(db, id);
  const c = f ? await findCampaign(db, f.campaignId) : undefined;
  if (!f || !c || !canReadFile(actor, c, f)) throw notFound('评查案卷');
  const double = doubleOf(c, f);
  const refusal = scoreRefusal(actor, c, f, double);
  if (refusal) throw forbidden(refusal);
  if (b.version !== f.version) throw conflict();
  const rubric = rubricOf(c);
  const marks = { act: f.actId, kind: f.kind, vetoes: b.vetoes, deductions: b.deductions };
  const score = scoreFile(rubric, marks);
  await db.transaction().execute(async (trx) => {
    if ((await lockedCampaignState(trx, c.id)) !== STAGE_STATE[f.stage])
      throw conflict('评查活动的阶段已变化，请刷新后重试');
    if (double) {
      await scoreTwice(req, trx, c, f, rubric, b, score);
      return;
    }
    const leads = await openLeads(req, trx, c, f, [score]);
    const ok = await updateFile(trx, f.id, f.version, {
      marks: JSON.stringify({ vetoes: b.vetoes, deductions: b.deductions }),
      score: JSON.stringify(score),
      total: score.total,
      grade: score.grade,
      leads: JSON.stringify(leads),
      scoredBy: actor.id,
      scoredAt: app.clock.now(),
    });
    if (!ok) throw conflict();
    await auditAs(req, trx, {
      regionCode: f.regionCode,
      action: 'review_file.score',
      objectType: 'review_file',
      objectId: f.id,
      detail: {
        campaignId: c.id,
        actId: f.actId,
        stage: f.stage,
        total: score.total,
        grade: score.grade,
        vetoes: b.vetoes.map((v) => v.item),
        deductions: b.deductions.map((d) => `${d.item}×${d.count}`),
        leads: leads.length - f.leads.length,
      },
    });
  });
}

/**
 * Double scoring: the reviewer's own score is kept; once two are in, their totals are compared with
 * the rubric's margin (`reconcileScores`): within it the file takes their mean and its grade and the
 * leads of both; beyond it (or one failing a veto the other passes) the file waits for the group
 * leader's 合议. A reviewer may revise their score until the file has its final score.
 */
async function scoreTwice(
  req: Req,
  trx: import('kysely').Transaction<DB>,
  c: CampaignRow,
  f: FileRow,
  rubric: ReviewRubric,
  b: z.output<typeof marksSchema>,
  score: FileScore,
): Promise<void> {
  const actor = actorOf(req);
  const now = req.server.clock.now();
  await upsertScore(trx, {
    fileId: f.id,
    regionCode: f.regionCode,
    reviewerId: actor.id,
    marks: JSON.stringify({ vetoes: b.vetoes, deductions: b.deductions }),
    score: JSON.stringify(score),
    total: score.total,
    grade: score.grade,
    scoredAt: now,
  });
  const scores = await listScores(trx, f.id);
  let patch: Parameters<typeof updateFile>[3] = {};
  let outcome: 'first' | 'agreed' | 'differs' = 'first';
  let difference: number | null = null;
  if (scores.length >= 2) {
    const [x, y] = [scores[0]!.score as FileScore, scores[1]!.score as FileScore];
    const r = reconcileScores(rubric, x, y);
    difference = r.difference;
    const reconciliation = JSON.stringify({
      agreed: r.agreed,
      difference: r.difference,
      margin: rubric.reconcileMargin,
      reason: r.reason,
    });
    if (r.agreed) {
      outcome = 'agreed';
      const leads = await openLeads(req, trx, c, f, [x, y]);
      patch = {
        total: r.total,
        grade: r.grade,
        leads: JSON.stringify(leads),
        scoredBy: actor.id,
        scoredAt: now,
        reconciliation,
      };
    } else {
      outcome = 'differs';
      patch = { reconciliation };
    }
  }
  if (!(await updateFile(trx, f.id, f.version, patch))) throw conflict();
  await auditAs(req, trx, {
    regionCode: f.regionCode,
    action: 'review_file.score',
    objectType: 'review_file',
    objectId: f.id,
    detail: {
      campaignId: c.id,
      actId: f.actId,
      stage: f.stage,
      double: true,
      total: score.total,
      grade: score.grade,
      vetoes: b.vetoes.map((v) => v.item),
      deductions: b.deductions.map((d) => `${d.item}×${d.count}`),
      outcome,
      difference,
    },
  });
}

/**
 * 合议: the leader of the file's group gives its final score — the agreed marks, scored by the rubric
 * like any other, and a note — when the two reviewers' totals differ by more than the margin.
 */
export async function reconcileReviewFile(
  req: Req,
  id: string,
  b: z.output<typeof reconcileSchema>,
): Promise<void> {
  const app = req.server;
  const db = app.database.db;
  const actor = actorOf(req);
  const f = await findFile(db, id);
  const c = f ? await findCampaign(db, f.campaignId) : undefined;
  if (!f || !c || !canReadFile(actor, c, f)) throw notFound('评查案卷');
  if (!doubleOf(c, f)) throw bad('file', '该案卷不实行双人评分');
  const leader = await isGroupLeader(db, c.id, f.reviewGroup, actor.id);
  const refusal = reconcileRefusal(actor, c, f, { leader, needed: needsReconciliation(f) });
  if (refusal) throw forbidden(refusal);
  if (b.version !== f.version) throw conflict();
  const score = scoreFile(rubricOf(c), {
    act: f.actId,
    kind: f.kind,
    vetoes: b.vetoes,
    deductions: b.deductions,
  });
  const now = app.clock.now();
  await db.transaction().execute(async (trx) => {
    if ((await lockedCampaignState(trx, c.id)) !== 'spot_check')
      throw conflict('评查活动的阶段已变化，请刷新后重试');
    const leads = await openLeads(req, trx, c, f, [score]);
    const ok = await updateFile(trx, f.id, f.version, {
      marks: JSON.stringify({ vetoes: b.vetoes, deductions: b.deductions }),
      score: JSON.stringify(score),
      total: score.total,
      grade: score.grade,
      leads: JSON.stringify(leads),
      scoredBy: actor.id,
      scoredAt: now,
      reconciliation: JSON.stringify({
        ...f.reconciliation,
        note: b.note,
        by: actor.id,
        at: now.toISOString(),
      }),
    });
    if (!ok) throw conflict();
    await auditAs(req, trx, {
      regionCode: f.regionCode,
      action: 'review_file.reconcile',
      objectType: 'review_file',
      objectId: f.id,
      detail: {
        campaignId: c.id,
        actId: f.actId,
        total: score.total,
        grade: score.grade,
        difference: f.reconciliation?.difference ?? null,
        note: b.note,
        leads: leads.length - f.leads.length,
      },
    });
  });
}

/** Open a lead for each catalogue fault the scores' failed items name (spot-check only), once per fault. */
async function openLeads(
  req: Req,
  trx: import('kysely').Transaction<DB>,
  c: CampaignRow,
  f: FileRow,
  scores: FileScore[],
): Promise<FileRow['leads']> {
  const leads = [...f.leads];
  if (f.stage !== 'spot') return leads;
  for (const score of scores) {
    const byFault = new Map<string, FileScore['leads']>();
    for (const l of score.leads) byFault.set(l.fault, [...(byFault.get(l.fault) ?? []), l]);
    for (const [fault, items] of byFault) {
      if (leads.some((x) => x.fault === fault)) continue;
      const leadId = await openLead(req, trx, c, f, fault, items, score);
      leads.push({ fault, item: items[0]!.item, leadId });
    }
  }
  return leads;
}

async function openLead(
  req: Req,
  trx: import('kysely').Transaction<DB>,
  c: CampaignRow,
  f: FileRow,
  fault: string,
  items: FileScore['leads'],
  score: FileScore,
): Promise<string> {
  const key = `review|${c.id}|${f.actId}|${fault}`;
  const what = items
    .map((l) => `${l.source === 'veto' ? '否决项' : '扣分项'}“${l.label}”不符合：${l.notes.join('；')}`)
    .join('；');
  const narrative =
    `${c.name}（${REVIEW_STAGE_LABELS[f.stage]}）评查案卷 ${f.actId}（${f.agencyName}，${ACT_KIND_LABELS[f.kind]}` +
    `${f.decided ? `，${f.decided} 作出决定` : ''}）：${what}。评查结果 ${score.total} 分，${score.gradeLabel}。`;
  const lead = await insertReviewLead(trx, {
    regionCode: f.regionCode,
    source: 'case_review',
    agencyId: f.agencyId,
    officerId: null,
    subject: `案卷评查发现：${items[0]!.label}（${f.actId}）`.slice(0, 100),
    narrative,
    occurredOn: f.decided,
    complaintId: null,
    findingKey: key,
    actId: f.actId,
    rule: null,
    faultCode: fault,
    basis: [...new Set(items.map((l) => citeOf(score, l.item)))].join('；'),
    detail: items.flatMap((l) => l.notes).join('；'),
    mergedInto: null,
    caseId: null,
    dismissReason: null,
    createdBy: actorOf(req).id,
    updatedAt: req.server.clock.now(),
  });
  if (lead.created)
    await auditAs(req, trx, {
      regionCode: f.regionCode,
      action: 'lead.create',
      objectType: 'lead',
      objectId: lead.id,
      detail: { source: 'case_review', campaignId: c.id, fileId: f.id, actId: f.actId, fault },
    });
  return lead.id;
}

/** Where the rubric says an item, and the statute it enforces. */
function citeOf(score: FileScore, item: string): string {
  const x = score.vetoes.find((v) => v.item === item) ?? score.deductions.find((d) => d.item === item);
  return x ? [x.cite, x.basis].filter(Boolean).join('；') : item;
}

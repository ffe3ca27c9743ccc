// 行政执法案卷评查: campaigns (list, set up, one campaign, its steps as routes, its history), the
// reviewer pool and the assignment of files, the files (list, one with the act's record and the
// rubric, scoring, reviewers by hand), and the results per file, per agency and per campaign.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignVisibility } from '../../core/policies/review.js';
import {
  REVIEW_CAMPAIGN_PROCEDURE,
  REVIEW_CAMPAIGN_STATES,
  REVIEW_STAGES,
} from '../../core/workflow/review-campaign.js';
import { auditTrail } from '../../store/audit.repository.js';
import { findCampaign, listCampaigns } from '../../store/review.repository.js';
import { attachment, DOCX_TYPE } from '../download.js';
import { forbidden } from '../errors.js';
import { actionRoutes } from '../procedure.js';
import { campaignReport } from '../review/report.js';
import {
  autoAssign,
  campaignActionSchemas,
  campaignFiles,
  campaignResults,
  campaignSchema,
  candidateSchema,
  candidates,
  createCampaign,
  createCampaignSchema,
  fileDetail,
  fileDetailSchema,
  fileReviewersSchema,
  fileSchema,
  marksSchema,
  performCampaignAction,
  presentCampaign,
  presentReviewers,
  reconcileReviewFile,
  reconcileSchema,
  resultsSchema,
  reviewerSchema,
  reviewersSchema,
  scoreReviewFile,
  setFileReviewers,
  setReviewers,
  visibleCampaign,
} from '../review/service.js';
import {
  errors,
  fileResponse,
  historySchema,
  pageOf,
  pageQuery,
  presentHistory,
  versionField,
} from '../schemas.js';
import { actorOf } from '../types.js';

const campaignId = z.object({ id: z.uuid({ message: '评查活动编号无效' }) });
const fileId = z.object({ id: z.uuid({ message: '评查案卷编号无效' }) });
const tags = ['review'];

export default async function reviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  async function detail(req: FastifyRequest, id: string) {
    const { c, reach } = await visibleCampaign(req, id);
    return presentCampaign(req, c, reach.reviewer);
  }

  r.get(
    '/review-campaigns',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '案卷评查活动（执法监督机构：本辖区；法制机构：涉及本单位的；评查人员：参加的）',
        querystring: z.object({
          state: z.enum(REVIEW_CAMPAIGN_STATES).optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(campaignSchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const result = await listCampaigns(db(), campaignVisibility(actorOf(req)), f, { page, pageSize });
      const items = [];
      for (const c of result.items) items.push(await presentCampaign(req, c, false));
      return { ...result, items };
    },
  );

  r.post(
    '/review-campaigns',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary:
          '组织案卷评查：名称、类别（常规/专项/重点）、范围（机关、执法行为类别、决定日期）、抽取数量与随机种子',
        description:
          '评分标准为该地区适用的规则包（当日施行版本）中的案卷评查标准；随机种子随抽样记录，相同种子、相同数据总是抽中相同的案卷。',
        body: createCampaignSchema,
        response: { 201: campaignSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await createCampaign(req, req.body);
      return reply.code(201).send(await detail(req, id));
    },
  );

  r.get(
    '/review-campaigns/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查活动详情（抽样分层、进度与可执行的操作）',
        params: campaignId,
        response: { 200: campaignSchema, ...errors },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  r.get(
    '/review-campaigns/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查活动办理记录（审计日志）',
        params: campaignId,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const { c } = await visibleCampaign(req, req.params.id);
      return presentHistory(await auditTrail(db(), REVIEW_CAMPAIGN_PROCEDURE.name, c.id, 200));
    },
  );

  actionRoutes(app, {
    base: '/review-campaigns',
    tags,
    noun: '评查活动',
    specs: REVIEW_CAMPAIGN_PROCEDURE.actions,
    bodies: campaignActionSchemas,
    params: campaignId,
    response: campaignSchema,
    describe: (spec) =>
      `由执法监督机构在状态 ${spec.from.join('、')} 执行；body.version 须为读取时的版本，否则 409。`,
    run: async (req, id, action, body) => {
      await performCampaignAction(req, id, action, body);
      return detail(req, id);
    },
  });

  r.get(
    '/review-campaigns/:id/reviewers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查人员（评查组、组长、外聘律师）',
        params: campaignId,
        response: { 200: z.object({ items: z.array(reviewerSchema) }), ...errors },
      },
    },
    async (req) => {
      const { c } = await visibleCampaign(req, req.params.id);
      return { items: await presentReviewers(req, c) };
    },
  );

  r.put(
    '/review-campaigns/:id/reviewers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '确定评查人员（整体替换）；移出的人员从其未评分的案卷中撤出',
        params: campaignId,
        body: reviewersSchema,
        response: { 200: z.object({ items: z.array(reviewerSchema) }), ...errors },
      },
    },
    async (req) => {
      await setReviewers(req, req.params.id, req.body);
      const c = (await findCampaign(db(), req.params.id))!;
      return { items: await presentReviewers(req, c) };
    },
  );

  r.get(
    '/review-campaigns/:id/reviewer-candidates',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '可选的评查人员（本市执法监督机构、外部评议员、执法部门法制机构的账号）',
        params: campaignId,
        response: { 200: z.object({ items: z.array(candidateSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await candidates(req, req.params.id) }),
  );

  r.post(
    '/review-campaigns/:id/assign',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '自动分配抽查案卷：按评查组均衡分配，本单位（及委托、受托单位）人员回避',
        params: campaignId,
        body: z.object({ version: versionField }),
        response: {
          200: z.object({ assigned: z.number(), unassignable: z.array(z.string()) }),
          ...errors,
        },
      },
    },
    async (req) => autoAssign(req, req.params.id, req.body),
  );

  r.get(
    '/review-campaigns/:id/files',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查案卷（执法监督机构：全部；法制机构：本单位；评查人员：分配给本人的）',
        params: campaignId,
        querystring: z.object({
          stage: z.enum(REVIEW_STAGES).optional(),
          agencyId: z.string().max(40).optional(),
          mine: z.enum(['true', 'false']).optional().describe('只看分配给本人的抽查案卷'),
        }),
        response: { 200: z.object({ items: z.array(fileSchema) }), ...errors },
      },
    },
    async (req) => {
      const { c } = await visibleCampaign(req, req.params.id);
      const { mine, ...f } = req.query;
      return { items: await campaignFiles(req, c, { ...f, mine: mine === 'true' }) };
    },
  );

  r.get(
    '/review-campaigns/:id/results',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查结果：逐卷、分部门、全活动；自查与抽查等次比对',
        params: campaignId,
        response: { 200: resultsSchema, ...errors },
      },
    },
    async (req) => {
      const { c } = await visibleCampaign(req, req.params.id);
      return campaignResults(req, c);
    },
  );

  r.get(
    '/review-campaigns/:id/report.docx',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查结果报告（.docx，含图表）：逐卷、分部门、全活动',
        description: '与 GET /review-campaigns/:id/results 同一读者范围；同一数据生成的文件逐字节相同。',
        params: campaignId,
        response: { 200: fileResponse('评查结果报告', [DOCX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      const { c } = await visibleCampaign(req, req.params.id);
      const content = await campaignReport(req, c);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment(`${c.name}结果报告.docx`))
        .send(content);
    },
  );

  r.get(
    '/review-files/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评查案卷：执法行为记录、评查标准、评分',
        params: fileId,
        response: { 200: fileDetailSchema, ...errors },
      },
    },
    async (req) => fileDetail(req, req.params.id),
  );

  r.put(
    '/review-files/:id/marks',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评分：不符合的否决项与扣分项（各附理由）',
        description:
          '按评查标准计分：否决项不符合的计 0 分、不合格；卷面、内容逐项扣分，扣完为止，不计负分；基本要素有问题的不得评为优秀。抽查评查中不符合项对应过错行为的，自动生成线索（来源：案卷评查）。',
        params: fileId,
        body: marksSchema,
        response: { 200: fileDetailSchema, ...errors },
      },
    },
    async (req) => {
      await scoreReviewFile(req, req.params.id, req.body);
      return fileDetail(req, req.params.id);
    },
  );

  r.post(
    '/review-files/:id/reconcile',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '合议：双人评分相差超过允许差额时，由评查组组长确定最终评分并写明合议意见',
        description:
          '最终评分同样按评查标准计分（否决项、扣完为止、基本要素）；不符合项对应过错行为的，自动生成线索。合议完成前评查活动不能结束。',
        params: fileId,
        body: reconcileSchema,
        response: { 200: fileDetailSchema, ...errors },
      },
    },
    async (req) => {
      await reconcileReviewFile(req, req.params.id, req.body);
      return fileDetail(req, req.params.id);
    },
  );

  r.put(
    '/review-files/:id/reviewers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '指定抽查案卷的评查人员（须为本次评查人员，本单位人员回避）',
        params: fileId,
        body: fileReviewersSchema,
        response: { 200: fileDetailSchema, ...errors },
      },
    },
    async (req) => {
      if (actorOf(req).role !== 'supervisor') throw forbidden('只有执法监督机构可以分配评查人员');
      await setFileReviewers(req, req.params.id, req.body);
      return fileDetail(req, req.params.id);
    },
  );
}

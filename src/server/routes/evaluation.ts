// 外部评议 in the console: campaigns (list, set up, one, close, history), one-time codes, the answers
// (the office's moderation queue; an agency's approved comments), moderating a comment, answering
// signed in (an expert or 行政执法监督员 with an evaluator's account), and the results per agency.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVALUATION_CAMPAIGN_STATES } from '../../core/evaluation/form.js';
import { evaluationVisibility } from '../../core/policies/evaluation.js';
import { auditTrail } from '../../store/audit.repository.js';
import { listEvaluationCampaigns } from '../../store/evaluation.repository.js';
import {
  answerSchema,
  answerSignedIn,
  answersQuery,
  campaignAnswers,
  campaignResults,
  closeEvaluation,
  closeEvaluationSchema,
  createEvaluation,
  createEvaluationSchema,
  evaluationCampaignSchema,
  evaluationResultsSchema,
  issuedSchema,
  issueInvitations,
  issueSchema,
  moderate,
  moderateSchema,
  presentEvaluation,
  signedInAnswerSchema,
  visibleEvaluation,
} from '../evaluation/service.js';
import { errors, historySchema, pageOf, pageQuery, presentHistory } from '../schemas.js';
import { actorOf } from '../types.js';

const campaignId = z.object({ id: z.uuid({ message: '评议活动编号无效' }) });
const answerId = z.object({ id: z.uuid({ message: '评议编号无效' }) });
const tags = ['evaluation'];

export default async function evaluationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get(
    '/evaluation-campaigns',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '外部评议活动（执法监督机构：本辖区；评议员：本市；法制机构：评议本单位的）',
        querystring: z.object({
          state: z.enum(EVALUATION_CAMPAIGN_STATES).optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(evaluationCampaignSchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const result = await listEvaluationCampaigns(db(), evaluationVisibility(actorOf(req)), f, {
        page,
        pageSize,
      });
      const items = [];
      for (const c of result.items) items.push(await presentEvaluation(req, c));
      return { ...result, items };
    },
  );

  r.post(
    '/evaluation-campaigns',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '组织外部评议：被评议机关、评议期间、评议主体（专家、行政执法监督员、群众）',
        description: '评议表默认为该地区适用的规则包（当日施行版本）中的外部评议表，可调整评议项目。',
        body: createEvaluationSchema,
        response: { 201: evaluationCampaignSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await createEvaluation(req, req.body);
      return reply.code(201).send(await presentEvaluation(req, await visibleEvaluation(req, id)));
    },
  );

  r.get(
    '/evaluation-campaigns/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评议活动详情',
        params: campaignId,
        response: { 200: evaluationCampaignSchema, ...errors },
      },
    },
    async (req) => presentEvaluation(req, await visibleEvaluation(req, req.params.id)),
  );

  r.get(
    '/evaluation-campaigns/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评议活动的操作记录',
        params: campaignId,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const c = await visibleEvaluation(req, req.params.id);
      return presentHistory(await auditTrail(db(), 'evaluation', c.id));
    },
  );

  r.post(
    '/evaluation-campaigns/:id/close',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '结束评议（未使用的评议码随之失效）',
        params: campaignId,
        body: closeEvaluationSchema,
        response: { 200: evaluationCampaignSchema, ...errors },
      },
    },
    async (req) => {
      await closeEvaluation(req, req.params.id, req.body);
      return presentEvaluation(req, await visibleEvaluation(req, req.params.id));
    },
  );

  r.post(
    '/evaluation-campaigns/:id/invitations',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '发放评议码（一次性，每码只能评议一次；评议码只在此返回一次，系统仅保存其摘要）',
        params: campaignId,
        body: issueSchema,
        response: { 201: issuedSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await issueInvitations(req, req.params.id, req.body)),
  );

  r.get(
    '/evaluation-campaigns/:id/answers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评议内容（执法监督机构：全部，含待审核意见；法制机构：本单位已公开的意见）',
        params: campaignId,
        querystring: answersQuery,
        response: { 200: z.object({ items: z.array(answerSchema) }), ...errors },
      },
    },
    async (req) => campaignAnswers(req, await visibleEvaluation(req, req.params.id), req.query),
  );

  r.post(
    '/evaluation-campaigns/:id/answers',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '登录评议（外部评议员：专家、行政执法监督员；每人对每个机关一次）',
        params: campaignId,
        body: signedInAnswerSchema,
        response: {
          201: z.object({ id: z.string(), moderation: z.enum(['none', 'pending']) }),
          ...errors,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await answerSignedIn(req, req.params.id, req.body)),
  );

  r.get(
    '/evaluation-campaigns/:id/results',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '评议结果：各机关的评议份数（按评议主体）、各项平均分、总平均分与百分制得分',
        params: campaignId,
        response: { 200: evaluationResultsSchema, ...errors },
      },
    },
    async (req) => campaignResults(req, await visibleEvaluation(req, req.params.id)),
  );

  r.post(
    '/evaluation-answers/:id/moderate',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '审核评议意见：公开或不予采用（须说明理由）',
        params: answerId,
        body: moderateSchema,
        response: { 200: answerSchema, ...errors },
      },
    },
    async (req) => moderate(req, req.params.id, req.body),
  );
}

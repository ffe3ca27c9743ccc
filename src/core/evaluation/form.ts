// 外部评议 (issue 14; PRACTICE.md (e)): a supervision office asks experts, 行政执法监督员 and the
// public to rate the agencies it evaluates on a form of items scored 1–5, each answer with an
// optional comment that is moderated before anyone but the moderators reads it. The form is rule-pack
// data (`params.evaluation`, null where the pack has none); a campaign copies the pack's items when it
// is set up, so a later pack does not change the answers already given. This file defines the
// vocabularies and the form's schema once.
import { z } from 'zod';

/** Who answers: experts, 行政执法监督员 (citizens appointed to watch enforcement), the public. */
export const EVALUATION_AUDIENCES = ['expert', 'monitor', 'public'] as const;
export type EvaluationAudience = (typeof EVALUATION_AUDIENCES)[number];
export const EVALUATION_AUDIENCE_LABELS: Readonly<Record<EvaluationAudience, string>> = {
  expert: '专家',
  monitor: '行政执法监督员',
  public: '群众',
};
/** The audiences that may also answer signed in (an evaluator's account), not only by code. */
export const SIGNED_IN_AUDIENCES = ['expert', 'monitor'] as const satisfies readonly EvaluationAudience[];

/** A comment is held until a moderator approves it; an answer without one needs no moderation. */
export const MODERATION_STATES = ['none', 'pending', 'approved', 'rejected'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];
export const MODERATION_STATE_LABELS: Readonly<Record<ModerationState, string>> = {
  none: '无评议意见',
  pending: '待审核',
  approved: '已公开',
  rejected: '不予采用',
};

export const EVALUATION_CAMPAIGN_STATES = ['open', 'closed'] as const;
export type EvaluationCampaignState = (typeof EVALUATION_CAMPAIGN_STATES)[number];
export const EVALUATION_CAMPAIGN_STATE_LABELS: Readonly<Record<EvaluationCampaignState, string>> = {
  open: '评议中',
  closed: '已结束',
};

/** The scale of every item: 1 (worst) to 5 (best). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface EvaluationItem {
  key: string;
  label: string;
  /** What the item asks about, for the person answering. */
  hint?: string;
}

export interface EvaluationForm {
  title: string;
  /** True while the text is an example, not the city's official form. */
  summary: boolean;
  /** Where the items come from. */
  source: string;
  items: EvaluationItem[];
  /** The words of the scale, 1 to 5. */
  scale: [string, string, string, string, string];
  /** Days an invitation code stays valid when the office gives no expiry. */
  codeValidDays: number;
  /** The longest comment, in characters. */
  commentMax: number;
}

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: '编码只能包含小写字母、数字和下划线' });
const text = z.string().trim().min(1);

export const evaluationItemSchema = z.strictObject({
  key,
  label: text.max(100),
  hint: text.max(300).optional(),
});

export const evaluationFormSchema = z
  .strictObject({
    title: text,
    summary: z.boolean(),
    source: text,
    items: z.array(evaluationItemSchema).min(1).max(30),
    scale: z.tuple([text, text, text, text, text]),
    codeValidDays: z.number().int().min(1).max(366),
    commentMax: z.number().int().min(10).max(5000),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.items.forEach((it, i) => {
      if (seen.has(it.key))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: `编码 ${it.key} 重复` });
      seen.add(it.key);
    });
  });

// The schema and the interface describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _formTypeMatches: Same<z.output<typeof evaluationFormSchema>, EvaluationForm> = true;
void _formTypeMatches;

// One answer to an evaluation form: a score of 1–5 for every item and an optional comment; and whether
// an invitation may still be answered (once, before it expires, while the campaign is open). Pure:
// the form and the input in, the answer or the field errors out.
import { z } from 'zod';
import { type FieldError, isSafeText, UNSAFE_TEXT_MESSAGE, ValidationError } from '../validation.js';
import { type EvaluationCampaignState, type EvaluationForm, SCORE_MAX, SCORE_MIN } from './form.js';

export interface EvaluationAnswer {
  /** Item key → score (1–5), one for every item of the form. */
  scores: Record<string, number>;
  /** Trimmed; null when none was written. */
  comment: string | null;
}

export const answerInputSchema = z.object({
  scores: z.record(z.string().max(60), z.unknown()),
  comment: z.string().max(20_000).optional(),
});

/** Check an answer against the form: every item scored 1–5, no unknown item, the comment not too long. */
export function parseAnswer(
  form: EvaluationForm,
  input: z.output<typeof answerInputSchema>,
): EvaluationAnswer {
  const fields: FieldError[] = [];
  const scores: Record<string, number> = {};
  for (const item of form.items) {
    const v = input.scores[item.key];
    if (v === undefined || v === null)
      fields.push({ path: `scores.${item.key}`, message: `请为“${item.label}”评分` });
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < SCORE_MIN || v > SCORE_MAX)
      fields.push({ path: `scores.${item.key}`, message: `评分应为 ${SCORE_MIN}–${SCORE_MAX} 的整数` });
    else scores[item.key] = v;
  }
  const known = new Set(form.items.map((i) => i.key));
  for (const k of Object.keys(input.scores))
    if (!known.has(k)) fields.push({ path: `scores.${k}`, message: '评议表中没有该项' });
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  if (comment !== null) {
    if (!isSafeText(comment)) fields.push({ path: 'comment', message: UNSAFE_TEXT_MESSAGE });
    else if (Array.from(comment).length > form.commentMax)
      fields.push({ path: 'comment', message: `评议意见不超过 ${form.commentMax} 字` });
  }
  if (fields.length > 0) throw new ValidationError('评议内容无效', fields);
  return { scores, comment };
}

/** The mean of an answer's scores. */
export function answerMean(scores: Record<string, number>): number {
  const v = Object.values(scores);
  return v.reduce((s, x) => s + x, 0) / v.length;
}

export type InvitationStatus = 'valid' | 'used' | 'expired' | 'closed';
export const INVITATION_STATUS_MESSAGES: Readonly<Record<Exclude<InvitationStatus, 'valid'>, string>> = {
  used: '该评议码已经使用过，每个评议码只能提交一次评议',
  expired: '该评议码已过有效期',
  closed: '该评议活动已经结束',
};

/** May the invitation be answered today? Used first, then closed, then expired (last valid day included). */
export function invitationStatus(
  inv: { usedAt: unknown; expiresOn: string },
  campaignState: EvaluationCampaignState,
  today: string,
): InvitationStatus {
  if (inv.usedAt !== null && inv.usedAt !== undefined) return 'used';
  if (campaignState === 'closed') return 'closed';
  if (today > inv.expiresOn) return 'expired';
  return 'valid';
}

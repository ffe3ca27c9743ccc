// The vocabularies of a publication (行政执法决定公示), each defined once, with the Chinese labels the
// portal and the console show.
import type { Act } from '../acts/schema.js';

/** Where a publication comes from: an enforcement act, or an accountability case's decision. */
export const PUBLICATION_SOURCES = ['act', 'case'] as const;
export type PublicationSource = (typeof PUBLICATION_SOURCES)[number];

export const PUBLICATION_CATEGORIES = ['licensing', 'penalty', 'other', 'accountability'] as const;
export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number];
export const PUBLICATION_CATEGORY_LABELS: Readonly<Record<PublicationCategory, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  other: '其他执法决定',
  accountability: '问责处理',
};

export const PUBLICATION_STATES = ['published', 'withheld', 'withdrawn', 'taken_down'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];
export const PUBLICATION_STATE_LABELS: Readonly<Record<PublicationState, string>> = {
  published: '公示中',
  withheld: '不予公开',
  withdrawn: '已撤回',
  taken_down: '公示期满已撤下',
};

/**
 * The 双公示 category of an act, or null when it is not a decision published on import: a licensing
 * act granted (准予许可, or no outcome recorded) and decided, or a penalty decided. Refusals and
 * non-acceptance are not 双公示 许可信息.
 */
export function categoryOfAct(act: Act): 'licensing' | 'penalty' | null {
  if (!act.dates.decided) return null;
  if (act.kind === 'penalty') return 'penalty';
  if (act.kind === 'licensing' && (act.decision == null || act.decision === 'granted')) return 'licensing';
  return null;
}

// A decision as the public sees it (双公示): the fields the 双公示 data standard names, masked by
// src/core/privacy — an organisation by its full name and credit code, a natural person by the
// masked name and nothing else (never the ID number, phone, address or account), free text scrubbed
// of ID numbers, phones and accounts. Pure: the store writes what this returns.
import { REVIEW_RESULT_LABELS } from '../acts/codes.js';
import type { Act } from '../acts/schema.js';
import type { Calendar } from '../calendar/lookup.js';
import { isCreditCode } from '../privacy/identifiers.js';
import { maskPersonName, type PublicParty, publicParty, scrubText } from '../privacy/mask.js';
import { categoryOfAct } from './categories.js';
import { publicationDueOn } from './deadlines.js';
import type { DisclosureParams } from './params.js';
import { type Withholding, withholdingOf } from './withhold.js';

/** The published fields of a licensing or penalty decision (the 双公示 columns). */
export interface PublishedDecision {
  /** 决定书文号. */
  documentNo: string | null;
  /** 项目名称 (licensing) / 处罚名称 (penalty); the act's matter when not given. */
  itemName: string | null;
  /** 审批类别 / 处罚类别. */
  category: string | null;
  /** 许可内容. */
  content: string | null;
  /** 事由 (penalty: the facts of the violation). */
  reason: string | null;
  /** 处罚依据. */
  basis: string | null;
  /** 处罚结果; for a fine without a stated result, "罚款 N 元". */
  result: string | null;
  /** 相对人名称与代码. */
  party: PublicParty | null;
}

/**
 * Free text as published: ID numbers, phones and accounts masked (scrubText), and the natural
 * person's own name, where the text repeats it, replaced by the masked name.
 */
const masker =
  (act: Act) =>
  (s: unknown): string | null => {
    if (typeof s !== 'string') return null;
    let t = s.trim();
    if (t === '') return null;
    const name = act.party?.type === 'person' ? act.party.name?.trim() : undefined;
    if (name && Array.from(name).length >= 2) t = t.replaceAll(name, maskPersonName(name));
    return scrubText(t);
  };

/** What is published of the act's party (an organisation's code: creditCode, else a valid party.id). */
export function partyOfAct(act: Act): PublicParty | null {
  const p = act.party;
  if (!p) return null;
  if (p.type === 'org') {
    const code = p.creditCode?.trim() ? p.creditCode : isCreditCode(p.id.trim().toUpperCase()) ? p.id : null;
    return publicParty({ type: 'org', name: p.name, creditCode: code });
  }
  return publicParty({ type: 'person', name: p.name });
}

/** The 双公示 fields of a decision, masked. */
export function publishedFields(act: Act): PublishedDecision {
  const text = masker(act);
  const fine = act.kind === 'penalty' && act.fine != null && act.fine > 0 ? `罚款${act.fine}元` : null;
  return {
    documentNo: text(act.documentNo),
    itemName: text(act.itemName) ?? text(act.matter),
    category: text(act.category),
    content: act.kind === 'licensing' ? text(act.content) : null,
    reason: act.kind === 'penalty' ? text(act.reason) : null,
    basis: act.kind === 'penalty' ? text(act.basis) : null,
    result: act.kind === 'penalty' ? (text(act.result) ?? fine) : null,
    party: partyOfAct(act),
  };
}

/** What an act's decision becomes on import: its publication, or why there is none. */
export interface ActPublication {
  category: 'licensing' | 'penalty';
  decidedOn: string;
  /** The last day on which it is published in time. */
  dueOn: string;
  partyType: 'org' | 'person' | null;
  /** Null: published (with `fields`); else not published, on this ground. */
  withheld: Withholding | null;
  /** The masked fields; null when withheld (nothing of a withheld decision is stored for the public). */
  fields: PublishedDecision | null;
}

/** The publication of an act, or null when the act is no decision published on import. */
export function publicationOfAct(
  act: Act,
  cal: Calendar,
  params: DisclosureParams,
  idNumber: string | null = act.party?.idNumber ?? null,
): ActPublication | null {
  const category = categoryOfAct(act);
  const decidedOn = act.dates.decided;
  if (category === null || !decidedOn) return null;
  const withheld = withholdingOf(act, idNumber);
  return {
    category,
    decidedOn,
    dueOn: publicationDueOn(cal, category, decidedOn, params),
    partyType: act.party?.type ?? null,
    withheld,
    fields: withheld ? null : publishedFields(act),
  };
}

/** The review results that withdraw a publication (a decision changed, revoked or confirmed illegal). */
export const WITHDRAWING_RESULTS = ['changed', 'revoked', 'confirmed_illegal'] as const;

/** The reason recorded with a withdrawal after a review result. */
export function withdrawalReason(review: (typeof WITHDRAWING_RESULTS)[number]): string {
  return `该决定在行政复议或者行政诉讼中被依法${REVIEW_RESULT_LABELS[review]}，原公开信息撤回`;
}

/** Whether the act's review result withdraws its publication. */
export function withdrawsPublication(
  act: Act,
): act is Act & { review: (typeof WITHDRAWING_RESULTS)[number] } {
  return act.review != null && (WITHDRAWING_RESULTS as readonly string[]).includes(act.review);
}

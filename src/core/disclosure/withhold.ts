// The do-not-publish rules (不予公开): a decision is not published — and the ground is recorded with
// its publication — when the agency declares one of these grounds on the act, or when the party is a
// natural person under eighteen on the day of the decision (read from the ID number, failing
// closed: an ID number without a readable date of birth counts as a minor's).
import type { WithholdGround } from '../acts/codes.js';
import type { Act } from '../acts/schema.js';
import { isMinor } from '../privacy/mask.js';

/** Each ground with the provision that bars publication. */
export const WITHHOLD_CITES: Readonly<Record<WithholdGround, string>> = {
  state_secret: '《政府信息公开条例》第十四条（依法确定为国家秘密的政府信息）',
  security: '《政府信息公开条例》第十四条（公开后可能危及国家安全、公共安全、经济安全、社会稳定）',
  trade_secret: '《政府信息公开条例》第十五条（涉及商业秘密）',
  privacy: '《政府信息公开条例》第十五条（涉及个人隐私）',
  minor: '《未成年人保护法》第一百零三条（不得披露未成年人的姓名、影像、住所等可能识别出其身份的信息）',
};

export interface Withholding {
  ground: WithholdGround;
  cite: string;
}

/**
 * Why the act's decision is not published, or null. `idNumber` is the party's ID number when the
 * caller has it apart from the act (the store keeps it sealed, out of the body).
 */
export function withholdingOf(
  act: Act,
  idNumber: string | null = act.party?.idNumber ?? null,
): Withholding | null {
  const declared = act.withhold;
  if (declared) return { ground: declared, cite: WITHHOLD_CITES[declared] };
  const decided = act.dates.decided;
  if (act.party?.type === 'person' && idNumber && decided && isMinor(idNumber, decided))
    return { ground: 'minor', cite: WITHHOLD_CITES.minor };
  return null;
}

// Referrals to discipline inspection (appointing or supervisory organs) and judicial organs,
// made by a decision; the discipline role records what became of them.
export interface ReferralRow {
  id: number;
  caseId: string;
  caseNumber: string;
  regionCode: string;
  /** The kind of referral: 'discipline' (涉嫌违纪) or 'judicial' (涉嫌犯罪). */
  organ: 'discipline' | 'judicial' | string;
  /** The registered organ it went to; null for referrals made before the register. */
  organId: string | null;
  organName: string | null;
  officerId: string | null;
  officerName: string | null;
  note: string;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  outcomeBy: string | null;
  version: number;
}

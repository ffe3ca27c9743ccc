// Referrals to discipline inspection (appointing or supervisory organs) and judicial organs,
// made by a decision; the discipline role records what became of them.
export interface ReferralRow {
  id: number;
  caseId: string;
  caseNumber: string;
  regionCode: string;
  organ: 'discipline' | 'judicial' | string;
  officerId: string | null;
  officerName: string | null;
  note: string;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  outcomeBy: string | null;
  version: number;
}

export interface HomeStats {
  agencies: number;
  officers: number;
  certificates: { valid: number; expired: number; suspended: number; revoked: number };
  /** Open cases the user takes part in (a supervisor: the jurisdiction's), and their deadlines. */
  cases?: { open: number; overdue: number; near: number };
  /** Leads waiting for triage. */
  leads?: { new: number };
  /** 申诉: open, past the panel's due date, and (a panel member's) votes still to cast. */
  appeals?: { open: number; overdue: number; toVote: number };
}

export interface ChartSlice {
  key: string;
  name: string;
  value: number;
  color: string;
}

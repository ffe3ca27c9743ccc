// The public channel (no login): complaints with receipts, and their progress.
export interface PublicAgency {
  id: string;
  name: string;
  regionName: string;
}

export interface ComplaintInput {
  agency?: string;
  officer?: string;
  subject: string;
  narrative: string;
  occurredOn?: string;
  anonymous: boolean;
  contact?: { name: string; phone: string; idNumber?: string };
}

/** received → registered → investigating → decided → closed; or dismissed / declined / merged. */
export type PublicStatus =
  | 'received'
  | 'registered'
  | 'investigating'
  | 'decided'
  | 'closed'
  | 'dismissed'
  | 'reexamining'
  | 'declined'
  | 'merged';

export interface ComplaintStatus {
  receipt: string;
  status: PublicStatus;
  statusLabel: string;
  subject: string;
  filedOn: string;
  reply: string | null;
  caseNumber: string | null;
  attachments: number;
  /** 复查: asked for (once) and when; whether it may still be asked for. */
  reexamination: { requestedOn: string | null; available: boolean };
}

export interface UploadedAttachment {
  filename: string;
  size: number;
  sha256: string;
}

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const NARRATIVE_MAX = 5000;
export const NARRATIVE_MIN = 10;

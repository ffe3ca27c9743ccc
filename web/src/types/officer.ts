import type { CertStatus, Staffing } from '../components/tags';
import type { Page } from '../services/request';

export type { CertStatus, Staffing };

export const STAFFING: Staffing[] = ['administrative', 'civil_service_managed', 'institution'];
export const CERT_STATUSES: CertStatus[] = ['valid', 'expired', 'suspended', 'revoked', 'none'];

/** What is stored; `expired` and `none` are derived from dates and absence. */
export type StoredCertStatus = 'valid' | 'suspended' | 'revoked';

export interface Officer {
  id: string;
  regionCode: string;
  agencyId: string;
  agencyName: string;
  name: string;
  gender: 'M' | 'F' | null;
  staffing: Staffing;
  post: string | null;
  phone: string | null;
  active: boolean;
  certificateNumber: string | null;
  certificateValidUntil: string | null;
  certStatus: CertStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  permissions: { update: boolean };
}

export interface Certificate {
  id: number;
  number: string;
  issuedOn: string;
  validUntil: string;
  status: StoredCertStatus;
  statusReason: string | null;
  effectiveStatus: CertStatus;
}

export interface OfficerDetail extends Officer {
  certificates: Certificate[];
}

export interface OfficerPage extends Page<Officer> {
  permissions: { create: boolean };
}

export interface OfficerFilter {
  q?: string;
  agencyId?: string;
  region?: string;
  certStatus?: CertStatus;
  staffing?: Staffing;
}

export interface CertificateInput {
  number: string;
  issuedOn: string;
  validUntil: string;
}

export interface OfficerInput {
  agencyId: string;
  name: string;
  gender?: 'M' | 'F' | null;
  staffing: Staffing;
  post?: string | null;
  phone?: string | null;
  active?: boolean;
  certificate?: CertificateInput;
}

export interface ImportResult {
  imported: number;
  dryRun: boolean;
  ids: string[];
}

/** One problem in an uploaded sheet, from a field path like `rows[5].执法证号`. */
export interface ImportProblem {
  key: number;
  row: number | null;
  column: string;
  message: string;
}

export const CERT_NUMBER_PATTERN = /^\d{8,20}$/;

/** Where the list remembers its filters, for the detail page's way back. */
export const LIST_SEARCH_KEY = 'wenze.officers.search';

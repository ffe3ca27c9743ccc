import type { AgencyKind } from '../components/tags';
import type { Page } from '../services/request';

export type { AgencyKind };

export const AGENCY_KINDS: AgencyKind[] = ['administrative', 'authorized', 'entrusted'];

export interface Agency {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parentId: string | null;
  parentName: string | null;
  principalName: string | null;
  phone: string | null;
  address: string | null;
  active: boolean;
  officerCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  permissions: { update: boolean };
}

export interface AgencyPage extends Page<Agency> {
  permissions: { create: boolean };
}

export interface AgencyQuery {
  q?: string;
  region?: string;
  kind?: AgencyKind;
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

/** The form's fields; `id` and `regionCode` only when creating. */
export interface AgencyInput {
  id?: string;
  regionCode?: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parentId?: string | null;
  principalName?: string | null;
  phone?: string | null;
  address?: string | null;
  active?: boolean;
}

/** Agency code: the region's 6-digit code, a hyphen, 2–12 capitals or digits (529900-SCJ). */
export const AGENCY_ID_PATTERN = /^\d{6}-[A-Z0-9]{2,12}$/;

// 纠错 (correction measures) as the API serves them (GET /api/v1/corrections,
// src/server/corrections/service.ts): what is to be done for a tolerated fault (a tolerance
// application decided 免责 or 从轻减轻) or a detected one (a finding), by whom, by when; the agency's
// report; the re-check when due, with the later acts that repeat the fault and the lead they opened.
// The vocabularies are core's (src/core/workflow/correction.ts).
import type {
  CorrectionAction,
  CorrectionSource,
  MeasureState,
  Recurrence,
} from '../../../src/core/workflow/correction';
import type { Page } from '../services/request';
import type { ActionAvailability } from './procedure';

export {
  CORRECTION_PROCEDURE,
  CORRECTION_SOURCES,
  MEASURE_STATES,
} from '../../../src/core/workflow/correction';
export type { CorrectionAction, CorrectionSource, MeasureState, Recurrence };

interface Signed {
  byName: string;
  on: string;
}

export interface Correction {
  id: string;
  regionCode: string;
  agencyId: string;
  agencyName: string;
  officerId: string | null;
  officerName: string | null;
  source: CorrectionSource;
  /** source tolerance: the application and its number. */
  applicationId: string | null;
  applicationNumber: string | null;
  /** source finding: the act whose finding it corrects. */
  actId: string | null;
  /** The detection rules re-checked (a finding's). */
  rules: string[];
  /** The catalogue items re-checked (a tolerated fault's; a finding's item). */
  faults: string[];
  /** The day it was set: the re-check looks at acts after it. */
  since: string;
  measure: string;
  responsible: string;
  dueOn: string;
  /** Open or reported and past its due date. */
  overdue: boolean;
  state: MeasureState;
  report: (Signed & { note: string }) | null;
  recheck: (Signed & { recurrences: Recurrence[] }) | null;
  /** The lead a recurrence opened in the supervision office's inbox. */
  leadId: string | null;
  availability: ActionAvailability<CorrectionAction>[];
  version: number;
  createdAt: string;
}

export type CorrectionPage = Page<Correction>;

export interface CorrectionFilter {
  state?: MeasureState;
  applicationId?: string;
}

/** What the measure corrects: a decided tolerance application, or one finding of an act. */
export type CorrectionTarget =
  | { source: 'tolerance'; applicationId: string }
  | { source: 'finding'; actId: string; rule: string };

/** POST /corrections. */
export type CorrectionInput = CorrectionTarget & { measure: string; responsible: string; dueOn: string };

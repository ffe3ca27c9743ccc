// Table types for Kysely (camelCase; the CamelCasePlugin maps to snake_case columns).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ActKind, PartyType, Procedure, ReviewResult } from '../core/acts/codes.js';
import type {
  PublicationCategory,
  PublicationSource,
  PublicationState,
  PublishedDecision,
} from '../core/disclosure/index.js';
import type { ResolutionKind } from '../core/duties/boundary.js';
import type { DutyRole, DutyStage, PowerType } from '../core/duties/columns.js';
import type {
  EvaluationAudience,
  EvaluationCampaignState,
  EvaluationForm,
  ModerationState,
} from '../core/evaluation/form.js';
import type { Role } from '../core/policies/actor.js';
import type { OrganKind } from '../core/referrals/organs.js';
import type { MemberKind } from '../core/relief/panel.js';
import type { AgencyMeasure, Referral, SanctionForm } from '../core/rulebook/types.js';
import type { AppealStage, AppealState, AppellantKind } from '../core/workflow/appeal.js';
import type { CaseState } from '../core/workflow/case.js';
import type { CorrectionSource, MeasureState } from '../core/workflow/correction.js';
import type { LeadSource, LeadStatus } from '../core/workflow/lead.js';
import type { PreRegistrationState } from '../core/workflow/pre-registration.js';
import type {
  ReviewCampaignKind,
  ReviewCampaignState,
  ReviewStage,
} from '../core/workflow/review-campaign.js';
import type { ToleranceApplicantKind, ToleranceState } from '../core/workflow/tolerance.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export interface RegionsTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export interface AgenciesTable {
  id: string;
  regionCode: string;
  name: string;
  shortName: string;
  kind: 'administrative' | 'authorized' | 'entrusted';
  parentId: string | null;
  principalName: string | null;
  phone: string | null;
  address: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface OfficersTable {
  id: string;
  regionCode: string;
  agencyId: string;
  name: string;
  gender: 'M' | 'F' | null;
  staffing: 'administrative' | 'civil_service_managed' | 'institution';
  post: string | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CertificatesTable {
  id: Generated<number>;
  regionCode: string;
  officerId: string;
  number: string;
  issuedOn: string;
  validUntil: string;
  status: 'valid' | 'suspended' | 'revoked';
  statusReason: string | null;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  /** The referral organ whose user this is (纪委监委, 检察院, …). */
  organId: Generated<string | null>;
  locale: Generated<string>;
  active: Generated<boolean>;
  /** Unused since migration 0004: failures are counted per account and address (login_failures). */
  failedAttempts: Generated<number>;
  lockedUntil: Date | null;
  passwordChangedAt: Timestamp;
  version: Generated<number>;
  createdAt: CreatedAt;
  /** A demo account (published password): exempt from the password and 2FA policy. */
  isDemo: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
  /** Base32 TOTP secret once enrolment is confirmed. */
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabledAt: Date | null;
  /** The last 30-second step a code was accepted for: a code is good once. */
  totpLastStep: number | null;
}

export interface LoginFailuresTable {
  username: string;
  ip: string;
  failures: Generated<number>;
  lastFailureAt: Generated<Date>;
  lockedUntil: Date | null;
}

export interface SecuritySettingsTable {
  id: number;
  passwordMaxAgeDays: Generated<number>;
  version: Generated<number>;
  updatedAt: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  regionCode: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prevHash: string;
  hash: string;
  /** 1: SHA-256 (before migration 0005); 2: HMAC-SM3 under the audit key. */
  scheme: number;
}

type JsonNullable<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;

export interface CalendarOverridesTable {
  day: string;
  kind: 'holiday' | 'workday';
  note: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ComplaintsTable {
  id: Generated<string>;
  receipt: string;
  regionCode: string;
  agencyId: string | null;
  officerName: string | null;
  subject: string;
  narrative: string;
  occurredOn: string | null;
  anonymous: boolean;
  /** Plaintext only until the server's start seals it (migration 0005); then null. */
  contactName: string | null;
  contactPhone: string | null;
  /** SM4-CBC + HMAC-SM3 sealed identity (src/store/complainant-identity.ts). */
  contactNameEnc: Buffer | null;
  contactPhoneEnc: Buffer | null;
  contactIdEnc: Buffer | null;
  contactKeyVersion: number | null;
  /** Keyed blind indexes (HMAC-SM3) of the normalised phone and ID number. */
  contactPhoneBidx: string | null;
  contactIdBidx: string | null;
  idempotencyKey: string | null;
  /** Keyed fingerprint of the request body that came with the Idempotency-Key. */
  requestFingerprint: string | null;
  publicStatus: Generated<string>;
  publicReply: string | null;
  createdAt: CreatedAt;
}

export interface FileTable {
  id: Generated<number>;
  caseId: string;
  regionCode: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  description: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ComplaintAttachmentsTable {
  id: Generated<number>;
  complaintId: string;
  regionCode: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdAt: CreatedAt;
}

export type { LeadSource };

export interface LeadsTable {
  id: Generated<string>;
  regionCode: string;
  source: LeadSource;
  status: Generated<LeadStatus>;
  agencyId: string | null;
  officerId: string | null;
  subject: string;
  narrative: Generated<string>;
  occurredOn: string | null;
  complaintId: string | null;
  findingKey: string | null;
  actId: string | null;
  rule: string | null;
  faultCode: string | null;
  basis: string | null;
  detail: string | null;
  mergedInto: string | null;
  caseId: string | null;
  dismissReason: string | null;
  /** Who dismissed it (migration 0013): a re-examination is for someone else. */
  dismissedBy: string | null;
  /** 复查 (migration 0013): the complainant's request { requestedOn, grounds, dismissReason }, once. */
  reexamination: JsonNullable;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CasesTable {
  id: Generated<string>;
  number: string;
  regionCode: string;
  leadId: string | null;
  source: LeadSource;
  state: CaseState;
  agencyId: string;
  subject: string;
  summary: Generated<string>;
  pack: string;
  registeredOn: string;
  acceptedOn: string | null;
  acceptanceOpinion: string | null;
  declineReason: string | null;
  investigationStartedOn: string | null;
  facts: JsonNullable;
  determination: JsonNullable;
  overrides: ColumnType<unknown, string | undefined, string>;
  findingsText: string | null;
  findingsOn: string | null;
  statementNoticeOn: string | null;
  decisionKind: string | null;
  decisionOn: string | null;
  decisionReasons: string | null;
  /** 审批定案: the proposal ({ kind, reasons, sanctions, by, on }) and its approval. */
  proposal: JsonNullable;
  approval: JsonNullable;
  servedOn: string | null;
  service: JsonNullable;
  /** The relief decided on the agency's appeal (migration 0013): { appealId, number, outcome, measures, on }. */
  agencyRelief: JsonNullable;
  executedOn: string | null;
  executionNote: string | null;
  closedOn: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CaseInvestigatorsTable {
  caseId: string;
  userId: string;
  regionCode: string;
  recused: Generated<boolean>;
  recusalReason: string | null;
  assignedAt: CreatedAt;
}

export interface CaseExtensionsTable {
  id: Generated<number>;
  caseId: string;
  regionCode: string;
  days: number;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

export interface CasePersonsTable {
  caseId: string;
  officerId: string;
  regionCode: string;
  liable: Generated<boolean>;
  statementText: string | null;
  statementOn: string | null;
  waived: Generated<boolean>;
  waiveReason: string | null;
  hearingRequested: Generated<boolean>;
  hearingHeldOn: string | null;
  hearingSummary: string | null;
  /** The tolerance decided for the person (migration 0010): { applicationId, number, outcome, cite, on }. */
  tolerance: JsonNullable;
  /** The relief the panel decided for the person (migration 0013): { appealId, number, outcome, form, on }. */
  relief: JsonNullable;
}

/** The relief panel's pool (migration 0013). */
export interface ReliefMembersTable {
  id: string;
  regionCode: string;
  name: string;
  kind: MemberKind;
  expertise: Generated<string>;
  agencyId: string | null;
  officeRegion: string | null;
  enforcementOfficer: Generated<boolean>;
  userId: string | null;
  active: Generated<boolean>;
  createdAt: CreatedAt;
}

/** 申诉 (migration 0013): an officer's appeal, heard by a panel drawn from the pool. */
export interface AppealsTable {
  id: Generated<string>;
  number: string;
  regionCode: string;
  caseId: string;
  /** The officer concerned, or (Art. 25 measures) the agency through its legal office. */
  appellantKind: ColumnType<AppellantKind, AppellantKind | undefined, AppellantKind>;
  /** Null for an agency's appeal. */
  officerId: string | null;
  filedBy: string | null;
  filedOn: string;
  grounds: string;
  state: AppealState;
  servedOn: string | null;
  originalForm: SanctionForm | null;
  /** The Art. 25 measures appealed against (an agency's appeal), lightest first. */
  originalMeasures: ColumnType<AgencyMeasure[] | null, string | null | undefined, string | null>;
  pack: string;
  acceptedOn: string | null;
  /** When the panel must decide (set on acceptance, moved by an extension). */
  dueOn: string | null;
  acceptance: JsonNullable;
  panel: JsonNullable;
  sessions: ColumnType<unknown, string | undefined, string>;
  votes: ColumnType<unknown, string | undefined, string>;
  extensions: ColumnType<unknown, string | undefined, string>;
  decision: JsonNullable;
  /** The ids of the documents it issued (in case_documents). */
  documents: ColumnType<unknown, string | undefined, string>;
  decidedOn: string | null;
  /** 复核 by the office that decided, or 申诉 to the panel (migration 0019). */
  stage: ColumnType<AppealStage, AppealStage | undefined, AppealStage>;
  /** The 复核 this appeal follows, and the day it was decided (the period runs from it). */
  reviewId: string | null;
  reviewDecidedOn: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** 容错申请 (migration 0010): a tolerance application for one person of a case. */
export interface ToleranceApplicationsTable {
  id: Generated<string>;
  number: string;
  regionCode: string;
  caseId: string;
  officerId: string;
  applicantKind: ToleranceApplicantKind;
  appliedBy: string;
  appliedOn: string;
  grounds: string;
  /** What the applicant claims: { preRegistered }. */
  claimed: ColumnType<unknown, string, string>;
  pack: string;
  state: ToleranceState;
  acceptedOn: string | null;
  acceptance: JsonNullable;
  verification: JsonNullable;
  decision: JsonNullable;
  decidedOn: string | null;
  documentId: number | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** 纠错 (migration 0012): a correction measure for a tolerated or a detected fault. */
export interface CorrectionsTable {
  id: Generated<string>;
  regionCode: string;
  agencyId: string;
  officerId: string | null;
  source: CorrectionSource;
  applicationId: string | null;
  actId: string | null;
  /** Detection rules whose recurrence the re-check looks for (a finding's own rule). */
  rules: ColumnType<string[], string, string>;
  /** Catalogue items whose recurrence the re-check looks for (a tolerated fault's). */
  faults: ColumnType<string[], string, string>;
  /** The fault's date: later acts are what the re-check reads. */
  since: string;
  measure: string;
  responsible: string;
  dueOn: string;
  state: MeasureState;
  report: JsonNullable;
  recheck: JsonNullable;
  leadId: string | null;
  createdBy: string;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** The register of referral organs by region (migration 0009). */
export interface OrgansTable {
  id: string;
  regionCode: string;
  kind: OrganKind;
  name: string;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface ReferralsTable {
  id: Generated<number>;
  caseId: string;
  regionCode: string;
  organ: Referral;
  officerId: string | null;
  /** The registered organ it went to (null for referrals made before the register). */
  organId: string | null;
  note: string;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  outcomeBy: string | null;
  version: Generated<number>;
}

/** Enforcement acts (CONTRACTS.md §3), one row per act; `body` is the whole record. */
export interface ActsTable {
  id: string;
  regionCode: string;
  agencyId: string;
  kind: ActKind;
  matter: string | null;
  procedure: Procedure | null;
  partyType: PartyType | null;
  partyId: string | null;
  violation: string | null;
  incidentDate: string | null;
  applied: string | null;
  accepted: string | null;
  filed: string | null;
  notified: string | null;
  decided: string | null;
  served: string | null;
  extended: boolean | null;
  fine: number | null;
  paymentMethod: string | null;
  paymentReceipt: boolean | null;
  hearingRequested: boolean | null;
  hearingHeld: boolean | null;
  criminalSuspected: boolean | null;
  criminalReferred: boolean | null;
  review: ReviewResult | null;
  body: ColumnType<Record<string, unknown>, string, string>;
  bodyHash: string;
  /** The party's ID number, sealed (migration 0018); never in `body`. */
  partyIdEnc: Buffer | null;
  /** coalesce(decided, filed, accepted, applied, incident_date), generated. */
  actOn: ColumnType<string | null, never, never>;
  importedAt: CreatedAt;
  updatedAt: Timestamp;
}

/** 行政执法决定公示 (migration 0018): one publication per act or case decision. */
/** The portal's precomputed figures (migration 0021): aggregate counts only, never a name. */
export interface PublicFiguresTable {
  regionCode: string;
  measure: string;
  key: string;
  year: number;
  /** '' when the figure has no agency. */
  agencyId: string;
  n: ColumnType<string | number, number, number>;
  amountFen: ColumnType<string | number, number | undefined, number>;
  refreshedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface PublicationsTable {
  id: Generated<string>;
  regionCode: string;
  agencyId: string | null;
  sourceKind: PublicationSource;
  sourceId: string;
  category: PublicationCategory;
  partyType: PartyType | null;
  /** The published fields, masked (PublishedDecision); null while withheld. */
  fields: ColumnType<PublishedDecision | null, string | null, string | null>;
  decidedOn: string;
  publishedOn: string | null;
  dueOn: string;
  state: PublicationState;
  withheldGround: string | null;
  withheldReason: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  takeDownOn: string | null;
  takenDownOn: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** What the detection rules found in an act: one row per act and rule. */
export interface FindingsTable {
  actId: string;
  rule: string;
  regionCode: string;
  agencyId: string;
  /** The act's handler (approval chain), else its first officer. */
  officerId: string | null;
  kind: string;
  /** The act's date (acts.act_on). */
  occurredOn: string | null;
  fault: string | null;
  basis: string;
  detail: string;
  /** duplicate-fine: the earlier decision this one repeats. */
  relatedActId: string | null;
  foundAt: CreatedAt;
  updatedAt: Timestamp;
}

/** The working-day calendar as a table (src/store/calendar-days.ts). */
export interface CalendarDaysTable {
  day: string;
  isWorking: boolean;
  ordinal: number;
}

/** 事前备案 (migration 0011): an exploratory measure registered before acting. */
export interface PreRegistrationsTable {
  id: Generated<string>;
  /** A市报备〔2026〕3号: unique per region and year (regionCode, year, seq). */
  number: string;
  regionCode: string;
  year: number;
  seq: number;
  agencyId: string;
  officerId: string | null;
  /** The user who registered it. */
  registeredBy: string;
  /** The rule pack whose tolerance policy governs it (in force on registeredOn). */
  pack: string;
  title: string;
  measure: string;
  reason: string;
  legalGap: string;
  risks: string;
  safeguards: string;
  plannedFrom: string;
  state: PreRegistrationState;
  registeredOn: string;
  /** The day of the last submission: the initial review's period runs from it. */
  submittedOn: string;
  /** The initial review: { kind: 'accept' | 'return', text, by, byName, on }. */
  decision: JsonNullable;
  /** { reason, by, byName, on } once withdrawn. */
  withdrawal: JsonNullable;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** The documents a pre-registration's review issued (migration 0011). */
export interface PreRegistrationDocumentsTable {
  id: Generated<number>;
  preRegistrationId: string;
  regionCode: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdBy: string | null;
  createdAt: CreatedAt;
}

/** 案卷评查 (migration 0015): a review campaign, its scope, seed and draw. */
export interface ReviewCampaignsTable {
  id: Generated<string>;
  regionCode: string;
  name: string;
  kind: ReviewCampaignKind;
  /** Agency ids in scope (empty: every agency of the region). */
  agencyIds: ColumnType<string[], string, string>;
  kinds: ColumnType<ActKind[], string, string>;
  periodFrom: string | null;
  periodTo: string | null;
  seed: string;
  size: number;
  /** The rule pack and day whose rubric (params.review) scores the files. */
  pack: string;
  packOn: string;
  state: Generated<ReviewCampaignState>;
  /** The draw: [{ agency, eligible, drawn }]. */
  strata: JsonNullable<{ agency: string; eligible: number; drawn: number }[]>;
  drawnAt: Date | null;
  /** Two reviewers score each spot-check file (migration 0020). */
  doubleScoring: Generated<boolean>;
  createdBy: string;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** One act drawn in a campaign, at one stage (the agency's self-check, the office's spot-check). */
export interface ReviewFilesTable {
  id: Generated<string>;
  campaignId: string;
  regionCode: string;
  actId: string;
  agencyId: string;
  kind: ActKind;
  stage: ReviewStage;
  reviewGroup: string | null;
  reviewerIds: ColumnType<string[], string | undefined, string>;
  marks: JsonNullable;
  score: JsonNullable;
  total: number | null;
  grade: 'excellent' | 'pass' | 'fail' | null;
  /** [{ fault, item, leadId }]: the leads its failed items opened. */
  leads: ColumnType<{ fault: string; item: string; leadId: string }[], string | undefined, string>;
  scoredBy: string | null;
  scoredAt: Date | null;
  /** Double scoring (migration 0020): the two totals compared; the leader's note when reconciled. */
  reconciliation: JsonNullable<ReviewReconciliation>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** How a double-scored file's two totals compare, and the group leader's final score when they differ. */
export interface ReviewReconciliation {
  agreed: boolean;
  difference: number;
  margin: number;
  reason: string;
  /** The leader's note, who and when (a file reconciled). */
  note?: string;
  by?: string;
  at?: string;
}

/** One reviewer's score of a double-scored spot-check file (migration 0020). */
export interface ReviewScoresTable {
  id: Generated<string>;
  fileId: string;
  regionCode: string;
  reviewerId: string;
  marks: ColumnType<unknown, string, string>;
  score: ColumnType<unknown, string, string>;
  total: number;
  grade: 'excellent' | 'pass' | 'fail';
  scoredAt: Date;
}

/** 外部评议 campaigns (migration 0020). */
export interface EvaluationCampaignsTable {
  id: Generated<string>;
  regionCode: string;
  name: string;
  agencyIds: ColumnType<string[], string, string>;
  periodFrom: string;
  periodTo: string;
  audiences: ColumnType<EvaluationAudience[], string, string>;
  form: ColumnType<EvaluationForm, string, string>;
  pack: string;
  packOn: string;
  state: Generated<EvaluationCampaignState>;
  createdBy: string;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** One one-time code (only its hash) for one agency and audience. */
export interface EvaluationInvitationsTable {
  id: Generated<string>;
  campaignId: string;
  regionCode: string;
  agencyId: string;
  audience: EvaluationAudience;
  codeHash: string;
  expiresOn: string;
  usedAt: Date | null;
  issuedBy: string;
  createdAt: CreatedAt;
}

/** One answer: by a code (invitation) or by a signed-in evaluator (user). */
export interface EvaluationAnswersTable {
  id: Generated<string>;
  campaignId: string;
  regionCode: string;
  agencyId: string;
  audience: EvaluationAudience;
  invitationId: string | null;
  userId: string | null;
  scores: ColumnType<Record<string, number>, string, string>;
  mean: number;
  comment: string | null;
  moderation: ModerationState;
  moderatedBy: string | null;
  moderatedAt: Date | null;
  moderationReason: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

/** A campaign's reviewer pool: groups, leaders, external lawyers. */
export interface ReviewReviewersTable {
  campaignId: string;
  userId: string;
  regionCode: string;
  reviewGroup: string;
  leader: Generated<boolean>;
  externalLawyer: Generated<boolean>;
  createdAt: CreatedAt;
}

/** 权责清单 items (migration 0014): one row per item of an agency's list, versioned per agency. */
export interface DutyItemsTable {
  id: Generated<number>;
  regionCode: string;
  agencyId: string;
  importId: number;
  version: number;
  row: number;
  code: string;
  name: string;
  type: PowerType;
  unit: string | null;
  role: DutyRole;
  basis: string | null;
  /** 责任事项: a list of texts. */
  duties: ColumnType<string[], string, string>;
  /** 追责情形: catalogue codes or texts. */
  pursuits: ColumnType<string[], string, string>;
  timeLimit: string | null;
  validFrom: string;
  /** The first day no longer in force (the file's 失效日期, or a newer list's 生效日期); null: no end. */
  validTo: string | null;
  importedAt: CreatedAt;
}

/** 权责清单 imports (migration 0014): who imported which file, and the report it gave. */
export interface DutyImportsTable {
  id: Generated<number>;
  regionCode: string;
  importedBy: string | null;
  importedByName: string;
  importedAt: CreatedAt;
  fileName: string;
  sha256: string;
  itemCount: number;
  agencies: ColumnType<unknown, string, string>;
  report: ColumnType<unknown, string, string>;
}

/** 职责边界清单 (migration 0017): decisions on overlaps — a boundary (lead and 协办) or a referral. */
export interface DutyBoundariesTable {
  id: Generated<number>;
  regionCode: string;
  code: string;
  name: string;
  kind: ResolutionKind;
  /** The agencies leading the power when decided. */
  parties: ColumnType<string[], string, string>;
  leadAgencyId: string | null;
  assisting: ColumnType<string[], string | undefined, string>;
  ground: string | null;
  referralNo: string | null;
  referredTo: string | null;
  referredOn: string | null;
  note: string | null;
  validFrom: string;
  decidedBy: string | null;
  decidedByName: string;
  decidedAt: CreatedAt;
  supersededBy: number | null;
  supersededAt: Date | null;
}

/** 岗位 (migration 0016): an agency's posts, the stages they answer for, the 职权编码 they cover. */
export interface PostsTable {
  id: Generated<string>;
  regionCode: string;
  agencyId: string;
  name: string;
  stages: ColumnType<DutyStage[], string, string>;
  /** [] = every item of the agency's list. */
  codes: ColumnType<string[], string, string>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** Who held a post (migration 0016): from_date through to_date, both included; null while held. */
export interface OfficerPostsTable {
  id: Generated<number>;
  regionCode: string;
  postId: string;
  officerId: string;
  fromDate: string;
  toDate: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface DB {
  regions: RegionsTable;
  agencies: AgenciesTable;
  officers: OfficersTable;
  certificates: CertificatesTable;
  users: UsersTable;
  loginFailures: LoginFailuresTable;
  securitySettings: SecuritySettingsTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  calendarOverrides: CalendarOverridesTable;
  complaints: ComplaintsTable;
  complaintAttachments: ComplaintAttachmentsTable;
  leads: LeadsTable;
  cases: CasesTable;
  caseInvestigators: CaseInvestigatorsTable;
  caseExtensions: CaseExtensionsTable;
  casePersons: CasePersonsTable;
  caseEvidence: FileTable;
  caseDocuments: FileTable;
  reliefMembers: ReliefMembersTable;
  appeals: AppealsTable;
  referrals: ReferralsTable;
  organs: OrgansTable;
  toleranceApplications: ToleranceApplicationsTable;
  corrections: CorrectionsTable;
  acts: ActsTable;
  publications: PublicationsTable;
  publicFigures: PublicFiguresTable;
  findings: FindingsTable;
  calendarDays: CalendarDaysTable;
  preRegistrations: PreRegistrationsTable;
  preRegistrationDocuments: PreRegistrationDocumentsTable;
  dutyItems: DutyItemsTable;
  dutyImports: DutyImportsTable;
  posts: PostsTable;
  officerPosts: OfficerPostsTable;
  dutyBoundaries: DutyBoundariesTable;
  reviewCampaigns: ReviewCampaignsTable;
  reviewFiles: ReviewFilesTable;
  reviewReviewers: ReviewReviewersTable;
  reviewScores: ReviewScoresTable;
  evaluationCampaigns: EvaluationCampaignsTable;
  evaluationInvitations: EvaluationInvitationsTable;
  evaluationAnswers: EvaluationAnswersTable;
}

export type Agency = Selectable<AgenciesTable>;
export type NewAgency = Insertable<AgenciesTable>;
export type AgencyUpdate = Updateable<AgenciesTable>;
export type Officer = Selectable<OfficersTable>;
export type Certificate = Selectable<CertificatesTable>;
export type User = Selectable<UsersTable>;
export type Region = Selectable<RegionsTable>;

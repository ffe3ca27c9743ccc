// 岗位 (src/server/routes/posts.ts): an agency's posts and who held them, an officer's duties, and
// the attribution a case's findings start from.
import type { DutyStage } from '../../../src/core/duties/columns';
import type { CaseState, Role } from '../types/determination';
import { api } from './request';
import { blankPerson } from './simulator-codec';

export type { DutyStage };

export interface PostHolder {
  id: number;
  officerId: string;
  officerName: string;
  from: string;
  /** The last day held (included); null while held. */
  to: string | null;
  /** Held on the day asked. */
  current: boolean;
}

export interface Post {
  id: string;
  agencyId: string;
  agencyName: string;
  regionCode: string;
  name: string;
  stages: DutyStage[];
  /** 职权编码 it answers for; empty: all of the agency's items. */
  codes: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  holders: PostHolder[];
  permissions: { update: boolean };
}

export interface AgencyPosts {
  agencyId: string;
  agencyName: string;
  on: string;
  items: Post[];
  permissions: { create: boolean };
}

export interface PostInput {
  name: string;
  stages: DutyStage[];
  codes: string[];
}

export const listPosts = (agencyId: string, on?: string, signal?: AbortSignal) =>
  api.get<AgencyPosts>('/api/v1/posts', { agencyId, on }, signal);

export const createPost = (agencyId: string, input: PostInput) =>
  api.post<Post>('/api/v1/posts', { agencyId, ...input });

export const updatePost = (id: string, version: number, input: Partial<PostInput>) =>
  api.patch<Post>(`/api/v1/posts/${encodeURIComponent(id)}`, { version, ...input });

export const assignHolder = (id: string, input: { officerId: string; from: string; to?: string | null }) =>
  api.post<Post>(`/api/v1/posts/${encodeURIComponent(id)}/holders`, input);

export const endHolder = (id: string, holderId: number, to: string | null) =>
  api.patch<Post>(`/api/v1/posts/${encodeURIComponent(id)}/holders/${holderId}`, { to });

export interface DutyItemRef {
  code: string;
  name: string;
  type: string;
  role: 'lead' | 'assist';
}

export interface OfficerDuties {
  officerId: string;
  agencyId: string;
  on: string;
  held: {
    postId: string;
    postName: string;
    agencyId: string;
    stages: DutyStage[];
    codes: string[];
    from: string;
    to: string | null;
    current: boolean;
  }[];
  duties: {
    postId: string;
    postName: string;
    stages: DutyStage[];
    items: (DutyItemRef & { duties: string[] })[];
  }[];
}

export const officerDuties = (officerId: string, signal?: AbortSignal) =>
  api.get<OfficerDuties>(`/api/v1/officers/${encodeURIComponent(officerId)}/duties`, undefined, signal);

export type AttributionGap = 'no_stage' | 'no_post' | 'no_holder';

export interface Attribution {
  caseId: string;
  agency: { id: string; name: string };
  on: string;
  actId: string | null;
  matter: string | null;
  item: DutyItemRef | null;
  faults: {
    code: string;
    stage: DutyStage | null;
    source: 'given' | 'rule' | 'catalogue' | null;
    role: Role | null;
    duties: string[];
    posts: { id: string; name: string; holders: { officerId: string; name: string }[] }[];
    gap: AttributionGap | null;
  }[];
  people: { officerId: string; name: string; role: Role; faults: string[]; posts: string[] }[];
}

/** The proposal for the form's faults (each with the stage the user gave, if any) on its day. */
export function getAttribution(
  caseId: string,
  faults: { code: string; stage?: DutyStage | null }[],
  on: string | undefined,
  signal?: AbortSignal,
) {
  const list = faults.map((f) => (f.stage ? `${f.code}:${f.stage}` : f.code)).join(',');
  return api.get<Attribution>(
    `/api/v1/cases/${encodeURIComponent(caseId)}/attribution`,
    { faults: list || undefined, on },
    signal,
  );
}

/**
 * The request with the proposal adopted: its officers added (each once, in the role of their post's
 * stage, of the agency), in place of people not yet named; a request decided directly becomes one
 * decided on approval when a reviewer or approver joins it (the Measures Art. 15 chain).
 */
export function adoptProposal(
  facts: Pick<CaseState, 'people' | 'decision'>,
  proposal: Pick<Attribution, 'people'>,
  agency: string,
): Pick<CaseState, 'people' | 'decision'> {
  const named = facts.people.filter((p) => p.id);
  const added = proposal.people
    .filter((p) => !named.some((x) => x.id === p.officerId))
    .map((p) => blankPerson(p.officerId, p.role, agency));
  if (added.length === 0) return facts;
  const chain = added.some((p) => p.role === 'reviewer' || p.role === 'approver');
  return {
    people: [...named, ...added],
    decision: chain && facts.decision === 'direct' ? 'approval' : facts.decision,
  };
}

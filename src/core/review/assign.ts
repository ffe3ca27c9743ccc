// Who reviews which file in a case-file review campaign (评查组): the office's reviewers work in groups
// (a leader and members, external lawyers among them); each file of the spot-check goes to one group,
// the group with the fewest files so far that can take it, and that group's members who do not belong
// to the file's agency review it. A file is never reviewed by its own agency (回避): not by a reviewer
// of the agency itself, nor of the agency that entrusted it or that it entrusted — the entrusting
// agency answers for what the entrusted organisation does (《中华人民共和国行政处罚法》第二十条第三款).
// Pure and deterministic: the same files and groups always give the same assignment.

export const OWN_AGENCY_BASIS = '《中华人民共和国行政处罚法》第二十条第三款';

export interface AgencyRef {
  id: string;
  /** The agency that entrusted it (受委托组织), if any. */
  parentId: string | null;
}

/** Is `reviewer` (the reviewer's agency; null: a supervisor or evaluator of no agency) the file's own? */
export function isOwnAgency(reviewer: AgencyRef | null, file: AgencyRef): boolean {
  if (reviewer === null) return false;
  return (
    reviewer.id === file.id ||
    (file.parentId !== null && reviewer.id === file.parentId) ||
    (reviewer.parentId !== null && reviewer.parentId === file.id)
  );
}

export interface ReviewerCandidate {
  userId: string;
  /** The reviewer's agency (an agency's legal office), or null. */
  agency: AgencyRef | null;
  group: string;
}

export interface FileToAssign {
  id: string;
  agency: AgencyRef;
}

export interface Assignment {
  fileId: string;
  group: string;
  reviewerIds: string[];
}

export interface AssignResult {
  assignments: Assignment[];
  /** Files no group can take: every reviewer belongs to the file's agency. */
  unassignable: string[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The reviewers who may review `file` (none of its own agency), in id order. */
export function eligibleReviewers(reviewers: readonly ReviewerCandidate[], file: FileToAssign): string[] {
  return reviewers
    .filter((r) => !isOwnAgency(r.agency, file.agency))
    .map((r) => r.userId)
    .sort(compare);
}

/**
 * Assign files to groups: each file (in id order) to the group that can take it with the fewest
 * files so far (`loads`: files a group already has), ties to the group whose name sorts first; its
 * reviewers are that group's members not of the file's agency.
 */
export function assignGroups(
  files: readonly FileToAssign[],
  reviewers: readonly ReviewerCandidate[],
  loads: ReadonlyMap<string, number> = new Map(),
): AssignResult {
  const groups = new Map<string, ReviewerCandidate[]>();
  for (const r of reviewers) {
    const list = groups.get(r.group);
    if (list) list.push(r);
    else groups.set(r.group, [r]);
  }
  const names = [...groups.keys()].sort(compare);
  const load = new Map(names.map((g) => [g, loads.get(g) ?? 0]));
  const assignments: Assignment[] = [];
  const unassignable: string[] = [];
  for (const file of [...files].sort((a, b) => compare(a.id, b.id))) {
    let best: { group: string; reviewerIds: string[] } | null = null;
    for (const g of names) {
      const ids = eligibleReviewers(groups.get(g)!, file);
      if (ids.length === 0) continue;
      if (best === null || load.get(g)! < load.get(best.group)!) best = { group: g, reviewerIds: ids };
    }
    if (best === null) {
      unassignable.push(file.id);
      continue;
    }
    load.set(best.group, load.get(best.group)! + 1);
    assignments.push({ fileId: file.id, ...best });
  }
  return { assignments, unassignable };
}

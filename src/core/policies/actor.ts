// Who is acting, and what jurisdiction means: a region code covers itself and the
// regions below it (520000 → all of Guizhou, 529900 → the city and its counties).

// 'admin' is the system administrator (系统管理员); with the security administrator (安全管理员)
// and the audit administrator (审计管理员) it makes the three separate administrators of
// 等保2.0 (三权分立): see ./user.ts for who may do what.
export const ROLES = [
  'supervisor',
  'agency_legal',
  'officer',
  'panel',
  'discipline',
  'evaluator',
  'admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The accounts' roles in Chinese (the console has its own locale files). */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  supervisor: '执法监督机构',
  agency_legal: '执法部门法制机构',
  officer: '执法人员',
  panel: '救济委员会委员',
  discipline: '纪检监察',
  evaluator: '外部评议员',
  admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** The three administrators kept apart (三权分立). */
export const ADMIN_ROLES: readonly Role[] = ['admin', 'security_admin', 'audit_admin'];

export interface Actor {
  id: string;
  username: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  /** A user of a referral organ (纪委监委, 检察院, …): reads the cases referred to it. */
  organId?: string | null;
}

/** The prefix of a 6-digit division code that all regions below it share. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function regionCovers(actorRegion: string, objectRegion: string): boolean {
  return objectRegion.startsWith(regionPrefix(actorRegion));
}

/** What part of a collection an actor may list; the store turns it into a WHERE clause. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; prefix: string }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'officer'; officerId: string }
  | { kind: 'none' };

/** Does a scope reach one object (the single-object twin of the store's scope condition)? */
export function inScope(
  scope: Scope,
  o: { regionCode: string; agencyId?: string | null; officerId?: string | null },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return o.regionCode.startsWith(scope.prefix);
    case 'agency':
      return o.agencyId === scope.agencyId;
    case 'officer':
      return o.officerId === scope.officerId;
    case 'none':
      return false;
  }
}

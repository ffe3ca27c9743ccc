// Who is acting, and what jurisdiction means: a region code covers itself and the
// regions below it (520000 → all of Guizhou, 529900 → the city and its counties).

export type Role = 'supervisor' | 'agency_legal' | 'officer' | 'panel' | 'discipline' | 'evaluator' | 'admin';

export const ROLES: readonly Role[] = [
  'supervisor',
  'agency_legal',
  'officer',
  'panel',
  'discipline',
  'evaluator',
  'admin',
];

export interface Actor {
  id: string;
  username: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
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

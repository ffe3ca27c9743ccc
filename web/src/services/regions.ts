// The region tree (province → city → county) — loaded once per session.
import { api } from './request';

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

let cache: Promise<Region[]> | null = null;

export function loadRegions(): Promise<Region[]> {
  cache ??= api.get<{ items: Region[] }>('/api/v1/regions').then(
    (r) => r.items,
    (e) => {
      cache = null;
      throw e;
    },
  );
  return cache;
}

export function forgetRegions() {
  cache = null;
}

/** The prefix shared by a 6-digit division code and every region below it. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export const regionCovers = (outer: string, inner: string) => inner.startsWith(regionPrefix(outer));

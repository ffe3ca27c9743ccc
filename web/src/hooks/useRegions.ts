// Regions with lookups by code, and the part of the tree an actor's jurisdiction covers.
import { useMemo } from 'react';
import { loadRegions, type Region, regionCovers } from '../services/regions';
import { useApi } from './useApi';

export function useRegions() {
  const { data, loading } = useApi(() => loadRegions(), []);
  return useMemo(() => {
    const items = data ?? [];
    const byCode = new Map(items.map((r) => [r.code, r]));
    const nameOf = (code: string | null | undefined) => (code ? (byCode.get(code)?.name ?? code) : '');
    /** Regions an actor of `scope` may act in (its own and below). */
    const within = (scope: string) => items.filter((r) => regionCovers(scope, r.code));
    return { items, loading, byCode, nameOf, within };
  }, [data, loading]);
}

export type { Region };

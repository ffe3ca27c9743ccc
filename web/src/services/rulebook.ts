import type { Catalog, Pack, PackSelection, Regulation, SearchResult } from '../types/rulebook';
import { api } from './request';

const base = '/api/v1/rulebook';
const cache = new Map<string, Promise<unknown>>();

/** The texts change only with a new pack version: keep them for the session. */
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load().catch((e) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, p);
  }
  return p;
}

export const getPacks = () =>
  cached('packs', () => api.get<{ packs: Pack[] }>(`${base}/packs`).then((r) => r.packs));

export const getRegulation = (sel: PackSelection) =>
  cached(`articles:${sel.pack ?? ''}:${sel.on ?? ''}`, () =>
    api.get<Regulation>(`${base}/articles`, { ...sel }),
  );

export const getCatalog = (sel: PackSelection) =>
  cached(`catalog:${sel.pack ?? ''}:${sel.on ?? ''}`, () => api.get<Catalog>(`${base}/catalog`, { ...sel }));

export const searchRegulation = (q: string, sel: PackSelection, signal?: AbortSignal) =>
  api.get<SearchResult>(`${base}/search`, { q, limit: 30, ...sel }, signal);

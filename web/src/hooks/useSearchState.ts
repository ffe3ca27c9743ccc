// List filters and paging kept in the URL, so a filtered list can be linked, reloaded and
// returned to with the browser's back button.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type SearchPatch = Record<string, string | number | undefined | null>;

export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(
    () => Object.fromEntries(params.entries()) as Record<string, string | undefined>,
    [params],
  );
  const update = useCallback(
    (patch: SearchPatch, opts: { resetPage?: boolean } = { resetPage: true }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (opts.resetPage && !('page' in patch)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  const page = Number(values.page ?? 1) || 1;
  const pageSize = Number(values.pageSize ?? 20) || 20;
  /** ListTable's paging props: the page in the URL, a page change not resetting it. */
  const paging = {
    page,
    pageSize,
    onPageChange: (p: number, ps: number) => update({ page: p, pageSize: ps }, { resetPage: false }),
  };
  return { values, update, page, pageSize, paging };
}

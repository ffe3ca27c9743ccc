// The 事前公开 pages' own pieces: a search box that searches on submit (a phone's keyboard "search"
// key), and a list loaded a page at a time with "load more" (no page numbers to aim at on a phone).
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Page } from '../services/request';
import { t } from './intl';
import { failure } from './service';
import { Alert, Icon, Spinner } from './ui';

export function SearchForm({
  value,
  label,
  placeholder,
  onSearch,
  testId,
}: {
  value: string;
  label: string;
  placeholder: string;
  onSearch(q: string): void;
  testId: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The server searches by at most 50 characters: a longer term is searched by its beginning.
    onSearch(Array.from(text.trim()).slice(0, 50).join(''));
  };
  return (
    <form className="pp-search" onSubmit={submit}>
      <label className="pp-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="pp-input"
        type="search"
        enterKeyHint="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        data-testid={`${testId}-input`}
      />
      <button
        type="submit"
        className="pp-btn pp-btn-primary"
        aria-label={label}
        data-testid={`${testId}-submit`}
      >
        <Icon name="search" />
      </button>
    </form>
  );
}

const PAGE_SIZE = 20;

/** A list loaded `PAGE_SIZE` at a time; a new `key` (a search) starts it again. */
export function usePagedList<T>(
  load: (query: { page: number; pageSize: number }, signal: AbortSignal) => Promise<Page<T>>,
  key: string,
) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  // The page reached of the list of `key`: another key starts again at page 1.
  const [at, setAt] = useState({ key, page: 1 });
  const page = at.key === key ? at.page : 1;
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loader is the caller's, keyed by `key`
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    load({ page, pageSize: PAGE_SIZE }, ctrl.signal)
      .then((res) => {
        setItems((prev) => (page === 1 ? res.items : [...prev, ...res.items]));
        setTotal(res.total);
        setLoading(false);
      })
      .catch((e) => {
        if ((e as Error).name === 'AbortError') return;
        setError(failure(e));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [key, page]);
  const fresh = page === 1 && loading;
  return {
    items: fresh ? [] : items,
    total: fresh ? null : total,
    loading,
    error,
    more: () => setAt({ key, page: page + 1 }),
  };
}

/** The foot of a paged list: its error, "load more" while there is more, or a spinner. */
export function ListFoot({
  list,
  testId,
}: {
  list: { items: unknown[]; total: number | null; loading: boolean; error: string | null; more(): void };
  testId: string;
}) {
  if (list.error) return <Alert type="error" title={list.error} />;
  if (list.loading)
    return (
      <div className="pp-center" role="status">
        <Spinner /> <span className="pp-muted">{t('portal.loading')}</span>
      </div>
    );
  if (list.total !== null && list.items.length < list.total)
    return (
      <button
        type="button"
        className="pp-btn pp-btn-block"
        onClick={list.more}
        data-testid={`${testId}-more`}
      >
        {t('portal.disclosure.more', { n: list.total - list.items.length })}
      </button>
    );
  return null;
}

// A router of a few lines for the portal's handful of pages (react-router stays the console's): the
// address is the state, links within /public move by history.pushState, every other link loads
// its page (the staff login is the console's).
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const current = () => window.location.pathname + window.location.search;

/** Whether an address is one of the portal's pages (handled here rather than loaded). */
export const isPortalPath = (to: string) => /^\/public(?:[/?#]|$)/.test(to);

/** Go to an address of the portal; `replace` keeps the history entry (a corrected search). */
export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (!isPortalPath(to)) {
    window.location.assign(to);
    return;
  }
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** The current path (without a trailing slash) and query, re-rendering when they change. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, current);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname.replace(/\/+$/, '') || '/', query: url.searchParams };
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!isPortalPath(to)) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}

// Phone-sized screens: below antd's `md` breakpoint (768 px) the console lays itself out for a
// phone — the menu in a drawer, list rows as cards, drawers full width.
import { Grid } from 'antd';

/** Whether the window is narrower than antd's `md` breakpoint. */
export function usePhone(): boolean {
  // Before the first measure `md` is undefined: desktop until the breakpoint says otherwise.
  return Grid.useBreakpoint().md === false;
}

const PHONE_QUERY = '(max-width: 767.98px)';

/** A drawer's width: as given on larger screens, the full width on a phone. */
export function drawerSize(size: number): number | string {
  return typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches ? '100%' : size;
}

/** `drawerSize`, following the window as it resizes. */
export function useDrawerSize(size: number): number | string {
  return usePhone() ? '100%' : size;
}

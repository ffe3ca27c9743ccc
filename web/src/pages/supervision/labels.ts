// Rule names in the current language; the server's Chinese label for a rule the locale
// files do not know yet (a rule added on the server first).
import { useCallback } from 'react';
import { useIntl } from '../../locales/intl';

export function useRuleLabel() {
  const { t } = useIntl();
  return useCallback(
    (rule: string, fallback?: string) => {
      const key = `enums.rule.${rule}`;
      const text = t(key);
      return text === key ? (fallback ?? rule) : text;
    },
    [t],
  );
}

/** A month (YYYY-MM) as the from/to dates of the acts list. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

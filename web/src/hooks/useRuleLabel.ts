// Rule names in the current language; the server's Chinese label for a rule the locale
// files do not know yet (a rule added on the server first).
import { useCallback } from 'react';
import { useIntl } from '../locales/intl';

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

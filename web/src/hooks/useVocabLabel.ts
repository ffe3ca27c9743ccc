// Labels of determination codes in the current language: the locale's, else the server's.
import { useCallback } from 'react';
import { useIntl } from '../locales/intl';

export type VocabGroup =
  | 'role'
  | 'decision'
  | 'conduct'
  | 'personal'
  | 'act'
  | 'trigger'
  | 'share'
  | 'nature'
  | 'harm'
  | 'impact'
  | 'outcome'
  | 'adjustment'
  | 'sanction'
  | 'measure'
  | 'referral';

export function useVocabLabel() {
  const { t } = useIntl();
  return useCallback(
    (group: VocabGroup, code: string, fallback?: string) => {
      const key = `vocab.${group}.${code}`;
      const text = t(key);
      return text === key ? (fallback ?? code) : text;
    },
    [t],
  );
}

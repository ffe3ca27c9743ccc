// The labels of a list's vocabularies in the current language, and the catalogue's texts for the
// 追责情形 codes (names, not codes, on every table of the page).
import { useCallback, useMemo } from 'react';
import { DUTY_COLUMNS, type DutyColumnName } from '../../../../src/core/duties/columns';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { getCatalog } from '../../services/rulebook';
import type { DutyRole, PowerType } from './types';

const KEY_OF = new Map<string, string>(DUTY_COLUMNS.map((c) => [c.name, c.key]));

export function useDutyLabels() {
  const { t } = useIntl();
  const catalog = useApi(() => getCatalog({}), []);
  const texts = useMemo(
    () => new Map((catalog.data?.items ?? []).map((i) => [i.code, i.text])),
    [catalog.data],
  );
  const type = useCallback((v: PowerType) => t(`pages.duties.type.${v}`), [t]);
  const role = useCallback((v: DutyRole) => t(`pages.duties.role.${v}`), [t]);
  /** A column by its Chinese name (as the server names changed or missing columns). */
  const column = useCallback(
    (name: DutyColumnName | string) => {
      const key = KEY_OF.get(name);
      return key ? t(`pages.duties.field.${key}`) : name;
    },
    [t],
  );
  /** A 追责情形 entry: the catalogue item's text for a code, else the text as written. */
  const pursuit = useCallback((entry: string) => texts.get(entry) ?? entry, [texts]);
  return { t, type, role, column, pursuit };
}

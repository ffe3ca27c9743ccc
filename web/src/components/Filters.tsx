// The pieces of a list page's filter bar that every list shares: the search box (its text in
// the URL's `q`) and the agency picker (which loads the agencies the user may see).
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, type FlexProps, Input, Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { useApi } from '../hooks/useApi';
import { useIntl } from '../locales/intl';
import { agencyOptions } from '../services/agencies';

export function SearchFilter({
  value,
  onSearch,
  placeholder,
  width = 260,
  testId,
}: {
  value: string | undefined;
  onSearch: (q: string) => void;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  return (
    <Input.Search
      allowClear
      // Re-mounted when the URL's value changes (back button, "clear filters").
      key={value ?? ''}
      defaultValue={value}
      placeholder={placeholder}
      onSearch={onSearch}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** A searchable Select of the agencies in the user's jurisdiction, by name. */
export function AgencySelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const agencies = useApi(() => agencyOptions(), []);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      loading={agencies.loading}
      options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}

/** A list page's filter bar: its filters, "reset" while any is set, and reload. */
export function ListToolbar({
  filtered,
  onClear,
  onReload,
  align,
  children,
}: {
  filtered: boolean;
  onClear(): void;
  onReload(): void;
  align?: FlexProps['align'];
  children: ReactNode;
}) {
  const { t } = useIntl();
  return (
    <Flex gap={12} wrap align={align} className="wz-toolbar">
      {children}
      {filtered && (
        <Button type="link" onClick={onClear}>
          {t('common.reset')}
        </Button>
      )}
      <Button icon={<ReloadOutlined />} onClick={onReload} aria-label={t('common.refresh')} />
    </Flex>
  );
}

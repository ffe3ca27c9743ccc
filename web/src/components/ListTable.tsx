// The table of a list page: the load error with retry, the empty state (with "clear filters"
// when filters hide everything) and server-side pagination — the same on every list page.
import { Button, Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { ApiState } from '../hooks/useApi';
import { useIntl } from '../locales/intl';
import { LoadError } from './Status';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> & {
  list: ApiState<{ items: T[]; total: number }>;
  /** Rows to show instead of the loaded page (e.g. re-sorted). */
  rows?: T[];
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** Whether filters are applied, and how to clear them. */
  filtered: boolean;
  onClearFilters?: () => void;
  /** What an empty, unfiltered list says. */
  emptyText: ReactNode;
};

export default function ListTable<T extends object>({
  list,
  rows,
  page,
  pageSize,
  onPageChange,
  filtered,
  onClearFilters,
  emptyText,
  ...table
}: Props<T>) {
  const { t } = useIntl();
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Table<T>
      size="middle"
      {...table}
      dataSource={rows ?? list.data?.items}
      loading={list.loading}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? t('common.noMatch') : emptyText}
          >
            {filtered && onClearFilters && (
              <Button onClick={onClearFilters}>{t('common.clearFilters')}</Button>
            )}
          </Empty>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}

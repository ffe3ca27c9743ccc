// The table of a list page: the load error with retry, the empty state (with "clear filters"
// when filters hide everything) and server-side pagination — the same on every list page.
// On a phone (below antd's `md`) a table becomes a stack of cards, one a row: its main column
// as the card's head, the other columns as label: value lines, its actions at the foot.
import { Button, Card, Collapse, Empty, Pagination, Spin, Table, type TableProps } from 'antd';
import type { ColumnGroupType, ColumnType } from 'antd/es/table';
import { isValidElement, type Key, type ReactNode, useState } from 'react';
import type { ApiState } from '../hooks/useApi';
import { usePhone } from '../hooks/usePhone';
import { useIntl } from '../locales/intl';
import { LoadError } from './Status';

export type ResponsiveTableProps<T> = TableProps<T> & {
  /** On a phone, the column that heads each card (its key or dataIndex); the first by default. */
  cardTitle?: string;
  'data-testid'?: string;
};

type Column<T> = ColumnType<T> | ColumnGroupType<T>;

/** The leaf columns, groups flattened. */
function leaves<T>(columns: readonly Column<T>[]): ColumnType<T>[] {
  return columns.flatMap((c) => ('children' in c && c.children ? leaves(c.children) : [c as ColumnType<T>]));
}

function columnKey<T>(c: ColumnType<T>, i: number): string {
  if (c.key !== undefined) return String(c.key);
  if (Array.isArray(c.dataIndex)) return c.dataIndex.join('.');
  if (c.dataIndex !== undefined) return String(c.dataIndex);
  return String(i);
}

function cellValue<T>(row: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let v: unknown = row;
  for (const p of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[p as string];
  return v;
}

/** A column's cell for a row, as the table would render it. */
function cellOf<T>(c: ColumnType<T>, row: T, index: number): ReactNode {
  const value = cellValue(row, c.dataIndex);
  if (!c.render) return value as ReactNode;
  const out = c.render(value, row, index) as unknown;
  // A render may return { children, props } (colSpan and the like): the children are the cell.
  if (out && typeof out === 'object' && !isValidElement(out) && 'children' in out)
    return (out as { children: ReactNode }).children;
  return out as ReactNode;
}

function CardList<T extends object>({
  columns = [],
  dataSource = [],
  rowKey = 'key',
  rowClassName,
  loading,
  pagination,
  locale,
  expandable,
  cardTitle,
  className,
  style,
  'data-testid': testId,
}: ResponsiveTableProps<T>) {
  const { t } = useIntl();
  const [localPage, setLocalPage] = useState(1);
  const cols = leaves(columns as Column<T>[]).filter((c) => !c.hidden);
  const keys = cols.map(columnKey);
  const titleAt = Math.max(0, cardTitle === undefined ? 0 : keys.indexOf(cardTitle));
  const head = cols[titleAt];
  const actions = cols.find((_, i) => keys[i] === 'actions' && i !== titleAt);
  const fields = cols.filter((c, i) => i !== titleAt && c !== actions);

  // The table's own default order (e.g. the largest first), as its sorter would show it.
  let rows = [...dataSource];
  const sorted = cols.find((c) => c.defaultSortOrder && typeof c.sorter === 'function');
  if (sorted) {
    const compare = sorted.sorter as (a: T, b: T) => number;
    rows.sort((a, b) => (sorted.defaultSortOrder === 'descend' ? -compare(a, b) : compare(a, b)));
  }

  // Server-side pages carry their total; otherwise the cards page through the rows here, as a
  // table does (10 a page unless told).
  const pageConfig = pagination === false ? null : { pageSize: 10, ...pagination };
  const serverSide = pageConfig?.total !== undefined;
  const pageSize = pageConfig?.pageSize ?? 10;
  const current = pageConfig?.current ?? localPage;
  const total = serverSide ? (pageConfig?.total ?? 0) : rows.length;
  if (pageConfig && !serverSide && rows.length > pageSize)
    rows = rows.slice((current - 1) * pageSize, current * pageSize);

  const keyOf = (row: T, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(row, i) : ((row as Record<string, Key>)[rowKey as string] ?? i);
  const classOf = (row: T, i: number) =>
    typeof rowClassName === 'function' ? rowClassName(row, i, 0) : (rowClassName ?? '');
  const titleOf = (c: ColumnType<T>) => (typeof c.title === 'function' ? null : c.title);
  const spinning = typeof loading === 'object' ? Boolean(loading.spinning) : Boolean(loading);
  const emptyText = locale?.emptyText;

  return (
    <div className={`wz-card-list ${className ?? ''}`} style={style} data-testid={testId}>
      <Spin spinning={spinning}>
        {rows.length === 0 ? (
          <div className="wz-card-list-empty">
            {spinning ? null : typeof emptyText === 'function' ? emptyText() : (emptyText ?? <Empty />)}
          </div>
        ) : (
          rows.map((row, i) => {
            const index = pageConfig && !serverSide ? (current - 1) * pageSize + i : i;
            const expanded =
              expandable?.expandedRowRender && (expandable.rowExpandable?.(row) ?? true)
                ? expandable.expandedRowRender(row, index, 0, true)
                : null;
            return (
              <Card
                key={keyOf(row, index)}
                size="small"
                className={`wz-list-card ${classOf(row, index)}`}
                data-testid="list-card"
                actions={actions ? [<div key="actions">{cellOf(actions, row, index)}</div>] : undefined}
              >
                {head && <div className="wz-list-card-title">{cellOf(head, row, index)}</div>}
                <dl className="wz-list-card-fields">
                  {fields.map((c) => (
                    <div key={columnKey(c, cols.indexOf(c))} className="wz-list-card-field">
                      <dt>{titleOf(c)}</dt>
                      <dd>{cellOf(c, row, index)}</dd>
                    </div>
                  ))}
                </dl>
                {expanded && (
                  <Collapse
                    ghost
                    size="small"
                    className="wz-list-card-more"
                    items={[{ key: 'more', label: t('common.detail'), children: expanded }]}
                  />
                )}
              </Card>
            );
          })
        )}
      </Spin>
      {pageConfig && total > 0 && (serverSide || total > pageSize) && (
        <Pagination
          className="wz-card-list-pagination"
          align="center"
          size="small"
          showLessItems
          {...pageConfig}
          // No room on a phone for the page-size picker.
          showSizeChanger={false}
          current={current}
          pageSize={pageSize}
          total={total}
          onChange={(p, ps) => {
            setLocalPage(p);
            pageConfig.onChange?.(p, ps);
          }}
        />
      )}
    </div>
  );
}

/** A table on larger screens, cards on a phone. */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const phone = usePhone();
  if (phone) return <CardList<T> {...props} />;
  const { cardTitle: _, ...table } = props;
  return <Table<T> {...table} />;
}

type Props<T> = Omit<ResponsiveTableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> & {
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
    <ResponsiveTable<T>
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

// The peer comparison (同行比较): per act kind, an officer's faults per 100 acts, the peers of the
// same agency and kind, the percentile and the level, with the reason in words.
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useIntl } from '../../../locales/intl';
import type { PeerWarning } from '../../../types/supervision';

const COLORS: Record<PeerWarning['level'], string | undefined> = {
  warning: 'error',
  attention: 'warning',
  none: 'success',
  insufficient: undefined,
};

export default function PeerTable({ rows, named = false }: { rows: PeerWarning[]; named?: boolean }) {
  const { t } = useIntl();
  const columns: TableColumnsType<PeerWarning> = [
    ...(named
      ? [{ title: t('pages.supervision.warning.officer'), dataIndex: 'name', width: 120 } as const]
      : []),
    {
      title: t('pages.supervision.peer.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: string) => t(`enums.actKind.${k}`),
    },
    {
      title: t('pages.supervision.peer.per100'),
      key: 'per100',
      width: 120,
      align: 'right',
      render: (_, p) =>
        p.per100 === null ? '—' : `${Math.round(p.per100 * 100) / 100}（${p.faults}/${p.acts}）`,
    },
    {
      title: t('pages.supervision.peer.percentile'),
      dataIndex: 'percentile',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : Math.round(v * 10) / 10),
    },
    {
      title: t('pages.supervision.warning.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: PeerWarning['level']) => (
        <Tag color={COLORS[l]} data-testid="peer-level">
          {t(`pages.supervision.peer.level.${l}`)}
        </Tag>
      ),
    },
    {
      title: t('pages.supervision.warning.reasons'),
      dataIndex: 'reason',
      render: (r: string) => <Typography.Text style={{ fontSize: 13 }}>{r}</Typography.Text>,
    },
  ];
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.officer}-${p.kind}`}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      data-testid="peer-table"
    />
  );
}

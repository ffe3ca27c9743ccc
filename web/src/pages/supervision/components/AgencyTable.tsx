// Agencies side by side: acts, findings and the finding rate, and how many findings were
// pursued — the gap between faults found and faults pursued that the research paper names.
import { Card, Progress, type TableColumnsType, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/ListTable';
import { useIntl } from '../../../locales/intl';
import { percent } from '../../../services/format';
import type { AgencyFigure } from '../../../types/supervision';

export default function AgencyTable({
  rows,
  onAgency,
}: {
  rows: AgencyFigure[];
  onAgency: (agencyId: string) => void;
}) {
  const { t } = useIntl();
  const rateCell = (rate: number | null, color: string) =>
    rate === null ? (
      t('common.none')
    ) : (
      <Progress percent={percent(rate) ?? 0} size="small" strokeColor={color} format={(p) => `${p}%`} />
    );
  const columns: TableColumnsType<AgencyFigure> = [
    {
      title: t('pages.supervision.field.agency'),
      dataIndex: 'agencyName',
      ellipsis: true,
      render: (_, a) => (
        <Typography.Link onClick={() => onAgency(a.agencyId)} data-testid="agency-drill">
          {a.agencyName ?? a.agencyId}
        </Typography.Link>
      ),
    },
    {
      title: t('pages.supervision.field.acts'),
      dataIndex: 'acts',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.acts - b.acts,
    },
    {
      title: t('pages.supervision.field.findings'),
      dataIndex: 'findings',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.findings - b.findings,
      defaultSortOrder: 'descend',
    },
    {
      title: t('pages.supervision.field.findingRate'),
      dataIndex: 'findingRate',
      width: 150,
      sorter: (a, b) => (a.findingRate ?? -1) - (b.findingRate ?? -1),
      render: (v: number | null) => rateCell(v, '#fa8c16'),
    },
    {
      title: t('pages.supervision.field.pursued'),
      dataIndex: 'pursued',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.pursued - b.pursued,
    },
    {
      title: t('pages.supervision.field.pursuedRate'),
      dataIndex: 'pursuedRate',
      width: 150,
      sorter: (a, b) => (a.pursuedRate ?? -1) - (b.pursuedRate ?? -1),
      render: (v: number | null) => rateCell(v, '#389e0d'),
    },
    {
      title: t('pages.supervision.field.sustained'),
      dataIndex: 'sustained',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.sustained - b.sustained,
    },
    {
      title: t('pages.supervision.field.dismissed'),
      dataIndex: 'dismissed',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.dismissed - b.dismissed,
    },
  ];
  return (
    <Card title={t('pages.supervision.byAgency')} variant="borderless" data-testid="agency-table">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('pages.supervision.byAgencyHint')}
      </Typography.Paragraph>
      <ResponsiveTable<AgencyFigure>
        size="middle"
        rowKey="agencyId"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

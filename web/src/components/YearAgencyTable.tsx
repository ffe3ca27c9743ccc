// A register's figures by year and agency in a card (the statistics of tolerance applications and
// of appeals): the year, the agency, the count, the figures (a zero greyed) and a rate (— when it
// has nothing to measure).
import { Card, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useIntl } from '../locales/intl';
import type { YearAgencyRow } from '../services/year-agency';

export interface FigureColumn<F> {
  title: string;
  dataIndex: keyof F & string;
  width: number;
}

const muted = (v: number) => (v === 0 ? <Typography.Text type="secondary">0</Typography.Text> : v);

export function YearAgencyTable<F extends object>({
  title,
  rows,
  testId,
  yearTitle,
  agencyTitle,
  count,
  figures,
  rateTitle,
  rate,
}: {
  title: string;
  rows: YearAgencyRow<F>[];
  testId: string;
  yearTitle: string;
  agencyTitle: string;
  /** The row's count (applications, appeals), never greyed. */
  count: FigureColumn<F>;
  figures: FigureColumn<F>[];
  rateTitle: string;
  rate(r: F): number | null;
}) {
  const { t } = useIntl();
  const columns: TableColumnsType<YearAgencyRow<F>> = [
    { title: yearTitle, dataIndex: 'year', width: 70 },
    { title: agencyTitle, dataIndex: 'agencyName', ellipsis: true },
    { title: count.title, dataIndex: count.dataIndex, width: count.width },
    ...figures.map((f) => ({ title: f.title, dataIndex: f.dataIndex, width: f.width, render: muted })),
    {
      title: rateTitle,
      key: 'rate',
      width: 80,
      render: (_: unknown, r: YearAgencyRow<F>) => {
        const x = rate(r);
        return x === null ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : `${x}%`;
      },
    },
  ];
  return (
    <Card title={title} variant="borderless" size="small">
      <Table<YearAgencyRow<F>>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={rows}
        data-testid={testId}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={columns}
      />
    </Card>
  );
}

// 执法决定公示 (the supervision side of issue 15): per agency, how many decisions are published,
// withheld (with the rule), withdrawn, taken down and overdue; below, the register filtered by state,
// agency and overdue (in the URL). A decision's publication is written on import; nothing is edited
// here.
import { Card, Flex, Select, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { AgencySelect } from '../../components/Filters';
import ListTable, { ResponsiveTable } from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import {
  type AgencyPublications,
  listPublications,
  PUBLICATION_STATES,
  type Publication,
  type PublicationFilter,
  type PublicationState,
  publicationsByAgency,
} from '../../services/publications';

const STATE_COLORS: Record<PublicationState, string> = {
  published: 'green',
  withheld: 'orange',
  withdrawn: 'red',
  taken_down: 'default',
};

export default function PublicationsPage() {
  const { t } = useIntl();
  const { values, update, page, pageSize } = useSearchState();
  const filter: PublicationFilter = {
    state: values.state as PublicationState | undefined,
    agency: values.agency,
    overdue: values.overdue === 'true' ? 'true' : undefined,
  };
  const list = useApi(
    (signal) => listPublications({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const byAgency = useApi((signal) => publicationsByAgency(signal), []);
  const filtered = Object.values(filter).some(Boolean);

  const agencyColumns: TableColumnsType<AgencyPublications> = [
    { title: t('pages.publications.agency'), dataIndex: 'agencyName', render: (n, r) => n ?? r.agencyId },
    { title: t('pages.publications.total'), dataIndex: 'total', align: 'right' },
    ...PUBLICATION_STATES.map((s) => ({
      title: t(`pages.publications.state.${s}`),
      dataIndex: s === 'taken_down' ? 'takenDown' : s,
      align: 'right' as const,
    })),
    {
      title: t('pages.publications.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (n: number, r) => (
        <Typography.Link onClick={() => update({ agency: r.agencyId ?? undefined, overdue: 'true' })}>
          {n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n}
        </Typography.Link>
      ),
    },
  ];

  const columns: TableColumnsType<Publication> = [
    {
      title: t('pages.publications.decision'),
      key: 'decision',
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>{p.fields?.itemName ?? p.sourceId}</Typography.Text>
          <Typography.Text type="secondary">
            {p.fields?.documentNo ?? ''} {p.sourceKind === 'act' ? p.sourceId : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('pages.publications.agency'), dataIndex: 'agencyName', width: 180 },
    {
      title: t('pages.publications.category'),
      dataIndex: 'category',
      width: 100,
      render: (c: string) => t(`pages.publications.category.${c}`),
    },
    {
      title: t('pages.publications.stateTitle'),
      dataIndex: 'state',
      width: 110,
      render: (s: PublicationState) => (
        <Tag color={STATE_COLORS[s]}>{t(`pages.publications.state.${s}`)}</Tag>
      ),
    },
    { title: t('pages.publications.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    {
      title: t('pages.publications.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      render: (d: string, p) => (p.overdue ? <Tag color="red">{d}</Tag> : d),
    },
    { title: t('pages.publications.publishedOn'), dataIndex: 'publishedOn', width: 110 },
    {
      title: t('pages.publications.note'),
      key: 'note',
      render: (_, p) =>
        p.withheldReason ??
        (p.withdrawnReason ? `${p.withdrawnOn}：${p.withdrawnReason}` : (p.takeDownOn ?? '')),
    },
  ];

  return (
    <PageContainer
      testId="publications-page"
      title={t('menu.publications')}
      subTitle={t('pages.publications.subtitle')}
    >
      <Card variant="borderless" title={t('pages.publications.byAgency')}>
        <ResponsiveTable<AgencyPublications>
          size="middle"
          rowKey={(r) => r.agencyId ?? ''}
          columns={agencyColumns}
          dataSource={byAgency.data?.items}
          loading={byAgency.loading}
          pagination={false}
          data-testid="publications-by-agency"
        />
      </Card>
      <Card variant="borderless" className="wz-gap-top">
        <Flex gap={12} wrap className="wz-toolbar">
          <Select
            allowClear
            placeholder={t('pages.publications.stateTitle')}
            value={values.state}
            onChange={(state) => update({ state })}
            options={PUBLICATION_STATES.map((s) => ({ value: s, label: t(`pages.publications.state.${s}`) }))}
            style={{ width: 150 }}
            data-testid="filter-state"
          />
          <AgencySelect
            allowClear
            placeholder={t('pages.publications.agency')}
            value={values.agency}
            onChange={(agency) => update({ agency })}
            style={{ width: 220 }}
          />
          <Flex align="center" gap={6}>
            <Switch
              size="small"
              checked={values.overdue === 'true'}
              onChange={(on) => update({ overdue: on ? 'true' : undefined })}
              data-testid="filter-overdue"
            />
            <Typography.Text>{t('pages.publications.overdueOnly')}</Typography.Text>
          </Flex>
        </Flex>
        <ListTable<Publication>
          rowKey="id"
          columns={columns}
          list={list}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
          filtered={filtered}
          onClearFilters={() => update({ state: undefined, agency: undefined, overdue: undefined })}
          emptyText={t('pages.publications.empty')}
          scroll={{ x: 1100 }}
          data-testid="publications-list"
        />
      </Card>
    </PageContainer>
  );
}

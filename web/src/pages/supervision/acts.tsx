// Enforcement acts and their findings: the drill-down behind the supervision dashboard.
// Filters (search, agency, rule, kind, period, flagged only) live in the URL; an act opens in a
// drawer (?act=…) with its findings, the leads they became and the record as submitted.
import { DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AgencySelect, SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useRuleLabel } from '../../hooks/useRuleLabel';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { exportUrl, getRules, listActs } from '../../services/supervision';
import { useUser } from '../../session';
import { ACT_KINDS, type Act, type ActFilter, type ActKind } from '../../types/supervision';
import ActDrawer from './components/ActDrawer';
import ImportActsModal from './components/ImportActsModal';

export default function ActsPage() {
  const { t } = useIntl();
  const user = useUser();
  const ruleLabel = useRuleLabel();
  const { values, update, page, pageSize } = useSearchState();
  const singleAgency = user.role === 'agency_legal';
  const [importing, setImporting] = useState(false);
  const filter: ActFilter = {
    q: values.q,
    agencyId: values.agencyId,
    rule: values.rule,
    kind: values.kind as ActKind | undefined,
    from: values.from,
    to: values.to,
    flagged: values.flagged === 'true' ? 'true' : undefined,
  };
  const list = useApi(
    (signal) => listActs({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const rules = useApi((signal) => getRules(signal), []);
  const filtered = Object.values(filter).some(Boolean);
  const clear = () =>
    update({
      q: undefined,
      agencyId: undefined,
      rule: undefined,
      kind: undefined,
      from: undefined,
      to: undefined,
      flagged: undefined,
    });

  const columns: TableColumnsType<Act> = [
    {
      title: t('pages.acts.field.id'),
      dataIndex: 'id',
      width: 200,
      render: (id: string) => (
        <Typography.Link onClick={() => update({ act: id }, { resetPage: false })} data-testid="act-link">
          {id}
        </Typography.Link>
      ),
    },
    { title: t('pages.acts.field.actOn'), dataIndex: 'actOn', width: 110 },
    ...(singleAgency
      ? []
      : [
          {
            title: t('pages.acts.field.agency'),
            dataIndex: 'agencyName',
            ellipsis: true,
            width: 200,
          } as TableColumnsType<Act>[number],
        ]),
    {
      title: t('pages.acts.field.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: ActKind) => t(`enums.actKind.${k}`),
    },
    { title: t('pages.acts.field.matter'), dataIndex: 'matter', ellipsis: true },
    {
      title: t('pages.acts.field.fine'),
      dataIndex: 'fine',
      width: 110,
      align: 'right',
      render: (v: number | null) => (v === null ? t('common.none') : v.toLocaleString('zh-CN')),
    },
    {
      title: t('pages.acts.field.findings'),
      dataIndex: 'findings',
      width: 240,
      render: (_, a) =>
        a.findings.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap data-testid="act-finding-tags">
            {a.findings.map((f) => (
              <Tag key={`${f.rule}|${f.relatedActId ?? ''}`} color="red" variant="outlined">
                {ruleLabel(f.rule, f.label)}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <PageContainer
      testId="acts-page"
      title={t('menu.acts')}
      subTitle={t('pages.acts.subtitle')}
      breadcrumb={[{ title: t('menu.supervision'), to: '/supervision' }, { title: t('menu.acts') }]}
      extra={
        <>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="acts-import">
            {t('pages.acts.import.button')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl({
              agencyId: filter.agencyId,
              from: filter.from,
              to: filter.to,
              rule: filter.rule,
            })}
            download
            data-testid="acts-export"
          >
            {t('pages.supervision.export')}
          </Button>
        </>
      }
    >
      <Card variant="borderless">
        <Flex gap={12} wrap className="wz-toolbar">
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.acts.searchPlaceholder')}
            width={240}
            testId="act-search"
          />
          {!singleAgency && (
            <AgencySelect
              allowClear
              placeholder={t('pages.acts.field.agency')}
              value={values.agencyId}
              onChange={(agencyId) => update({ agencyId })}
              style={{ width: 220 }}
              data-testid="filter-agency"
            />
          )}
          <Select
            allowClear
            placeholder={t('pages.acts.field.rule')}
            value={values.rule}
            onChange={(rule) => update({ rule })}
            loading={rules.loading}
            options={(rules.data?.items ?? []).map((r) => ({
              value: r.rule,
              label: ruleLabel(r.rule, r.label),
            }))}
            style={{ width: 200 }}
            data-testid="filter-rule"
          />
          <Select
            allowClear
            placeholder={t('pages.acts.field.kind')}
            value={values.kind}
            onChange={(kind) => update({ kind })}
            options={ACT_KINDS.map((k) => ({ value: k, label: t(`enums.actKind.${k}`) }))}
            style={{ width: 130 }}
            data-testid="filter-kind"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
            onChange={(range) =>
              update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
          <Flex align="center" gap={6}>
            <Switch
              size="small"
              checked={values.flagged === 'true' || Boolean(values.rule)}
              disabled={Boolean(values.rule)}
              onChange={(on) => update({ flagged: on ? 'true' : undefined })}
              data-testid="filter-flagged"
            />
            <Typography.Text>{t('pages.acts.flaggedOnly')}</Typography.Text>
          </Flex>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </Flex>
        <ListTable<Act>
          rowKey="id"
          columns={columns}
          list={list}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={t('pages.acts.empty')}
          scroll={{ x: 1100 }}
        />
      </Card>
      <ImportActsModal open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
      <ActDrawer
        id={values.act ?? null}
        onClose={() => update({ act: undefined }, { resetPage: false })}
        onShowAct={(id) => update({ act: id }, { resetPage: false })}
      />
    </PageContainer>
  );
}

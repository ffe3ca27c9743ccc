// The cases list: state filter, search, agency, "我的案件" (cases I investigate), the current
// deadline in its traffic-light colour, and overdue first (ranked by the server over every
// matching case). Officers see their own cases here (我的案件); an agency's legal office reads
// its agency's cases.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Switch, type TableColumnsType, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { CaseRoleTags, CaseStateTag, SourceTag } from '../../components/CaseTags';
import { DeadlineTag } from '../../components/DeadlineTag';
import { AgencySelect, SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { listCases } from '../../services/cases';
import { useUser } from '../../session';
import { CASE_STATES, type CaseStateCode, type CaseSummary, LIST_SEARCH_KEY } from '../../types/case';
import { caseHref } from './links';

export default function CasesPage() {
  const { t } = useIntl();
  const user = useUser();
  const location = useLocation();
  const { values, update, page, pageSize } = useSearchState();
  const own = user.role === 'officer';
  const supervisor = user.role === 'supervisor';
  const singleAgency = user.role === 'agency_legal' || own;
  const filter = {
    state: values.state as CaseStateCode | undefined,
    q: values.q,
    agencyId: values.agencyId,
    mine: supervisor && values.mine === '1',
    sort: values.sort === 'urgent' ? ('urgent' as const) : undefined,
  };
  const urgentFirst = filter.sort === 'urgent';
  const list = useApi(
    (signal) => listCases({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || values.state || values.agencyId || values.mine);

  useEffect(() => {
    sessionStorage.setItem(LIST_SEARCH_KEY, location.search);
  }, [location.search]);

  const clear = () => update({ q: undefined, state: undefined, agencyId: undefined, mine: undefined });

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('pages.cases.field.number'),
      dataIndex: 'number',
      width: 190,
      fixed: 'left',
      render: (_, c) => (
        <Flex vertical>
          <Link to={caseHref(user, c.id)} data-testid="case-link">
            {c.number}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pages.cases.registeredOn', { date: c.registeredOn })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.cases.field.subject'),
      dataIndex: 'subject',
      ellipsis: true,
      render: (_, c) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{c.subject}</Typography.Text>
          {!singleAgency && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {c.agencyName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('pages.cases.field.source'),
      dataIndex: 'source',
      width: 130,
      render: (_, c) => <SourceTag source={c.source} label={c.sourceLabel} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 110,
      render: (s: CaseStateCode) => <CaseStateTag state={s} />,
    },
    {
      title: t('pages.cases.field.deadline'),
      key: 'deadline',
      width: 250,
      render: (_, c) =>
        c.currentDeadline ? (
          <DeadlineTag deadline={c.currentDeadline} />
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    ...(own
      ? []
      : [
          {
            title: t('pages.cases.field.myRole'),
            key: 'roles',
            width: 150,
            render: (_: unknown, c: CaseSummary) =>
              c.roles.length ? <CaseRoleTags roles={c.roles} /> : t('common.none'),
          },
        ]),
  ];

  return (
    <PageContainer
      testId="cases-page"
      title={own ? t('menu.myCases') : t('menu.cases')}
      subTitle={own ? t('pages.cases.mySubtitle') : t('pages.cases.subtitle')}
    >
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" className="wz-toolbar">
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.cases.searchPlaceholder')}
            testId="case-search"
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            value={values.state}
            onChange={(state) => update({ state })}
            options={CASE_STATES.map((s) => ({ value: s, label: t(`enums.caseState.${s}`) }))}
            style={{ width: 140 }}
            data-testid="filter-case-state"
          />
          {!singleAgency && (
            <AgencySelect
              allowClear
              placeholder={t('pages.cases.field.agency')}
              value={values.agencyId}
              onChange={(agencyId) => update({ agencyId })}
              style={{ width: 240 }}
            />
          )}
          {supervisor && (
            <Flex gap={6} align="center">
              <Switch
                size="small"
                checked={values.mine === '1'}
                onChange={(on) => update({ mine: on ? '1' : undefined })}
                data-testid="filter-mine"
              />
              <Typography.Text>{t('pages.cases.mine')}</Typography.Text>
            </Flex>
          )}
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={urgentFirst}
              onChange={(on) => update({ sort: on ? 'urgent' : undefined })}
              data-testid="sort-urgent"
            />
            <Typography.Text>{t('pages.cases.urgentFirst')}</Typography.Text>
          </Flex>
          {filtered && (
            <Button type="link" onClick={clear}>
              {t('common.reset')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Flex>
        <ListTable<CaseSummary>
          rowKey="id"
          columns={columns}
          scroll={{ x: 980 }}
          data-testid="case-table"
          rowClassName={(c) => (c.currentDeadline?.status === 'overdue' ? 'wz-row-overdue' : '')}
          list={list}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={own ? t('pages.cases.myEmpty') : t('pages.cases.empty')}
        />
      </Card>
    </PageContainer>
  );
}

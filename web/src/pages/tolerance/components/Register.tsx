// 容错申请登记簿: the applications the reader may see (the office its jurisdiction's, an agency's
// legal office its agency's, an officer their own), by state in tabs, searched by number, person
// or case, paged on the server, filters in the URL. The decision's due date runs from acceptance;
// past it the date and the row turn red. An application starts from its case.
import { Flex, type TableColumnsType, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ListToolbar, SearchFilter } from '../../../components/Filters';
import ListTable from '../../../components/ListTable';
import { ToleranceOutcomeTag, ToleranceStateTag } from '../../../components/ToleranceTags';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { caseHref } from '../../../services/caseLinks';
import { listTolerance, toleranceHref } from '../../../services/tolerance';
import { useUser } from '../../../session';
import { TOLERANCE_TABS, type ToleranceState, type ToleranceSummary } from '../../../types/tolerance';

export default function Register() {
  const { t } = useIntl();
  const user = useUser();
  const { values, update, page, pageSize, paging } = useSearchState();
  const office = user.role === 'supervisor';
  // The office opens on what awaits its acceptance; the applicants on all of theirs.
  const defaultTab = office ? 'submitted' : 'all';
  const tab = values.state ?? defaultTab;
  const state = tab === 'all' ? undefined : (tab as ToleranceState);
  const filter = { state, q: values.q };
  const list = useApi(
    (signal) => listTolerance({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q);
  const clear = () => update({ q: undefined });

  const columns: TableColumnsType<ToleranceSummary> = [
    {
      title: t('pages.tolerance.field.number'),
      dataIndex: 'number',
      width: 190,
      render: (v: string, r) => (
        <Link to={toleranceHref(r.id)} data-testid="tolerance-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('pages.tolerance.field.person'),
      dataIndex: 'officerName',
      width: 200,
      render: (v: string, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>
            {v}（{r.officerId}）
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {r.agencyName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.tolerance.field.case'),
      dataIndex: 'caseNumber',
      ellipsis: true,
      render: (v: string, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link to={caseHref(user, r.caseId)}>{v}</Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {r.caseSubject}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.tolerance.field.appliedOn'),
      dataIndex: 'appliedOn',
      width: 110,
      render: (v: string, r) => (
        <Flex vertical>
          <span>{v}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`enums.toleranceApplicant.${r.applicantKind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.tolerance.field.decisionDue'),
      dataIndex: 'decisionDue',
      width: 130,
      render: (v: string | null, r) =>
        v ? (
          <Typography.Text
            type={r.overdue ? 'danger' : undefined}
            strong={r.overdue}
            data-testid="tolerance-due"
            data-overdue={r.overdue ? 'true' : 'false'}
          >
            {v}
            {r.overdue && (
              <>
                <br />
                <span style={{ fontSize: 12 }}>{t('pages.tolerance.overdue')}</span>
              </>
            )}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 150,
      render: (_, r) => (
        <Flex gap={4} wrap align="center">
          <ToleranceStateTag state={r.state} />
          {r.outcome && <ToleranceOutcomeTag outcome={r.outcome} />}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, r) => <Link to={toleranceHref(r.id)}>{t('common.view')}</Link>,
    },
  ];

  const emptyText =
    state === undefined ? (
      <Flex vertical align="center" gap={8} style={{ maxWidth: 560, margin: '0 auto' }}>
        <span>{t('pages.tolerance.empty')}</span>
        <Typography.Text type="secondary" data-testid="tolerance-guide">
          {t(office ? 'pages.tolerance.emptyOffice' : 'pages.tolerance.emptyApplicant')}
        </Typography.Text>
      </Flex>
    ) : (
      t('pages.tolerance.emptyTab', { state: t(`enums.toleranceState.${state}`) })
    );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ state: k === defaultTab ? undefined : k })}
        items={[...TOLERANCE_TABS, 'all' as const].map((s) => ({
          key: s,
          label: (
            <span data-testid={`tolerance-tab-${s}`}>
              {s === 'all' ? t('common.all') : t(`enums.toleranceState.${s}`)}
            </span>
          ),
        }))}
      />
      <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
        <SearchFilter
          value={values.q}
          onSearch={(q) => update({ q })}
          placeholder={t('pages.tolerance.searchPlaceholder')}
          testId="tolerance-search"
        />
      </ListToolbar>
      <ListTable<ToleranceSummary>
        rowKey="id"
        columns={columns}
        cardTitle="number"
        scroll={{ x: 1000 }}
        rowClassName={(r) => (r.overdue ? 'wz-row-overdue' : '')}
        data-testid="tolerance-table"
        list={list}
        {...paging}
        filtered={filtered}
        onClearFilters={clear}
        emptyText={emptyText}
      />
    </>
  );
}

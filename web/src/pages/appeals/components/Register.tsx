// 申诉登记簿: the appeals the reader may see — the office's of its jurisdiction, a panel member's
// inbox (the appeals they sit on, as the server filters), an officer's own, an agency's legal
// office its officers' — filtered by state and searched by number, officer, agency or case, paged
// on the server, filters in the URL. The panel's due date runs from acceptance; past it the date
// and the row turn red. An appeal is filed from its case.
import { Flex, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import { AppealOutcomeTag, AppealStateTag } from '../../../components/AppealTags';
import { ListToolbar, SearchFilter } from '../../../components/Filters';
import ListTable from '../../../components/ListTable';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { appealHref, listAppeals } from '../../../services/appeals';
import { caseHref } from '../../../services/caseLinks';
import { useUser } from '../../../session';
import { APPEAL_TABS, type AppealState, type AppealSummary } from '../../../types/appeal';

export default function Register() {
  const { t } = useIntl();
  const user = useUser();
  const access = accessOf(user);
  const { values, update, page, pageSize, paging } = useSearchState();
  const state = APPEAL_TABS.includes(values.state as AppealState) ? (values.state as AppealState) : undefined;
  const filter = { state, q: values.q };
  const list = useApi(
    (signal) => listAppeals({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || state);
  const clear = () => update({ q: undefined, state: undefined });
  // A panel member reads the case file on the appeal itself, not the case.
  const opensCase = access.cases || access.myCases;

  const columns: TableColumnsType<AppealSummary> = [
    {
      title: t('pages.appeals.field.number'),
      dataIndex: 'number',
      width: 200,
      render: (v: string, r) => (
        <Flex gap={4} align="center">
          <Link to={appealHref(r.id)} data-testid="appeal-link">
            {v}
          </Link>
          {r.stage === 'review' && (
            <Tag color="purple" data-testid="appeal-stage-review">
              {t('enums.appealStage.review')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('pages.appeals.field.appellant'),
      dataIndex: 'appellantName',
      width: 150,
      // The officer (with their id), or the agency appealing against its Art. 25 measures.
      render: (v: string, r) => (
        <Typography.Text ellipsis data-testid="appeal-appellant" data-kind={r.appellantKind}>
          {r.appellantKind === 'agency'
            ? `${v}（${t('pages.appeals.agencyAppellant')}）`
            : `${v}（${r.officerId}）`}
        </Typography.Text>
      ),
    },
    { title: t('pages.appeals.field.agency'), dataIndex: 'agencyName', width: 180, ellipsis: true },
    {
      title: t('pages.appeals.field.case'),
      dataIndex: 'caseNumber',
      ellipsis: true,
      render: (v: string, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          {opensCase ? <Link to={caseHref(user, r.caseId)}>{v}</Link> : <span>{v}</span>}
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {r.caseSubject}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.appeals.field.filedOn'),
      dataIndex: 'filedOn',
      width: 110,
      render: (v: string, r) => (
        <Flex vertical>
          <span>{v}</span>
          {r.late && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('pages.appeals.late')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 170,
      render: (_, r) => (
        <Flex gap={4} wrap align="center">
          <AppealStateTag state={r.state} />
          {r.outcome && <AppealOutcomeTag outcome={r.outcome} />}
        </Flex>
      ),
    },
    {
      title: t('pages.appeals.field.originalForm'),
      dataIndex: 'originalFormLabel',
      width: 120,
      render: (v: string | null) =>
        v ? (
          <Tag style={{ marginInlineEnd: 0 }}>{v}</Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('pages.appeals.field.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (v: string | null, r) =>
        v ? (
          <Typography.Text
            type={r.overdue ? 'danger' : undefined}
            strong={r.overdue}
            data-testid="appeal-due"
            data-overdue={r.overdue ? 'true' : 'false'}
          >
            {v}
            {r.overdue && (
              <>
                <br />
                <span style={{ fontSize: 12 }}>{t('pages.appeals.overdue')}</span>
              </>
            )}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, r) => <Link to={appealHref(r.id)}>{t('common.view')}</Link>,
    },
  ];

  const guide =
    user.role === 'panel'
      ? 'pages.appeals.emptyPanel'
      : user.role === 'officer'
        ? 'pages.appeals.emptyOfficer'
        : 'pages.appeals.emptyOffice';
  const emptyText = (
    <Flex vertical align="center" gap={8} style={{ maxWidth: 560, margin: '0 auto' }}>
      <span>{t(user.role === 'panel' ? 'pages.appeals.emptyInbox' : 'pages.appeals.empty')}</span>
      <Typography.Text type="secondary" data-testid="appeals-guide">
        {t(guide)}
      </Typography.Text>
    </Flex>
  );

  return (
    <>
      <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
        <Select<AppealState | 'all'>
          value={state ?? 'all'}
          onChange={(v) => update({ state: v === 'all' ? undefined : v })}
          style={{ width: 160 }}
          data-testid="appeals-state-filter"
          aria-label={t('common.status')}
          options={[
            { value: 'all', label: t('pages.appeals.allStates') },
            ...APPEAL_TABS.map((s) => ({ value: s, label: t(`enums.appealState.${s}`) })),
          ]}
        />
        <SearchFilter
          value={values.q}
          onSearch={(q) => update({ q })}
          placeholder={t('pages.appeals.searchPlaceholder')}
          testId="appeals-search"
        />
      </ListToolbar>
      <ListTable<AppealSummary>
        rowKey="id"
        columns={columns}
        cardTitle="number"
        scroll={{ x: 1200 }}
        rowClassName={(r) => (r.overdue ? 'wz-row-overdue' : '')}
        data-testid="appeals-table"
        list={list}
        {...paging}
        filtered={filtered}
        onClearFilters={clear}
        emptyText={emptyText}
      />
    </>
  );
}

// 事前备案登记簿: the register of exploratory measures registered before acting — the supervision
// office sees its jurisdiction's (awaiting review first), an agency's legal office its agency's,
// an officer their own. By state in tabs, searched by number, measure or agency, paged on the
// server; filters in the URL. Agencies and officers register a new measure from here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DeadlineTag } from '../../components/DeadlineTag';
import { AgencySelect, ListToolbar, SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import {
  mayRegister,
  PRE_REGISTRATION_TABS,
  type PreRegistrationState,
  type PreRegistrationSummary,
} from '../../types/pre-registration';
import MeasureForm from './components/MeasureForm';
import { StateTag } from './components/StateTag';
import { listPreRegistrations } from './service';

export default function PreRegistrationsPage() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const { values, update, page, pageSize, paging } = useSearchState();
  const [formOpen, setFormOpen] = useState(false);
  const registrant = mayRegister(user);
  // The office opens on what awaits its review; the registrants on all of theirs.
  const defaultTab = registrant ? 'all' : 'submitted';
  const tab = values.state ?? defaultTab;
  const state = tab === 'all' ? undefined : (tab as PreRegistrationState);
  const filter = { state, agencyId: values.agencyId, q: values.q };
  const list = useApi(
    (signal) => listPreRegistrations({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || values.agencyId);
  const clear = () => update({ q: undefined, agencyId: undefined });
  const open = (id: string) => `/pre-registrations/${encodeURIComponent(id)}`;

  const columns: TableColumnsType<PreRegistrationSummary> = [
    {
      title: t('pages.preRegistrations.field.number'),
      dataIndex: 'number',
      width: 190,
      render: (v: string, r) => (
        <Link to={open(r.id)} data-testid="pre-registration-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('pages.preRegistrations.field.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{r.title}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {r.measure}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.preRegistrations.field.agency'),
      dataIndex: 'agencyName',
      width: 220,
      ellipsis: true,
      render: (v: string, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{v}</Typography.Text>
          {r.officerName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.officerName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('pages.preRegistrations.field.registeredOn'),
      dataIndex: 'registeredOn',
      width: 110,
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 200,
      render: (_, r) => (
        <Flex vertical gap={4} align="start">
          <StateTag state={r.state} />
          {r.state === 'submitted' && <DeadlineTag deadline={r.review} compact />}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, r) => <Link to={open(r.id)}>{t('common.view')}</Link>,
    },
  ];

  const emptyGuide = registrant
    ? t('pages.preRegistrations.emptyRegistrant')
    : t('pages.preRegistrations.emptyOffice');
  const emptyText =
    state === undefined ? (
      <Flex vertical align="center" gap={8} style={{ maxWidth: 520, margin: '0 auto' }}>
        <span>{t('pages.preRegistrations.empty')}</span>
        <Typography.Text type="secondary" data-testid="pre-registration-guide">
          {emptyGuide}
        </Typography.Text>
        {registrant && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
            {t('pages.preRegistrations.create')}
          </Button>
        )}
      </Flex>
    ) : (
      t('pages.preRegistrations.emptyTab', { state: t(`enums.preRegistrationState.${state}`) })
    );

  return (
    <PageContainer
      testId="pre-registrations-page"
      title={t('menu.preRegistrations')}
      subTitle={t('pages.preRegistrations.subtitle')}
      extra={
        registrant && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormOpen(true)}
            data-testid="pre-registration-create"
          >
            {t('pages.preRegistrations.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ state: k === defaultTab ? undefined : k })}
          items={[...PRE_REGISTRATION_TABS, 'all' as const].map((s) => ({
            key: s,
            label: (
              <span data-testid={`pre-registration-tab-${s}`}>
                {s === 'all' ? t('common.all') : t(`enums.preRegistrationState.${s}`)}
              </span>
            ),
          }))}
        />
        <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.preRegistrations.searchPlaceholder')}
            testId="pre-registration-search"
          />
          {!registrant && (
            <AgencySelect
              allowClear
              placeholder={t('pages.preRegistrations.field.agency')}
              value={values.agencyId}
              onChange={(agencyId) => update({ agencyId })}
              style={{ width: 240 }}
            />
          )}
        </ListToolbar>
        <ListTable<PreRegistrationSummary>
          rowKey="id"
          columns={columns}
          cardTitle="number"
          scroll={{ x: 960 }}
          data-testid="pre-registration-table"
          list={list}
          {...paging}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={emptyText}
        />
      </Card>
      <MeasureForm
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onSaved={(r) => {
          setFormOpen(false);
          navigate(open(r.id));
        }}
      />
    </PageContainer>
  );
}

// The leads inbox (线索): public complaints, detection findings and referrals entered by hand,
// by status; filters in the URL; a lead opens in a drawer (?lead=…) where it is triaged —
// dismissed with a reason, merged into another, or opened as a case.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { SourceTag } from '../../components/CaseTags';
import { AgencySelect, ListToolbar, SearchFilter } from '../../components/Filters';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { LEAD_SOURCES, LEAD_STATUSES, type Lead, type LeadSource, type LeadStatus } from '../../types/lead';
import LeadDrawer from './components/LeadDrawer';
import LeadForm from './components/LeadForm';
import MediaReportForm from './components/MediaReportForm';
import { DismissModal, MergeModal, OpenCaseModal } from './components/TriageModals';
import { listLeads } from './service';

type Triage = { kind: 'dismiss' | 'merge' | 'open'; lead: Lead } | null;

export default function LeadsPage() {
  const { t } = useIntl();
  const navigate = useNavigate();
  const { values, update, page, pageSize, paging } = useSearchState();
  const [formOpen, setFormOpen] = useState(false);
  const [mediaOpen, setMediaOpen] = useState(false);
  const [triage, setTriage] = useState<Triage>(null);
  const [tick, setTick] = useState(0);
  // The inbox opens on what needs triage; ?status=all lists everything.
  const status = values.status === 'all' ? undefined : ((values.status as LeadStatus | undefined) ?? 'new');
  const filter = {
    status,
    source: values.source as LeadSource | undefined,
    agencyId: values.agencyId,
    q: values.q,
  };
  const list = useApi(
    (signal) => listLeads({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize, tick],
  );
  const filtered = Boolean(values.q || values.source || values.agencyId);
  const clear = () => update({ q: undefined, source: undefined, agencyId: undefined });

  const changed = () => {
    setTriage(null);
    setTick((n) => n + 1);
  };

  const columns: TableColumnsType<Lead> = [
    {
      title: t('pages.leads.field.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
    },
    {
      title: t('pages.leads.field.source'),
      dataIndex: 'source',
      width: 120,
      render: (_, l) => <SourceTag source={l.source} label={l.sourceLabel} />,
    },
    {
      title: t('pages.leads.field.subject'),
      dataIndex: 'subject',
      ellipsis: true,
      render: (_, l) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link
            onClick={() => update({ lead: l.id }, { resetPage: false })}
            ellipsis
            data-testid="lead-link"
          >
            {l.subject}
          </Typography.Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {l.narrative}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.leads.field.agency'),
      dataIndex: 'agencyName',
      width: 200,
      ellipsis: true,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('pages.leads.agencyUnknown')}</Typography.Text>,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 160,
      render: (_, l) => (
        <Flex vertical>
          <span>
            <LeadStatusTag status={l.status} />
            {l.reexamination && l.status === 'new' && (
              <Tag color="orange" data-testid="lead-reexamination">
                {t('pages.leads.reexamination')}
              </Tag>
            )}
          </span>
          {l.caseNumber && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.caseNumber}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, l) => (
        <Typography.Link onClick={() => update({ lead: l.id }, { resetPage: false })}>
          {l.status === 'new' ? t('pages.leads.triage') : t('common.view')}
        </Typography.Link>
      ),
    },
  ];

  return (
    <PageContainer
      testId="leads-page"
      title={t('menu.leads')}
      subTitle={t('pages.leads.subtitle')}
      extra={
        <Flex gap={8}>
          <Button onClick={() => setMediaOpen(true)} data-testid="lead-media">
            {t('pages.leads.media.open')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormOpen(true)}
            data-testid="lead-create"
          >
            {t('pages.leads.create')}
          </Button>
        </Flex>
      }
    >
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(k) => update({ status: k === 'new' ? undefined : k })}
          items={[...LEAD_STATUSES, 'all' as const].map((s) => ({
            key: s,
            label: (
              <span data-testid={`lead-tab-${s}`}>
                {s === 'all' ? t('common.all') : t(`enums.leadStatus.${s}`)}
              </span>
            ),
          }))}
        />
        <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.leads.searchPlaceholder')}
            testId="lead-search"
          />
          <Select
            allowClear
            placeholder={t('pages.leads.field.source')}
            value={values.source}
            onChange={(source) => update({ source })}
            options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`enums.leadSource.${s}`) }))}
            style={{ width: 150 }}
          />
          <AgencySelect
            allowClear
            placeholder={t('pages.leads.field.agency')}
            value={values.agencyId}
            onChange={(agencyId) => update({ agencyId })}
            style={{ width: 240 }}
          />
        </ListToolbar>
        <ListTable<Lead>
          rowKey="id"
          columns={columns}
          cardTitle="subject"
          scroll={{ x: 960 }}
          data-testid="lead-table"
          list={list}
          {...paging}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={status === 'new' ? t('pages.leads.emptyNew') : t('pages.leads.empty')}
        />
      </Card>
      <LeadDrawer
        id={values.lead ?? null}
        tick={tick}
        onClose={() => update({ lead: undefined }, { resetPage: false })}
        onTriage={(kind, lead) => setTriage({ kind, lead })}
        onShowLead={(lead) => update({ lead }, { resetPage: false })}
      />
      <DismissModal
        lead={triage?.kind === 'dismiss' ? triage.lead : null}
        onClose={() => setTriage(null)}
        onReload={changed}
        onDone={changed}
      />
      <MergeModal
        lead={triage?.kind === 'merge' ? triage.lead : null}
        onClose={() => setTriage(null)}
        onReload={changed}
        onDone={changed}
      />
      <OpenCaseModal
        lead={triage?.kind === 'open' ? triage.lead : null}
        onClose={() => setTriage(null)}
        onReload={changed}
        onDone={(r) => navigate(`/cases/${encodeURIComponent(r.caseId)}`)}
      />
      <MediaReportForm
        open={mediaOpen}
        onClose={() => setMediaOpen(false)}
        onSaved={(l) => {
          setMediaOpen(false);
          setTick((n) => n + 1);
          update({ lead: l.id, status: undefined }, { resetPage: false });
        }}
      />
      <LeadForm
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onSaved={(l) => {
          setFormOpen(false);
          setTick((n) => n + 1);
          update({ lead: l.id, status: undefined }, { resetPage: false });
        }}
      />
    </PageContainer>
  );
}

// The officers register: filters (agency, certificate status, staffing, search) kept in the
// URL, paginated table, export of the filtered list, import from .xlsx, registration.
import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { AgencySelect, SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import OfficerForm from '../../components/OfficerProfile/OfficerForm';
import { PageContainer } from '../../components/PageContainer';
import { CertStatusTag } from '../../components/tags';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { exportUrl, listOfficers } from '../../services/officers';
import { useUser } from '../../session';
import {
  CERT_STATUSES,
  type CertStatus,
  LIST_SEARCH_KEY,
  type Officer,
  type OfficerFilter,
  STAFFING,
  type Staffing,
} from '../../types/officer';
import ImportModal from './components/ImportModal';

export default function OfficersPage() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const { values, update, page, pageSize } = useSearchState();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Officer | undefined>();
  const filter: OfficerFilter = {
    q: values.q,
    agencyId: values.agencyId,
    certStatus: values.certStatus as CertStatus | undefined,
    staffing: values.staffing as Staffing | undefined,
  };
  const list = useApi(
    (signal) => listOfficers({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || values.agencyId || values.certStatus || values.staffing);
  const singleAgency = user.role === 'agency_legal';
  const canCreate = Boolean(list.data?.permissions.create);

  // The detail page's breadcrumb returns to this list as it was filtered.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    params.delete('import');
    const search = params.toString();
    sessionStorage.setItem(LIST_SEARCH_KEY, search ? `?${search}` : '');
  }, [location.search]);

  const clear = () =>
    update({ q: undefined, agencyId: undefined, certStatus: undefined, staffing: undefined });

  const columns: TableColumnsType<Officer> = [
    {
      title: t('pages.officers.field.name'),
      dataIndex: 'name',
      width: 150,
      fixed: 'left',
      render: (_, o) => (
        <Flex vertical>
          <Link to={`/officers/${encodeURIComponent(o.id)}`} data-testid="officer-link">
            {o.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.id}
            {o.gender ? ` · ${t(`enums.gender.${o.gender}`)}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(singleAgency
      ? []
      : [
          {
            title: t('pages.officers.field.agency'),
            dataIndex: 'agencyName',
            ellipsis: true,
          } as TableColumnsType<Officer>[number],
        ]),
    {
      title: t('pages.officers.field.post'),
      dataIndex: 'post',
      width: 120,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('pages.officers.field.staffing'),
      dataIndex: 'staffing',
      width: 120,
      render: (s: Staffing) => t(`enums.staffing.${s}`),
    },
    {
      title: t('pages.officers.field.certificateNumber'),
      dataIndex: 'certificateNumber',
      width: 140,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('pages.officers.field.validUntil'),
      dataIndex: 'certificateValidUntil',
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('pages.officers.field.certStatus'),
      dataIndex: 'certStatus',
      width: 100,
      render: (s: CertStatus) => <CertStatusTag status={s} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, o) => (
        <Flex gap={12}>
          <Link to={`/officers/${encodeURIComponent(o.id)}`}>{t('common.view')}</Link>
          {o.permissions.update && (
            <Typography.Link
              onClick={() => {
                setEditing(o);
                setFormOpen(true);
              }}
            >
              {t('common.edit')}
            </Typography.Link>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      testId="officers-page"
      title={t('menu.officers')}
      subTitle={t('pages.officers.subtitle')}
      extra={
        <>
          {canCreate && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => update({ import: '1' }, { resetPage: false })}
              data-testid="officer-import"
            >
              {t('pages.officers.import.button')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={exportUrl(filter)} download data-testid="officer-export">
            {t('pages.officers.export')}
          </Button>
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(undefined);
                setFormOpen(true);
              }}
              data-testid="officer-create"
            >
              {t('pages.officers.create')}
            </Button>
          )}
        </>
      }
    >
      <Card variant="borderless">
        <Flex gap={12} wrap className="wz-toolbar">
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.officers.searchPlaceholder')}
            testId="officer-search"
          />
          {!singleAgency && (
            <AgencySelect
              allowClear
              placeholder={t('pages.officers.field.agency')}
              value={values.agencyId}
              onChange={(agencyId) => update({ agencyId })}
              style={{ width: 240 }}
              data-testid="filter-agency"
            />
          )}
          <Select
            allowClear
            placeholder={t('pages.officers.field.certStatus')}
            value={values.certStatus}
            onChange={(certStatus) => update({ certStatus })}
            options={CERT_STATUSES.map((s) => ({ value: s, label: t(`enums.cert.${s}`) }))}
            style={{ width: 150 }}
            data-testid="filter-cert-status"
          />
          <Select
            allowClear
            placeholder={t('pages.officers.field.staffing')}
            value={values.staffing}
            onChange={(staffing) => update({ staffing })}
            options={STAFFING.map((s) => ({ value: s, label: t(`enums.staffing.${s}`) }))}
            style={{ width: 160 }}
            data-testid="filter-staffing"
          />
          {filtered && (
            <Button type="link" onClick={clear}>
              {t('common.reset')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Flex>
        <ListTable<Officer>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1000 }}
          data-testid="officer-table"
          list={list}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={t('pages.officers.empty')}
        />
      </Card>
      <OfficerForm
        open={formOpen}
        officer={editing}
        defaultAgencyId={values.agencyId}
        onClose={() => setFormOpen(false)}
        onReload={() => {
          setFormOpen(false);
          list.reload();
        }}
        onSaved={(o) => {
          setFormOpen(false);
          if (editing) list.reload();
          else navigate(`/officers/${encodeURIComponent(o.id)}`);
        }}
      />
      <ImportModal
        open={canCreate && values.import === '1'}
        onClose={() => update({ import: undefined }, { resetPage: false })}
        onImported={() => list.reload()}
      />
    </PageContainer>
  );
}

// Agencies: the region tree on the left, a searchable, paginated table on the right;
// create and edit in a modal, details on their own page.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { accessOf } from '../../access';
import { SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { ActiveBadge, KindTag } from '../../components/tags';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { listAgencies } from '../../services/agencies';
import { useUser } from '../../session';
import { AGENCY_KINDS, type Agency, type AgencyKind, type AgencyQuery } from '../../types/agency';
import AgencyForm from './components/AgencyForm';
import RegionTree from './components/RegionTree';

export default function AgenciesPage() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const access = accessOf(user);
  const { values, update, page, pageSize } = useSearchState();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Agency | undefined>();
  const query: AgencyQuery = {
    q: values.q,
    region: values.region,
    kind: values.kind as AgencyKind | undefined,
    active: values.active as 'true' | 'false' | undefined,
    page,
    pageSize,
  };
  const list = useApi((signal) => listAgencies(query, signal), [JSON.stringify(query)]);
  const filtered = Boolean(values.q || values.region || values.kind || values.active);
  const showTree = user.role !== 'agency_legal';

  const columns: TableColumnsType<Agency> = [
    {
      title: t('pages.agencies.field.name'),
      dataIndex: 'name',
      width: 250,
      render: (_, a) => (
        <Flex vertical>
          <Link to={`/agencies/${encodeURIComponent(a.id)}`} data-testid="agency-link">
            {a.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.agencies.field.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: AgencyKind) => <KindTag kind={k} />,
    },
    { title: t('pages.agencies.field.region'), dataIndex: 'regionName', width: 80 },
    {
      title: t('pages.agencies.field.parent'),
      dataIndex: 'parentName',
      ellipsis: true,
      render: (v: string | null, a) =>
        v ? <Link to={`/agencies/${encodeURIComponent(a.parentId!)}`}>{v}</Link> : t('common.none'),
    },
    {
      title: t('pages.agencies.field.officerCount'),
      dataIndex: 'officerCount',
      width: 90,
      align: 'right',
      render: (n: number, a) =>
        access.officers ? <Link to={`/officers?agencyId=${encodeURIComponent(a.id)}`}>{n}</Link> : n,
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) => <ActiveBadge active={v} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, a) => (
        <Flex gap={12}>
          <Link to={`/agencies/${encodeURIComponent(a.id)}`}>{t('common.view')}</Link>
          {a.permissions.update && (
            <Typography.Link
              onClick={() => {
                setEditing(a);
                setFormOpen(true);
              }}
              data-testid="agency-edit"
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
      testId="agencies-page"
      title={t('menu.agencies')}
      subTitle={t('pages.agencies.subtitle')}
      extra={
        list.data?.permissions.create && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setFormOpen(true);
            }}
            data-testid="agency-create"
          >
            {t('pages.agencies.create')}
          </Button>
        )
      }
    >
      <div className="wz-split">
        {showTree && (
          <div className="wz-split-side">
            <RegionTree
              scope={user.role === 'admin' ? null : user.regionCode}
              value={values.region}
              onChange={(region) => update({ region })}
            />
          </div>
        )}
        <div className="wz-split-main">
          <Card variant="borderless">
            <Flex gap={12} wrap className="wz-toolbar">
              <SearchFilter
                value={values.q}
                onSearch={(q) => update({ q })}
                placeholder={t('pages.agencies.searchPlaceholder')}
                width={280}
                testId="agency-search"
              />
              <Select
                allowClear
                placeholder={t('pages.agencies.field.kind')}
                value={values.kind}
                onChange={(kind) => update({ kind })}
                options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}`) }))}
                style={{ width: 180 }}
                data-testid="agency-kind-filter"
              />
              <Select
                allowClear
                placeholder={t('common.status')}
                value={values.active}
                onChange={(active) => update({ active })}
                options={[
                  { value: 'true', label: t('common.enabled') },
                  { value: 'false', label: t('common.disabled') },
                ]}
                style={{ width: 120 }}
              />
              <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
            </Flex>
            <ListTable<Agency>
              rowKey="id"
              columns={columns}
              scroll={{ x: 880 }}
              data-testid="agency-table"
              list={list}
              page={page}
              pageSize={pageSize}
              onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
              filtered={filtered}
              onClearFilters={() =>
                update({ q: undefined, region: undefined, kind: undefined, active: undefined })
              }
              emptyText={t('pages.agencies.empty')}
            />
          </Card>
        </div>
      </div>
      <AgencyForm
        open={formOpen}
        agency={editing}
        defaultRegion={values.region}
        onClose={() => setFormOpen(false)}
        onReload={() => {
          setFormOpen(false);
          list.reload();
        }}
        onSaved={(a) => {
          setFormOpen(false);
          if (editing) list.reload();
          else navigate(`/agencies/${encodeURIComponent(a.id)}`);
        }}
      />
    </PageContainer>
  );
}

// 案卷评查: the campaigns of the reader's jurisdiction (the office), those with files of their agency
// (a legal office, for its self-check), those they review in (a reviewer). By state, searched by
// name, paged on the server; the office sets up a new campaign from here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { REVIEW_CAMPAIGN_STATES } from '../../../../src/core/workflow/review-campaign';
import { ListToolbar, SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import CreateCampaignModal from './components/CreateCampaignModal';
import { CampaignStateTag } from './components/Tags';
import { campaignHref, listCampaigns } from './service';
import type { Campaign, ReviewCampaignState } from './types';

export default function ReviewCampaignsPage() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const { values, update, page, pageSize, paging } = useSearchState();
  const [creating, setCreating] = useState(false);
  const office = user.role === 'supervisor';
  const filter = { state: values.state as ReviewCampaignState | undefined, q: values.q };
  const list = useApi(
    (signal) => listCampaigns({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || values.state);
  const clear = () => update({ q: undefined, state: undefined });

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('pages.review.field.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (v: string, c) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link to={campaignHref(c.id)} data-testid="review-campaign-link">
            {v}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`enums.reviewCampaignKind.${c.kind}`)} · {c.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.review.field.period'),
      key: 'period',
      width: 210,
      render: (_, c) => `${c.from ?? '…'} ~ ${c.to ?? '…'}`,
    },
    {
      title: t('pages.review.field.files'),
      key: 'files',
      width: 150,
      render: (_, c) =>
        c.state === 'draft'
          ? t('pages.review.planned', { size: c.size })
          : t('pages.review.progress', { files: c.files, scored: c.files - c.unscored }),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 130,
      render: (_, c) => <CampaignStateTag state={c.state} />,
    },
    {
      title: t('pages.review.field.createdAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, c) => <Link to={campaignHref(c.id)}>{t('common.view')}</Link>,
    },
  ];

  return (
    <PageContainer
      testId="review-page"
      title={t('menu.review')}
      subTitle={t('pages.review.subtitle')}
      extra={
        office && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="review-create"
          >
            {t('pages.review.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.review.searchPlaceholder')}
            testId="review-search"
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            value={values.state}
            onChange={(state) => update({ state })}
            style={{ width: 160 }}
            options={REVIEW_CAMPAIGN_STATES.map((s) => ({
              value: s,
              label: t(`enums.reviewCampaignState.${s}`),
            }))}
          />
        </ListToolbar>
        <ListTable<Campaign>
          rowKey="id"
          columns={columns}
          cardTitle="name"
          scroll={{ x: 900 }}
          data-testid="review-table"
          list={list}
          {...paging}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={office ? t('pages.review.emptyOffice') : t('pages.review.empty')}
        />
      </Card>
      <CreateCampaignModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(campaignHref(c.id));
        }}
      />
    </PageContainer>
  );
}

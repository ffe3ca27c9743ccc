// 岗位: one agency's posts — the stages of its 责任事项 each answers for, the 职权编码 it is limited to
// (none: all items), who holds it on the day chosen and everyone who has held it — with new posts,
// changes, appointments and reliefs for those who keep the agency's posts (the server says who).
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AgencySelect } from '../../../components/Filters';
import { ResponsiveTable } from '../../../components/ListTable';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { listPosts, type Post, type PostHolder } from '../../../services/posts';
import { listDutyItems } from '../service';
import PostModal, { type PostAction, type PostSubject } from './PostModal';

export default function PostsTab() {
  const { t } = useIntl();
  const { values, update } = useSearchState();
  const agencyId = values.agencyId;
  const on = values.on;
  const posts = useApi(
    (signal) => (agencyId ? listPosts(agencyId, on, signal) : Promise.resolve(null)),
    [agencyId, on],
  );
  const items = useApi(
    (signal) =>
      agencyId ? listDutyItems({ agencyId, page: 1, pageSize: 500 }, signal) : Promise.resolve(null),
    [agencyId],
  );
  const [modal, setModal] = useState<{ action: PostAction; subject: PostSubject } | null>(null);
  const open = (action: PostAction, post: Post | null = null, holder: PostHolder | null = null) =>
    agencyId && setModal({ action, subject: { agencyId, post, holder, items: items.data?.items ?? [] } });
  const names = new Map((items.data?.items ?? []).map((i) => [i.code, i.name]));

  const holderState = (h: PostHolder) =>
    h.current ? (
      <Tag color="green">{t('pages.posts.onPost')}</Tag>
    ) : h.from > (posts.data?.on ?? '') ? (
      <Tag>{t('pages.posts.notYet')}</Tag>
    ) : (
      <Tag>{t('pages.posts.left')}</Tag>
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={12} wrap className="wz-toolbar" align="center">
        <AgencySelect
          placeholder={t('pages.posts.agency')}
          value={agencyId}
          onChange={(id) => update({ agencyId: id })}
          style={{ width: 280 }}
          data-testid="posts-agency"
        />
        <DatePicker
          value={on ? dayjs(on) : null}
          onChange={(d) => update({ on: d ? d.format('YYYY-MM-DD') : undefined })}
          placeholder={t('pages.posts.onToday')}
          data-testid="posts-on"
        />
        {posts.data?.permissions.create && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => open('create')}
            data-testid="post-new"
          >
            {t('pages.posts.new')}
          </Button>
        )}
      </Flex>
      {!agencyId ? (
        <Empty description={t('pages.posts.pick')} />
      ) : posts.error ? (
        <LoadError error={posts.error} onRetry={posts.reload} />
      ) : (
        <ResponsiveTable<Post>
          size="small"
          rowKey="id"
          loading={posts.loading}
          dataSource={posts.data?.items ?? []}
          pagination={false}
          cardTitle="name"
          data-testid="posts-table"
          locale={{ emptyText: t('pages.posts.empty') }}
          expandable={{
            expandedRowRender: (p) => (
              <Table<PostHolder>
                size="small"
                rowKey="id"
                dataSource={p.holders}
                pagination={false}
                data-testid={`post-holders-${p.name}`}
                locale={{ emptyText: t('pages.posts.noHolders') }}
                columns={[
                  {
                    title: t('pages.posts.officer'),
                    key: 'officer',
                    render: (_, h) => `${h.officerName}（${h.officerId}）`,
                  },
                  { title: t('pages.posts.from'), dataIndex: 'from', width: 120 },
                  {
                    title: t('pages.posts.lastDay'),
                    dataIndex: 'to',
                    width: 120,
                    render: (v: string | null) => v ?? t('pages.posts.open'),
                  },
                  {
                    title: t('pages.posts.state'),
                    key: 'state',
                    width: 100,
                    render: (_, h) => holderState(h),
                  },
                  ...(p.permissions.update
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'a',
                          width: 100,
                          render: (_: unknown, h: PostHolder) =>
                            (h.to === null || h.to >= (posts.data?.on ?? '')) && (
                              <Typography.Link
                                onClick={() => open('end', p, h)}
                                data-testid="post-holder-end"
                              >
                                {t('pages.posts.action.end')}
                              </Typography.Link>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('pages.posts.name'),
              dataIndex: 'name',
              width: 180,
              render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
            },
            {
              title: t('pages.posts.stages'),
              dataIndex: 'stages',
              width: 220,
              render: (stages: Post['stages']) => (
                <Flex gap={4} wrap>
                  {stages.map((s) => (
                    <Tag key={s} color="blue">
                      {t(`pages.posts.stage.${s}`)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('pages.posts.codes'),
              dataIndex: 'codes',
              render: (codes: string[]) =>
                codes.length === 0 ? (
                  <Typography.Text type="secondary">{t('pages.posts.allItems')}</Typography.Text>
                ) : (
                  <Flex gap={4} wrap>
                    {codes.map((c) => (
                      <Tag key={c}>{names.get(c) ? `${names.get(c)}（${c}）` : c}</Tag>
                    ))}
                  </Flex>
                ),
            },
            {
              title: t('pages.posts.holders'),
              key: 'holders',
              render: (_, p) => {
                const current = p.holders.filter((h) => h.current);
                return current.length === 0 ? (
                  <Typography.Text type="warning">{t('pages.posts.vacant')}</Typography.Text>
                ) : (
                  <span data-testid={`post-current-${p.name}`}>
                    {current.map((h) => h.officerName).join(t('pages.posts.sep'))}
                  </span>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              render: (_, p) =>
                p.permissions.update && (
                  <Flex gap={12}>
                    <Typography.Link onClick={() => open('assign', p)} data-testid={`post-assign-${p.name}`}>
                      {t('pages.posts.action.assign')}
                    </Typography.Link>
                    <Typography.Link onClick={() => open('edit', p)} data-testid={`post-edit-${p.name}`}>
                      {t('common.edit')}
                    </Typography.Link>
                  </Flex>
                ),
            },
          ]}
        />
      )}
      <PostModal
        subject={modal?.subject ?? null}
        action={modal?.action ?? null}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          posts.reload();
        }}
      />
    </Space>
  );
}

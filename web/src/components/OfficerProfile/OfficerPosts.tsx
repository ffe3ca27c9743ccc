// An officer's posts and duties (岗位与职责, GET /officers/:id/duties): every post held with its
// stages and dates, and for the posts held today the items of the agency's list in force each
// answers for, with their 责任事项 of the post's stages.
import { Card, Collapse, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { type OfficerDuties, officerDuties } from '../../services/posts';
import { LoadError } from '../Status';

type Held = OfficerDuties['held'][number];

export default function OfficerPosts({ officerId }: { officerId: string }) {
  const { t } = useIntl();
  const duties = useApi((signal) => officerDuties(officerId, signal), [officerId]);
  const d = duties.data;
  const stageTags = (stages: Held['stages']) => (
    <Flex gap={4} wrap>
      {stages.map((s) => (
        <Tag key={s} color="blue">
          {t(`pages.posts.stage.${s}`)}
        </Tag>
      ))}
    </Flex>
  );
  return (
    <Card
      title={t('pages.posts.officerTitle')}
      variant="borderless"
      style={{ marginTop: 16 }}
      data-testid="officer-posts"
    >
      {duties.error ? (
        <LoadError error={duties.error} onRetry={duties.reload} />
      ) : !d ? (
        <Skeleton active />
      ) : d.held.length === 0 ? (
        <Empty description={t('pages.posts.noPosts')} />
      ) : (
        <Flex vertical gap={16}>
          <Table<Held>
            size="small"
            rowKey={(h) => `${h.postId}-${h.from}`}
            dataSource={d.held}
            pagination={false}
            scroll={{ x: 560 }}
            columns={[
              {
                title: t('pages.posts.name'),
                dataIndex: 'postName',
                render: (n: string, h) => (
                  <Flex gap={6} align="center">
                    <span>{n}</span>
                    {h.current && <Tag color="green">{t('pages.posts.onPost')}</Tag>}
                  </Flex>
                ),
              },
              { title: t('pages.posts.stages'), dataIndex: 'stages', render: stageTags },
              { title: t('pages.posts.from'), dataIndex: 'from', width: 110 },
              {
                title: t('pages.posts.lastDay'),
                dataIndex: 'to',
                width: 110,
                render: (v: string | null) => v ?? t('pages.posts.open'),
              },
            ]}
          />
          {d.duties.length > 0 && (
            <Collapse
              size="small"
              data-testid="officer-duties"
              items={d.duties.map((p) => ({
                key: p.postId,
                label: t('pages.posts.dutiesOf', { post: p.postName, n: p.items.length }),
                children:
                  p.items.length === 0 ? (
                    <Typography.Text type="secondary">{t('pages.posts.noDuties')}</Typography.Text>
                  ) : (
                    <Flex vertical gap={8}>
                      {p.items.map((i) => (
                        <div key={i.code}>
                          <Typography.Text strong>{i.name}</Typography.Text>{' '}
                          <Typography.Text type="secondary">{i.code}</Typography.Text>
                          {i.duties.map((text) => (
                            <div key={text}>
                              <Typography.Text>{text}</Typography.Text>
                            </div>
                          ))}
                        </div>
                      ))}
                    </Flex>
                  ),
              }))}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}

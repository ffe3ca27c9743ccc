// Results per agency: answers by audience, each item's mean, the mean and its 100-point score, the
// codes issued and used, the comments' moderation; and the approved comments (the office reads every
// comment in its moderation tab).
import { Card, Descriptions, Empty, Flex, List, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { evaluationAnswers, evaluationResults } from '../service';
import type { EvaluationCampaign, EvaluationResults } from '../types';

type AgencyRow = EvaluationResults['agencies'][number];

export default function Results({ campaign }: { campaign: EvaluationCampaign }) {
  const { t } = useIntl();
  const results = useApi(
    (signal) => evaluationResults(campaign.id, signal),
    [campaign.id, campaign.version, campaign.answers],
  );
  const comments = useApi(
    (signal) => evaluationAnswers(campaign.id, { moderation: 'approved' }, signal),
    [campaign.id, campaign.version, campaign.pending],
  );
  const f = (k: string) => t(`pages.evaluation.field.${k}`);
  const r = results.data;

  const columns: TableColumnsType<AgencyRow> = [
    { title: f('agency'), dataIndex: 'agencyName', fixed: 'left', width: 180 },
    { title: f('responses'), dataIndex: 'responses', width: 90, align: 'right' },
    ...campaign.audiences.map((a) => ({
      title: t(`enums.evaluationAudience.${a}`),
      key: a,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, row: AgencyRow) => {
        const x = row.byAudience.find((b) => b.audience === a)!;
        return x.responses === 0 ? '—' : `${x.responses}（${x.mean}）`;
      },
    })),
    ...campaign.form.items.map((i) => ({
      title: i.label,
      key: i.key,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, row: AgencyRow) => row.items.find((x) => x.key === i.key)?.mean ?? '—',
    })),
    {
      title: f('mean'),
      dataIndex: 'mean',
      width: 90,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: f('score100'),
      dataIndex: 'score100',
      width: 110,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : <Typography.Text strong>{v}</Typography.Text>),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Table<AgencyRow>
        rowKey="agencyId"
        size="small"
        loading={results.loading}
        columns={columns}
        dataSource={r?.agencies ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="evaluation-results"
        expandable={{
          expandedRowRender: (row) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('pages.evaluation.tab.comments')}>
                {t('pages.evaluation.commentsSummary', row.comments)}
              </Descriptions.Item>
              {(r?.invitations ?? [])
                .filter((i) => i.agencyId === row.agencyId)
                .map((i) => (
                  <Descriptions.Item key={i.audience} label={t(`enums.evaluationAudience.${i.audience}`)}>
                    {t('pages.evaluation.codesSummary', i)}
                  </Descriptions.Item>
                ))}
            </Descriptions>
          ),
        }}
      />
      <Card size="small" title={t('pages.evaluation.tab.comments')}>
        {(comments.data?.items ?? []).length === 0 ? (
          <Empty description={t('pages.evaluation.noComments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            dataSource={comments.data?.items ?? []}
            data-testid="evaluation-comments"
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Flex gap={8}>
                      {a.agencyName}
                      <Tag>{t(`enums.evaluationAudience.${a.audience}`)}</Tag>
                    </Flex>
                  }
                  description={a.comment}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}

// Officers on early warning (过错预警): repeated faults within the rolling year of Art. 19(2),
// with the thresholds of the pack, and each officer's record — findings and sustained
// faults — expandable, linked to the acts and cases behind them; beside the thresholds, each
// officer's faults per 100 acts against the same agency's officers of the same act kind (the
// percentile, the reason in words), and the officers that comparison alone puts on watch.
import { Card, Empty, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import FaultHistory from '../../../components/FaultHistory';
import { ResponsiveTable } from '../../../components/ListTable';
import { LoadError } from '../../../components/Status';
import type { ApiState } from '../../../hooks/useApi';
import { useRuleLabel } from '../../../hooks/useRuleLabel';
import { useIntl } from '../../../locales/intl';
import { useUser } from '../../../session';
import type { EarlyWarning, PeerWarning } from '../../../types/supervision';
import PeerTable from './PeerTable';

export default function EarlyWarningCard({
  state,
  agencyId,
}: {
  state: ApiState<{ asOf: string; items: EarlyWarning[]; peers?: PeerWarning[] }>;
  /** Only this agency's officers (the dashboard's agency filter). */
  agencyId?: string;
}) {
  const { t } = useIntl();
  const user = useUser();
  const access = accessOf(user);
  const _ruleLabel = useRuleLabel();
  const items = (state.data?.items ?? []).filter((w) => !agencyId || w.agencyId === agencyId);
  const peers = (state.data?.peers ?? []).filter((p) => !agencyId || p.agency === agencyId);
  const first = items[0];

  const columns: TableColumnsType<EarlyWarning> = [
    {
      title: t('pages.supervision.warning.officer'),
      dataIndex: 'name',
      width: 170,
      render: (_, w) => (
        <Flex vertical>
          {access.officers ? (
            <Link to={`/officers/${encodeURIComponent(w.officerId)}`} data-testid="warning-officer">
              {w.name}
            </Link>
          ) : (
            <span data-testid="warning-officer">{w.name}</span>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.officerId}
            {w.post ? ` · ${w.post}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('pages.supervision.field.agency'), dataIndex: 'agencyName', ellipsis: true },
    {
      title: t('pages.supervision.warning.level'),
      dataIndex: 'level',
      width: 90,
      render: (l: EarlyWarning['level']) => (
        <Tag color={l === 'warning' ? 'error' : 'warning'} data-testid="warning-level">
          {t(`enums.warningLevel.${l}`)}
        </Tag>
      ),
    },
    {
      title: t('pages.supervision.warning.faults'),
      dataIndex: 'faults',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.faults - b.faults,
    },
    {
      title: t('pages.supervision.warning.findings'),
      dataIndex: 'findings',
      width: 90,
      align: 'right',
    },
    {
      title: t('pages.supervision.warning.sustained'),
      dataIndex: 'sustained',
      width: 90,
      align: 'right',
    },
    {
      title: t('pages.supervision.warning.reasons'),
      dataIndex: 'reasons',
      render: (r: string[]) => (
        <Flex vertical gap={2}>
          {r.map((x) => (
            <Typography.Text key={x} style={{ fontSize: 13 }}>
              {x}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={t('pages.supervision.warning.title')}
      variant="borderless"
      data-testid="early-warning"
      extra={
        state.data && (
          <Typography.Text type="secondary">
            {t('pages.supervision.warning.asOf')} {state.data.asOf}
          </Typography.Text>
        )
      }
    >
      {first && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('pages.supervision.warning.hint', {
            pack: first.pack,
            attention: first.thresholds.attentionAt,
            warning: first.thresholds.warningAt,
          })}
        </Typography.Paragraph>
      )}
      {state.error ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : (
        <ResponsiveTable<EarlyWarning>
          size="middle"
          rowKey="officerId"
          loading={state.loading}
          columns={columns}
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('pages.supervision.warning.empty')}
              />
            ),
          }}
          expandable={{
            expandedRowRender: (w) => (
              <Flex vertical gap={8} data-testid="warning-history">
                <Typography.Text type="secondary">
                  {t('pages.supervision.warning.window')}：{w.window.from} — {w.window.to}
                </Typography.Text>
                <FaultHistory history={w.history} />
                {w.peer.length > 0 && <PeerTable rows={w.peer} />}
              </Flex>
            ),
          }}
        />
      )}
      {peers.length > 0 && (
        <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="peer-watch">
          <Typography.Text strong>{t('pages.supervision.peer.title')}</Typography.Text>
          <PeerTable rows={peers} named />
        </Flex>
      )}
    </Card>
  );
}

// An officer's fault record in the early-warning window: findings on acts they handled and
// faults sustained in accountability cases, each linked to its act or case.
import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { accessOf } from '../access';
import { useRuleLabel } from '../hooks/useRuleLabel';
import { useIntl } from '../locales/intl';
import { withQuery } from '../services/request';
import { useUser } from '../session';
import type { FaultEntry } from '../types/supervision';
import { ResponsiveTable } from './ListTable';

export default function FaultHistory({ history }: { history: FaultEntry[] }) {
  const { t } = useIntl();
  const access = accessOf(useUser());
  const ruleLabel = useRuleLabel();
  const historyColumns: TableColumnsType<FaultEntry> = [
    {
      title: t('pages.supervision.warning.date'),
      dataIndex: 'date',
      width: 110,
      render: (d: string | null) => d ?? t('common.none'),
    },
    {
      title: t('pages.supervision.warning.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: FaultEntry['kind']) => (
        <Tag color={k === 'sustained' ? 'red' : 'orange'}>{t(`enums.faultKind.${k}`)}</Tag>
      ),
    },
    {
      title: t('pages.supervision.warning.detail'),
      dataIndex: 'detail',
      render: (d: string, f) => (
        <Flex vertical>
          {f.rule && <Typography.Text strong>{ruleLabel(f.rule)}</Typography.Text>}
          <Typography.Text type="secondary">{d}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.supervision.warning.source'),
      key: 'source',
      width: 200,
      render: (_, f) =>
        f.caseId && access.cases ? (
          <Link to={`/cases/${encodeURIComponent(f.caseId)}`}>{f.caseNumber ?? f.caseId}</Link>
        ) : f.actId && access.supervision ? (
          <Link to={withQuery('/supervision/acts', { act: f.actId, q: f.actId })}>{f.actId}</Link>
        ) : (
          (f.caseNumber ?? f.actId ?? t('common.none'))
        ),
    },
  ];

  return (
    <ResponsiveTable<FaultEntry>
      size="small"
      rowKey={(f) => `${f.kind}|${f.actId ?? ''}|${f.caseId ?? ''}|${f.rule ?? ''}|${f.date ?? ''}`}
      columns={historyColumns}
      dataSource={history}
      pagination={false}
    />
  );
}

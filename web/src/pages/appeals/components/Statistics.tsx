// 救济统计: of the appeals the reader may see — how many, how many the panel upheld, changed
// (lighter) or revoked, how many were rejected, withdrawn or are under way, the share that gave
// relief; the same by year (a chart) and by year and agency (a table).
import { CheckCircleOutlined, FlagOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { StatGrid } from '../../../components/StatCard';
import { LoadError } from '../../../components/Status';
import { YearAgencyTable } from '../../../components/YearAgencyTable';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import {
  type AppealFigures,
  type AppealFiguresRow,
  appealFigures,
  reliefRate,
} from '../../../services/appeal-stats';
import { appealStatistics } from '../../../services/appeals';
import { APPEAL_STAGES, type AppealStage } from '../../../types/appeal';
import type { YearFigures } from './StatisticsChart';

const StatisticsChart = lazy(() => import('./StatisticsChart'));

function byYear(rows: AppealFiguresRow[]): YearFigures[] {
  const years = new Map<number, YearFigures>();
  for (const r of rows) {
    const y = years.get(r.year) ?? {
      year: r.year,
      appeals: 0,
      upheld: 0,
      changed: 0,
      revoked: 0,
      rejected: 0,
      withdrawn: 0,
      pending: 0,
    };
    for (const k of ['appeals', 'upheld', 'changed', 'revoked', 'rejected', 'withdrawn', 'pending'] as const)
      y[k] += r[k];
    years.set(r.year, y);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export default function Statistics() {
  const { t } = useIntl();
  const stats = useApi((signal) => appealStatistics(signal), []);
  // The panel's appeals, or the office's 复核: one at a time (the same figures mean different things).
  const [stage, setStage] = useState<AppealStage>('appeal');
  const figures = useMemo(
    () => (stats.data ? appealFigures(stats.data.rows.filter((r) => r.stage === stage)) : null),
    [stats.data, stage],
  );
  const years = useMemo(() => (figures ? byYear(figures.byYearAgency) : []), [figures]);
  const labels = useMemo(
    () => ({
      upheld: t('enums.appealOutcome.upheld'),
      changed: t('enums.appealOutcome.changed'),
      revoked: t('enums.appealOutcome.revoked'),
      other: t('pages.appeals.stats.other'),
    }),
    [t],
  );
  if (stats.error) return <LoadError error={stats.error} onRetry={stats.reload} />;
  if (!figures) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { totals, byYearAgency } = figures;
  const rate = reliefRate(totals);

  return (
    <Flex vertical gap={16} data-testid="appeals-statistics">
      <Segmented<AppealStage>
        value={stage}
        onChange={setStage}
        options={APPEAL_STAGES.map((s) => ({ value: s, label: t(`pages.appeals.stats.stage.${s}`) }))}
        data-testid="appeals-statistics-stage"
        style={{ alignSelf: 'start' }}
      />
      <StatGrid
        span={{ xs: 12, lg: 6 }}
        cards={[
          {
            title: t('pages.appeals.stats.appeals', { pending: totals.pending }),
            value: totals.appeals,
            icon: <FlagOutlined />,
            color: '#1677ff',
            testId: 'appeals-stat-appeals',
          },
          {
            title: t('enums.appealOutcome.upheld'),
            value: totals.upheld,
            icon: <CheckCircleOutlined />,
            color: '#8c8c8c',
            testId: 'appeals-stat-upheld',
          },
          {
            title: t('enums.appealOutcome.changed'),
            value: totals.changed,
            icon: <SwapOutlined />,
            color: '#1677ff',
            testId: 'appeals-stat-changed',
          },
          {
            title: t('enums.appealOutcome.revoked'),
            value: totals.revoked,
            icon: <RollbackOutlined />,
            color: '#52c41a',
            testId: 'appeals-stat-revoked',
          },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            title={t('pages.appeals.stats.byYear')}
            variant="borderless"
            size="small"
            extra={
              rate !== null && (
                <Typography.Text type="secondary">{t('pages.appeals.stats.rate', { rate })}</Typography.Text>
              )
            }
          >
            {years.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.appeals.stats.none')} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <StatisticsChart years={years} labels={labels} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <YearAgencyTable<AppealFigures>
            title={t('pages.appeals.stats.byYearAgency')}
            rows={byYearAgency}
            testId="appeals-stats-table"
            yearTitle={t('pages.appeals.stats.year')}
            agencyTitle={t('pages.appeals.field.agency')}
            count={{ title: t('pages.appeals.stats.appealsShort'), dataIndex: 'appeals', width: 70 }}
            figures={[
              { title: t('enums.appealOutcome.upheld'), dataIndex: 'upheld', width: 90 },
              { title: t('enums.appealOutcome.changed'), dataIndex: 'changed', width: 90 },
              { title: t('enums.appealOutcome.revoked'), dataIndex: 'revoked', width: 90 },
              { title: t('enums.appealState.rejected'), dataIndex: 'rejected', width: 80 },
              { title: t('pages.appeals.stats.pendingShort'), dataIndex: 'pending', width: 70 },
            ]}
            rateTitle={t('pages.appeals.stats.rateShort')}
            rate={reliefRate}
          />
        </Col>
      </Row>
    </Flex>
  );
}

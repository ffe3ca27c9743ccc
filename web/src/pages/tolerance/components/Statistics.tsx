// 容错统计: of the applications the reader may see — how many, how many granted tolerance (免责 and
// 从轻减轻), rejected, declined and under way; why rejections were made (each unmet condition and
// each item of the negative list, counted); and the same figures by year and agency.
import {
  CloseCircleOutlined,
  FileProtectOutlined,
  HourglassOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Typography } from 'antd';
import { StatGrid } from '../../../components/StatCard';
import { LoadError } from '../../../components/Status';
import { YearAgencyTable } from '../../../components/YearAgencyTable';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { toleranceStatistics } from '../../../services/tolerance';
import { grantRate, type ToleranceFigures, toleranceFigures } from '../../../services/tolerance-stats';
import { TOLERANCE_CONDITIONS, TOLERANCE_EXCLUSIONS } from '../../../types/tolerance';

export default function Statistics() {
  const { t } = useIntl();
  const stats = useApi((signal) => toleranceStatistics(signal), []);
  if (stats.error) return <LoadError error={stats.error} onRetry={stats.reload} />;
  if (!stats.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { totals, byYearAgency } = toleranceFigures(stats.data.rows);
  const rate = grantRate(totals);
  const reasonLabel = (reason: string, fallback: string) =>
    (TOLERANCE_CONDITIONS as readonly string[]).includes(reason)
      ? t('pages.tolerance.unmet', { item: t(`pages.tolerance.condition.${reason}`) })
      : (TOLERANCE_EXCLUSIONS as readonly string[]).includes(reason)
        ? t(`pages.tolerance.exclusion.${reason}`)
        : fallback;
  const maxReason = Math.max(1, ...stats.data.rejectedFor.map((r) => r.n));

  return (
    <Flex vertical gap={16} data-testid="tolerance-statistics">
      <StatGrid
        span={{ xs: 12, lg: 6 }}
        cards={[
          {
            title: t('pages.tolerance.stats.applications'),
            value: totals.applications,
            icon: <FileProtectOutlined />,
            color: '#1677ff',
            testId: 'tolerance-stat-applications',
          },
          {
            title: t('pages.tolerance.stats.granted', { exempt: totals.exempt, mitigate: totals.mitigate }),
            value: totals.granted,
            icon: <SafetyCertificateOutlined />,
            color: '#52c41a',
            testId: 'tolerance-stat-granted',
          },
          {
            title: t('pages.tolerance.stats.rejected', { declined: totals.declined }),
            value: totals.rejected,
            icon: <CloseCircleOutlined />,
            color: '#ff4d4f',
            testId: 'tolerance-stat-rejected',
          },
          {
            title: t('pages.tolerance.stats.pending'),
            value: totals.pending,
            icon: <HourglassOutlined />,
            color: '#faad14',
            testId: 'tolerance-stat-pending',
          },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            title={t('pages.tolerance.stats.rejectedFor')}
            variant="borderless"
            size="small"
            extra={
              rate !== null && (
                <Typography.Text type="secondary">
                  {t('pages.tolerance.stats.rate', { rate })}
                </Typography.Text>
              )
            }
          >
            {stats.data.rejectedFor.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('pages.tolerance.stats.noRejection')}
              />
            ) : (
              <Flex vertical gap={8} data-testid="tolerance-rejected-for">
                {stats.data.rejectedFor.map((r) => (
                  <div key={r.reason}>
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text ellipsis>{reasonLabel(r.reason, r.label)}</Typography.Text>
                      <Typography.Text strong>{r.n}</Typography.Text>
                    </Flex>
                    <Progress
                      percent={(r.n / maxReason) * 100}
                      showInfo={false}
                      size="small"
                      strokeColor="#ff7875"
                    />
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <YearAgencyTable<ToleranceFigures>
            title={t('pages.tolerance.stats.byYearAgency')}
            rows={byYearAgency}
            testId="tolerance-stats-table"
            yearTitle={t('pages.tolerance.stats.year')}
            agencyTitle={t('pages.tolerance.field.agency')}
            count={{
              title: t('pages.tolerance.stats.applicationsShort'),
              dataIndex: 'applications',
              width: 70,
            }}
            figures={[
              { title: t('enums.toleranceOutcome.exempt'), dataIndex: 'exempt', width: 70 },
              { title: t('enums.toleranceOutcome.mitigate'), dataIndex: 'mitigate', width: 90 },
              { title: t('enums.toleranceOutcome.reject'), dataIndex: 'rejected', width: 80 },
              { title: t('enums.toleranceState.declined'), dataIndex: 'declined', width: 80 },
              { title: t('pages.tolerance.stats.pendingShort'), dataIndex: 'pending', width: 70 },
            ]}
            rateTitle={t('pages.tolerance.stats.rateShort')}
            rate={grantRate}
          />
        </Col>
      </Row>
    </Flex>
  );
}

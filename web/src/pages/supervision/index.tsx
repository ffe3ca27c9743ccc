// The supervision dashboard (全程监督): what the detection rules found in the enforcement acts
// of one's jurisdiction — figures, findings by rule and by month, agencies' faults found
// against faults pursued, and the officers on early warning (Art. 19(2)). Every figure drills
// down to the acts behind it; the findings export as .xlsx. Filters live in the URL.
import {
  AuditOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  FileSearchOutlined,
  PercentageOutlined,
  ReloadOutlined,
  StopOutlined,
  UnorderedListOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { accessOf } from '../../access';
import { AgencySelect } from '../../components/Filters';
import { PageContainer } from '../../components/PageContainer';
import { StatGrid } from '../../components/StatCard';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useRuleLabel } from '../../hooks/useRuleLabel';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { monthRange } from '../../services/dates';
import { percent } from '../../services/format';
import { withQuery } from '../../services/request';
import { exportUrl, getEarlyWarning, getSummary } from '../../services/supervision';
import { useUser } from '../../session';
import type { ActFilter, SummaryFilter } from '../../types/supervision';
import AgencyTable from './components/AgencyTable';
import EarlyWarningCard from './components/EarlyWarningCard';
import Freshness from './components/Freshness';

const SupervisionCharts = lazy(() => import('./components/Charts'));

export default function SupervisionPage() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const ruleLabel = useRuleLabel();
  const { values, update } = useSearchState();
  const [tick, setTick] = useState(0);
  const access = accessOf(user);
  const singleAgency = user.role === 'agency_legal';
  const filter: SummaryFilter = { agencyId: values.agencyId, from: values.from, to: values.to };
  const summary = useApi((signal) => getSummary(filter, signal), [JSON.stringify(filter)]);
  // Early warning as of the end of the chosen period (default today).
  const warnings = useApi((signal) => getEarlyWarning(filter.to, signal), [filter.to]);

  /** The acts list, filtered as the dashboard is, narrowed by what was clicked. */
  const drill = (more: ActFilter) =>
    navigate(withQuery('/supervision/acts', { ...filter, flagged: 'true', ...more }));

  const s = summary.data;
  const rate = s && s.totals.acts > 0 ? percent(s.totals.findings / s.totals.acts) : null;

  return (
    <PageContainer
      testId="supervision-page"
      title={t('menu.supervision')}
      subTitle={t('pages.supervision.subtitle')}
      extra={
        <>
          <Button
            icon={<UnorderedListOutlined />}
            onClick={() => navigate(withQuery('/supervision/acts', { ...filter }))}
            data-testid="supervision-acts"
          >
            {t('pages.supervision.viewActs')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(filter)}
            download
            disabled={!s || s.totals.findings === 0}
            data-testid="supervision-export"
          >
            {t('pages.supervision.export')}
          </Button>
        </>
      }
    >
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap justify="space-between" align="center">
          <Flex gap={12} wrap>
            {!singleAgency && (
              <AgencySelect
                allowClear
                placeholder={t('pages.supervision.filter.agency')}
                value={values.agencyId}
                onChange={(agencyId) => update({ agencyId })}
                style={{ width: 260 }}
                data-testid="filter-agency"
              />
            )}
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('pages.supervision.filter.period'), '']}
              value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
              onChange={(range) =>
                update({
                  from: range?.[0]?.format('YYYY-MM-DD'),
                  to: range?.[1]?.format('YYYY-MM-DD'),
                })
              }
              data-testid="filter-period"
            />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                summary.reload();
                warnings.reload();
                setTick((n) => n + 1);
              }}
            >
              {t('common.refresh')}
            </Button>
            {(values.agencyId || values.from || values.to) && (
              <Button onClick={() => update({ agencyId: undefined, from: undefined, to: undefined })}>
                {t('common.reset')}
              </Button>
            )}
          </Flex>
          <Freshness
            tick={tick}
            onRun={() => {
              summary.reload();
              warnings.reload();
            }}
          />
        </Flex>
      </Card>

      {summary.error ? (
        <LoadError error={summary.error} onRetry={summary.reload} />
      ) : !s ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : s.totals.acts === 0 && s.totals.findings === 0 ? (
        <Card variant="borderless">
          <Empty description={t('pages.supervision.empty')} data-testid="supervision-empty" />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <StatGrid
            span={{ xs: 12, md: 8, xl: 4 }}
            cards={[
              {
                testId: 'stat-acts',
                title: t('pages.supervision.stat.acts'),
                value: s.totals.acts,
                icon: <AuditOutlined />,
                color: '#1d4f91',
                to: withQuery('/supervision/acts', { ...filter }),
              },
              {
                testId: 'stat-findings',
                title: t('pages.supervision.stat.findings'),
                value: s.totals.findings,
                icon: <FileSearchOutlined />,
                color: '#cf1322',
                to: withQuery('/supervision/acts', { ...filter, flagged: 'true' }),
              },
              {
                testId: 'stat-rate',
                title: t('pages.supervision.stat.findingRate'),
                value: rate ?? 0,
                precision: 1,
                suffix: '%',
                icon: <PercentageOutlined />,
                color: '#fa8c16',
              },
              {
                testId: 'stat-pursued',
                title: t('pages.supervision.stat.pursued'),
                value: s.totals.pursued,
                icon: <CheckCircleOutlined />,
                color: '#389e0d',
                to: access.cases ? '/cases' : undefined,
              },
              {
                testId: 'stat-dismissed',
                title: t('pages.supervision.stat.dismissed'),
                value: s.totals.dismissed,
                icon: <StopOutlined />,
                color: '#8c8c8c',
                to: access.leads ? '/leads?status=dismissed&source=detection' : undefined,
              },
              {
                testId: 'stat-warnings',
                title: t('pages.supervision.stat.warnings'),
                value: (warnings.data?.items ?? []).filter(
                  (w) => !filter.agencyId || w.agencyId === filter.agencyId,
                ).length,
                icon: <WarningOutlined />,
                color: '#d4380d',
              },
            ]}
          />
          <Suspense
            fallback={
              <Card variant="borderless">
                <Skeleton active />
              </Card>
            }
          >
            <SupervisionCharts
              byRule={s.byRule}
              byMonth={s.byMonth}
              ruleLabel={ruleLabel}
              onRule={(rule) => drill({ rule })}
              onMonth={(month) => {
                const m = monthRange(month);
                // Within the dashboard's own period, if one is set.
                drill({
                  from: filter.from && filter.from > m.from ? filter.from : m.from,
                  to: filter.to && filter.to < m.to ? filter.to : m.to,
                });
              }}
            />
          </Suspense>
          {!singleAgency && <AgencyTable rows={s.byAgency} onAgency={(agencyId) => drill({ agencyId })} />}
        </Flex>
      )}
      <div style={{ marginTop: 16 }}>
        <EarlyWarningCard state={warnings} agencyId={filter.agencyId} />
      </div>
    </PageContainer>
  );
}

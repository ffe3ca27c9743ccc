// The dashboard's charts: findings by rule (bars, click → the acts that rule flagged) and the
// monthly trend (acts as bars, findings and the finding rate as lines; click → that month's
// flagged acts). Loaded lazily with ECharts.
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import EChart, { type ChartClick } from '../../../components/EChart';
import { useIntl } from '../../../locales/intl';
import type { MonthFigure, RuleFigure } from '../../../types/supervision';

const BLUE = '#1d4f91';
const RED = '#cf1322';
const ORANGE = '#fa8c16';

export interface ChartsProps {
  byRule: RuleFigure[];
  byMonth: MonthFigure[];
  ruleLabel: (rule: string, fallback: string) => string;
  onRule: (rule: string) => void;
  onMonth: (month: string) => void;
}

export default function SupervisionCharts({ byRule, byMonth, ruleLabel, onRule, onMonth }: ChartsProps) {
  const { t } = useIntl();

  const ruleOption = useMemo(() => {
    // Largest at the top: ECharts draws category axes bottom-up.
    const rows = [...byRule].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => ruleLabel(r.rule, r.label)),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('pages.supervision.stat.findings'),
          data: rows.map((r) => ({ value: r.count, rule: r.rule })),
          itemStyle: { color: RED, borderRadius: [0, 3, 3, 0] },
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [byRule, ruleLabel, t]);

  const trendOption = useMemo(() => {
    const rate = byMonth.map((m) => (m.acts > 0 ? Math.round((m.findings / m.acts) * 1000) / 10 : null));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: byMonth.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('pages.supervision.trend.acts'),
          data: byMonth.map((m) => m.acts),
          itemStyle: { color: `${BLUE}33` },
          barMaxWidth: 22,
        },
        {
          type: 'line',
          name: t('pages.supervision.trend.findings'),
          data: byMonth.map((m) => m.findings),
          itemStyle: { color: RED },
          smooth: true,
        },
        {
          type: 'line',
          name: t('pages.supervision.trend.rate'),
          yAxisIndex: 1,
          data: rate,
          itemStyle: { color: ORANGE },
          lineStyle: { type: 'dashed' },
          tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
        },
      ],
    };
  }, [byMonth, t]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card title={t('pages.supervision.byRule')} variant="borderless" style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('pages.supervision.byRuleHint')}
          </Typography.Paragraph>
          {byRule.length === 0 ? (
            <Empty description={t('pages.supervision.noFindings')} />
          ) : (
            <EChart
              option={ruleOption}
              height={Math.max(200, byRule.length * 32 + 24)}
              testId="chart-by-rule"
              onClick={(e: ChartClick) => {
                const rule = (e.data as { rule?: string } | undefined)?.rule;
                if (rule) onRule(rule);
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('pages.supervision.trend')} variant="borderless" style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('pages.supervision.trendHint')}
          </Typography.Paragraph>
          {byMonth.length === 0 ? (
            <Empty description={t('pages.supervision.noFindings')} />
          ) : (
            <EChart
              option={trendOption}
              height={320}
              testId="chart-trend"
              onClick={(e: ChartClick) => onMonth(e.name)}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

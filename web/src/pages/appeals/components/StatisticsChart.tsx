// The relief figures by year, stacked: upheld, changed, revoked, and those not decided (rejected,
// withdrawn, under way). Loaded lazily with ECharts.
import { useMemo } from 'react';
import EChart from '../../../components/EChart';
import type { AppealFigures } from '../../../services/appeal-stats';

export interface YearFigures extends AppealFigures {
  year: number;
}

export default function StatisticsChart({
  years,
  labels,
}: {
  years: YearFigures[];
  labels: Record<'upheld' | 'changed' | 'revoked' | 'other', string>;
}) {
  const option = useMemo(() => {
    const series = (
      [
        ['upheld', '#8c8c8c', (y: YearFigures) => y.upheld],
        ['changed', '#1677ff', (y: YearFigures) => y.changed],
        ['revoked', '#52c41a', (y: YearFigures) => y.revoked],
        ['other', '#faad14', (y: YearFigures) => y.rejected + y.withdrawn + y.pending],
      ] as const
    ).map(([key, color, value]) => ({
      name: labels[key],
      type: 'bar',
      stack: 'appeals',
      barMaxWidth: 36,
      itemStyle: { color },
      data: years.map(value),
    }));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, icon: 'circle' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [years, labels]);
  return <EChart option={option} height={240} testId="appeals-chart" />;
}

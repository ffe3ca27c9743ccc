// Lines across the years: the pursued rate and the mean totals (the region), or one subject's
// total and pursued rate. Loaded lazily with ECharts.
import { useMemo } from 'react';
import EChart from '../../../components/EChart';

export interface TrendSeries {
  name: string;
  values: (number | null)[];
  color: string;
}

export default function TrendChart({
  years,
  series,
  testId,
  height = 260,
}: {
  years: number[];
  series: TrendSeries[];
  testId: string;
  height?: number;
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, icon: 'circle' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: s.color },
        data: s.values.map((v) => (v === null ? null : Math.round(v * 100) / 100)),
      })),
    }),
    [years, series],
  );
  return <EChart option={option} height={height} testId={testId} />;
}

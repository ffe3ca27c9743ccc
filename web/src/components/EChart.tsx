// One chart: ECharts imported piecemeal (only the chart kinds the console draws), sized to its
// box, resized with the window, and clicks passed on for drill-down. Pages load this module
// lazily, so ECharts stays out of the first download.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
}

export default function EChart({
  option,
  height = 300,
  onClick,
  testId,
}: {
  option: ChartOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    c.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      style={{ height, cursor: onClick ? 'pointer' : undefined }}
      data-testid={testId}
      role="img"
    />
  );
}

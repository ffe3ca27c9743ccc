// Donut of certificate statuses. ECharts is imported piecemeal, and only by this chunk.
import { PieChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartSlice } from './types';

echarts.use([PieChart, TitleComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export default function CertificateChart({
  data,
  total,
  label,
}: {
  data: ChartSlice[];
  total: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { orient: 'vertical', right: 8, top: 'middle', itemGap: 14, icon: 'circle' },
      title: {
        text: String(total),
        subtext: label,
        left: '34%',
        top: '40%',
        textAlign: 'center',
        textStyle: { fontSize: 26, fontWeight: 600, color: '#1f1f1f' },
        subtextStyle: { fontSize: 12, color: '#8c8c8c' },
      },
      series: [
        {
          type: 'pie',
          radius: ['52%', '74%'],
          center: ['35%', '50%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: false },
          data: data.map((d) => ({ name: d.name, value: d.value, itemStyle: { color: d.color } })),
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [data, total, label]);
  return <div ref={ref} style={{ height: 260 }} data-testid="certificate-chart" />;
}

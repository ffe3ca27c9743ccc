// Donut of certificate statuses.
import { useMemo } from 'react';
import EChart from '../../components/EChart';
import type { ChartSlice } from './types';

export default function CertificateChart({
  data,
  total,
  label,
}: {
  data: ChartSlice[];
  total: number;
  label: string;
}) {
  const option = useMemo(
    () => ({
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
    }),
    [data, total, label],
  );
  return <EChart option={option} height={260} testId="certificate-chart" />;
}

// 重叠与缺位: the overlaps, gaps and incomplete items of the jurisdiction's lists in force on a day —
// the supervision office's worklist (an agency's legal office sees what concerns its agency). The
// office handles an overlap here (处理: 明确牵头单位 or 移交编制部门); a settled one leaves the list for
// the 职责边界清单 tab.
import { DownOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Dropdown, Empty, Flex, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { dutyReport, type OverlapAction } from '../service';
import type { WorklistOverlap } from '../types';
import OverlapDecisionModal from './OverlapDecisionModal';
import ReportSections from './ReportSections';

export default function WorklistTab() {
  const { t } = useIntl();
  const { values, update } = useSearchState();
  const report = useApi((signal) => dutyReport(values.on, signal), [values.on]);
  const data = report.data;
  const [deciding, setDeciding] = useState<{ overlap: WorklistOverlap; action: OverlapAction } | null>(null);
  const handle = (o: WorklistOverlap) => (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'resolve', label: t('pages.duties.boundary.action.resolve') },
          { key: 'refer', label: t('pages.duties.boundary.action.refer'), disabled: o.status === 'referred' },
        ],
        onClick: ({ key }) => setDeciding({ overlap: o, action: key as OverlapAction }),
      }}
    >
      <Button size="small" data-testid={`overlap-handle-${o.region}-${o.code}`}>
        {t('pages.duties.boundary.handle')} <DownOutlined />
      </Button>
    </Dropdown>
  );
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center" className="wz-toolbar">
        <DatePicker
          placeholder={t('pages.duties.worklist.on')}
          value={values.on ? dayjs(values.on) : null}
          onChange={(d) => update({ on: d?.format('YYYY-MM-DD') })}
          data-testid="duty-worklist-on"
        />
        <Button icon={<ReloadOutlined />} onClick={report.reload} aria-label={t('common.refresh')} />
        {data && data.items > 0 && (
          <Typography.Text type="secondary">
            {data.on} · {t('pages.duties.worklist.summary', { n: data.items })}
          </Typography.Text>
        )}
        {data && data.settled.length > 0 && (
          <Typography.Link onClick={() => update({ view: 'boundaries' })} data-testid="duty-worklist-settled">
            {t('pages.duties.boundary.settled', { n: data.settled.length })}
          </Typography.Link>
        )}
      </Flex>
      {report.error ? (
        <LoadError error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <Spin />
      ) : data.items === 0 ? (
        <Empty
          data-testid="duty-worklist-empty"
          description={
            <Flex vertical gap={8} align="center" style={{ maxWidth: 560, margin: '0 auto' }}>
              <span>{t('pages.duties.worklist.empty')}</span>
              <Typography.Text type="secondary">{t('pages.duties.worklist.emptyGuide')}</Typography.Text>
            </Flex>
          }
        />
      ) : (
        <ReportSections
          testId="duty-worklist"
          report={{
            overlaps: data.overlaps,
            gaps: data.gaps,
            incomplete: data.incomplete.map((i) => ({ ...i, key: String(i.id) })),
          }}
          overlapAction={data.abilities.resolve ? (o) => handle(o as WorklistOverlap) : undefined}
        />
      )}
      <OverlapDecisionModal
        overlap={deciding?.overlap ?? null}
        action={deciding?.action ?? null}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          report.reload();
        }}
      />
    </Flex>
  );
}

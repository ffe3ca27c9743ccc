// 重叠与缺位: the overlaps, gaps and incomplete items of the jurisdiction's lists in force on a day —
// the supervision office's worklist (an agency's legal office sees what concerns its agency).
import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { dutyReport } from '../service';
import ReportSections from './ReportSections';

export default function WorklistTab() {
  const { t } = useIntl();
  const { values, update } = useSearchState();
  const report = useApi((signal) => dutyReport(values.on, signal), [values.on]);
  const data = report.data;
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
        />
      )}
    </Flex>
  );
}

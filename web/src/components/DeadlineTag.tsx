// A deadline's traffic light: green while there is time, yellow when near, red when past,
// grey when the step is done. The tooltip says which rule-pack parameter sets it.
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useIntl } from '../locales/intl';

export type DeadlineStatus = 'ok' | 'near' | 'overdue' | 'done';

const COLORS: Record<DeadlineStatus, string> = {
  ok: 'success',
  near: 'warning',
  overdue: 'error',
  done: 'default',
};

const ICONS: Record<DeadlineStatus, ReactNode> = {
  ok: <ClockCircleOutlined />,
  near: <ClockCircleOutlined />,
  overdue: <ExclamationCircleOutlined />,
  done: <CheckCircleOutlined />,
};

export interface DeadlineLike {
  label: string;
  dueOn: string;
  status: string;
  source?: string;
  startOn?: string;
  /** Runs into a year whose holiday schedule is not loaded. */
  provisional?: boolean;
}

/** `label 截止 YYYY-MM-DD` in the status colour; `compact` shows the date only. */
export function DeadlineTag({ deadline, compact = false }: { deadline: DeadlineLike; compact?: boolean }) {
  const { t } = useIntl();
  const status = (deadline.status in COLORS ? deadline.status : 'ok') as DeadlineStatus;
  const tag = (
    <Tag
      color={COLORS[status]}
      icon={ICONS[status]}
      data-testid="deadline-tag"
      data-status={status}
      data-provisional={deadline.provisional ? 'true' : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {compact ? deadline.dueOn : t('deadline.due', { label: deadline.label, date: deadline.dueOn })}
      {deadline.provisional ? `（${t('deadline.provisional')}）` : ''}
      {status === 'overdue' || status === 'near' ? ` · ${t(`deadline.status.${status}`)}` : ''}
    </Tag>
  );
  if (!deadline.source) {
    return deadline.provisional ? <Tooltip title={t('deadline.provisionalHint')}>{tag}</Tooltip> : tag;
  }
  return (
    <Tooltip
      title={
        <>
          {deadline.startOn && <div>{t('deadline.startOn', { date: deadline.startOn })}</div>}
          <div>{deadline.source}</div>
          {deadline.provisional && <div>{t('deadline.provisionalHint')}</div>}
        </>
      }
    >
      {tag}
    </Tooltip>
  );
}

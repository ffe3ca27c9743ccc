import { Tag } from 'antd';
import { useIntl } from '../locales/intl';
import type { LeadStatus } from '../types/lead';

const COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  opened: 'green',
  merged: 'purple',
  dismissed: 'default',
};

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useIntl();
  return (
    <Tag color={COLORS[status]} data-testid="lead-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`enums.leadStatus.${status}`)}
    </Tag>
  );
}

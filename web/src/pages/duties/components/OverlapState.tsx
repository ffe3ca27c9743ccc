// Where an overlap of the worklist stands: 待处理; 已移交编制部门 with the referral's number and date
// (the previous split standing until a boundary is recorded); or a boundary in force that does not
// name an agency now leading the power too.
import { Flex, Tag, Typography } from 'antd';
import { useIntl } from '../../../locales/intl';
import type { AgencyRef, DutyResolution, OverlapStatus } from '../types';

const COLORS: Record<OverlapStatus, string> = {
  open: 'default',
  referred: 'processing',
  reopened: 'warning',
};

export default function OverlapState({
  overlap,
}: {
  overlap: { status?: OverlapStatus; resolution?: DutyResolution | null; uncovered?: AgencyRef[] };
}) {
  const { t } = useIntl();
  const { status, resolution, uncovered = [] } = overlap;
  if (!status) return null;
  const referral = resolution?.referral;
  return (
    <Flex vertical gap={2} data-testid={`overlap-status-${status}`}>
      <span>
        <Tag color={COLORS[status]}>{t(`pages.duties.boundary.state.${status}`)}</Tag>
      </span>
      {status === 'referred' && referral && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pages.duties.boundary.referredLine', {
            to: referral.referredTo,
            number: referral.number,
            on: referral.referredOn,
          })}
        </Typography.Text>
      )}
      {status === 'reopened' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pages.duties.boundary.uncovered', { agencies: uncovered.map((a) => a.name).join('、') })}
        </Typography.Text>
      )}
    </Flex>
  );
}

// A registration's state in its colour: awaiting review blue, accepted green, returned orange,
// withdrawn grey.
import { Tag } from 'antd';
import { useIntl } from '../../../locales/intl';
import type { PreRegistrationState } from '../../../types/pre-registration';

const COLORS: Record<PreRegistrationState, string> = {
  submitted: 'processing',
  accepted: 'success',
  returned: 'warning',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: PreRegistrationState }) {
  const { t } = useIntl();
  return (
    <Tag
      color={COLORS[state]}
      data-testid="pre-registration-state"
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.preRegistrationState.${state}`)}
    </Tag>
  );
}

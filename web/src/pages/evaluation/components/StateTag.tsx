// An evaluation's state as a tag.
import { Tag } from 'antd';
import { useIntl } from '../../../locales/intl';
import type { EvaluationCampaignState } from '../types';

export function EvaluationStateTag({ state }: { state: EvaluationCampaignState }) {
  const { t } = useIntl();
  return (
    <Tag color={state === 'open' ? 'blue' : 'green'} data-testid="evaluation-state" data-state={state}>
      {t(`enums.evaluationState.${state}`)}
    </Tag>
  );
}

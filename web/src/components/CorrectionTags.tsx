// 纠错措施 in tags and dates, wherever a measure shows: its state (整改中 blue, 已报告整改 gold,
// 复查通过 green, 复查发现再次发生 red) and its due date, red and marked once past while the measure
// is still open or reported.
import { Tag, Typography } from 'antd';
import { useIntl } from '../locales/intl';
import type { Correction, MeasureState } from '../types/correction';

const STATE_COLORS: Record<MeasureState, string> = {
  open: 'processing',
  reported: 'gold',
  cleared: 'success',
  recurred: 'error',
};

export function MeasureStateTag({ state }: { state: MeasureState }) {
  const { t } = useIntl();
  return (
    <Tag
      color={STATE_COLORS[state]}
      data-testid="correction-state"
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.measureState.${state}`)}
    </Tag>
  );
}

export function MeasureDue({ m, inline }: { m: Pick<Correction, 'dueOn' | 'overdue'>; inline?: boolean }) {
  const { t } = useIntl();
  return (
    <Typography.Text
      type={m.overdue ? 'danger' : undefined}
      strong={m.overdue}
      data-testid="correction-due"
      data-overdue={m.overdue ? 'true' : 'false'}
    >
      {m.dueOn}
      {m.overdue &&
        (inline ? (
          ` · ${t('pages.corrections.overdue')}`
        ) : (
          <>
            <br />
            <span style={{ fontSize: 12 }}>{t('pages.corrections.overdue')}</span>
          </>
        ))}
    </Typography.Text>
  );
}

// An officer's early-warning standing (Art. 19(2)) on their profile: the level and why, with the
// record behind it — or that they are under the pack's thresholds.
import { Alert, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useApi } from '../hooks/useApi';
import { useIntl } from '../locales/intl';
import { getEarlyWarning } from '../services/supervision';
import FaultHistory from './FaultHistory';
import { LoadError } from './Status';

export default function OfficerWarning({ officerId }: { officerId: string }) {
  const { t } = useIntl();
  const state = useApi((signal) => getEarlyWarning(undefined, signal, officerId), [officerId]);
  const w = state.data?.items[0];
  return (
    <Card title={t('pages.supervision.warning.title')} variant="borderless" data-testid="officer-warning">
      {state.error ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Skeleton active />
      ) : !w ? (
        <Typography.Text type="secondary">
          {t('pages.supervision.warning.none', { asOf: state.data.asOf })}
        </Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Alert
            type={w.level === 'warning' ? 'error' : 'warning'}
            showIcon
            title={
              <Flex gap={8} align="center">
                <Tag color={w.level === 'warning' ? 'error' : 'warning'}>
                  {t(`enums.warningLevel.${w.level}`)}
                </Tag>
                {w.reasons.join('；')}
              </Flex>
            }
            description={`${t('pages.supervision.warning.window')}：${w.window.from} — ${w.window.to}`}
          />
          <FaultHistory history={w.history} />
        </Flex>
      )}
    </Card>
  );
}

// How fresh the figures are: when acts of the jurisdiction last came in, and the last full
// detection run (nightly at 02:00, or started by an administrator — who can start one here).
import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { getFreshness, runDetection } from '../../../services/supervision';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

export default function Freshness({ tick, onRun }: { tick: number; onRun: () => void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const state = useApi((signal) => getFreshness(signal), [tick]);
  const [running, setRunning] = useState(false);
  const f = state.data;
  if (!f) return null;
  const run = f.runs[0];

  const start = async () => {
    setRunning(true);
    try {
      const r = await runDetection();
      message.success(
        t('pages.supervision.run.done', { acts: r.acts, findings: r.findings, created: r.created }),
      );
      state.reload();
      onRun();
    } catch (e) {
      showError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Flex gap={16} align="center" wrap data-testid="supervision-freshness">
      <Typography.Text type="secondary">
        {t('pages.supervision.run.lastImport', { at: f.lastImport ? when(f.lastImport) : t('common.none') })}
      </Typography.Text>
      <Tooltip
        title={
          run &&
          t('pages.supervision.run.detail', {
            asOf: run.asOf,
            acts: run.acts,
            created: run.created,
            removed: run.removed,
            seconds: (run.ms / 1000).toFixed(1),
          })
        }
      >
        <Typography.Text type="secondary" data-testid="supervision-last-run">
          {t('pages.supervision.run.last', {
            at: run
              ? `${when(run.at)}（${t(`pages.supervision.run.trigger.${run.trigger}`)}，${t(
                  'pages.supervision.run.findings',
                  { n: run.findings },
                )}）`
              : t('pages.supervision.run.never'),
          })}
        </Typography.Text>
      </Tooltip>
      {f.permissions.run && (
        <Popconfirm
          title={t('pages.supervision.run.confirm')}
          description={t('pages.supervision.run.confirmHint')}
          onConfirm={start}
        >
          <Button
            size="small"
            icon={<SyncOutlined spin={running} />}
            loading={running}
            data-testid="supervision-run"
          >
            {t('pages.supervision.run.button')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

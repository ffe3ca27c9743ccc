// The correction measures of one tolerance application (纠错, on its page): once the application is
// decided 免责 or 从轻减轻 the supervision office sets measures for the fault (设定纠错措施); each
// measure with its state and due date opens in the measure's drawer, where the agency reports it and
// the office re-checks it.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import CorrectionForm from '../../../components/CorrectionForm';
import { MeasureDue, MeasureStateTag } from '../../../components/CorrectionTags';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { listCorrections } from '../../../services/corrections';
import type { CorrectionTarget } from '../../../types/correction';
import type { ToleranceDetail } from '../../../types/tolerance';
import CorrectionDrawer, { LeadRef } from './CorrectionDrawer';

/** An application that tolerated the fault: decided exempt or mitigate. */
export const tolerated = (a: Pick<ToleranceDetail, 'state' | 'outcome'>) =>
  a.state === 'decided' && (a.outcome === 'exempt' || a.outcome === 'mitigate');

export default function ApplicationCorrections({ application: a }: { application: ToleranceDetail }) {
  const { t } = useIntl();
  const [tick, setTick] = useState(0);
  const [setting, setSetting] = useState<CorrectionTarget | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi(
    (signal) => listCorrections({ applicationId: a.id, page: 1, pageSize: 100 }, signal),
    [a.id, tick],
  );
  const reload = () => setTick((n) => n + 1);
  const canSet = tolerated(a) && a.roles.includes('office');
  const items = list.data?.items ?? [];

  return (
    <Card
      title={t('pages.corrections.application.title')}
      variant="borderless"
      size="small"
      data-testid="tolerance-corrections"
      extra={
        canSet && (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<PlusOutlined />}
            onClick={() => setSetting({ source: 'tolerance', applicationId: a.id })}
            data-testid="tolerance-set-correction"
          >
            {t('pages.corrections.set.tolerance')}
          </Button>
        )
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            canSet ? t('pages.corrections.application.canSet') : t('pages.corrections.application.none')
          }
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(m) => (
            <List.Item data-testid="tolerance-correction" data-state={m.state}>
              <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                <Typography.Link onClick={() => setOpen(m.id)} data-testid="correction-link">
                  {m.measure}
                </Typography.Link>
                <Flex gap={8} wrap align="center">
                  <MeasureStateTag state={m.state} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('pages.corrections.field.responsible')}：{m.responsible}
                  </Typography.Text>
                  <span style={{ fontSize: 12 }}>
                    {t('pages.corrections.field.dueOn')} <MeasureDue m={m} inline />
                  </span>
                  {m.leadId && <LeadRef id={m.leadId} />}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <CorrectionForm
        target={setting}
        subject={t('pages.corrections.subject.tolerance', { number: a.number, name: a.officerName })}
        onClose={() => setSetting(null)}
        onSaved={() => {
          setSetting(null);
          reload();
        }}
      />
      <CorrectionDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
    </Card>
  );
}

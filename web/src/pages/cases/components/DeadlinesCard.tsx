// Every deadline of the case on the working-day calendar: what, from when, until when, its
// colour (green / yellow near / red past / grey done) and which rule-pack parameter sets it.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tooltip, Typography } from 'antd';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { useIntl } from '../../../locales/intl';
import type { Deadline } from '../../../types/case';

export default function DeadlinesCard({
  deadlines,
  extensions,
}: {
  deadlines: Deadline[];
  extensions: number;
}) {
  const { t } = useIntl();
  return (
    <Card
      title={t('pages.cases.deadlines.title')}
      variant="borderless"
      size="small"
      data-testid="deadlines-card"
      extra={
        <Tooltip title={t('pages.cases.deadlines.hint')}>
          <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
        </Tooltip>
      }
    >
      {deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={10}>
          {deadlines.map((d) => (
            <Flex key={d.step} vertical gap={2} data-testid={`deadline-${d.step}`} data-status={d.status}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong={d.status !== 'done'}>{d.label}</Typography.Text>
                <DeadlineTag deadline={d} compact />
              </Flex>
              <Tooltip title={d.source} placement="left">
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {t('pages.cases.deadlines.range', { from: d.startOn, to: d.dueOn })} · {d.source}
                </Typography.Text>
              </Tooltip>
            </Flex>
          ))}
        </Flex>
      )}
      {extensions > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '10px 0 0' }}>
          {t('pages.cases.deadlines.extended', { n: extensions })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

// Agencies involved, each with what happened to its act (Art. 25 triggers).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Flex, Input, Typography } from 'antd';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { useIntl } from '../../locales/intl';
import { citeLabel } from '../../services/cite';
import type { AgencyInput, Vocabulary } from '../../types/determination';
import { textLimit } from '../textLimit';

interface Props {
  agencies: AgencyInput[];
  vocabulary: Vocabulary;
  onChange(agencies: AgencyInput[], renamed?: { from: string; to: string }): void;
}

export default function AgenciesSection({ agencies, vocabulary, onChange }: Props) {
  const { t, locale } = useIntl();
  const label = useVocabLabel();
  // The server's limit on an agency's id (src/core/determine/request.ts).
  const idLimit = textLimit(100, t);
  const nextId = () => {
    let n = agencies.length + 1;
    while (agencies.some((a) => a.id === `a${n}`)) n += 1;
    return `a${n}`;
  };
  return (
    <Card
      title={t('pages.simulator.agencies')}
      variant="borderless"
      size="small"
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange([...agencies, { id: nextId(), triggers: [] }])}
        >
          {t('pages.simulator.addAgency')}
        </Button>
      }
      data-testid="agencies-section"
    >
      {agencies.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.simulator.noAgencies')} />
      )}
      <Flex vertical gap={10}>
        {agencies.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids change as typed
          <Flex key={i} gap={10} align="flex-start" wrap>
            <Flex vertical gap={2} style={{ width: 210 }}>
              <Input
                value={a.id}
                count={idLimit.count}
                status={idLimit.over(a.id) ? 'error' : undefined}
                prefix={<Typography.Text type="secondary">{t('pages.simulator.agencyId')}</Typography.Text>}
                onChange={(e) =>
                  onChange(
                    agencies.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)),
                    { from: a.id, to: e.target.value },
                  )
                }
              />
              {idLimit.over(a.id) && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {idLimit.message(a.id)}
                </Typography.Text>
              )}
            </Flex>
            <Checkbox.Group
              value={a.triggers}
              onChange={(v) =>
                onChange(agencies.map((x, j) => (j === i ? { ...x, triggers: v as string[] } : x)))
              }
              style={{ flex: 1, minWidth: 240 }}
            >
              {vocabulary.agencyTriggers.map((tr) => (
                <Checkbox value={tr.code} key={tr.code}>
                  {label('trigger', tr.code, tr.label)}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                    {citeLabel(tr.cite, locale)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              onClick={() => onChange(agencies.filter((_, j) => j !== i))}
              aria-label={t('pages.simulator.removeAgency')}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

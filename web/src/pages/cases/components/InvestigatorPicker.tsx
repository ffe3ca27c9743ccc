// Choosing investigators: the supervision staff whose jurisdiction covers the case
// (GET /cases/:id/investigator-candidates). Those already assigned are shown ticked and
// fixed; those who recused cannot be chosen again. The value is the newly chosen user ids.
import { Checkbox, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useRegions } from '../../../hooks/useRegions';
import { useIntl } from '../../../locales/intl';
import { investigatorCandidates } from '../../../services/cases';

interface Props {
  caseId: string;
  value?: string[];
  onChange?(value: string[]): void;
}

export default function InvestigatorPicker({ caseId, value = [], onChange }: Props) {
  const { t } = useIntl();
  const regions = useRegions();
  const candidates = useApi((signal) => investigatorCandidates(caseId, signal), [caseId]);
  if (candidates.error) return <LoadError error={candidates.error} onRetry={candidates.reload} />;
  if (!candidates.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (candidates.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const toggle = (id: string, on: boolean) => onChange?.(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <Flex vertical gap={4} className="wz-pick-list" data-testid="investigator-picker">
      {candidates.data.map((u) => {
        const fixed = u.assigned || u.recused;
        return (
          <Checkbox
            key={u.userId}
            checked={(u.assigned && !u.recused) || value.includes(u.userId)}
            disabled={fixed}
            onChange={(e) => toggle(u.userId, e.target.checked)}
            data-testid={`candidate-${u.username}`}
          >
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{u.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.username} · {regions.nameOf(u.regionCode) || u.regionCode}
              </Typography.Text>
              {u.assigned && !u.recused && <Tag color="blue">{t('pages.cases.investigators.assigned')}</Tag>}
              {u.recused && <Tag>{t('pages.cases.investigators.recused')}</Tag>}
            </Flex>
          </Checkbox>
        );
      })}
    </Flex>
  );
}

// 岗位归责建议 in the findings form (GET /cases/:id/attribution): for each fault of the request, the
// stage where it arose (the detection rule's, the catalogue item's, or the one the investigator
// picks here), the posts answerable for it and who held them on the act's day; the officers
// proposed, each in the role of their post's stage. A new request prefilled from its lead is also
// prefilled from the proposal for the lead's faults (its officers added, once, when it arrives);
// afterwards 采纳建议 adds the officers a proposal names. The investigator confirms or changes it.
import { Alert, Button, Card, Empty, Flex, Select, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DUTY_STAGES } from '../../../../../src/core/duties/columns';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import { type Attribution, adoptProposal, type DutyStage, getAttribution } from '../../../services/posts';
import type { Facts } from '../../../types/case';

interface Props {
  caseId: string;
  facts: Facts;
  /** The faults a new request was prefilled with from its lead: their proposal is adopted once. */
  prefill: readonly string[] | null;
  onAdopt(patch: Pick<Facts, 'people' | 'decision'>, names: Record<string, string>): void;
}

export default function AttributionCard({ caseId, facts, prefill, onAdopt }: Props) {
  const { t } = useIntl();
  const label = useVocabLabel();
  const [stages, setStages] = useState<Record<string, DutyStage | undefined>>({});
  const [prefilled, setPrefilled] = useState(false);
  const faults = facts.faults;
  const key = faults.map((f) => `${f}:${stages[f] ?? ''}`).join(',');
  const attribution = useApi(
    (signal) =>
      faults.length === 0
        ? Promise.resolve(null)
        : getAttribution(
            caseId,
            faults.map((code) => ({ code, stage: stages[code] })),
            facts.occurredOn || undefined,
            signal,
          ),
    [caseId, key, facts.occurredOn],
  );
  const data = attribution.data;
  const agency =
    data && facts.agencies.some((a) => a.id === data.agency.id) ? data.agency.id : facts.agencies[0]?.id;
  const names = useMemo(
    () => Object.fromEntries((data?.people ?? []).map((p) => [p.officerId, p.name])),
    [data],
  );
  const adopted = data && agency ? adoptProposal(facts, data, agency) : null;
  const pending = adopted !== null && adopted.people !== facts.people;

  // The proposal for the lead's faults goes into the new request once, when it arrives.
  const applied = useRef(false);
  const prefillKey = prefill?.map((f) => `${f}:`).join(',');
  useEffect(() => {
    if (applied.current || !data || !adopted || prefillKey === undefined || key !== prefillKey) return;
    applied.current = true;
    if (adopted.people !== facts.people) {
      onAdopt(adopted, names);
      setPrefilled(true);
    }
  }, [data, adopted, facts.people, names, onAdopt, key, prefillKey]);

  const named = new Set(facts.people.map((p) => p.id));
  const gapText = (f: Attribution['faults'][number]) =>
    f.gap === 'no_stage'
      ? t('pages.posts.gap.no_stage')
      : f.gap === 'no_post'
        ? t('pages.posts.gap.no_post', { stage: t(`pages.posts.stage.${f.stage}`) })
        : f.gap === 'no_holder'
          ? t('pages.posts.gap.no_holder', { on: data?.on ?? '' })
          : null;

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('pages.posts.attribution')}
      data-testid="findings-attribution"
      extra={
        <Flex gap={8} align="center">
          {attribution.loading && <Spin size="small" />}
          <Button
            size="small"
            disabled={!pending}
            onClick={() => adopted && onAdopt(adopted, names)}
            data-testid="attribution-adopt"
          >
            {t('pages.posts.adopt')}
          </Button>
        </Flex>
      }
    >
      {faults.length === 0 ? (
        <Empty description={t('pages.posts.attributionEmpty')} />
      ) : attribution.error ? (
        <LoadError error={attribution.error} onRetry={attribution.reload} />
      ) : !data ? null : (
        <Flex vertical gap={12}>
          {prefilled && (
            <Alert
              type="info"
              showIcon
              title={t('pages.posts.prefilled')}
              data-testid="attribution-prefilled"
            />
          )}
          <Typography.Text type="secondary">
            {t('pages.posts.attributionBasis', { agency: data.agency.name, on: data.on })}
            {data.matter &&
              t('pages.posts.attributionMatter', {
                matter: data.item ? `${data.item.name}（${data.item.code}）` : data.matter,
              })}
          </Typography.Text>
          {data.faults.map((f) => (
            <Flex key={f.code} vertical gap={4} data-testid={`attribution-fault-${f.code}`}>
              <Flex gap={8} align="center" wrap>
                <Tag>{f.code}</Tag>
                <Select<DutyStage>
                  size="small"
                  allowClear
                  value={stages[f.code] ?? f.stage ?? undefined}
                  placeholder={t('pages.posts.stageUnknown')}
                  onChange={(s) => setStages((all) => ({ ...all, [f.code]: s }))}
                  options={DUTY_STAGES.map((s) => ({ value: s, label: t(`pages.posts.stage.${s}`) }))}
                  style={{ width: 120 }}
                  data-testid={`attribution-stage-${f.code}`}
                />
                {f.source && <Tag color="default">{t(`pages.posts.source.${f.source}`)}</Tag>}
                {f.role && <Tag color="blue">{label('role', f.role)}</Tag>}
              </Flex>
              {f.posts.map((p) => (
                <Typography.Text key={p.id}>
                  <Typography.Text type="secondary">{p.name}：</Typography.Text>
                  {p.holders.length > 0
                    ? p.holders.map((h) => `${h.name}（${h.officerId}）`).join(t('pages.posts.sep'))
                    : t('pages.posts.vacant')}
                </Typography.Text>
              ))}
              {gapText(f) && <Typography.Text type="warning">{gapText(f)}</Typography.Text>}
              {f.duties.map((d) => (
                <Typography.Text key={d} type="secondary" style={{ fontSize: 12 }}>
                  {d}
                </Typography.Text>
              ))}
            </Flex>
          ))}
          {data.people.length > 0 && (
            <Flex gap={6} wrap align="center" data-testid="attribution-people">
              <Typography.Text type="secondary">{t('pages.posts.proposed')}</Typography.Text>
              {data.people.map((p) => (
                <Tag key={p.officerId} color={named.has(p.officerId) ? 'green' : 'gold'}>
                  {p.name}（{p.officerId}）· {label('role', p.role)}
                  {named.has(p.officerId) ? ` · ${t('pages.posts.inRequest')}` : ''}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
      )}
    </Card>
  );
}

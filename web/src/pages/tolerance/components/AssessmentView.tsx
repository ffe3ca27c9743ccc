// The assessment as a checklist: each condition of the policy met (✓), partly met (△: corrected,
// but late) or unmet (✗), with its provision and the reason; the negative list's items that apply
// in red (and, with the investigators' evidence, those that do not); which of the three
// distinctions the facts show; the outcome with its rule.
import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { Alert, Collapse, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ToleranceOutcomeTag } from '../../../components/ToleranceTags';
import { useIntl } from '../../../locales/intl';
import { TOLERANCE_EXCLUSIONS, type ToleranceAssessment, type VerifiedItem } from '../../../types/tolerance';

const ICON_STYLE = { fontSize: 16, marginTop: 3 };

function Line({
  icon,
  mark,
  title,
  cite,
  reason,
  evidence,
  danger,
  testId,
  status,
}: {
  icon: ReactNode;
  mark: string;
  title: string;
  cite?: string;
  reason?: string;
  evidence?: string;
  danger?: boolean;
  testId: string;
  status: string;
}) {
  const { t } = useIntl();
  return (
    <Flex gap={10} align="start" data-testid={testId} data-status={status} style={{ padding: '6px 0' }}>
      <span role="img" aria-label={mark} title={mark}>
        {icon}
      </span>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Text strong type={danger ? 'danger' : undefined}>
          {title}
        </Typography.Text>
        {cite && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {cite}
          </Typography.Text>
        )}
        {reason && <Typography.Text type={danger ? 'danger' : undefined}>{reason}</Typography.Text>}
        {evidence && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pages.tolerance.evidenceOn', { evidence })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

export default function AssessmentView({
  assessment: a,
  evidence,
}: {
  assessment: ToleranceAssessment;
  /** The investigators' evidence of each item, when the assessment is theirs. */
  evidence?: Partial<Record<VerifiedItem, string>>;
}) {
  const { t } = useIntl();
  const applied = new Set(a.exclusions.map((e) => e.id));
  const absent = TOLERANCE_EXCLUSIONS.filter((id) => !applied.has(id));
  const culpable = a.distinction.side === 'culpable';
  return (
    <Flex vertical gap={16} data-testid="assessment" data-outcome={a.outcome}>
      <Alert
        type={a.outcome === 'reject' ? 'error' : a.outcome === 'mitigate' ? 'info' : 'success'}
        showIcon
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('pages.tolerance.assessmentOutcome')}</span>
            <ToleranceOutcomeTag outcome={a.outcome} testId="assessment-outcome" />
            <Typography.Text type="secondary">{a.outcomeCite}</Typography.Text>
          </Flex>
        }
        description={
          <Flex gap={6} align="center" wrap>
            <span>{a.policy.title}</span>
            {a.policy.summary && (
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('pages.tolerance.sample')}
              </Tag>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.pack.name}@{a.pack.version}
            </Typography.Text>
          </Flex>
        }
      />
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('pages.tolerance.conditions')}
        </Typography.Title>
        {a.conditions.map((c) => (
          <Line
            key={c.id}
            testId={`assessment-condition-${c.id}`}
            status={c.met ? 'met' : c.partial ? 'partial' : 'unmet'}
            mark={c.met ? '✓' : c.partial ? '△' : '✗'}
            icon={
              c.met ? (
                <CheckCircleFilled style={{ ...ICON_STYLE, color: '#52c41a' }} />
              ) : c.partial ? (
                <MinusCircleFilled style={{ ...ICON_STYLE, color: '#faad14' }} />
              ) : (
                <CloseCircleFilled style={{ ...ICON_STYLE, color: '#ff4d4f' }} />
              )
            }
            title={c.label}
            cite={c.cite}
            reason={c.reason}
            evidence={evidence?.[c.id]}
            danger={!c.met && !c.partial}
          />
        ))}
      </div>
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('pages.tolerance.exclusions')}
        </Typography.Title>
        {a.exclusions.length === 0 && (
          <Typography.Text type="success" data-testid="assessment-no-exclusion">
            <CheckCircleFilled /> {t('pages.tolerance.noExclusion')}
          </Typography.Text>
        )}
        {a.exclusions.map((e) => (
          <Line
            key={e.id}
            testId={`assessment-exclusion-${e.id}`}
            status="applies"
            mark="✗"
            icon={<CloseCircleFilled style={{ ...ICON_STYLE, color: '#ff4d4f' }} />}
            title={e.label}
            cite={e.cite}
            reason={e.reason}
            evidence={evidence?.[e.id]}
            danger
          />
        ))}
        {evidence && absent.length > 0 && (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'absent',
                label: t('pages.tolerance.absentExclusions', { n: absent.length }),
                children: absent.map((id) => (
                  <Line
                    key={id}
                    testId={`assessment-absent-${id}`}
                    status="absent"
                    mark="✓"
                    icon={<CheckCircleFilled style={{ ...ICON_STYLE, color: '#52c41a' }} />}
                    title={t('pages.tolerance.notPresent', { item: t(`pages.tolerance.exclusion.${id}`) })}
                    evidence={evidence[id]}
                  />
                )),
              },
            ]}
          />
        )}
      </div>
      <div data-testid="assessment-distinction" data-side={a.distinction.side}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('pages.tolerance.distinction')}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <Tag color={culpable ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>
            {t(`pages.tolerance.side.${a.distinction.side}`)}
          </Tag>
          <span>
            {t('pages.tolerance.distinctionText', {
              label: a.distinction.label,
              against: a.distinction.against,
            })}
          </span>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.distinction.cite}
        </Typography.Text>
      </div>
      <Collapse
        size="small"
        items={[
          {
            key: 'explanation',
            label: t('pages.tolerance.explanation'),
            children: (
              <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="assessment-explanation">
                {a.explanation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
            ),
          },
        ]}
      />
    </Flex>
  );
}

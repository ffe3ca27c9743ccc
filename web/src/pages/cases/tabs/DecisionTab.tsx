// 决定与送达: the proposal awaiting approval (审批定案); the decision, its reasons and each
// liable person's sanction, and how it was approved (the head's opinion, or the collective
// discussion); its service (date, recipient, method), its execution and the closure, and
// referrals to discipline or judicial organs with outcomes.
import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/ListTable';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import type { CaseDetail, Referral } from '../../../types/case';
import { CASE_DESCRIPTIONS } from '../components/descriptions';
import {
  ApprovalDescriptions,
  collectiveNeeded,
  DecisionKindTag,
  ProposalDescriptions,
  SanctionList,
} from '../components/ProposalView';

export default function DecisionTab({ c }: { c: CaseDetail }) {
  const { t } = useIntl();
  const label = useVocabLabel();
  const none = t('common.none');
  const awaiting = c.state === 'proposed';
  if (awaiting && c.proposal)
    return (
      <Flex vertical gap={16} data-testid="decision-tab">
        <div data-testid="proposal-panel">
          <ProposalDescriptions
            c={c}
            proposal={c.proposal}
            title={
              <Flex gap={8} align="center">
                {t('pages.cases.decision.proposal')}
                <Tag color="gold">{t('enums.caseState.proposed')}</Tag>
                {collectiveNeeded(c, c.proposal) && (
                  <Tag color="purple" data-testid="proposal-collective">
                    {t('pages.cases.decision.collectiveRequired')}
                  </Tag>
                )}
              </Flex>
            }
          />
        </div>
      </Flex>
    );
  if (!c.decision && !c.closedOn)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={awaiting ? t('pages.cases.decision.pending') : t('pages.cases.decision.none')}
      />
    );
  const nameOf = new Map(c.persons.map((p) => [p.officerId, p.name]));
  return (
    <Flex vertical gap={16} data-testid="decision-tab">
      {c.decision && (
        <Descriptions
          {...CASE_DESCRIPTIONS}
          title={t('pages.cases.decision.title')}
          items={[
            {
              key: 'kind',
              label: t('pages.cases.field.decisionKind'),
              children: <DecisionKindTag kind={c.decision.kind} testId="decision-kind" />,
            },
            { key: 'on', label: t('pages.cases.field.decidedOn'), children: c.decision.on },
            ...(c.decision.sanctions.length > 0
              ? [
                  {
                    key: 'sanctions',
                    label: t('pages.cases.field.sanctionForm'),
                    span: 2,
                    children: (
                      <SanctionList c={c} sanctions={c.decision.sanctions} testId="decision-sanctions" />
                    ),
                  },
                ]
              : []),
            {
              key: 'reasons',
              label: t('pages.cases.field.decisionReasons'),
              span: 2,
              children: <div className="wz-pre">{c.decision.reasons}</div>,
            },
          ]}
        />
      )}
      {c.decision && c.approval && (
        <div data-testid="approval-panel">
          <ApprovalDescriptions approval={c.approval} proposal={c.proposal} />
        </div>
      )}
      {c.decision && (
        <Descriptions
          {...CASE_DESCRIPTIONS}
          title={t('pages.cases.decision.service')}
          items={
            c.servedOn && c.service
              ? [
                  {
                    key: 'on',
                    label: t('pages.cases.field.servedOn'),
                    children: <span data-testid="served-on">{c.servedOn}</span>,
                  },
                  { key: 'to', label: t('pages.cases.field.recipient'), children: c.service.recipient },
                  { key: 'method', label: t('pages.cases.field.method'), children: c.service.method },
                  { key: 'place', label: t('pages.cases.field.place'), children: c.service.place ?? none },
                ]
              : [{ key: 'none', label: t('common.status'), children: t('pages.cases.decision.notServed') }]
          }
        />
      )}
      {(c.executedOn || c.closedOn) && (
        <Descriptions
          {...CASE_DESCRIPTIONS}
          title={t('pages.cases.decision.execution')}
          items={[
            { key: 'ex', label: t('pages.cases.field.executedOn'), children: c.executedOn ?? none },
            { key: 'closed', label: t('pages.cases.field.closedOn'), children: c.closedOn ?? none },
            ...(c.executionNote
              ? [
                  {
                    key: 'note',
                    label: t('pages.cases.field.executionNote'),
                    span: 2,
                    children: <div className="wz-pre">{c.executionNote}</div>,
                  },
                ]
              : []),
          ]}
        />
      )}
      {c.referrals.length > 0 && (
        <Card
          size="small"
          variant="borderless"
          className="wz-inner-card"
          title={t('pages.cases.decision.referrals')}
        >
          <ResponsiveTable<Referral>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.referrals}
            data-testid="case-referrals"
            columns={[
              {
                title: t('pages.referrals.field.organ'),
                dataIndex: 'organ',
                width: 220,
                render: (o: string, r) => (
                  <Flex vertical>
                    <span data-testid="case-referral-organ">{r.organName ?? label('referral', o)}</span>
                    {r.organName && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`pages.referrals.kind.${o}`)}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('pages.cases.field.person'),
                dataIndex: 'officerId',
                width: 140,
                render: (id: string | null) => (id ? `${nameOf.get(id) ?? ''}（${id}）` : none),
              },
              { title: t('pages.referrals.field.referredOn'), dataIndex: 'referredOn', width: 110 },
              {
                title: t('pages.referrals.field.outcome'),
                dataIndex: 'outcome',
                render: (o: string | null, r) =>
                  o ? (
                    <span>
                      {o}
                      <Typography.Text type="secondary"> · {r.outcomeOn}</Typography.Text>
                    </span>
                  ) : (
                    <Tag color="warning">{t('pages.referrals.pending')}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}

// 审批定案 read-only: each liable person's sanction (with the reason where it departs from the
// rulebook's recommendation), the proposal as the investigators made it, and how it was approved.
// Shared by the approval form (decide) and the decision tab.
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PersonReliefTag } from '../../../components/AppealTags';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import {
  type CaseApproval,
  type CaseDetail,
  type CaseProposal,
  type CaseSanction,
  collectiveDiscussionNeeded,
  type DecisionKind,
  type SanctionForm,
} from '../../../types/case';
import { CASE_DESCRIPTIONS } from './descriptions';

/**
 * The heaviest sanction of a proposal that calls for a collective discussion under the case's pack
 * (core's rule; the server applies it again on approval).
 */
export function collectiveNeeded(
  c: Pick<CaseDetail, 'collectiveDiscussionFrom'>,
  p: { sanctions: readonly { form: SanctionForm }[] } | null,
): SanctionForm | null {
  return collectiveDiscussionNeeded(p, c);
}

export function DecisionKindTag({ kind, testId }: { kind: DecisionKind; testId?: string }) {
  const { t } = useIntl();
  return (
    <Tag
      color={kind === 'pursue' ? 'red' : kind === 'refer' ? 'magenta' : 'green'}
      data-testid={testId}
      data-kind={kind}
    >
      {t(`enums.decision.${kind}`)}
    </Tag>
  );
}

/**
 * One line per person: name, sanction form, the reason for departing from the recommendation, and
 * the relief panel's change or revocation on the person's appeal (申诉).
 */
export function SanctionList({
  c,
  sanctions,
  testId,
}: {
  c: Pick<CaseDetail, 'persons'>;
  sanctions: CaseSanction[];
  testId?: string;
}) {
  const { t } = useIntl();
  const label = useVocabLabel();
  const nameOf = new Map(c.persons.map((p) => [p.officerId, p.name]));
  const reliefOf = new Map(c.persons.map((p) => [p.officerId, p.relief ?? null]));
  if (sanctions.length === 0) return <span data-testid={testId}>{t('common.none')}</span>;
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {sanctions.map((s) => (
        <div key={s.personId} data-testid={`sanction-${s.personId}`} data-form={s.form}>
          <Flex gap={8} align="center" wrap>
            <span>
              {nameOf.get(s.personId) ?? s.personId}（{s.personId}）
            </span>
            <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
              {label('sanction', s.form, s.formLabel)}
            </Tag>
            {reliefOf.get(s.personId) && <PersonReliefTag relief={reliefOf.get(s.personId)!} />}
          </Flex>
          {s.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pages.cases.decision.departure', { reason: s.reason })}
            </Typography.Text>
          )}
        </div>
      ))}
    </Flex>
  );
}

/** The proposal: decision kind, sanctions, reasons, by whom and when. */
export function ProposalDescriptions({
  c,
  proposal,
  title,
}: {
  c: Pick<CaseDetail, 'persons'>;
  proposal: CaseProposal;
  title?: ReactNode;
}) {
  const { t } = useIntl();
  return (
    <Descriptions
      {...CASE_DESCRIPTIONS}
      title={title}
      items={[
        {
          key: 'kind',
          label: t('pages.cases.field.decisionKind'),
          span: 2,
          children: <DecisionKindTag kind={proposal.kind} testId="proposal-kind" />,
        },
        ...(proposal.kind === 'pursue' || proposal.sanctions.length > 0
          ? [
              {
                key: 'sanctions',
                label: t('pages.cases.field.sanctionForm'),
                span: 2,
                children: <SanctionList c={c} sanctions={proposal.sanctions} testId="proposal-sanctions" />,
              },
            ]
          : []),
        {
          key: 'reasons',
          label: t('pages.cases.field.proposalReasons'),
          span: 2,
          children: <div className="wz-pre">{proposal.reasons}</div>,
        },
        { key: 'by', label: t('pages.cases.field.proposedBy'), children: proposal.byName },
        { key: 'on', label: t('pages.cases.field.proposedOn'), children: proposal.on },
      ]}
    />
  );
}

/**
 * How the decision was approved: the head's opinion, or the collective discussion's record; and
 * who had proposed it.
 */
export function ApprovalDescriptions({
  approval,
  proposal,
}: {
  approval: CaseApproval;
  proposal?: CaseProposal | null;
}) {
  const { t } = useIntl();
  const m = approval.collective;
  return (
    <Descriptions
      {...CASE_DESCRIPTIONS}
      title={t('pages.cases.decision.approval')}
      items={[
        {
          key: 'mode',
          label: t('pages.cases.field.approvalMode'),
          span: 2,
          children: (
            <Tag color={m ? 'purple' : 'blue'} data-testid="approval-mode" data-collective={Boolean(m)}>
              {m ? t('pages.cases.decision.byCollective') : t('pages.cases.decision.byHead')}
            </Tag>
          ),
        },
        {
          key: 'opinion',
          label: t('pages.cases.field.approvalOpinion'),
          span: 2,
          children: (
            <div className="wz-pre" data-testid="approval-opinion">
              {approval.opinion}
            </div>
          ),
        },
        ...(proposal
          ? [
              {
                key: 'proposed',
                label: t('pages.cases.field.proposedBy'),
                span: 2,
                children: t('pages.cases.decision.proposedBy', { name: proposal.byName, on: proposal.on }),
              },
            ]
          : []),
        { key: 'by', label: t('pages.cases.field.approver'), children: approval.byName },
        { key: 'on', label: t('pages.cases.field.approvedOn'), children: approval.on },
        ...(m
          ? [
              { key: 'meetingOn', label: t('pages.cases.field.meetingOn'), children: m.meetingOn },
              {
                key: 'votes',
                label: t('pages.cases.field.votes'),
                children: (
                  <span data-testid="approval-votes">
                    {t('pages.cases.decision.votes', {
                      for: m.votesFor,
                      against: m.votesAgainst,
                      abstain: m.votesAbstain,
                    })}
                  </span>
                ),
              },
              {
                key: 'attendees',
                label: t('pages.cases.field.attendees'),
                span: 2,
                children: m.attendees.join('、'),
              },
              {
                key: 'minutes',
                label: t('pages.cases.field.minutes'),
                span: 2,
                children: <div className="wz-pre">{m.minutes}</div>,
              },
            ]
          : []),
      ]}
    />
  );
}

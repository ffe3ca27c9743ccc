// One lead: the complaint as filed (or the detection finding with its rule, catalogue item and
// basis, or the referral as entered), what became of it, and — while it is new — triage.
import { CloseCircleOutlined, FolderAddOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SourceTag } from '../../../components/CaseTags';
import ComplaintAttachments, { AttachmentsHint } from '../../../components/ComplaintAttachments';
import { LeadStatusTag } from '../../../components/LeadStatusTag';
import ProcedureActions from '../../../components/ProcedureActions';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { drawerSize } from '../../../hooks/usePhone';
import { useRuleLabel } from '../../../hooks/useRuleLabel';
import { useIntl } from '../../../locales/intl';
import { browserHref, itemAnchor } from '../../../services/cite';
import type { Lead, TriageAction } from '../../../types/lead';
import type { ActionAvailability } from '../../../types/procedure';
import { getLead } from '../service';

const TRIAGE_ICONS: Record<TriageAction, ReactNode> = {
  dismiss: <CloseCircleOutlined />,
  merge: <MergeCellsOutlined />,
  open: <FolderAddOutlined />,
};

interface Props {
  id: string | null;
  /** Bumped by the page after a change, so the drawer shows the lead as it now is. */
  tick: number;
  onClose(): void;
  onTriage(kind: TriageAction, lead: Lead): void;
  onShowLead(id: string): void;
}

export default function LeadDrawer({ id, tick, onClose, onTriage, onShowLead }: Props) {
  const { t } = useIntl();
  const ruleLabel = useRuleLabel();
  const lead = useApi((signal) => (id ? getLead(id, signal) : Promise.resolve(undefined)), [id, tick]);
  const l = lead.data && lead.data.id === id ? lead.data : undefined;
  const none = t('common.none');

  const items: { key: string; label: string; children: ReactNode; span?: number }[] = l
    ? [
        {
          key: 'source',
          label: t('pages.leads.field.source'),
          children: <SourceTag source={l.source} label={l.sourceLabel} />,
        },
        { key: 'status', label: t('common.status'), children: <LeadStatusTag status={l.status} /> },
        {
          key: 'agency',
          label: t('pages.leads.field.agency'),
          children: l.agencyName ?? t('pages.leads.agencyUnknown'),
        },
        { key: 'on', label: t('pages.leads.field.occurredOn'), children: l.occurredOn ?? none },
        { key: 'subject', label: t('pages.leads.field.subject'), children: l.subject, span: 2 },
        {
          key: 'narrative',
          label: l.source === 'detection' ? t('pages.leads.field.finding') : t('pages.leads.field.narrative'),
          children: <div className="wz-pre">{l.narrative}</div>,
          span: 2,
        },
      ]
    : [];
  if (l?.source === 'complaint') {
    items.push(
      { key: 'officerNamed', label: t('pages.leads.field.officerNamed'), children: l.officerNamed ?? none },
      {
        key: 'complainant',
        label: t('pages.leads.field.complainant'),
        children: l.anonymous ? (
          <Tag>{t('pages.cases.overview.anonymous')}</Tag>
        ) : (
          <Tag color="blue">{t('pages.cases.overview.named')}</Tag>
        ),
      },
      {
        key: 'receipt',
        label: t('pages.cases.overview.receipt'),
        children: l.receipt ? <Typography.Text code>{l.receipt}</Typography.Text> : none,
        span: 2,
      },
    );
  }
  if (l?.source === 'detection') {
    items.push(
      {
        key: 'act',
        label: t('pages.leads.field.act'),
        children: l.actId ? (
          <Link to={`/supervision/acts?act=${encodeURIComponent(l.actId)}&q=${encodeURIComponent(l.actId)}`}>
            <Typography.Text code>{l.actId}</Typography.Text>
          </Link>
        ) : (
          none
        ),
      },
      {
        key: 'rule',
        label: t('pages.leads.field.rule'),
        children: l.rule ? ruleLabel(l.rule) : none,
      },
      {
        key: 'fault',
        label: t('pages.leads.field.fault'),
        span: 2,
        children: l.faultCode ? <Link to={browserHref(itemAnchor(l.faultCode))}>{l.faultCode}</Link> : none,
      },
      { key: 'basis', label: t('pages.leads.field.basis'), span: 2, children: l.basis ?? none },
      ...(l.detail
        ? [
            {
              key: 'detail',
              label: t('pages.leads.field.detail'),
              span: 2,
              children: <div className="wz-pre">{l.detail}</div>,
            },
          ]
        : []),
    );
  }
  if (l)
    items.push({
      key: 'created',
      label: t('pages.leads.field.createdAt'),
      children: dayjs(l.createdAt).format('YYYY-MM-DD HH:mm'),
      span: 2,
    });

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={drawerSize(640)}
      title={l ? l.subject : t('pages.leads.detail')}
      data-testid="lead-drawer"
      extra={
        l?.availability && (
          <Flex gap={8}>
            <ProcedureActions
              availability={l.availability.filter(
                (x): x is ActionAvailability<TriageAction> => x.action !== 'request_reexamination',
              )}
              labelOf={(a) => t(`pages.leads.action.${a}`)}
              onAction={(a) => onTriage(a, l)}
              icons={TRIAGE_ICONS}
              primary="open"
              danger={['dismiss']}
              testIdPrefix="lead-"
            />
          </Flex>
        )
      }
    >
      {lead.error ? (
        <LoadError error={lead.error} onRetry={lead.reload} />
      ) : !l ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Flex vertical gap={16}>
          {l.reexamination && (
            <Alert
              type="warning"
              showIcon
              data-testid="lead-reexamination-request"
              title={t('pages.leads.reexaminationOn', { on: l.reexamination.requestedOn })}
              description={
                <div className="wz-pre">
                  {t('pages.leads.reexaminationGrounds', {
                    grounds: l.reexamination.grounds,
                    reason: l.reexamination.dismissReason ?? '',
                  })}
                </div>
              }
            />
          )}
          {l.status === 'dismissed' && (
            <Alert
              type="warning"
              showIcon
              title={t('pages.leads.field.dismissReason')}
              description={l.dismissReason}
            />
          )}
          {l.status === 'merged' && l.mergedInto && (
            <Alert
              type="info"
              showIcon
              title={t('pages.leads.mergedInto')}
              action={
                <Button size="small" onClick={() => onShowLead(l.mergedInto!)}>
                  {t('common.view')}
                </Button>
              }
            />
          )}
          {l.caseId && (
            <Alert
              type="success"
              showIcon
              title={t('pages.leads.openedAs', { number: l.caseNumber ?? '' })}
              action={
                <Link to={`/cases/${encodeURIComponent(l.caseId)}`} data-testid="lead-case-link">
                  <Button size="small">{t('common.view')}</Button>
                </Link>
              }
            />
          )}
          <Descriptions bordered size="small" column={2} styles={{ label: { width: 110 } }} items={items} />
          {l.source === 'complaint' && (
            <Card size="small" title={t('attachments.title')} extra={<AttachmentsHint />}>
              <ComplaintAttachments
                base={`/api/v1/leads/${encodeURIComponent(l.id)}`}
                testId="lead-attachments"
              />
            </Card>
          )}
        </Flex>
      )}
    </Drawer>
  );
}

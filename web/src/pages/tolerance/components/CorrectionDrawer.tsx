// One correction measure (纠错措施) in a drawer: the measure, what it corrects (the tolerance
// application, or the act and its finding), who answers for it and by when (red once past), the
// agency's report, the re-check with the later acts that repeat the fault and the lead they opened,
// its history, and exactly the steps this reader may take now — open ones as buttons, blocked ones
// disabled with the reason (ProcedureActions: the re-check before the due date says so).
import { AuditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Drawer, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import { MeasureDue, MeasureStateTag } from '../../../components/CorrectionTags';
import { type HistoryFormat, HistoryTimeline } from '../../../components/HistoryTimeline';
import ProcedureActions from '../../../components/ProcedureActions';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useDrawerSize } from '../../../hooks/usePhone';
import { useRuleLabel } from '../../../hooks/useRuleLabel';
import { useIntl } from '../../../locales/intl';
import { browserHref, itemAnchor } from '../../../services/cite';
import { actHref, correctionHistory, getCorrection, leadHref } from '../../../services/corrections';
import { toleranceHref } from '../../../services/tolerance';
import { useUser } from '../../../session';
import type { Correction, CorrectionAction } from '../../../types/correction';
import CorrectionStepModal from './CorrectionStepModal';

const ICONS: Record<CorrectionAction, ReactNode> = {
  report: <FileDoneOutlined />,
  recheck: <AuditOutlined />,
};

const text = (value: string) => <div className="wz-pre">{value}</div>;

/** The act as a link to the supervision drill-down where the reader may open it, else its id. */
export function ActRef({ id }: { id: string }) {
  const access = accessOf(useUser());
  return access.supervision ? (
    <Link to={actHref(id)} data-testid="correction-act-link">
      {id}
    </Link>
  ) : (
    <Typography.Text>{id}</Typography.Text>
  );
}

/** The lead a recurrence opened, as a link to the inbox for the office (the others see that it did). */
export function LeadRef({ id }: { id: string }) {
  const { t } = useIntl();
  const access = accessOf(useUser());
  return access.leads ? (
    <Link to={leadHref(id)} data-testid="correction-lead">
      {t('pages.corrections.leadOpen')}
    </Link>
  ) : (
    <Tag color="red" data-testid="correction-lead" style={{ marginInlineEnd: 0 }}>
      {t('pages.corrections.lead')}
    </Tag>
  );
}

/** What the measure corrects: the application's number, or the act with its rule. */
export function SourceRef({ m }: { m: Correction }) {
  const { t } = useIntl();
  const ruleLabel = useRuleLabel();
  return (
    <Flex vertical style={{ minWidth: 0 }} data-testid="correction-source" data-source={m.source}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`enums.correctionSource.${m.source}`)}
      </Typography.Text>
      {m.source === 'tolerance' && m.applicationId ? (
        <Link to={toleranceHref(m.applicationId)} data-testid="correction-application-link">
          {m.applicationNumber ?? m.applicationId}
        </Link>
      ) : m.actId ? (
        <span>
          <ActRef id={m.actId} />
          {m.rules.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              · {m.rules.map((r) => ruleLabel(r)).join('、')}
            </Typography.Text>
          )}
        </span>
      ) : null}
    </Flex>
  );
}

export function useCorrectionHistoryFormat(): HistoryFormat {
  const ruleLabel = useRuleLabel();
  return {
    enums: { to: 'enums.measureState', source: 'enums.correctionSource' },
    fields: {
      ...Object.fromEntries(
        ['measure', 'responsible', 'dueOn', 'note', 'actId', 'rule', 'recurrences', 'source'].map((k) => [
          k,
          `pages.corrections.field.${k}`,
        ]),
      ),
      to: 'pages.corrections.field.state',
    },
    // The state a step left is the one the step before it reached.
    hidden: ['applicationId', 'from'],
    value: (key, value) => (key === 'rule' && typeof value === 'string' ? ruleLabel(value) : undefined),
    colors: {
      'correction.create': 'green',
      'correction.report': 'blue',
      'correction.recheck': 'orange',
    },
  };
}

interface Props {
  /** The measure to show; null: closed. */
  id: string | null;
  onClose(): void;
  /** After a step: the register reloads. */
  onChanged?(m: Correction): void;
}

export default function CorrectionDrawer({ id, onClose, onChanged }: Props) {
  const { t } = useIntl();
  const size = useDrawerSize(760);
  const ruleLabel = useRuleLabel();
  const format = useCorrectionHistoryFormat();
  const [tick, setTick] = useState(0);
  const [action, setAction] = useState<CorrectionAction | null>(null);
  const loaded = useApi(
    (signal) => (id ? getCorrection(id, signal) : Promise.resolve(undefined)),
    [id, tick],
  );
  const history = useApi(
    (signal) => (id ? correctionHistory(id, signal) : Promise.resolve(undefined)),
    [id, tick],
  );
  const m = loaded.data && loaded.data.id === id ? loaded.data : undefined;
  const reload = () => setTick((n) => n + 1);
  const field = (name: string) => t(`pages.corrections.field.${name}`);
  const none = t('common.none');
  const signed = (s: { byName: string; on: string }) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('pages.corrections.signed', { by: s.byName, on: s.on })}
    </Typography.Text>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={size}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('pages.corrections.detail')}</span>
          {m && <MeasureStateTag state={m.state} />}
        </Flex>
      }
      extra={
        m && (
          <Space wrap>
            <ProcedureActions<CorrectionAction>
              availability={m.availability}
              labelOf={(a) => t(`pages.corrections.action.${a}`)}
              onAction={setAction}
              icons={ICONS}
              primary={m.state === 'open' ? 'report' : 'recheck'}
              testIdPrefix="correction-action-"
            />
          </Space>
        )
      }
      data-testid="correction-drawer"
    >
      {loaded.error ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !m ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16} data-testid="correction-detail" data-state={m.state}>
          {m.state === 'recurred' && m.recheck && (
            <Alert
              type="error"
              showIcon
              data-testid="correction-recheck-alert"
              title={t('pages.corrections.recurred', { on: m.recheck.on, n: m.recheck.recurrences.length })}
              action={m.leadId ? <LeadRef id={m.leadId} /> : undefined}
            />
          )}
          {m.state === 'cleared' && m.recheck && (
            <Alert
              type="success"
              showIcon
              data-testid="correction-recheck-alert"
              title={t('pages.corrections.cleared', { on: m.recheck.on })}
            />
          )}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            styles={{ label: { width: 110 } }}
            items={[
              {
                key: 'measure',
                label: field('measure'),
                span: 2,
                children: <div data-testid="correction-measure">{text(m.measure)}</div>,
              },
              { key: 'source', label: field('source'), span: 2, children: <SourceRef m={m} /> },
              { key: 'agency', label: field('agency'), children: m.agencyName },
              {
                key: 'officer',
                label: field('officer'),
                children: m.officerName ? `${m.officerName}（${m.officerId}）` : (m.officerId ?? none),
              },
              { key: 'responsible', label: field('responsible'), children: m.responsible },
              { key: 'since', label: field('since'), children: m.since },
              {
                key: 'dueOn',
                label: field('dueOn'),
                children: <MeasureDue m={m} inline />,
              },
              { key: 'state', label: field('state'), children: <MeasureStateTag state={m.state} /> },
              ...(m.rules.length > 0
                ? [
                    {
                      key: 'rules',
                      label: field('rules'),
                      span: 2,
                      children: m.rules.map((r) => ruleLabel(r)).join('、'),
                    },
                  ]
                : []),
              ...(m.faults.length > 0
                ? [
                    {
                      key: 'faults',
                      label: field('faults'),
                      span: 2,
                      children: (
                        <Flex gap={4} wrap>
                          {m.faults.map((f) => (
                            <Link key={f} to={browserHref(itemAnchor(f))}>
                              <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                                {f}
                              </Tag>
                            </Link>
                          ))}
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Card
            size="small"
            title={t('pages.corrections.report')}
            extra={m.report && signed(m.report)}
            data-testid="correction-report"
          >
            {m.report ? (
              text(m.report.note)
            ) : (
              <Typography.Text type="secondary">{t('pages.corrections.notReported')}</Typography.Text>
            )}
          </Card>
          <Card
            size="small"
            title={t('pages.corrections.recheck')}
            extra={m.recheck && signed(m.recheck)}
            data-testid="correction-recheck"
          >
            {!m.recheck ? (
              <Typography.Text type="secondary">
                {t('pages.corrections.notRechecked', { dueOn: m.dueOn })}
              </Typography.Text>
            ) : m.recheck.recurrences.length === 0 ? (
              <Typography.Text>{t('pages.corrections.cleared', { on: m.recheck.on })}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                <Typography.Text type="danger">
                  {t('pages.corrections.recurred', { on: m.recheck.on, n: m.recheck.recurrences.length })}
                </Typography.Text>
                <List
                  size="small"
                  bordered
                  dataSource={m.recheck.recurrences}
                  data-testid="correction-recurrences"
                  renderItem={(r) => (
                    <List.Item>
                      <Flex gap={8} wrap align="center">
                        <ActRef id={r.actId} />
                        <Typography.Text>{ruleLabel(r.rule)}</Typography.Text>
                        <Typography.Text type="secondary">{r.occurredOn ?? none}</Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Flex>
            )}
          </Card>
          <Card size="small" title={t('pages.corrections.history')}>
            {history.error ? (
              <LoadError error={history.error} onRetry={history.reload} />
            ) : (
              <HistoryTimeline items={history.data ?? []} format={format} testId="correction-history" />
            )}
          </Card>
        </Flex>
      )}
      {m && (
        <CorrectionStepModal
          measure={m}
          action={action}
          onClose={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            reload();
            onChanged?.(updated);
          }}
          onReload={() => {
            setAction(null);
            reload();
          }}
        />
      )}
    </Drawer>
  );
}

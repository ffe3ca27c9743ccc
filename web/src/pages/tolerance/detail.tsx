// One tolerance application (容错申请): the person it is for and who applied, the case (a link to
// it), the grounds, the city's policy it is assessed under (示例 while the texts are a summary),
// the decision's due date (red when past), exactly the steps this reader may take now — open ones
// as buttons, blocked ones disabled with the reason (ProcedureActions) —, the acceptance, the
// investigators' checklist and the assessment it gives, and the decision with its collective
// discussion and the document to download; once decided 免责 or 从轻减轻, its correction measures
// (纠错, set here by the office); and its history.
import {
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  FileWordOutlined,
  SafetyCertificateOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { PagePending } from '../../components/PagePending';
import ProcedureActions from '../../components/ProcedureActions';
import { ToleranceOutcomeTag, ToleranceStateTag } from '../../components/ToleranceTags';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { caseHref } from '../../services/caseLinks';
import { getTolerance, toleranceDocumentUrl } from '../../services/tolerance';
import { useUser } from '../../session';
import type { ToleranceAction, ToleranceDetail } from '../../types/tolerance';
import ActionModal from './components/ActionModal';
import ApplicationCorrections, { tolerated } from './components/ApplicationCorrections';
import AssessmentView from './components/AssessmentView';
import ToleranceHistory from './components/ToleranceHistory';

const ICONS: Record<ToleranceAction, ReactNode> = {
  accept: <CheckOutlined />,
  decline: <CloseOutlined />,
  verify: <AuditOutlined />,
  decide: <SafetyCertificateOutlined />,
  withdraw: <UndoOutlined />,
};

/** The step that moves the application forward in each state. */
const PRIMARY: Partial<Record<ToleranceDetail['state'], ToleranceAction>> = {
  submitted: 'accept',
  verifying: 'verify',
  verified: 'decide',
};

const text = (value: string) => <div className="wz-pre">{value}</div>;

function DueDate({ a }: { a: ToleranceDetail }) {
  const { t } = useIntl();
  if (!a.decisionDue) return <>{t('common.none')}</>;
  return (
    <Typography.Text
      type={a.overdue ? 'danger' : undefined}
      strong={a.overdue}
      data-testid="tolerance-due"
      data-overdue={a.overdue ? 'true' : 'false'}
    >
      {a.decisionDue}
      {a.overdue ? ` · ${t('pages.tolerance.overdue')}` : ''}
    </Typography.Text>
  );
}

export default function ToleranceDetailPage() {
  const { t } = useIntl();
  const user = useUser();
  const { id = '' } = useParams();
  const [action, setAction] = useState<ToleranceAction | null>(null);
  const loaded = useApi((signal) => getTolerance(id, signal), [id]);
  const a = loaded.data?.id === id ? loaded.data : undefined;
  const crumbs = [{ title: t('menu.tolerance'), to: '/tolerance' }];

  if (loaded.error || !a)
    return (
      <PagePending
        title={t('pages.tolerance.detail')}
        breadcrumb={crumbs}
        error={loaded.error}
        onRetry={loaded.reload}
      />
    );

  const done = () => {
    setAction(null);
    loaded.reload();
  };
  const field = (name: string) => t(`pages.tolerance.field.${name}`);
  const acceptance = a.acceptance;
  const v = a.verification;
  const d = a.decision;
  const signed = (s: { byName: string; on: string }) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('pages.tolerance.signed', { by: s.byName, on: s.on })}
    </Typography.Text>
  );

  return (
    <PageContainer
      testId="tolerance-detail"
      title={<span>{t('pages.tolerance.detailOf', { name: a.officerName })}</span>}
      breadcrumb={[...crumbs, { title: a.number }]}
      tags={
        <Flex gap={8} align="center" wrap>
          <Typography.Text code data-testid="tolerance-number">
            {a.number}
          </Typography.Text>
          <ToleranceStateTag state={a.state} />
          {a.outcome && <ToleranceOutcomeTag outcome={a.outcome} testId="tolerance-decided-outcome" />}
        </Flex>
      }
      extra={
        <ProcedureActions<ToleranceAction>
          availability={a.availability}
          labelOf={(x) => t(`pages.tolerance.action.${x}`)}
          onAction={setAction}
          icons={ICONS}
          primary={PRIMARY[a.state]}
          danger={['decline', 'withdraw']}
          testIdPrefix="tolerance-action-"
        />
      }
    >
      <Flex vertical gap={16}>
        {d && (
          <Alert
            type={d.outcome === 'reject' ? 'warning' : 'success'}
            showIcon
            data-testid="tolerance-decision"
            data-outcome={d.outcome}
            title={t(`pages.tolerance.decided.${d.outcome}`, { on: d.on, cite: d.cite })}
            description={
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{d.ruleText}</Typography.Text>
                {a.document && (
                  <a
                    href={toleranceDocumentUrl(a.id)}
                    download
                    data-testid="tolerance-document"
                    style={{ alignSelf: 'start' }}
                  >
                    <FileWordOutlined style={{ color: '#2b579a' }} /> {a.document.title}（.docx）
                  </a>
                )}
              </Flex>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap={16}>
              <Card title={t('pages.tolerance.application')} variant="borderless">
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  styles={{ label: { width: 120 } }}
                  items={[
                    {
                      key: 'person',
                      label: field('person'),
                      children: (
                        <span data-testid="tolerance-person">
                          {a.officerName}（{a.officerId}）{a.officerPost ? ` · ${a.officerPost}` : ''}
                        </span>
                      ),
                    },
                    { key: 'agency', label: field('agency'), children: a.agencyName },
                    {
                      key: 'applicant',
                      label: field('applicant'),
                      children: (
                        <Flex gap={6} align="center" wrap>
                          <span>{a.appliedByName ?? t('common.none')}</span>
                          <Tag style={{ marginInlineEnd: 0 }}>
                            {t(`enums.toleranceApplicant.${a.applicantKind}`)}
                          </Tag>
                        </Flex>
                      ),
                    },
                    { key: 'appliedOn', label: field('appliedOn'), children: a.appliedOn },
                    {
                      key: 'case',
                      label: field('case'),
                      span: 2,
                      children: (
                        <Flex vertical>
                          <Link to={caseHref(user, a.caseId)} data-testid="tolerance-case-link">
                            {a.caseNumber}
                          </Link>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {a.caseSubject}
                          </Typography.Text>
                        </Flex>
                      ),
                    },
                    {
                      key: 'policy',
                      label: field('policy'),
                      span: 2,
                      children: (
                        <Flex gap={6} align="center" wrap data-testid="tolerance-policy">
                          <span>{a.policy.title}</span>
                          {a.policy.summary && (
                            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                              {t('pages.tolerance.sample')}
                            </Tag>
                          )}
                        </Flex>
                      ),
                    },
                    {
                      key: 'preRegistered',
                      label: field('preRegistered'),
                      children: a.preRegistered ?? t('common.none'),
                    },
                    { key: 'due', label: field('decisionDue'), children: <DueDate a={a} /> },
                    {
                      key: 'grounds',
                      label: field('grounds'),
                      span: 2,
                      children: <div data-testid="tolerance-grounds">{text(a.grounds)}</div>,
                    },
                  ]}
                />
              </Card>
              <Card
                title={t('pages.tolerance.verification')}
                variant="borderless"
                extra={v && signed(v)}
                data-testid="tolerance-verification"
              >
                {v ? (
                  <Flex vertical gap={12}>
                    <AssessmentView assessment={v.assessment} evidence={v.evidence} />
                    {v.note && (
                      <Descriptions
                        size="small"
                        column={1}
                        items={[{ key: 'note', label: field('note'), children: text(v.note) }]}
                      />
                    )}
                  </Flex>
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      a.state === 'submitted'
                        ? t('pages.tolerance.verificationAfterAccept')
                        : a.state === 'verifying'
                          ? t('pages.tolerance.verificationPending')
                          : t('common.none')
                    }
                  />
                )}
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16}>
              <Card title={t('pages.tolerance.acceptance')} variant="borderless" size="small">
                {acceptance?.opinion || acceptance?.decline || acceptance?.withdraw ? (
                  <Flex vertical gap={12} data-testid="tolerance-acceptance">
                    {acceptance.opinion && acceptance.byName && acceptance.on && (
                      <div>
                        <Typography.Text strong>{field('acceptOpinion')}</Typography.Text>
                        {text(acceptance.opinion)}
                        {signed({ byName: acceptance.byName, on: acceptance.on })}
                      </div>
                    )}
                    {acceptance.decline && (
                      <div>
                        <Typography.Text strong type="warning">
                          {field('declineReason')}
                        </Typography.Text>
                        {text(acceptance.decline.reason)}
                        {signed(acceptance.decline)}
                      </div>
                    )}
                    {acceptance.withdraw && (
                      <div>
                        <Typography.Text strong>{field('withdrawReason')}</Typography.Text>
                        {text(acceptance.withdraw.reason)}
                        {signed(acceptance.withdraw)}
                      </div>
                    )}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('pages.tolerance.notAccepted')}</Typography.Text>
                )}
              </Card>
              <Card
                title={t('pages.tolerance.decision')}
                variant="borderless"
                size="small"
                extra={d && signed(d)}
              >
                {d ? (
                  <Descriptions
                    size="small"
                    column={1}
                    styles={{ label: { width: 110 } }}
                    data-testid="tolerance-decision-record"
                    items={[
                      {
                        key: 'outcome',
                        label: field('outcome'),
                        children: (
                          <Flex vertical gap={2}>
                            <span>
                              <ToleranceOutcomeTag outcome={d.outcome} />
                            </span>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {d.cite}
                            </Typography.Text>
                          </Flex>
                        ),
                      },
                      { key: 'opinion', label: field('decisionOpinion'), children: text(d.opinion) },
                      {
                        key: 'distinction',
                        label: field('distinction'),
                        children: (
                          <Flex vertical gap={2}>
                            <span>
                              {t('pages.tolerance.distinctionText', {
                                label: d.distinction.label,
                                against: d.distinction.against,
                              })}
                            </span>
                            {text(d.distinctionReasons)}
                          </Flex>
                        ),
                      },
                      {
                        key: 'collective',
                        label: t('pages.tolerance.collective'),
                        children: (
                          <Flex vertical gap={2} data-testid="tolerance-collective">
                            <span>
                              {t('pages.tolerance.collectiveSummary', {
                                on: d.collective.meetingOn,
                                n: d.collective.attendees.length,
                                yes: d.collective.votesFor,
                                no: d.collective.votesAgainst,
                                abstain: d.collective.votesAbstain,
                              })}
                            </span>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {d.collective.attendees.join('、')}
                            </Typography.Text>
                            {text(d.collective.minutes)}
                          </Flex>
                        ),
                      },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('pages.tolerance.notDecided')}</Typography.Text>
                )}
              </Card>
              {tolerated(a) && <ApplicationCorrections application={a} />}
              <ToleranceHistory application={a} />
            </Flex>
          </Col>
        </Row>
      </Flex>
      <ActionModal
        application={a}
        action={action}
        onClose={() => setAction(null)}
        onDone={done}
        onReload={done}
      />
    </PageContainer>
  );
}

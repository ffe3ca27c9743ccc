// One appeal (申诉) before the relief panel: the appellant and the decision appealed against, the
// grounds, the period and the panel's due date (red when past), exactly the steps this reader may
// take now (ProcedureActions: open ones as buttons, blocked ones disabled with the reason), the
// case file read-only, the panel drawn with its seed and the draw's order (so that anyone can
// re-run the draw), its members — chair, who may vote, who has voted, never how —, declared
// conflicts, the hearings with attendance, the vote (cast of eligible while sealed; the counts,
// the result, the reasons and the number of dissents once decided), the documents and the history.
import {
  AuditOutlined,
  CalendarOutlined,
  CheckOutlined,
  CheckSquareOutlined,
  CloseOutlined,
  FieldTimeOutlined,
  FileWordOutlined,
  FormOutlined,
  PlayCircleOutlined,
  TeamOutlined,
  UndoOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { accessOf } from '../../access';
import { AppealOutcomeTag, AppealStateTag } from '../../components/AppealTags';
import { PageContainer } from '../../components/PageContainer';
import { PagePending } from '../../components/PagePending';
import ProcedureActions from '../../components/ProcedureActions';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { appealDocumentUrl, appealHref, getAppeal } from '../../services/appeals';
import { caseHref } from '../../services/caseLinks';
import { useUser } from '../../session';
import type { AppealAction, AppealDetail, AppealPanelMember, AppealState } from '../../types/appeal';
import ActionModal from './components/ActionModal';
import AppealHistory from './components/AppealHistory';

const ICONS: Record<AppealAction, ReactNode> = {
  accept: <CheckOutlined />,
  reject: <CloseOutlined />,
  draw: <TeamOutlined />,
  declare_conflict: <UserDeleteOutlined />,
  schedule_hearing: <CalendarOutlined />,
  record_session: <FormOutlined />,
  open_vote: <PlayCircleOutlined />,
  vote: <CheckSquareOutlined />,
  extend: <FieldTimeOutlined />,
  withdraw: <UndoOutlined />,
  decide_review: <AuditOutlined />,
};

/** The step that moves the appeal forward now. */
function primaryOf(a: AppealDetail): AppealAction | undefined {
  const next: Partial<Record<AppealState, AppealAction>> = {
    filed: a.late ? 'reject' : 'accept',
    accepted: a.stage === 'review' ? 'decide_review' : 'draw',
    voting: 'vote',
  };
  if (a.state !== 'panel') return next[a.state];
  if (a.sessions.some((s) => !s.recorded)) return 'record_session';
  return a.sessions.length > 0 ? 'open_vote' : 'schedule_hearing';
}

const text = (value: string) => <div className="wz-pre">{value}</div>;
const small = (node: ReactNode) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {node}
  </Typography.Text>
);

function DocLink({ href, title, testId }: { href: string; title: string; testId: string }) {
  return (
    <a href={href} download data-testid={testId}>
      <FileWordOutlined style={{ color: '#2b579a' }} /> {title}（.docx）
    </a>
  );
}

function DueDate({ a }: { a: AppealDetail }) {
  const { t } = useIntl();
  if (!a.dueOn) return <>{t('common.none')}</>;
  return (
    <Typography.Text
      type={a.overdue ? 'danger' : undefined}
      strong={a.overdue}
      data-testid="appeal-due"
      data-overdue={a.overdue ? 'true' : 'false'}
    >
      {a.dueOn}
      {a.overdue ? ` · ${t('pages.appeals.overdue')}` : ''}
    </Typography.Text>
  );
}

function PanelCard({ a }: { a: AppealDetail }) {
  const { t } = useIntl();
  const p = a.panel;
  if (!p)
    return (
      <Card title={t('pages.appeals.panel')} variant="borderless" data-testid="appeal-panel">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(a.state === 'accepted' ? 'pages.appeals.panel.toDraw' : 'pages.appeals.panel.none')}
        />
      </Card>
    );
  const seated = new Set(p.members.map((m) => m.id));
  const passed = new Set(p.conflicts.map((c) => c.memberId));
  const heard = a.sessions.some((s) => s.recorded);
  const voting = a.state === 'voting' || a.state === 'decided';
  return (
    <Card
      title={t('pages.appeals.panel')}
      variant="borderless"
      data-testid="appeal-panel"
      extra={small(t('pages.appeals.panel.drawn', { on: p.drawnOn, size: p.size }))}
    >
      <Flex vertical gap={12}>
        <Table<AppealPanelMember>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.members}
          data-testid="appeal-panel-members"
          onRow={(m) => ({ 'data-testid': `panel-member-${m.id}` }) as object}
          columns={[
            {
              title: t('pages.appeals.members.name'),
              dataIndex: 'name',
              render: (v: string, m) => (
                <Flex gap={6} align="center" wrap>
                  <span>{v}</span>
                  {small(m.id)}
                  {m.chair && (
                    <Tag color="gold" data-testid="panel-chair" style={{ marginInlineEnd: 0 }}>
                      {t('pages.appeals.panel.chair')}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            {
              title: t('pages.appeals.members.kind'),
              dataIndex: 'kind',
              width: 170,
              render: (k: AppealPanelMember['kind']) => (
                <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                  {t(`enums.memberKind.${k}`)}
                </Tag>
              ),
            },
            {
              title: t('pages.appeals.panel.eligible'),
              dataIndex: 'eligible',
              width: 100,
              render: (v: boolean) =>
                !heard ? (
                  small(t('pages.appeals.panel.notHeard'))
                ) : v ? (
                  <Typography.Text type="success">✓</Typography.Text>
                ) : (
                  <Typography.Text type="warning">{t('pages.appeals.panel.absent')}</Typography.Text>
                ),
            },
            {
              title: t('pages.appeals.panel.voted'),
              dataIndex: 'voted',
              width: 80,
              render: (v: boolean, m) =>
                voting ? (
                  <span data-testid={`panel-voted-${m.id}`} data-voted={v ? 'true' : 'false'}>
                    {v ? <Typography.Text type="success">✓</Typography.Text> : small('—')}
                  </span>
                ) : (
                  small('—')
                ),
            },
          ]}
        />
        {p.conflicts.length > 0 && (
          <div data-testid="appeal-conflicts">
            <Typography.Text strong>{t('pages.appeals.panel.conflicts')}</Typography.Text>
            <List
              size="small"
              dataSource={p.conflicts}
              renderItem={(c) => (
                <List.Item>
                  <Flex vertical>
                    <span>
                      {c.name}（{c.memberId}）· {c.on}
                    </span>
                    {small(c.reason)}
                  </Flex>
                </List.Item>
              )}
            />
          </div>
        )}
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 120 } }}
          items={[
            {
              key: 'seed',
              label: t('pages.appeals.field.seed'),
              children: (
                <Typography.Text code copyable data-testid="appeal-seed">
                  {p.seed}
                </Typography.Text>
              ),
            },
            {
              key: 'order',
              label: t('pages.appeals.panel.order'),
              children: (
                <Flex vertical gap={4}>
                  <Flex gap={4} wrap data-testid="appeal-draw-order">
                    {p.order.map((id, i) => (
                      <Tag
                        key={id}
                        color={seated.has(id) ? 'blue' : passed.has(id) ? 'orange' : undefined}
                        style={{ marginInlineEnd: 0 }}
                      >
                        {i + 1}. {id}
                      </Tag>
                    ))}
                  </Flex>
                  {small(t('pages.appeals.panel.rerun'))}
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

function SessionsCard({ a }: { a: AppealDetail }) {
  const { t } = useIntl();
  const nameOf = new Map((a.panel?.members ?? []).map((m) => [m.id, m.name]));
  return (
    <Card title={t('pages.appeals.hearings')} variant="borderless" data-testid="appeal-sessions">
      {a.sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.appeals.hearing.none')} />
      ) : (
        <Flex vertical gap={12}>
          {a.sessions.map((s) => (
            <Card
              key={s.id}
              size="small"
              type="inner"
              data-testid={`appeal-session-${s.id}`}
              data-recorded={s.recorded ? 'true' : 'false'}
              title={
                <Flex gap={8} align="center" wrap>
                  <span>
                    {s.on} · {s.place}
                  </span>
                  {s.evidence && <Tag color="purple">{t('pages.appeals.hearing.evidence')}</Tag>}
                  <Tag color={s.recorded ? 'success' : 'processing'}>
                    {t(s.recorded ? 'pages.appeals.hearing.recorded' : 'pages.appeals.hearing.scheduled')}
                  </Tag>
                </Flex>
              }
            >
              {s.recorded ? (
                <Descriptions
                  size="small"
                  column={1}
                  styles={{ label: { width: 110 } }}
                  items={[
                    {
                      key: 'attendees',
                      label: t('pages.appeals.field.attendees'),
                      children: s.attendees.map((id) => nameOf.get(id) ?? id).join('、') || t('common.none'),
                    },
                    {
                      key: 'heard',
                      label: t('pages.appeals.field.appellantHeard'),
                      children: s.appellantHeard ? t('common.yes') : t('common.no'),
                    },
                    {
                      key: 'rep',
                      label: t('pages.appeals.field.representative'),
                      children: s.representative ?? t('common.none'),
                    },
                    ...(s.note
                      ? [{ key: 'note', label: t('pages.appeals.field.note'), children: text(s.note) }]
                      : []),
                  ]}
                />
              ) : (
                small(t('pages.appeals.hearing.awaiting'))
              )}
            </Card>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function VoteCard({ a }: { a: AppealDetail }) {
  const { t } = useIntl();
  const d = a.decision;
  const body = d ? (
    <Flex vertical gap={8} data-testid="appeal-vote-result" data-outcome={d.outcome}>
      <span>
        <AppealOutcomeTag
          outcome={d.outcome}
          formLabel={d.formLabel ?? d.measuresLabel}
          testId="appeal-vote-outcome"
        />
      </span>
      <Typography.Text data-testid="appeal-vote-counts">
        {t('pages.appeals.decision.counts', d.counts)}
      </Typography.Text>
      {small(t('pages.appeals.decision.voters', { voters: d.voters, dissenting: d.dissenting, on: d.on }))}
      <div>
        <Typography.Text strong>{t('pages.appeals.decision.reasons')}</Typography.Text>
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {d.reasons.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the reasons are a fixed list
            <li key={i} className="wz-pre">
              {r}
            </li>
          ))}
        </ul>
      </div>
    </Flex>
  ) : a.state === 'voting' ? (
    <Flex vertical gap={8} data-testid="appeal-vote-progress">
      <Typography.Text>
        {t('pages.appeals.vote.cast', { cast: a.voting.cast, eligible: a.voting.eligible })}
      </Typography.Text>
      <Progress
        percent={a.voting.eligible ? Math.round((a.voting.cast / a.voting.eligible) * 100) : 0}
        showInfo={false}
        size="small"
      />
      {small(t('pages.appeals.vote.sealed'))}
      {a.voting.mine && (
        <Tag color="blue" data-testid="appeal-my-vote" style={{ alignSelf: 'start' }}>
          {t('pages.appeals.vote.mine', { outcome: t(`enums.appealOutcome.${a.voting.mine}`) })}
        </Tag>
      )}
    </Flex>
  ) : (
    <Typography.Text type="secondary">{t('pages.appeals.vote.notOpen')}</Typography.Text>
  );
  return (
    <Card title={t('pages.appeals.vote')} variant="borderless" size="small" data-testid="appeal-vote">
      {body}
    </Card>
  );
}

export default function AppealDetailPage() {
  const { t } = useIntl();
  const user = useUser();
  const access = accessOf(user);
  const { id = '' } = useParams();
  const [action, setAction] = useState<AppealAction | null>(null);
  const loaded = useApi((signal) => getAppeal(id, signal), [id]);
  const a = loaded.data?.id === id ? loaded.data : undefined;
  const crumbs = [{ title: t('menu.appeals'), to: '/appeals' }];

  if (loaded.error || !a)
    return (
      <PagePending
        title={t('pages.appeals.detail')}
        breadcrumb={crumbs}
        error={loaded.error}
        onRetry={loaded.reload}
      />
    );

  const done = () => {
    setAction(null);
    loaded.reload();
  };
  const field = (name: string) => t(`pages.appeals.field.${name}`);
  const signed = (s: { byName: string; on: string }) =>
    small(t('pages.appeals.signed', { by: s.byName, on: s.on }));
  const acc = a.acceptance;
  const d = a.decision;
  const review = a.stage === 'review';
  const decisionDoc = a.documents.find((x) => x.kind === (review ? 'review_decision' : 'appeal_decision'));
  const rejectionDoc = a.documents.find((x) => x.kind === (review ? 'review_rejection' : 'appeal_rejection'));

  return (
    <PageContainer
      testId="appeal-detail"
      title={<span>{t('pages.appeals.detailOf', { name: a.appellantName })}</span>}
      breadcrumb={[...crumbs, { title: a.number }]}
      tags={
        <Flex gap={8} align="center" wrap>
          <Typography.Text code data-testid="appeal-number">
            {a.number}
          </Typography.Text>
          <Tag color={review ? 'purple' : 'blue'} data-testid="appeal-stage" data-stage={a.stage}>
            {t(`enums.appealStage.${a.stage}`)}
          </Tag>
          <AppealStateTag state={a.state} />
          {a.outcome && (
            <AppealOutcomeTag
              outcome={a.outcome}
              formLabel={d?.formLabel ?? d?.measuresLabel}
              testId="appeal-decided-outcome"
            />
          )}
          {a.late && <Tag color="warning">{t('pages.appeals.late')}</Tag>}
        </Flex>
      }
      extra={
        <ProcedureActions<AppealAction>
          availability={a.availability}
          labelOf={(x) => t(`pages.appeals.action.${x}`)}
          onAction={setAction}
          icons={ICONS}
          primary={primaryOf(a)}
          danger={['reject', 'withdraw', 'declare_conflict']}
          testIdPrefix="appeal-action-"
        />
      }
    >
      <Flex vertical gap={16}>
        {d && (
          <Alert
            type={d.outcome === 'upheld' ? 'info' : 'success'}
            showIcon
            data-testid="appeal-decision"
            data-outcome={d.outcome}
            title={t(`pages.appeals.decided.${d.outcome}`, {
              on: d.on,
              form: d.formLabel ?? d.measuresLabel ?? '',
            })}
            description={
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">
                  {review
                    ? t('pages.appeals.decision.byOffice')
                    : t('pages.appeals.decision.counts', d.counts)}
                </Typography.Text>
                {decisionDoc && (
                  <span>
                    <DocLink
                      href={appealDocumentUrl(a.id, decisionDoc.id)}
                      title={decisionDoc.title}
                      testId="appeal-decision-document"
                    />
                  </span>
                )}
              </Flex>
            }
          />
        )}
        {acc?.reject && (
          <Alert
            type="warning"
            showIcon
            data-testid="appeal-rejected"
            title={t('pages.appeals.rejected', { on: acc.reject.on })}
            description={
              <Flex vertical gap={4}>
                {text(acc.reject.reason)}
                {rejectionDoc && (
                  <span>
                    <DocLink
                      href={appealDocumentUrl(a.id, rejectionDoc.id)}
                      title={rejectionDoc.title}
                      testId="appeal-rejection-document"
                    />
                  </span>
                )}
              </Flex>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap={16}>
              <Card title={t('pages.appeals.appeal')} variant="borderless" data-testid="appeal-card">
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  styles={{ label: { width: 120 } }}
                  items={[
                    a.appellantKind === 'agency'
                      ? {
                          key: 'appellant',
                          label: field('appellant'),
                          children: (
                            <span data-testid="appeal-appellant" data-kind="agency">
                              {a.appellantName}（{t('pages.appeals.agencyAppellant')}）
                            </span>
                          ),
                        }
                      : {
                          key: 'officer',
                          label: field('officer'),
                          children: (
                            <span data-testid="appeal-officer">
                              {a.officerName}（{a.officerId}）{a.officerPost ? ` · ${a.officerPost}` : ''}
                            </span>
                          ),
                        },
                    { key: 'agency', label: field('agency'), children: a.agencyName },
                    {
                      key: 'case',
                      label: field('case'),
                      span: 2,
                      children: (
                        <Flex vertical>
                          {access.cases || access.myCases ? (
                            <Link to={caseHref(user, a.caseId)} data-testid="appeal-case-link">
                              {a.caseNumber}
                            </Link>
                          ) : (
                            <span data-testid="appeal-case-link">{a.caseNumber}</span>
                          )}
                          {small(a.caseSubject)}
                        </Flex>
                      ),
                    },
                    {
                      key: 'originalForm',
                      label: field('originalForm'),
                      children: a.originalMeasuresLabel ? (
                        <Tag color="volcano" data-testid="appeal-original-measures">
                          {a.originalMeasuresLabel}
                        </Tag>
                      ) : a.originalFormLabel ? (
                        <Tag color="volcano" data-testid="appeal-original-form" data-form={a.originalForm}>
                          {a.originalFormLabel}
                        </Tag>
                      ) : (
                        t('common.none')
                      ),
                    },
                    { key: 'servedOn', label: field('servedOn'), children: a.servedOn ?? t('common.none') },
                    {
                      key: 'filedOn',
                      label: field('filedOn'),
                      children: (
                        <Flex gap={6} align="center" wrap>
                          <span>{a.filedOn}</span>
                          {a.late && <Tag color="warning">{t('pages.appeals.late')}</Tag>}
                        </Flex>
                      ),
                    },
                    {
                      key: 'period',
                      label: field('appealUntil'),
                      children: (
                        <Flex vertical>
                          <span>{a.appealUntil ?? t('common.none')}</span>
                          {small(a.appealPeriod)}
                        </Flex>
                      ),
                    },
                    ...(a.review
                      ? [
                          {
                            key: 'review',
                            label: field('review'),
                            children: (
                              <Link to={appealHref(a.review.id)} data-testid="appeal-review-link">
                                {t('pages.appeals.reviewDecidedOn', { on: a.review.decidedOn })}
                              </Link>
                            ),
                          },
                        ]
                      : []),
                    { key: 'due', label: field('dueOn'), children: <DueDate a={a} /> },
                    {
                      key: 'extensions',
                      label: field('extensions'),
                      children:
                        a.extensions.length === 0 ? (
                          t('common.none')
                        ) : (
                          <Flex vertical gap={2}>
                            {a.extensions.map((x) => (
                              <span key={`${x.on}-${x.reason}`}>
                                {x.reason} {signed(x)}
                              </span>
                            ))}
                          </Flex>
                        ),
                    },
                    {
                      key: 'grounds',
                      label: field('grounds'),
                      span: 2,
                      children: <div data-testid="appeal-grounds">{text(a.grounds)}</div>,
                    },
                    ...(acc?.opinion && acc.byName && acc.on
                      ? [
                          {
                            key: 'opinion',
                            label: field('opinion'),
                            span: 2,
                            children: (
                              <Flex vertical>
                                {text(acc.opinion)}
                                {signed({ byName: acc.byName, on: acc.on })}
                              </Flex>
                            ),
                          },
                        ]
                      : []),
                    ...(acc?.withdraw
                      ? [
                          {
                            key: 'withdraw',
                            label: field('withdrawReason'),
                            span: 2,
                            children: (
                              <Flex vertical>
                                {text(acc.withdraw.reason)}
                                {signed(acc.withdraw)}
                              </Flex>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
                  {t('pages.appeals.stands')}
                </Typography.Paragraph>
              </Card>
              <Card
                title={t('pages.appeals.caseFile')}
                variant="borderless"
                data-testid="appeal-case-file"
                extra={small(t('pages.appeals.caseFile.readOnly'))}
              >
                <Descriptions
                  size="small"
                  column={1}
                  styles={{ label: { width: 110 } }}
                  items={[
                    ...(a.caseFile.findings !== null
                      ? [
                          {
                            key: 'findings',
                            label: field('findings'),
                            children: text(a.caseFile.findings || '—'),
                          },
                        ]
                      : []),
                    {
                      key: 'decisionOn',
                      label: field('decisionOn'),
                      children: a.caseFile.decisionOn ?? t('common.none'),
                    },
                    {
                      key: 'reasons',
                      label: field('decisionReasons'),
                      children: a.caseFile.decisionReasons
                        ? text(a.caseFile.decisionReasons)
                        : t('common.none'),
                    },
                    {
                      key: 'documents',
                      label: field('caseDocuments'),
                      children:
                        a.caseFile.documents.length === 0 ? (
                          t('common.none')
                        ) : (
                          <Flex vertical gap={4}>
                            {a.caseFile.documents.map((x) => (
                              <DocLink
                                key={x.id}
                                href={appealDocumentUrl(a.id, x.id)}
                                title={x.title}
                                testId={`appeal-case-document-${x.kind}`}
                              />
                            ))}
                          </Flex>
                        ),
                    },
                  ]}
                />
              </Card>
              {!review && <PanelCard a={a} />}
              {!review && <SessionsCard a={a} />}
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16}>
              {!review && <VoteCard a={a} />}
              <Card title={t('pages.appeals.documents')} variant="borderless" size="small">
                {a.documents.length === 0 ? (
                  <Typography.Text type="secondary">{t('pages.appeals.documents.none')}</Typography.Text>
                ) : (
                  <Flex vertical gap={6} data-testid="appeal-documents">
                    {a.documents.map((x) => (
                      <DocLink
                        key={x.id}
                        href={appealDocumentUrl(a.id, x.id)}
                        title={t(`pages.appeals.documents.kind.${x.kind}`)}
                        testId={`appeal-document-${x.kind}`}
                      />
                    ))}
                  </Flex>
                )}
              </Card>
              <AppealHistory appeal={a} />
            </Flex>
          </Col>
        </Row>
      </Flex>
      <ActionModal appeal={a} action={action} onClose={() => setAction(null)} onDone={done} onReload={done} />
    </PageContainer>
  );
}

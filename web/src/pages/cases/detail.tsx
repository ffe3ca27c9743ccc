// One case: its number, state and way through the process; the deadlines in their colours;
// exactly the actions this user may take now, each with its form; and the case's parts in
// tabs — overview, investigation, findings, statement and defence, decision and service,
// appeal, documents, history. An officer sees their own case and answers from here.
import { Alert, Badge, Button, Card, Col, Flex, Row, Skeleton, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CaseRoleTags, CaseStateTag, SourceTag } from '../../components/CaseTags';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { appealHref, listAppeals } from '../../services/appeals';
import { getCase } from '../../services/cases';
import { useUser } from '../../session';
import { type CaseAction, type CaseDetail, LIST_SEARCH_KEY } from '../../types/case';
import ActionBar from './components/ActionBar';
import ActionModal from './components/ActionModal';
import AppealFileModal from './components/AppealFileModal';
import DeadlinesCard from './components/DeadlinesCard';
import FindingsDrawer from './components/FindingsDrawer';
import ProcessSteps from './components/ProcessSteps';
import TolerancePanel from './components/TolerancePanel';
import { caseBase } from './links';
import AppealTab from './tabs/AppealTab';
import DecisionTab from './tabs/DecisionTab';
import DocumentsTab from './tabs/DocumentsTab';
import FindingsTab from './tabs/FindingsTab';
import HistoryTab from './tabs/HistoryTab';
import InvestigationTab from './tabs/InvestigationTab';
import OverviewTab from './tabs/OverviewTab';
import StatementTab from './tabs/StatementTab';

const TABS = [
  'overview',
  'investigation',
  'findings',
  'statement',
  'decision',
  'appeal',
  'documents',
  'history',
] as const;
type TabKey = (typeof TABS)[number];

/** What the officer concerned should do now, and by when. */
function SubjectNotice({
  c,
  officerId,
  onAction,
  onAppeal,
}: {
  c: CaseDetail;
  officerId: string;
  onAction(a: CaseAction): void;
  /** The officer may appeal against the served decision (申诉). */
  onAppeal?(): void;
}) {
  const { t } = useIntl();
  const me = c.persons.find((p) => p.officerId === officerId);
  const statement = c.deadlines.find((d) => d.step === 'statement');
  const window = c.deadlines.find((d) => d.step === 'appeal_window');
  if (c.actions.includes('record_statement') && me && !me.statement && !me.waived)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="subject-notice"
        title={t('pages.cases.subject.statementTitle')}
        description={t('pages.cases.subject.statement', { due: statement?.dueOn ?? '' })}
        action={
          <Button type="primary" onClick={() => onAction('record_statement')}>
            {t('pages.cases.action.record_statement')}
          </Button>
        }
      />
    );
  if (onAppeal && c.decision)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="subject-notice"
        title={t('pages.cases.subject.decisionTitle', { kind: t(`enums.decision.${c.decision.kind}`) })}
        description={t('pages.cases.subject.appeal', { due: window?.dueOn ?? '' })}
        action={
          <Button onClick={onAppeal} data-testid="subject-appeal">
            {t('pages.cases.appeal.file')}
          </Button>
        }
      />
    );
  if (c.appeal && c.appeal.officerId === officerId && !c.appeal.result)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="subject-notice"
        title={
          <span>
            {t('pages.cases.subject.appealPending')}{' '}
            <Link to={appealHref(c.appeal.id)}>{c.appeal.number}</Link>
          </span>
        }
      />
    );
  return null;
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useIntl();
  const user = useUser();
  const { values, update } = useSearchState();
  const detail = useApi((signal) => getCase(id, signal), [id]);
  const [action, setAction] = useState<Exclude<CaseAction, 'record_findings'> | null>(null);
  const [findingsOpen, setFindingsOpen] = useState(false);
  const [appealOpen, setAppealOpen] = useState(false);
  // 申诉: the officer concerned, when the served decision pursues them, and they have not appealed
  // (the register knows of rejected appeals too, which the case no longer shows).
  const mine = detail.data?.persons.find((p) => p.officerId === user.officerId && p.liable);
  const appealable = Boolean(
    detail.data?.view === 'subject' &&
      mine &&
      detail.data.decision?.kind === 'pursue' &&
      detail.data.servedOn,
  );
  const ownAppeals = useApi(
    async (signal) =>
      appealable ? (await listAppeals({ caseId: id, page: 1, pageSize: 50 }, signal)).items : [],
    [id, detail.data?.version, appealable],
  );
  // One 复核 and one appeal each: an appeal may follow a decided 复核 that left something to appeal.
  const own = (ownAppeals.data ?? []).filter(
    (a) => a.officerId === user.officerId && a.state !== 'withdrawn',
  );
  const ownReview = own.find((a) => a.stage === 'review');
  const canAppeal =
    appealable &&
    ownAppeals.data !== undefined &&
    !own.some((a) => a.stage === 'appeal') &&
    (!ownReview || (ownReview.state === 'decided' && ownReview.outcome !== 'revoked'));
  const base = caseBase(user);
  const listName =
    user.role === 'officer'
      ? t('menu.myCases')
      : user.role === 'discipline'
        ? t('menu.referrals')
        : t('menu.cases');
  // The case list (案件, 我的案件) remembers its filters; 移送 is another list.
  const listSearch = base === '/referrals' ? '' : (sessionStorage.getItem(LIST_SEARCH_KEY) ?? '');

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  const c = detail.data;
  if (!c)
    return (
      <PageContainer
        title={<Skeleton.Input active size="small" />}
        breadcrumb={[{ title: listName, to: base }]}
      >
        <Skeleton active paragraph={{ rows: 12 }} />
      </PageContainer>
    );

  const open = (a: CaseAction) => {
    if (a === 'record_findings') setFindingsOpen(true);
    else setAction(a);
  };
  const done = () => {
    setAction(null);
    setFindingsOpen(false);
    detail.reload();
  };
  const reload = () => {
    setAction(null);
    setFindingsOpen(false);
    detail.reload();
  };

  const visible: TabKey[] = TABS.filter((k) => k !== 'investigation' || c.view !== 'subject');
  const tab: TabKey = visible.includes(values.tab as TabKey) ? (values.tab as TabKey) : 'overview';
  const count = (n: number) =>
    n > 0 ? <Badge count={n} size="small" color="#8c9bb3" offset={[6, -2]} /> : null;
  const label = (k: TabKey, extra?: ReactNode) => (
    <span data-testid={`tab-${k}`}>
      {t(`pages.cases.tab.${k}`)}
      {extra}
    </span>
  );
  const canEditFindings = c.actions.includes('record_findings');
  const content: Record<TabKey, ReactNode> = {
    overview: <OverviewTab c={c} />,
    investigation: <InvestigationTab c={c} onChanged={detail.reload} />,
    findings: <FindingsTab c={c} onEdit={canEditFindings ? () => setFindingsOpen(true) : undefined} />,
    statement: <StatementTab c={c} ownOfficerId={user.officerId} />,
    decision: <DecisionTab c={c} />,
    appeal: <AppealTab c={c} onAppeal={canAppeal ? () => setAppealOpen(true) : undefined} />,
    documents: <DocumentsTab c={c} />,
    history: <HistoryTab c={c} />,
  };
  const extra: Partial<Record<TabKey, ReactNode>> = {
    investigation: count(c.evidence.length),
    documents: count(c.documents.length),
  };

  return (
    <PageContainer
      testId="case-detail"
      breadcrumb={[{ title: listName, to: `${base}${listSearch}` }, { title: c.number }]}
      title={<span data-testid="case-number">{c.number}</span>}
      subTitle={c.subject}
      tags={
        <Flex gap={6} wrap>
          <CaseStateTag state={c.state} />
          <SourceTag source={c.source} label={c.sourceLabel} />
          <CaseRoleTags roles={c.roles} />
        </Flex>
      }
      extra={
        c.availability.some((a) => a.available || a.blocked === 'precondition') && (
          <ActionBar c={c} onAction={open} />
        )
      }
      description={
        user.officerId && c.view === 'subject' ? (
          <SubjectNotice
            c={c}
            officerId={user.officerId}
            onAction={open}
            onAppeal={canAppeal ? () => setAppealOpen(true) : undefined}
          />
        ) : c.view === 'organ' ? (
          <Alert type="info" showIcon data-testid="organ-notice" title={t('pages.cases.view.organ')} />
        ) : undefined
      }
      footer={
        <div className="wz-case-steps-wrap">
          <ProcessSteps c={c} />
        </div>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card variant="borderless" className="wz-case-tabs">
            <Tabs
              activeKey={tab}
              onChange={(k) => update({ tab: k === 'overview' ? undefined : k }, { resetPage: false })}
              items={visible.map((k) => ({ key: k, label: label(k, extra[k]), children: content[k] }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16} className="wz-case-side">
            <DeadlinesCard deadlines={c.deadlines} extensions={c.extensions.length} />
            <TolerancePanel c={c} />
          </Flex>
        </Col>
      </Row>
      <ActionModal c={c} action={action} onClose={() => setAction(null)} onDone={done} onReload={reload} />
      {canAppeal && (
        <AppealFileModal
          c={c}
          open={appealOpen}
          onClose={() => setAppealOpen(false)}
          reviewed={ownReview !== undefined}
        />
      )}
      {canEditFindings && (
        <FindingsDrawer
          c={c}
          open={findingsOpen}
          onClose={() => setFindingsOpen(false)}
          onDone={done}
          onReload={reload}
        />
      )}
    </PageContainer>
  );
}

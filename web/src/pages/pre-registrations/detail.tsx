// One pre-registration: the measure as registered, the initial review's due date in its colour
// (its source in the city's policy on hover), the review's outcome, the documents it issued to
// download (with their SHA-256), the history, and exactly the actions this reader may take now —
// open ones as buttons, blocked ones disabled with the reason (ProcedureActions).
import {
  CheckCircleOutlined,
  EditOutlined,
  FileWordOutlined,
  RollbackOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Empty, Flex, List, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router-dom';
import { DeadlineTag } from '../../components/DeadlineTag';
import { type HistoryFormat, HistoryTimeline } from '../../components/HistoryTimeline';
import { PageContainer } from '../../components/PageContainer';
import { PagePending } from '../../components/PagePending';
import ProcedureActions from '../../components/ProcedureActions';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { fileSize } from '../../services/format';
import type { PreRegistrationAction } from '../../types/pre-registration';
import MeasureForm from './components/MeasureForm';
import ReviewModal, { type ReviewAction } from './components/ReviewModal';
import { StateTag } from './components/StateTag';
import { documentUrl, getPreRegistration, preRegistrationHistory } from './service';

const ICONS: Record<PreRegistrationAction, ReactNode> = {
  accept: <CheckCircleOutlined />,
  return: <RollbackOutlined />,
  withdraw: <UndoOutlined />,
  resubmit: <EditOutlined />,
};

const HISTORY_FORMAT: HistoryFormat = {
  enums: { from: 'enums.preRegistrationState', to: 'enums.preRegistrationState' },
  fields: Object.fromEntries(
    ['number', 'title', 'plannedFrom', 'opinion', 'reasons', 'note', 'from', 'to', 'officerId'].map((k) => [
      k,
      k === 'officerId' ? 'pages.preRegistrations.field.officer' : `pages.preRegistrations.field.${k}`,
    ]),
  ),
  hidden: ['agencyId'],
  colors: {
    'pre_registration.accept': 'green',
    'pre_registration.return': 'orange',
    'pre_registration.withdraw': 'gray',
  },
};

export default function PreRegistrationDetail() {
  const { t } = useIntl();
  const { id = '' } = useParams();
  const [tick, setTick] = useState(0);
  const [review, setReview] = useState<ReviewAction | null>(null);
  const [amending, setAmending] = useState(false);
  const loaded = useApi((signal) => getPreRegistration(id, signal), [id, tick]);
  const history = useApi((signal) => preRegistrationHistory(id, signal), [id, tick]);
  const r = loaded.data?.id === id ? loaded.data : undefined;
  const reload = () => setTick((n) => n + 1);
  const done = () => {
    setReview(null);
    setAmending(false);
    reload();
  };
  const field = (name: string) => t(`pages.preRegistrations.field.${name}`);
  const crumbs = [{ title: t('menu.preRegistrations'), to: '/pre-registrations' }];

  if (loaded.error || !r)
    return (
      <PagePending
        title={t('pages.preRegistrations.detail')}
        breadcrumb={crumbs}
        error={loaded.error}
        onRetry={loaded.reload}
      />
    );

  const text = (value: string) => <div className="wz-pre">{value}</div>;
  const registrant =
    r.registrantKind === 'officer'
      ? `${r.registeredByName ?? ''}（${t('pages.preRegistrations.self')}）`
      : (r.registeredByName ?? t('common.none'));

  return (
    <PageContainer
      testId="pre-registration-detail"
      title={r.title}
      breadcrumb={[...crumbs, { title: r.number }]}
      tags={
        <Flex gap={8} align="center">
          <Typography.Text code data-testid="pre-registration-number">
            {r.number}
          </Typography.Text>
          <StateTag state={r.state} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <ProcedureActions
            availability={r.availability}
            labelOf={(a) => t(`pages.preRegistrations.action.${a}`)}
            onAction={(a) => (a === 'resubmit' ? setAmending(true) : setReview(a))}
            icons={ICONS}
            primary={r.availability.some((a) => a.action === 'accept') ? 'accept' : 'resubmit'}
            danger={['return', 'withdraw']}
            testIdPrefix="pre-registration-action-"
          />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {r.decision?.kind === 'accept' && (
          <Alert
            type="success"
            showIcon
            data-testid="pre-registration-decision"
            title={t('pages.preRegistrations.accepted', { organ: r.decision.organName, on: r.decision.on })}
            description={
              <>
                {text(r.decision.text)}
                <Typography.Text type="secondary">
                  {t('pages.preRegistrations.cite', { number: r.number })}
                </Typography.Text>
              </>
            }
          />
        )}
        {r.decision?.kind === 'return' && (
          <Alert
            type="warning"
            showIcon
            data-testid="pre-registration-decision"
            title={t('pages.preRegistrations.returned', { organ: r.decision.organName, on: r.decision.on })}
            description={text(r.decision.text)}
          />
        )}
        {r.withdrawal && (
          <Alert
            type="info"
            showIcon
            title={t('pages.preRegistrations.withdrawn', { by: r.withdrawal.byName, on: r.withdrawal.on })}
            description={r.withdrawal.reason ? text(r.withdrawal.reason) : undefined}
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card title={t('pages.preRegistrations.content')} variant="borderless">
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                styles={{ label: { width: 120 } }}
                items={[
                  { key: 'agency', label: field('agency'), children: r.agencyName },
                  { key: 'officer', label: field('officer'), children: r.officerName ?? t('common.none') },
                  { key: 'registrant', label: field('registrant'), children: registrant },
                  { key: 'registeredOn', label: field('registeredOn'), children: r.registeredOn },
                  { key: 'plannedFrom', label: field('plannedFrom'), children: r.plannedFrom },
                  {
                    key: 'review',
                    label: field('review'),
                    children: (
                      <span data-testid="pre-registration-review">
                        <DeadlineTag deadline={r.review} />
                      </span>
                    ),
                  },
                  { key: 'measure', label: field('measure'), span: 2, children: text(r.measure) },
                  { key: 'reason', label: field('reason'), span: 2, children: text(r.reason) },
                  { key: 'legalGap', label: field('legalGap'), span: 2, children: text(r.legalGap) },
                  { key: 'risks', label: field('risks'), span: 2, children: text(r.risks) },
                  { key: 'safeguards', label: field('safeguards'), span: 2, children: text(r.safeguards) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card title={t('pages.preRegistrations.documents')} variant="borderless">
                {r.documents.length === 0 ? (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('pages.preRegistrations.documentsNone')}
                  />
                ) : (
                  <List
                    data-testid="pre-registration-documents"
                    dataSource={r.documents}
                    renderItem={(d) => (
                      <List.Item>
                        <Flex vertical style={{ minWidth: 0 }}>
                          <a
                            href={documentUrl(r.id, d.id)}
                            download={d.filename}
                            data-testid={`pre-registration-document-${d.kind}`}
                          >
                            <FileWordOutlined style={{ color: '#2b579a' }} />{' '}
                            {t(`pages.preRegistrations.documents.kind.${d.kind}`)}
                          </a>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {d.filename} · {fileSize(d.size)} ·{' '}
                            {dayjs(d.createdAt).format('YYYY-MM-DD HH:mm')}
                          </Typography.Text>
                          <Typography.Text
                            code
                            copyable={{ text: d.sha256 }}
                            className="wz-sha"
                            title={d.sha256}
                            style={{ fontSize: 12 }}
                          >
                            SHA-256 {d.sha256}
                          </Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
              <Card title={t('pages.preRegistrations.policy')} variant="borderless" size="small">
                <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                  {r.policy.cite}
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {r.policy.text}
                  {r.policy.summary && ` ${t('pages.preRegistrations.policySummary')}`}
                </Typography.Paragraph>
              </Card>
              <Card title={t('pages.preRegistrations.history')} variant="borderless" size="small">
                {history.error ? (
                  <LoadError error={history.error} onRetry={history.reload} />
                ) : (
                  <HistoryTimeline
                    items={history.data?.items ?? []}
                    format={HISTORY_FORMAT}
                    testId="pre-registration-history"
                  />
                )}
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
      <ReviewModal
        action={review}
        registration={r}
        onClose={() => setReview(null)}
        onDone={done}
        onReload={reload}
      />
      <MeasureForm
        open={amending}
        amend={r}
        onClose={() => setAmending(false)}
        onSaved={done}
        onReload={reload}
      />
    </PageContainer>
  );
}

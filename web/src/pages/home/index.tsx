// Home: a greeting with the user's role and jurisdiction, then what matters to that role —
// the register's figures for supervisors, administrators and legal offices, one's own
// record for an officer.
import {
  BankOutlined,
  BookOutlined,
  DashboardOutlined,
  ExclamationCircleOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SolutionOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, type ReactNode, Suspense } from 'react';
import { useNavigate } from 'react-router-dom';
import { accessOf } from '../../access';
import { PageContainer } from '../../components/PageContainer';
import { ScheduleAlert } from '../../components/ScheduleAlert';
import { StatCard, StatGrid } from '../../components/StatCard';
import { LoadError } from '../../components/Status';
import { RoleTag } from '../../components/tags';
import { useApi } from '../../hooks/useApi';
import { useRegions } from '../../hooks/useRegions';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import AppealsCard from './AppealsCard';
import CaseCards from './CaseCards';
import MyDeadlinesCard from './MyDeadlinesCard';
import OwnRecordCard from './OwnRecordCard';
import { getHome, withoutCertificate } from './service';
import type { ChartSlice, HomeStats } from './types';

const CertificateChart = lazy(() => import('./CertificateChart'));

function greetingKey(hour: number) {
  if (hour < 6) return 'pages.home.greeting.night';
  if (hour < 12) return 'pages.home.greeting.morning';
  if (hour < 14) return 'pages.home.greeting.noon';
  if (hour < 19) return 'pages.home.greeting.afternoon';
  return 'pages.home.greeting.evening';
}

function QuickLinks({ wide = false }: { wide?: boolean }) {
  const { t } = useIntl();
  const user = useUser();
  const access = accessOf(user);
  const navigate = useNavigate();
  const links = [
    access.ownRecord && { key: 'me', icon: <SolutionOutlined />, text: t('menu.me'), to: '/me' },
    access.myCases && {
      key: 'my-cases',
      icon: <FileSearchOutlined />,
      text: t('menu.myCases'),
      to: '/my-cases',
    },
    access.supervision && {
      key: 'supervision',
      icon: <DashboardOutlined />,
      text: t('menu.supervision'),
      to: '/supervision',
    },
    access.leads && { key: 'leads', icon: <InboxOutlined />, text: t('menu.leads'), to: '/leads' },
    access.cases && { key: 'cases', icon: <FileSearchOutlined />, text: t('menu.cases'), to: '/cases' },
    access.appeals && { key: 'appeals', icon: <FlagOutlined />, text: t('menu.appeals'), to: '/appeals' },
    access.referrals && {
      key: 'referrals',
      icon: <SendOutlined />,
      text: t('menu.referrals'),
      to: '/referrals',
    },
    access.officers && {
      key: 'expired',
      icon: <ExclamationCircleOutlined />,
      text: t('pages.home.link.expired'),
      to: '/officers?certStatus=expired',
    },
    access.officers &&
      user.role !== 'officer' && {
        key: 'import',
        icon: <UploadOutlined />,
        text: t('pages.home.link.import'),
        to: '/officers?import=1',
      },
    access.agencies && { key: 'agencies', icon: <BankOutlined />, text: t('menu.agencies'), to: '/agencies' },
    access.rulebook && { key: 'rulebook', icon: <BookOutlined />, text: t('menu.rulebook'), to: '/rulebook' },
    access.simulator && {
      key: 'simulator',
      icon: <ExperimentOutlined />,
      text: t('menu.simulator'),
      to: '/simulator',
    },
  ].filter(Boolean) as { key: string; icon: ReactNode; text: string; to: string }[];
  return (
    <Card title={t('pages.home.quickLinks')} variant="borderless" style={{ height: '100%' }}>
      <Row gutter={[12, 12]}>
        {links.map((l) => (
          <Col key={l.key} {...(wide ? { xs: 12, md: 8, xl: 4 } : { span: 12 })}>
            <Card size="small" hoverable onClick={() => navigate(l.to)} data-testid={`quick-${l.key}`}>
              <Flex gap={8} align="center">
                <span style={{ color: '#1d4f91', fontSize: 18 }}>{l.icon}</span>
                <Typography.Text>{l.text}</Typography.Text>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function RegisterOverview({ stats }: { stats: HomeStats }) {
  const { t } = useIntl();
  const c = stats.certificates;
  const none = withoutCertificate(stats);
  const slices: ChartSlice[] = [
    { key: 'valid', name: t('enums.cert.valid'), value: c.valid, color: '#52c41a' },
    { key: 'expired', name: t('enums.cert.expired'), value: c.expired, color: '#faad14' },
    { key: 'suspended', name: t('enums.cert.suspended'), value: c.suspended, color: '#fa8c16' },
    { key: 'revoked', name: t('enums.cert.revoked'), value: c.revoked, color: '#f5222d' },
    { key: 'none', name: t('enums.cert.none'), value: none, color: '#bfbfbf' },
  ];
  const attention = slices.filter((s) => s.key !== 'valid');
  return (
    <>
      <StatGrid
        span={{ xs: 24, sm: 12, xl: 6 }}
        cards={[
          {
            testId: 'stat-agencies',
            title: t('pages.home.stat.agencies'),
            value: stats.agencies,
            icon: <BankOutlined />,
            color: '#1d4f91',
            to: '/agencies',
          },
          {
            testId: 'stat-officers',
            title: t('pages.home.stat.officers'),
            value: stats.officers,
            icon: <SolutionOutlined />,
            color: '#13a8a8',
            to: '/officers',
          },
          {
            testId: 'stat-valid',
            title: t('pages.home.stat.valid'),
            value: c.valid,
            icon: <SafetyCertificateOutlined />,
            color: '#52c41a',
            to: '/officers?certStatus=valid',
          },
          {
            testId: 'stat-expired',
            title: t('pages.home.stat.expired'),
            value: c.expired,
            icon: <ExclamationCircleOutlined />,
            color: '#fa8c16',
            to: '/officers?certStatus=expired',
          },
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card title={t('pages.home.chart.title')} variant="borderless" style={{ height: '100%' }}>
            {stats.officers === 0 ? (
              <Empty description={t('pages.home.noOfficers')} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <CertificateChart
                  data={slices}
                  total={stats.officers}
                  label={t('pages.home.stat.officers')}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <AttentionCard slices={attention} />
        </Col>
        <Col span={24}>
          <QuickLinks wide />
        </Col>
      </Row>
    </>
  );
}

function AttentionCard({ slices }: { slices: ChartSlice[] }) {
  const { t } = useIntl();
  const navigate = useNavigate();
  return (
    <Card title={t('pages.home.attention')} variant="borderless" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('pages.home.attentionHint')}
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {slices.map((s) => (
          <Flex
            key={s.key}
            justify="space-between"
            align="center"
            className="wz-clickable"
            style={{ padding: '8px 10px', borderRadius: 6, background: '#fafbfc' }}
            onClick={() => navigate(`/officers?certStatus=${s.key}`)}
            data-testid={`attention-${s.key}`}
          >
            <Flex gap={8} align="center">
              <span
                style={{ width: 8, height: 8, borderRadius: 4, background: s.color, display: 'inline-block' }}
              />
              <Typography.Text>{s.name}</Typography.Text>
            </Flex>
            <Typography.Text strong>{t('pages.home.persons', { n: s.value })}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function ReaderOverview({ stats, appeals, member }: { stats: HomeStats; appeals: boolean; member: boolean }) {
  const { t } = useIntl();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <StatCard
          testId="stat-agencies"
          title={t('pages.home.stat.agencies')}
          value={stats.agencies}
          icon={<BankOutlined />}
          color="#1d4f91"
          to="/agencies"
        />
        <div style={{ marginTop: 16 }}>
          {appeals && stats.appeals ? (
            <AppealsCard appeals={stats.appeals} member={member} />
          ) : (
            <Card title={t('pages.home.todo')} variant="borderless">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.home.todoEmpty')} />
            </Card>
          )}
        </div>
      </Col>
      <Col xs={24} lg={16}>
        <QuickLinks />
      </Col>
    </Row>
  );
}

export default function HomePage() {
  const { t } = useIntl();
  const user = useUser();
  const regions = useRegions();
  const home = useApi((signal) => getHome(signal), []);
  const access = accessOf(user);
  const now = dayjs();

  let body: ReactNode;
  if (home.error) body = <LoadError error={home.error} onRetry={home.reload} />;
  else if (!home.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (user.role === 'officer')
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            {user.officerId ? <OwnRecordCard officerId={user.officerId} /> : <Empty />}
            {access.myCases && <MyDeadlinesCard />}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <QuickLinks />
        </Col>
      </Row>
    );
  else if (access.officers)
    body = (
      <>
        {access.dueSoon && <CaseCards stats={home.data} />}
        {access.appeals &&
          home.data.appeals &&
          (home.data.appeals.open > 0 || home.data.appeals.overdue > 0) && (
            <div style={{ marginBottom: 16 }}>
              <AppealsCard appeals={home.data.appeals} member={false} />
            </div>
          )}
        <RegisterOverview stats={home.data} />
      </>
    );
  else body = <ReaderOverview stats={home.data} appeals={access.appeals} member={user.role === 'panel'} />;

  return (
    <PageContainer
      testId="home-page"
      title={
        <span data-testid="home-greeting">
          {t('pages.home.hello', { greeting: t(greetingKey(now.hour())), name: user.displayName })}
        </span>
      }
      tags={<RoleTag role={user.role} />}
      description={
        <Typography.Text type="secondary">
          {t('pages.home.today', { date: now.format(t('pages.home.dateFormat')) })}
          {' · '}
          {t('pages.home.jurisdiction', { name: regions.nameOf(user.regionCode) || user.regionCode })}
          {' · '}
          {t(`enums.roleDesc.${user.role}`)}
        </Typography.Text>
      }
    >
      <ScheduleAlert />
      {body}
    </PageContainer>
  );
}

// 年度考核: a year's assessment of the reader's region — the pursued rate first (faults found and
// pursued, the exemptions apart), then agencies and officers ranked with their grades, the officers
// 不合格 years running, the trends across the years with data; a row opens every point explained
// with links to the acts, cases and review files behind it. The office downloads the report.
import { AlertOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { PagePending } from '../../components/PagePending';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { GradeTag } from './components/GradeTag';
import SubjectDrawer from './components/SubjectDrawer';
import TrendChart from './components/TrendChart';
import { getYear, percent, reportUrl } from './service';
import type { Pursued, SubjectSummary, YearAssessment } from './types';

const thisYear = () => new Date().getFullYear();

function PursuedCard({ p }: { p: Pursued }) {
  const { t } = useIntl();
  const figures: [string, number][] = [
    ['found', p.found],
    ['pursued', p.pursued],
    ['tolerance', p.toleranceExempt],
    ['statutory', p.statutoryExempt],
    ['unpursued', p.unpursued],
  ];
  return (
    <Card data-testid="assessment-pursued">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} md={8}>
          <Statistic
            title={t('pages.assessment.pursued.title')}
            value={p.rate === null ? t('pages.assessment.pursued.none') : percent(p.rate)}
            styles={{ content: { fontSize: 40, fontWeight: 600, color: '#fa541c' } }}
          />
          {p.rateExcludingExemptions !== null && (
            <Typography.Text type="secondary">
              {t('pages.assessment.pursued.excluding', { rate: percent(p.rateExcludingExemptions) })}
            </Typography.Text>
          )}
        </Col>
        {figures.map(([key, value]) => (
          <Col xs={12} md={3} key={key}>
            <Statistic title={t(`pages.assessment.pursued.${key}`)} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function RankTable({
  rows,
  officers,
  onOpen,
}: {
  rows: SubjectSummary[];
  officers: boolean;
  onOpen(id: string): void;
}) {
  const { t } = useIntl();
  const columns: TableColumnsType<SubjectSummary> = [
    {
      title: t('pages.assessment.col.rank'),
      dataIndex: 'rank',
      width: 70,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('pages.assessment.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Flex gap={6} align="center">
          <Typography.Link onClick={() => onOpen(r.id)} data-testid="assessment-subject-link">
            {v}
          </Typography.Link>
          {r.flags.length > 0 && (
            <Tag color="red" icon={<AlertOutlined />}>
              {t('pages.assessment.flagged')}
            </Tag>
          )}
        </Flex>
      ),
    },
    ...(officers
      ? [{ title: t('pages.assessment.col.agency'), dataIndex: 'agencyName', ellipsis: true } as const]
      : []),
    {
      title: t('pages.assessment.col.total'),
      dataIndex: 'total',
      width: 90,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('pages.assessment.col.grade'),
      dataIndex: 'grade',
      width: 110,
      render: (_: unknown, r) => <GradeTag grade={r.grade} />,
    },
    {
      title: t('pages.assessment.col.faults'),
      key: 'faults',
      width: 110,
      render: (_: unknown, r) => (r.pursued ? `${r.pursued.found} / ${r.pursued.pursued}` : '—'),
    },
    {
      title: t('pages.assessment.col.pursued'),
      key: 'pursued',
      width: 110,
      render: (_: unknown, r) => percent(r.pursued?.rate),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid={officers ? 'assessment-officers' : 'assessment-agencies'}
    />
  );
}

function Trends({ a }: { a: YearAssessment }) {
  const { t } = useIntl();
  if (a.trends.length < 2)
    return <Typography.Text type="secondary">{t('pages.assessment.trend.none')}</Typography.Text>;
  return (
    <TrendChart
      testId="assessment-trend"
      years={a.trends.map((x) => x.year)}
      series={[
        {
          name: t('pages.assessment.trend.pursuedRate'),
          values: a.trends.map((x) => x.pursued.rate),
          color: '#fa541c',
        },
        {
          name: t('pages.assessment.trend.agencyMean'),
          values: a.trends.map((x) => x.kinds.agency.meanTotal),
          color: '#1677ff',
        },
        {
          name: t('pages.assessment.trend.officerMean'),
          values: a.trends.map((x) => x.kinds.officer.meanTotal),
          color: '#52c41a',
        },
      ]}
    />
  );
}

export default function AssessmentPage() {
  const { t } = useIntl();
  const { values, update } = useSearchState();
  const year = Number(values.year) || thisYear();
  const [open, setOpen] = useState<string | null>(null);
  const state = useApi((signal) => getYear(year, signal), [year]);
  const title = t('pages.assessment.title');
  const a = state.data;
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  const picker = (
    <Select
      value={year}
      style={{ width: 120 }}
      options={years.map((y) => ({ value: y, label: `${y}` }))}
      onChange={(y) => update({ year: String(y) })}
      aria-label={t('pages.assessment.year')}
      data-testid="assessment-year"
    />
  );
  if (!a) return <PagePending title={title} breadcrumb={[]} error={state.error} onRetry={state.reload} />;
  return (
    <PageContainer
      title={`${title} · ${a.regionName} ${a.year}`}
      testId="assessment-page"
      description={t('pages.assessment.description', {
        policy: a.policy.title,
        general: a.policy.weights.general,
        sector: a.policy.weights.sector,
        external: a.policy.weights.external,
      })}
      extra={
        <Flex gap={8}>
          {picker}
          {a.view === 'region' && (
            <Button icon={<DownloadOutlined />} href={reportUrl(a.year)} data-testid="assessment-report">
              {t('pages.assessment.report')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {a.view === 'agency' && <Alert type="info" showIcon title={t('pages.assessment.agencyView')} />}
        <PursuedCard p={a.pursued} />
        {a.flagged.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="assessment-flagged"
            title={t('pages.assessment.flaggedTitle')}
            description={a.flagged.flatMap((o) =>
              o.flags.map((f) => <div key={`${o.id}-${f.kind}`}>{f.reason}</div>),
            )}
          />
        )}
        <Card>
          <Tabs
            items={[
              {
                key: 'agencies',
                label: t('pages.assessment.tab.agencies'),
                children: <RankTable rows={a.agencies} officers={false} onOpen={setOpen} />,
              },
              {
                key: 'officers',
                label: t('pages.assessment.tab.officers'),
                children: <RankTable rows={a.officers} officers onOpen={setOpen} />,
              },
              ...(a.view === 'region'
                ? [{ key: 'trends', label: t('pages.assessment.tab.trends'), children: <Trends a={a} /> }]
                : []),
            ]}
          />
        </Card>
      </Flex>
      <SubjectDrawer year={a.year} id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}

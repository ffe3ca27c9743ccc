// The campaign's results: for the whole campaign and per agency the spot-check's mean, grades and
// pass rate beside the self-check's, and how far the self-check agrees with the spot-check; then per
// file the two grades side by side.
import { Col, Flex, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { campaignResults, fileHref } from '../service';
import type { Campaign, Results, StageScore } from '../types';
import { AgreementTag, GradeTag } from './Tags';

type AgencyRow = Results['agencies'][number];
type FileRow = Results['files'][number];

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
const num = (n: number | null) => (n === null ? '—' : String(n));

function StageCell({ s }: { s: StageScore | null }) {
  if (!s) return <>—</>;
  return (
    <Flex gap={6} align="center">
      <Link to={fileHref(s.fileId)}>{num(s.total)}</Link>
      <GradeTag grade={s.grade} />
    </Flex>
  );
}

export default function ResultsCard({ campaign }: { campaign: Campaign }) {
  const { t } = useIntl();
  const results = useApi((signal) => campaignResults(campaign.id, signal), [campaign.id, campaign.version]);
  if (results.error) return <LoadError error={results.error} onRetry={results.reload} />;
  const r = results.data;
  const c = r?.campaign;

  const agencyColumns: TableColumnsType<AgencyRow> = [
    { title: t('pages.review.field.agency'), dataIndex: 'agencyName', fixed: 'left', width: 190 },
    {
      title: t('pages.review.result.drawn'),
      key: 'drawn',
      width: 90,
      render: (_, a) => `${num(a.drawn)} / ${num(a.eligible)}`,
    },
    {
      title: t('enums.reviewStage.spot'),
      children: [
        {
          title: t('pages.review.result.scored'),
          key: 'spotScored',
          width: 70,
          render: (_, a) => a.spot.scored,
        },
        {
          title: t('pages.review.result.mean'),
          key: 'spotMean',
          width: 70,
          render: (_, a) => num(a.spot.mean),
        },
        {
          title: t('pages.review.result.grades'),
          key: 'spotGrades',
          width: 120,
          render: (_, a) => `${a.spot.grades.excellent} / ${a.spot.grades.pass} / ${a.spot.grades.fail}`,
        },
        {
          title: t('pages.review.result.passRate'),
          key: 'spotPass',
          width: 80,
          render: (_, a) => pct(a.spot.passRate),
        },
      ],
    },
    {
      title: t('enums.reviewStage.self'),
      children: [
        {
          title: t('pages.review.result.scored'),
          key: 'selfScored',
          width: 70,
          render: (_, a) => a.self.scored,
        },
        {
          title: t('pages.review.result.mean'),
          key: 'selfMean',
          width: 70,
          render: (_, a) => num(a.self.mean),
        },
      ],
    },
    {
      title: t('pages.review.result.comparison'),
      children: [
        {
          title: t('pages.review.result.compared'),
          key: 'compared',
          width: 70,
          render: (_, a) => a.compared,
        },
        {
          title: t('enums.reviewAgreement.same'),
          key: 'same',
          width: 80,
          render: (_, a) => a.agreements.same,
        },
        {
          title: t('enums.reviewAgreement.lenient'),
          key: 'lenient',
          width: 80,
          render: (_, a) => a.agreements.lenient,
        },
        {
          title: t('enums.reviewAgreement.strict'),
          key: 'strict',
          width: 80,
          render: (_, a) => a.agreements.strict,
        },
        {
          title: t('pages.review.result.meanDifference'),
          key: 'diff',
          width: 90,
          render: (_, a) => num(a.meanDifference),
        },
      ],
    },
  ];

  const fileColumns: TableColumnsType<FileRow> = [
    { title: t('pages.review.field.act'), dataIndex: 'actId', width: 200 },
    { title: t('pages.review.field.agency'), dataIndex: 'agencyName', width: 190, ellipsis: true },
    {
      title: t('enums.reviewStage.self'),
      key: 'self',
      width: 150,
      render: (_, f) => <StageCell s={f.self} />,
    },
    {
      title: t('enums.reviewStage.spot'),
      key: 'spot',
      width: 150,
      render: (_, f) => <StageCell s={f.spot} />,
    },
    { title: t('pages.review.result.difference'), dataIndex: 'difference', width: 90, render: num },
    {
      title: t('pages.review.result.agreement'),
      key: 'agreement',
      width: 110,
      render: (_, f) => <AgreementTag agreement={f.agreement} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="review-results">
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('pages.review.result.spotMean')} value={num(c.spot.mean)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('pages.review.result.passRate')} value={pct(c.spot.passRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('pages.review.result.excellentRate')} value={pct(c.spot.excellentRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('pages.review.result.agreementRate')}
              value={c.compared === 0 ? '—' : `${c.agreements.same} / ${c.compared}`}
            />
          </Col>
        </Row>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('pages.review.result.byAgency')}
      </Typography.Title>
      <Table<AgencyRow>
        rowKey="agencyId"
        size="small"
        bordered
        columns={agencyColumns}
        dataSource={r?.agencies ?? []}
        loading={results.loading}
        pagination={false}
        scroll={{ x: 1300 }}
        data-testid="review-results-agencies"
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('pages.review.result.byFile')}
      </Typography.Title>
      <Table<FileRow>
        rowKey="actId"
        size="small"
        columns={fileColumns}
        dataSource={r?.files ?? []}
        loading={results.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        data-testid="review-results-files"
      />
    </Flex>
  );
}

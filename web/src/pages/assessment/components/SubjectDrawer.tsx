// One agency or officer of the year: the total, grade and rank, every point with its explanation
// and the acts, cases and review files behind it (links), how the grade was reached, and the
// totals across the years.
import { Alert, Descriptions, Drawer, Flex, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { getSubject, percent } from '../service';
import type { Link as RefLink, SubjectDetail } from '../types';
import { GradeTag } from './GradeTag';
import TrendChart from './TrendChart';

/** Links shown per kind before "and N more". */
const SHOWN = 8;

function Refs({ label, links }: { label: string; links: RefLink[] }) {
  const { t } = useIntl();
  if (links.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {label}：
      <Space size={4} wrap>
        {links.slice(0, SHOWN).map((l) => (
          <Link key={l.id} to={l.href} data-testid="assessment-ref">
            {l.id.length > 12 ? `${l.id.slice(0, 8)}…` : l.id}
          </Link>
        ))}
        {links.length > SHOWN && t('pages.assessment.drawer.more', { count: links.length })}
      </Space>
    </Typography.Text>
  );
}

function Detail({ s }: { s: SubjectDetail }) {
  const { t } = useIntl();
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('pages.assessment.col.total')}>{s.total ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pages.assessment.col.grade')}>
          <GradeTag grade={s.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('pages.assessment.col.rank')}>
          {s.rank ?? '—'}
          {s.agencyRank !== null && ` · ${t('pages.assessment.drawer.agencyRank', { rank: s.agencyRank })}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('pages.assessment.col.pursued')}>
          {percent(s.pursued?.rate)}
        </Descriptions.Item>
        {s.parts.map((p) => (
          <Descriptions.Item key={p.part} label={t(`enums.assessmentPart.${p.part}`)}>
            {t('pages.assessment.drawer.score', { points: p.points, max: p.max })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {s.flags.map((f) => (
        <Alert key={f.kind} type="error" showIcon title={f.reason} data-testid="assessment-flag" />
      ))}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('pages.assessment.drawer.points')}
      </Typography.Title>
      <List
        size="small"
        dataSource={s.points}
        data-testid="assessment-points"
        renderItem={(p) => (
          <List.Item data-testid={`assessment-point-${p.indicator}`}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <Space>
                  <Typography.Text strong>{t(`enums.assessmentIndicator.${p.indicator}`)}</Typography.Text>
                  <Tag>{t(`enums.assessmentPart.${p.part}`)}</Tag>
                  {!p.applicable && <Tag>{t('pages.assessment.drawer.notApplicable')}</Tag>}
                </Space>
                {p.applicable && (
                  <Space>
                    <Progress
                      percent={p.max === 0 ? 0 : Math.round((p.points / p.max) * 100)}
                      size="small"
                      showInfo={false}
                      style={{ width: 80 }}
                    />
                    <Typography.Text>
                      {t('pages.assessment.drawer.score', { points: p.points, max: p.max })}
                    </Typography.Text>
                  </Space>
                )}
              </Flex>
              <Typography.Text type="secondary">{p.explanation}</Typography.Text>
              <Refs label={t('pages.assessment.drawer.acts')} links={p.links.acts} />
              <Refs label={t('pages.assessment.drawer.cases')} links={p.links.cases} />
              <Refs label={t('pages.assessment.drawer.files')} links={p.links.files} />
            </Flex>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('pages.assessment.drawer.reasons')}
      </Typography.Title>
      {s.reasons.map((r) => (
        <Typography.Paragraph key={r} style={{ margin: 0 }}>
          {r}
        </Typography.Paragraph>
      ))}
      {s.trend.length > 1 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('pages.assessment.drawer.trend')}
          </Typography.Title>
          <TrendChart
            testId="assessment-subject-trend"
            height={200}
            years={s.trend.map((x) => x.year)}
            series={[
              {
                name: t('pages.assessment.trend.total'),
                values: s.trend.map((x) => x.total),
                color: '#1677ff',
              },
              {
                name: t('pages.assessment.trend.pursuedRate'),
                values: s.trend.map((x) => x.pursuedRate),
                color: '#fa541c',
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

export default function SubjectDrawer({
  year,
  id,
  onClose,
}: {
  year: number;
  id: string | null;
  onClose(): void;
}) {
  const subject = useApi(
    (signal) => (id ? getSubject(year, id, signal) : Promise.resolve(undefined)),
    [year, id],
  );
  const s = subject.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={s ? `${s.name}${s.agencyName ? ` · ${s.agencyName}` : ''}` : ''}
      data-testid="assessment-drawer"
    >
      {subject.error ? (
        <LoadError error={subject.error} onRetry={subject.reload} />
      ) : !s || subject.loading ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Detail s={s} />
      )}
    </Drawer>
  );
}

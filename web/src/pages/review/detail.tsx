// One review campaign: its scope, seed and rubric; the steps the office may take now (draw, start
// the self-check, start the spot-check, close — blocked ones disabled with the reason); the strata
// of the draw (agency, eligible, drawn); the files with their grades; the reviewer pool and the
// assignment; the results per agency with the self-check against the spot-check; the history.
import {
  AimOutlined,
  AuditOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  FlagOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router-dom';
import { type HistoryFormat, HistoryTimeline } from '../../components/HistoryTimeline';
import { PageContainer } from '../../components/PageContainer';
import ProcedureActions from '../../components/ProcedureActions';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { type Translate, useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import FilesTable from './components/FilesTable';
import ResultsCard from './components/ResultsCard';
import ReviewersCard from './components/ReviewersCard';
import { CampaignStateTag } from './components/Tags';
import { campaignAction, campaignHistory, getCampaign } from './service';
import type { Campaign, ReviewCampaignAction, ReviewStage, Stratum } from './types';

const ICONS: Record<ReviewCampaignAction, ReactNode> = {
  draw: <AimOutlined />,
  start_self_check: <AuditOutlined />,
  start_spot_check: <TeamOutlined />,
  close: <CheckCircleOutlined />,
};
const PRIMARY: Partial<Record<Campaign['state'], ReviewCampaignAction>> = {
  draft: 'draw',
  sampled: 'start_self_check',
  self_check: 'start_spot_check',
  spot_check: 'close',
};

/** How the campaign's audit trail reads: its own field names and codes. */
function historyFormat(t: Translate): HistoryFormat {
  const f = (k: string) => `pages.review.field.${k}`;
  return {
    fields: {
      name: f('name'),
      kind: f('kind'),
      agencyIds: f('agencies'),
      kinds: f('kinds'),
      periodFrom: f('from'),
      periodTo: f('to'),
      size: f('size'),
      seed: f('seed'),
      pack: 'pages.review.history.pack',
      drawn: f('drawn'),
      reviewers: f('reviewers'),
      released: 'pages.review.history.released',
      assigned: 'pages.review.history.assigned',
      unassignable: 'pages.review.history.unassignable',
      from: 'pages.review.history.from',
      to: 'pages.review.history.to',
    },
    enums: {
      kind: 'enums.reviewCampaignKind',
      from: 'enums.reviewCampaignState',
      to: 'enums.reviewCampaignState',
    },
    hidden: ['strata'],
    value(key, value) {
      if (key === 'kinds' && Array.isArray(value))
        return value.map((k) => t(`enums.actKind.${k}`)).join('、');
      if (key === 'agencyIds' && Array.isArray(value))
        return value.length === 0 ? t('pages.review.allAgencies') : value.join('、');
      if (key === 'unassignable' && Array.isArray(value)) return value.length === 0 ? '0' : value.join('、');
      if (key === 'reviewers' && Array.isArray(value))
        return value
          .map(
            (r: { user?: string; group?: string; leader?: boolean }) =>
              `${r.user ?? ''}（${r.group ?? ''}${r.leader ? `，${t('pages.review.leader')}` : ''}）`,
          )
          .join('、');
      return undefined;
    },
    colors: { 'review_campaign.close': 'green', 'review_campaign.create': 'green' },
  };
}

function Strata({ strata }: { strata: Stratum[] }) {
  const { t } = useIntl();
  const columns: TableColumnsType<Stratum> = [
    { title: t('pages.review.field.agency'), dataIndex: 'agencyName' },
    { title: t('pages.review.field.eligible'), dataIndex: 'eligible', width: 140, align: 'right' },
    { title: t('pages.review.field.drawn'), dataIndex: 'drawn', width: 140, align: 'right' },
    {
      title: t('pages.review.field.share'),
      key: 'share',
      width: 140,
      align: 'right',
      render: (_, s) => (s.eligible === 0 ? '—' : `${((100 * s.drawn) / s.eligible).toFixed(1)}%`),
    },
  ];
  const total = (k: 'eligible' | 'drawn') => strata.reduce((n, s) => n + s[k], 0);
  return (
    <Table<Stratum>
      rowKey="agencyId"
      size="small"
      columns={columns}
      dataSource={strata}
      pagination={false}
      data-testid="review-strata"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('pages.review.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {total('eligible')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {total('drawn')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} />
        </Table.Summary.Row>
      )}
    />
  );
}

export default function ReviewCampaignPage() {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const { id = '' } = useParams();
  const loaded = useApi((signal) => getCampaign(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<string>();
  const c = loaded.data?.id === id ? loaded.data : undefined;
  const history = useApi((signal) => campaignHistory(id, signal), [id, c?.version]);
  const crumbs = [{ title: t('menu.review'), to: '/review' }];

  if (loaded.error)
    return (
      <PageContainer title={t('pages.review.detail')} breadcrumb={crumbs}>
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      </PageContainer>
    );
  if (!c)
    return (
      <PageContainer title={t('pages.review.detail')} breadcrumb={crumbs}>
        <Skeleton active />
      </PageContainer>
    );

  const act = async (action: ReviewCampaignAction) => {
    setBusy(true);
    try {
      await campaignAction(c, action);
      message.success(t(`pages.review.done.${action}`));
      loaded.reload();
    } catch (e) {
      showError(e, { onReload: loaded.reload });
    } finally {
      setBusy(false);
    }
  };

  const seesAll = c.office || user.role === 'admin';
  const ownAgency = user.role === 'agency_legal';
  const stages: ReviewStage[] = seesAll ? ['spot', 'self'] : ownAgency ? ['self', 'spot'] : ['spot'];
  const drawn = c.state !== 'draft';
  const seesResults = seesAll || ownAgency;

  const items = [
    drawn && {
      key: 'files',
      label: t('pages.review.tab.files'),
      children: (
        <FilesTable campaign={c} stages={stages} defaultStage={stages[0]!} mine={!seesAll && !ownAgency} />
      ),
    },
    c.strata && {
      key: 'strata',
      label: t('pages.review.tab.strata'),
      children: <Strata strata={c.strata} />,
    },
    (c.office || c.reviewer || user.role === 'admin') && {
      key: 'reviewers',
      label: t('pages.review.tab.reviewers'),
      children: <ReviewersCard campaign={c} onChanged={loaded.reload} />,
    },
    drawn &&
      seesResults && {
        key: 'results',
        label: t('pages.review.tab.results'),
        children: <ResultsCard campaign={c} />,
      },
    {
      key: 'history',
      label: t('common.history'),
      children: (
        <HistoryTimeline
          items={history.data?.items ?? []}
          testId="review-history"
          format={historyFormat(t)}
        />
      ),
    },
  ].filter((x): x is Exclude<typeof x, false | null> => Boolean(x));

  return (
    <PageContainer
      testId="review-detail"
      title={c.name}
      breadcrumb={crumbs}
      tags={
        <>
          <CampaignStateTag state={c.state} />
          <Tag icon={<FlagOutlined />}>{t(`enums.reviewCampaignKind.${c.kind}`)}</Tag>
        </>
      }
      extra={
        <Flex gap={8} wrap>
          {/* The report is for those who read the results (GET …/results): not a reviewer as such. */}
          {c.state !== 'draft' && ['supervisor', 'agency_legal', 'admin'].includes(user.role) && (
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/review-campaigns/${encodeURIComponent(c.id)}/report.docx`}
              data-testid="review-report"
            >
              {t('pages.review.reportDownload')}
            </Button>
          )}
          <ProcedureActions<ReviewCampaignAction>
            availability={busy ? c.availability.map((a) => ({ ...a, available: false })) : c.availability}
            labelOf={(a) => t(`pages.review.action.${a}`)}
            onAction={act}
            icons={ICONS}
            primary={PRIMARY[c.state]}
            testIdPrefix="review-action-"
          />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="review-scope">
            <Descriptions.Item label={t('pages.review.field.region')}>{c.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.agencies')}>
              {c.agencies.length === 0
                ? t('pages.review.allAgencies')
                : c.agencies.map((a) => a.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.kinds')}>
              {c.kinds.map((k) => t(`enums.actKind.${k}`)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.period')}>
              {c.from ?? '…'} ~ {c.to ?? '…'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.size')}>{c.size}</Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.seed')}>
              <span data-testid="review-seed">{c.seed}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.rubric')}>{c.rubricTitle}</Descriptions.Item>
            <Descriptions.Item label={t('pages.review.field.createdBy')}>
              {c.createdByName ?? t('common.none')} · {dayjs(c.createdAt).format('YYYY-MM-DD')}
            </Descriptions.Item>
            {drawn && (
              <Descriptions.Item label={t('pages.review.field.progress')}>
                <span data-testid="review-progress">
                  {t('pages.review.progressDetail', {
                    files: c.files,
                    unassigned: c.unassigned,
                    selfUnscored: c.selfUnscored,
                    unscored: c.unscored,
                  })}
                </span>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card variant="borderless">
          <Tabs activeKey={tab ?? items[0]?.key} onChange={setTab} items={items} />
        </Card>
      </Flex>
    </PageContainer>
  );
}

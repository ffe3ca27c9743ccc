// A campaign's files: the spot-check's (抽查评查) or the self-check's (自查), by agency; each with its
// act, reviewers, score and grade, and the leads its failed items opened. A file opens on its scoring
// page.
import { Flex, Segmented, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { campaignFiles, fileHref } from '../service';
import type { Campaign, ReviewFile, ReviewStage } from '../types';
import { GradeTag } from './Tags';

export default function FilesTable({
  campaign,
  stages,
  defaultStage,
  mine,
}: {
  campaign: Campaign;
  /** The stages the reader may list. */
  stages: ReviewStage[];
  defaultStage: ReviewStage;
  /** Only the files assigned to the reader. */
  mine: boolean;
}) {
  const { t } = useIntl();
  const [stage, setStage] = useState<ReviewStage>(defaultStage);
  const [agencyId, setAgencyId] = useState<string>();
  const files = useApi(
    (signal) => campaignFiles(campaign.id, { stage, agencyId, mine }, signal),
    [campaign.id, campaign.version, stage, agencyId, mine],
  );
  if (files.error) return <LoadError error={files.error} onRetry={files.reload} />;

  const columns: TableColumnsType<ReviewFile> = [
    {
      title: t('pages.review.field.act'),
      dataIndex: 'actId',
      width: 200,
      render: (v: string, f) => (
        <Link to={fileHref(f.id)} data-testid="review-file-link" data-act={v}>
          {v}
        </Link>
      ),
    },
    { title: t('pages.review.field.agency'), dataIndex: 'agencyName', width: 190, ellipsis: true },
    {
      title: t('pages.review.field.actKind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: string) => t(`enums.actKind.${k}`),
    },
    { title: t('pages.review.field.matter'), dataIndex: 'matter', ellipsis: true },
    { title: t('pages.review.field.decided'), dataIndex: 'decided', width: 110 },
    ...(stage === 'spot'
      ? [
          {
            title: t('pages.review.field.reviewers'),
            key: 'reviewers',
            width: 200,
            render: (_: unknown, f: ReviewFile) =>
              f.reviewers.length === 0 ? (
                <Typography.Text type="warning">{t('pages.review.unassigned')}</Typography.Text>
              ) : (
                <Typography.Text ellipsis>
                  {f.reviewGroup ? `${f.reviewGroup}：` : ''}
                  {f.reviewers.map((r) => r.name).join('、')}
                </Typography.Text>
              ),
          },
        ]
      : []),
    {
      title: t('pages.review.field.total'),
      dataIndex: 'total',
      width: 80,
      align: 'right',
      render: (v: number | null) => (v === null ? t('common.none') : v),
    },
    {
      title: t('pages.review.field.grade'),
      dataIndex: 'grade',
      width: 100,
      render: (_, f) =>
        f.needsReconciliation ? (
          <Tag color="orange" data-testid="review-file-reconcile">
            {t('pages.review.double.needs')}
          </Tag>
        ) : (
          <GradeTag grade={f.grade} testId="review-file-grade" />
        ),
    },
    {
      title: t('pages.review.field.leads'),
      key: 'leads',
      width: 80,
      render: (_, f) => (f.leads.length > 0 ? <Tag color="red">{f.leads.length}</Tag> : t('common.none')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, f) => (
        <Link to={fileHref(f.id)} data-testid={f.canScore ? 'review-file-score' : undefined}>
          {f.canScore ? t('pages.review.score') : t('common.view')}
        </Link>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        {stages.length > 1 && (
          <Segmented<ReviewStage>
            value={stage}
            onChange={setStage}
            options={stages.map((s) => ({ value: s, label: t(`enums.reviewStage.${s}`) }))}
            data-testid="review-files-stage"
          />
        )}
        {(campaign.strata?.length ?? 0) > 1 && (
          <Select
            allowClear
            placeholder={t('pages.review.field.agency')}
            value={agencyId}
            onChange={setAgencyId}
            style={{ width: 240 }}
            options={(campaign.strata ?? []).map((s) => ({ value: s.agencyId, label: s.agencyName }))}
          />
        )}
      </Flex>
      <Table<ReviewFile>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={files.data?.items ?? []}
        loading={files.loading}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="review-files"
        locale={{ emptyText: t('pages.review.noFiles') }}
      />
    </Flex>
  );
}

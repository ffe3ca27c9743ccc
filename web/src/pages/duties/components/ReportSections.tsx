// A duty-list report as three lists with names, not codes: 职责交叉 (the agencies leading one power),
// 职责空白 (the reason, and who holds the power only as 协办), 要素不全 (what each item lacks) — the
// worklist of the jurisdiction, and the check of a file before it is imported.
import { Alert, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useRegions } from '../../../hooks/useRegions';
import { useDutyLabels } from '../labels';
import type { AgencyRef, CompletenessColumn, DutyResolution, DutyRole, OverlapStatus } from '../types';
import OverlapState from './OverlapState';

type ReportOverlap = {
  code: string;
  name: string;
  region: string | null;
  agencies: AgencyRef[];
  /** On the worklist: where the overlap stands (a check's preview has none). */
  status?: OverlapStatus;
  resolution?: DutyResolution | null;
  uncovered?: AgencyRef[];
};

export interface ReportData {
  overlaps: ReportOverlap[];
  gaps: {
    code: string;
    name: string;
    region: string | null;
    kind: 'assistOnly' | 'reference';
    agencies?: (AgencyRef & { role: DutyRole })[];
  }[];
  incomplete: {
    key: string;
    row: number;
    code: string;
    name: string;
    agencyName: string;
    version?: number;
    missing: CompletenessColumn[];
  }[];
}

export default function ReportSections({
  report,
  testId,
  overlapAction,
}: {
  report: ReportData;
  testId: string;
  /** The worklist's 处理 for an overlap (the office's). */
  overlapAction?: (overlap: ReportOverlap) => ReactNode;
}) {
  const { t, column } = useDutyLabels();
  const regions = useRegions();
  const power = (r: { name: string; code: string }) => (
    <Flex vertical>
      <Typography.Text strong>{r.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.code}
      </Typography.Text>
    </Flex>
  );
  const region = (code: string | null) => (code ? regions.nameOf(code) : t('pages.duties.none'));
  const empty = { emptyText: t('pages.duties.worklist.noneOfKind') };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={testId}>
      {report.overlaps.length + report.gaps.length + report.incomplete.length === 0 && (
        <Alert type="success" showIcon title={t('pages.duties.worklist.clean')} />
      )}
      <Card
        size="small"
        title={t('pages.duties.worklist.overlaps', { n: report.overlaps.length })}
        data-testid={`${testId}-overlaps`}
      >
        <Typography.Paragraph type="secondary">
          {t('pages.duties.worklist.overlapsHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey={(r) => `${r.region}/${r.code}`}
          dataSource={report.overlaps}
          pagination={report.overlaps.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={empty}
          columns={[
            { title: t('pages.duties.field.name'), key: 'name', width: 240, render: (_, r) => power(r) },
            {
              title: t('pages.duties.worklist.region'),
              key: 'region',
              width: 120,
              render: (_, r) => region(r.region),
            },
            {
              title: t('pages.duties.worklist.agencies'),
              key: 'agencies',
              render: (_, r) => (
                <Flex gap={4} wrap>
                  {r.agencies.map((a) => (
                    <Tag key={a.id} color="orange">
                      {a.name}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            ...(report.overlaps.some((o) => o.status !== undefined)
              ? [
                  {
                    title: t('pages.duties.boundary.status'),
                    key: 'status',
                    width: 220,
                    render: (_: unknown, r: ReportOverlap) => <OverlapState overlap={r} />,
                  },
                ]
              : []),
            ...(overlapAction
              ? [
                  {
                    title: t('pages.duties.boundary.handle'),
                    key: 'handle',
                    width: 100,
                    render: (_: unknown, r: ReportOverlap) => overlapAction(r),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('pages.duties.worklist.gaps', { n: report.gaps.length })}
        data-testid={`${testId}-gaps`}
      >
        <Typography.Paragraph type="secondary">{t('pages.duties.worklist.gapsHint')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey={(r) => `${r.region}/${r.code}/${r.kind}`}
          dataSource={report.gaps}
          pagination={report.gaps.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={empty}
          columns={[
            { title: t('pages.duties.field.name'), key: 'name', width: 240, render: (_, r) => power(r) },
            {
              title: t('pages.duties.worklist.region'),
              key: 'region',
              width: 120,
              render: (_, r) => region(r.region),
            },
            {
              title: t('pages.duties.worklist.reason'),
              key: 'reason',
              render: (_, r) => t(`pages.duties.gap.${r.kind}`),
            },
            {
              title: t('pages.duties.worklist.holders'),
              key: 'holders',
              render: (_, r) =>
                r.agencies && r.agencies.length > 0 ? (
                  <Flex gap={4} wrap>
                    {r.agencies.map((a) => (
                      <Tag key={a.id}>
                        {a.name}（{t(`pages.duties.role.${a.role}`)}）
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  t('pages.duties.none')
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('pages.duties.worklist.incomplete', { n: report.incomplete.length })}
        data-testid={`${testId}-incomplete`}
      >
        <Typography.Paragraph type="secondary">
          {t('pages.duties.worklist.incompleteHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="key"
          dataSource={report.incomplete}
          pagination={report.incomplete.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={empty}
          columns={[
            { title: t('pages.duties.field.name'), key: 'name', width: 240, render: (_, r) => power(r) },
            { title: t('pages.duties.field.agency'), dataIndex: 'agencyName', width: 200 },
            {
              title: t('pages.duties.worklist.missing'),
              key: 'missing',
              render: (_, r) => (
                <Flex gap={4} wrap>
                  {r.missing.map((m) => (
                    <Tag key={m} color="warning">
                      {column(m)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('pages.duties.worklist.row'),
              key: 'row',
              width: 120,
              render: (_, r) =>
                r.version === undefined
                  ? r.row
                  : `${t('pages.duties.versions.label', { n: r.version })} · ${r.row}`,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

// 版本与差异: the versions of one agency's list (each import is a version; a newer one supersedes the
// older from its 生效日期), and the difference between two of them by 职权编码: added, removed and
// changed powers, the changed columns with their old and new content.

import { Alert, Card, Empty, Flex, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { AgencySelect } from '../../../components/Filters';
import { ResponsiveTable } from '../../../components/ListTable';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useDutyLabels } from '../labels';
import { dutyDiff, dutyVersions } from '../service';
import type { DutyDiff, DutyItem, DutyVersion } from '../types';
import { useItemColumns } from './itemColumns';

type Change = DutyDiff['changed'][number];

export default function VersionsTab() {
  const { t, column, type, role, pursuit } = useDutyLabels();
  const { values, update } = useSearchState();
  const agencyId = values.agencyId;
  const versions = useApi(
    (signal) => (agencyId ? dutyVersions(agencyId, signal) : Promise.resolve(null)),
    [agencyId],
  );
  const list = versions.data?.items ?? [];
  // The two newest by default: what the latest import changed.
  const to = Number(values.to ?? list[0]?.version ?? 0) || undefined;
  const from = Number(values.from ?? list[1]?.version ?? 0) || undefined;
  const diff = useApi(
    (signal) =>
      agencyId && from && to && from !== to ? dutyDiff(agencyId, from, to, signal) : Promise.resolve(null),
    [agencyId, from, to],
  );
  const itemColumns = useItemColumns();

  const cellOf = (item: DutyItem, name: string): string => {
    switch (name) {
      case '职权名称':
        return item.name;
      case '职权类型':
        return type(item.type);
      case '承办机构':
        return item.unit ?? '—';
      case '主办或协办':
        return role(item.role);
      case '设定依据':
        return item.basis ?? '—';
      case '责任事项':
        return item.duties.join('；') || '—';
      case '追责情形':
        return item.accountability.map(pursuit).join('；') || '—';
      case '法定办结时限':
        return item.timeLimit ?? '—';
      default:
        return '';
    }
  };
  const contentOf = (c: Change, side: 'before' | 'after') => (
    <Flex vertical gap={4}>
      {c.columns.map((name) => (
        <Typography.Text key={name}>
          <Typography.Text type="secondary">{column(name)}：</Typography.Text>
          {cellOf(c[side], name)}
        </Typography.Text>
      ))}
    </Flex>
  );
  const period = (v: DutyVersion) =>
    v.until === v.from
      ? t('pages.duties.versions.never')
      : v.until === null
        ? t('pages.duties.versions.onwards', { from: v.from })
        : t('pages.duties.versions.range', { from: v.from, until: v.until });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={12} wrap className="wz-toolbar">
        <AgencySelect
          placeholder={t('pages.duties.versions.agency')}
          value={agencyId}
          onChange={(id) => update({ agencyId: id, from: undefined, to: undefined })}
          style={{ width: 280 }}
          data-testid="duty-versions-agency"
        />
      </Flex>
      {!agencyId ? (
        <Empty description={t('pages.duties.versions.pick')} />
      ) : versions.error ? (
        <LoadError error={versions.error} onRetry={versions.reload} />
      ) : (
        <>
          <Table<DutyVersion>
            size="small"
            rowKey="version"
            loading={versions.loading}
            dataSource={list}
            pagination={false}
            data-testid="duty-versions"
            locale={{ emptyText: t('pages.duties.versions.empty') }}
            columns={[
              {
                title: t('pages.duties.versions.version'),
                dataIndex: 'version',
                width: 120,
                render: (n: number, v) => (
                  <Space size={4}>
                    {t('pages.duties.versions.label', { n })}
                    {v.inForce > 0 && <Tag color="green">{t('pages.duties.versions.current')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('pages.duties.versions.period'),
                key: 'period',
                width: 220,
                render: (_, v) => period(v),
              },
              { title: t('pages.duties.versions.items'), dataIndex: 'items', width: 80 },
              { title: t('pages.duties.versions.inForce'), dataIndex: 'inForce', width: 100 },
              { title: t('pages.duties.versions.file'), dataIndex: 'fileName', ellipsis: true },
              { title: t('pages.duties.versions.importedBy'), dataIndex: 'importedByName', width: 140 },
              {
                title: t('pages.duties.versions.importedAt'),
                dataIndex: 'importedAt',
                width: 170,
                render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
              },
            ]}
          />
          {list.length >= 2 && (
            <Card size="small" title={t('pages.duties.versions.pickTwo')}>
              <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
                {(['from', 'to'] as const).map((side) => (
                  <Space key={side}>
                    <Typography.Text type="secondary">{t(`pages.duties.versions.${side}`)}</Typography.Text>
                    <Select<number>
                      value={side === 'from' ? from : to}
                      onChange={(v) => update({ [side]: v })}
                      style={{ width: 130 }}
                      data-testid={`duty-diff-${side}`}
                      options={list.map((v) => ({
                        value: v.version,
                        label: t('pages.duties.versions.label', { n: v.version }),
                      }))}
                    />
                  </Space>
                ))}
              </Flex>
              {diff.error ? (
                <LoadError error={diff.error} onRetry={diff.reload} />
              ) : diff.data ? (
                <DiffView diff={diff.data} itemColumns={itemColumns} contentOf={contentOf} />
              ) : null}
            </Card>
          )}
        </>
      )}
    </Space>
  );
}

function DiffView({
  diff,
  itemColumns,
  contentOf,
}: {
  diff: DutyDiff;
  itemColumns: ReturnType<typeof useItemColumns>;
  contentOf: (c: Change, side: 'before' | 'after') => ReactNode;
}) {
  const { t, column } = useDutyLabels();
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    return <Alert type="success" showIcon title={t('pages.duties.versions.noChange')} />;
  }
  const items = (rows: DutyItem[], testId: string) => (
    <ResponsiveTable<DutyItem>
      size="small"
      rowKey="id"
      columns={itemColumns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 1300 }}
      cardTitle="name"
      data-testid={testId}
    />
  );
  return (
    <>
      <Typography.Text type="secondary">
        {t('pages.duties.versions.unchanged', { n: diff.unchanged })}
      </Typography.Text>
      <Tabs
        data-testid="duty-diff"
        items={[
          {
            key: 'added',
            label: (
              <span data-testid="duty-diff-added">
                {t('pages.duties.versions.added', { n: diff.added.length })}
              </span>
            ),
            children: items(diff.added, 'duty-diff-added-table'),
          },
          {
            key: 'removed',
            label: (
              <span data-testid="duty-diff-removed">
                {t('pages.duties.versions.removed', { n: diff.removed.length })}
              </span>
            ),
            children: items(diff.removed, 'duty-diff-removed-table'),
          },
          {
            key: 'changed',
            label: (
              <span data-testid="duty-diff-changed">
                {t('pages.duties.versions.changed', { n: diff.changed.length })}
              </span>
            ),
            children: (
              <ResponsiveTable<Change>
                size="small"
                rowKey="code"
                dataSource={diff.changed}
                pagination={diff.changed.length > 10 ? { pageSize: 10, size: 'small' } : false}
                cardTitle="name"
                columns={[
                  {
                    title: t('pages.duties.field.name'),
                    key: 'name',
                    width: 200,
                    render: (_, c) => (
                      <Flex vertical>
                        <Typography.Text strong>{c.after.name}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {c.code}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    title: t('pages.duties.versions.columns'),
                    key: 'columns',
                    width: 180,
                    render: (_, c) => (
                      <Flex gap={4} wrap>
                        {c.columns.map((name) => (
                          <Tag key={name}>{column(name)}</Tag>
                        ))}
                      </Flex>
                    ),
                  },
                  {
                    title: t('pages.duties.versions.before'),
                    key: 'before',
                    render: (_, c) => contentOf(c, 'before'),
                  },
                  {
                    title: t('pages.duties.versions.after'),
                    key: 'after',
                    render: (_, c) => contentOf(c, 'after'),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}

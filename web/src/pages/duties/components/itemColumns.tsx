// The columns of a table of list items, names rather than codes: 职权名称、类型、主办/协办、承办机构、
// 依据、责任事项、追责情形、时限 (and 实施主体 when the table mixes agencies).

import type { TableColumnsType } from 'antd';
import { Flex, Popover, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDutyLabels } from '../labels';
import type { DutyItem } from '../types';

/** The stage a responsibility names before its "：" (立案责任：… → 立案责任). */
const headOf = (s: string) => s.split(/[：:]/)[0];

function ListCell({ entries, summary, testId }: { entries: string[]; summary: ReactNode; testId?: string }) {
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Popover
      content={
        <ol style={{ margin: 0, paddingLeft: 18, maxWidth: 520 }}>
          {entries.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ol>
      }
    >
      <Typography.Text ellipsis style={{ maxWidth: 240, cursor: 'help' }} data-testid={testId}>
        {summary}
      </Typography.Text>
    </Popover>
  );
}

export function useItemColumns(opts: { showAgency?: boolean } = {}): TableColumnsType<DutyItem> {
  const { t, type, role, column, pursuit } = useDutyLabels();
  const none = <Typography.Text type="secondary">{t('pages.duties.none')}</Typography.Text>;
  const columns: TableColumnsType<DutyItem> = [
    {
      title: t('pages.duties.field.name'),
      dataIndex: 'name',
      key: 'name',
      width: 220,
      render: (_: string, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong data-testid="duty-item-name">
            {r.name}
          </Typography.Text>
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.code}
            </Typography.Text>
            {r.missing.length > 0 && (
              <Tooltip title={t('pages.duties.missing', { columns: r.missing.map(column).join('、') })}>
                <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                  {t('pages.duties.incomplete')}
                </Tag>
              </Tooltip>
            )}
          </Flex>
        </Flex>
      ),
    },
    { title: t('pages.duties.field.type'), dataIndex: 'type', key: 'type', width: 96, render: type },
    {
      title: t('pages.duties.field.role'),
      dataIndex: 'role',
      key: 'role',
      width: 88,
      render: (v: DutyItem['role']) => <Tag color={v === 'lead' ? 'blue' : 'default'}>{role(v)}</Tag>,
    },
  ];
  if (opts.showAgency) {
    columns.push({
      title: t('pages.duties.field.agency'),
      dataIndex: 'agencyName',
      key: 'agency',
      width: 180,
      ellipsis: true,
    });
  }
  columns.push(
    {
      title: t('pages.duties.field.unit'),
      dataIndex: 'unit',
      key: 'unit',
      width: 140,
      ellipsis: true,
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('pages.duties.field.basis'),
      dataIndex: 'basis',
      key: 'basis',
      width: 220,
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v === null ? (
          none
        ) : (
          <Tooltip title={v} placement="topLeft">
            {v}
          </Tooltip>
        ),
    },
    {
      title: t('pages.duties.field.duties'),
      dataIndex: 'duties',
      key: 'duties',
      width: 240,
      render: (v: string[]) => <ListCell entries={v} summary={v.map(headOf).join('、')} />,
    },
    {
      title: t('pages.duties.field.accountability'),
      dataIndex: 'accountability',
      key: 'accountability',
      width: 240,
      render: (v: string[]) => {
        const texts = v.map(pursuit);
        return <ListCell entries={texts} summary={texts.join('；')} testId="duty-item-pursuits" />;
      },
    },
    {
      title: t('pages.duties.field.timeLimit'),
      dataIndex: 'timeLimit',
      key: 'timeLimit',
      width: 110,
      render: (v: string | null) => v ?? none,
    },
  );
  return columns;
}

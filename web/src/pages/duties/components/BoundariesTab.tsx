// 职责边界清单: the boundaries in force on a day (lead, 协办, ground, from when), or the overlaps referred
// to the establishment office and still pending; searchable, and the boundary list as CSV.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Segmented, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { ListToolbar, SearchFilter } from '../../../components/Filters';
import ListTable from '../../../components/ListTable';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { boundaryExportUrl, listBoundaries } from '../service';
import type { BoundaryEntry } from '../types';

type Kind = 'boundary' | 'referral';

export default function BoundariesTab() {
  const { t } = useIntl();
  const { values, update, page, pageSize, paging } = useSearchState();
  const kind: Kind = values.kind === 'referral' ? 'referral' : 'boundary';
  const filter = { on: values.on, q: values.q, kind };
  const list = useApi(
    (signal) => listBoundaries({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || values.on);
  const clear = () => update({ q: undefined, on: undefined });
  const power = (r: BoundaryEntry) => (
    <Flex vertical>
      <Typography.Text strong>{r.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.code}
      </Typography.Text>
    </Flex>
  );
  const common: ColumnsType<BoundaryEntry> = [
    { title: t('pages.duties.field.name'), key: 'name', width: 220, render: (_, r) => power(r) },
    { title: t('pages.duties.worklist.region'), dataIndex: 'regionName', width: 100 },
  ];
  const columns: ColumnsType<BoundaryEntry> =
    kind === 'boundary'
      ? [
          ...common,
          {
            title: t('pages.duties.boundary.lead'),
            key: 'lead',
            width: 200,
            render: (_, r) => r.lead && <Tag color="blue">{r.lead.name}</Tag>,
          },
          {
            title: t('pages.duties.boundary.assisting'),
            key: 'assisting',
            width: 220,
            render: (_, r) => (
              <Flex gap={4} wrap>
                {r.assisting.map((a) => (
                  <Tag key={a.id}>{a.name}</Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('pages.duties.boundary.ground'), dataIndex: 'ground' },
          { title: t('pages.duties.boundary.validFrom'), dataIndex: 'validFrom', width: 110 },
          { title: t('pages.duties.boundary.decidedBy'), dataIndex: 'decidedByName', width: 120 },
        ]
      : [
          ...common,
          {
            title: t('pages.duties.worklist.agencies'),
            key: 'parties',
            width: 260,
            render: (_, r) => (
              <Flex gap={4} wrap>
                {r.parties.map((a) => (
                  <Tag key={a.id} color="orange">
                    {a.name}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('pages.duties.boundary.number'), key: 'number', render: (_, r) => r.referral?.number },
          {
            title: t('pages.duties.boundary.referredTo'),
            key: 'to',
            render: (_, r) => r.referral?.referredTo,
          },
          {
            title: t('pages.duties.boundary.referredOn'),
            key: 'on',
            width: 110,
            render: (_, r) => r.referral?.referredOn,
          },
          { title: t('pages.duties.boundary.note'), key: 'note', render: (_, r) => r.referral?.note },
        ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t(`pages.duties.boundary.hint.${kind}`)}</Typography.Paragraph>
      <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
        <Segmented<Kind>
          value={kind}
          onChange={(k) => update({ kind: k === 'boundary' ? undefined : k })}
          options={[
            { value: 'boundary', label: t('pages.duties.boundary.kind.boundary') },
            { value: 'referral', label: t('pages.duties.boundary.kind.referral') },
          ]}
          data-testid="boundary-kind"
        />
        <DatePicker
          placeholder={t('pages.duties.list.on')}
          value={values.on ? dayjs(values.on) : null}
          onChange={(d) => update({ on: d?.format('YYYY-MM-DD') })}
          data-testid="boundary-on"
        />
        <SearchFilter
          value={values.q}
          onSearch={(q) => update({ q })}
          placeholder={t('pages.duties.boundary.search')}
          width={280}
          testId="boundary-search"
        />
        {kind === 'boundary' && (
          <Button
            icon={<DownloadOutlined />}
            href={boundaryExportUrl({ on: values.on, q: values.q })}
            download
            data-testid="boundary-export"
          >
            {t('pages.duties.boundary.export')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<BoundaryEntry>
        rowKey="id"
        columns={columns}
        cardTitle="name"
        scroll={{ x: 1100 }}
        data-testid="boundary-table"
        list={list}
        {...paging}
        filtered={filtered}
        onClearFilters={clear}
        emptyText={t(`pages.duties.boundary.empty.${kind}`)}
      />
    </>
  );
}

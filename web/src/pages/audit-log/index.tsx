// 审计日志: the audit administrator reads the log by actor, action, object and dates, and
// exports what the filter selects (CSV or Excel). Read-only: the log has no deletion.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { type AuditFilter, type AuditRow, auditExportUrl, listAuditLog } from '../../services/audit-log';
import type { Page } from '../../services/request';

interface FilterValues {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(v: FilterValues): AuditFilter {
  const trim = (s?: string) => s?.trim() || undefined;
  return {
    actor: trim(v.actor),
    action: trim(v.action),
    objectType: trim(v.objectType),
    objectId: trim(v.objectId),
    from: v.period?.[0]?.format('YYYY-MM-DD'),
    to: v.period?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function AuditLogPage() {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<AuditRow> | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await listAuditLog({ ...filter, ...page }));
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  }, [filter, page, showError]);
  useEffect(() => {
    load();
  }, [load]);

  return (
    <PageContainer
      title={t('pages.auditLog.title')}
      description={t('pages.auditLog.intro')}
      testId="audit-log-page"
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={auditExportUrl(filter, 'csv')}
            data-testid="audit-export-csv"
          >
            {t('pages.auditLog.exportCsv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={auditExportUrl(filter, 'xlsx')}
            data-testid="audit-export-xlsx"
          >
            {t('pages.auditLog.exportXlsx')}
          </Button>
        </Space>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={(v) => {
            setFilter(toFilter(v));
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="actor" label={t('pages.auditLog.actor')}>
            <Input allowClear style={{ width: 140 }} data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item
            name="action"
            label={t('pages.auditLog.action')}
            tooltip={t('pages.auditLog.actionHint')}
          >
            <Input allowClear style={{ width: 160 }} placeholder="auth." data-testid="audit-filter-action" />
          </Form.Item>
          <Form.Item name="objectType" label={t('pages.auditLog.objectType')}>
            <Input allowClear style={{ width: 120 }} placeholder="user" />
          </Form.Item>
          <Form.Item name="objectId" label={t('pages.auditLog.objectId')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="period" label={t('pages.auditLog.period')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t('pages.auditLog.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
                setPage((p) => ({ ...p, page: 1 }));
              }}
            >
              {t('pages.auditLog.reset')}
            </Button>
          </Space>
        </Form>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
          {t('pages.auditLog.exportNote')}
        </Typography.Text>
      </Card>
      <Card>
        <Table<AuditRow>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          data-testid="audit-table"
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          scroll={{ x: 1000 }}
          columns={[
            { title: '#', dataIndex: 'id', width: 80 },
            {
              title: t('pages.auditLog.at'),
              dataIndex: 'at',
              width: 170,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: t('pages.auditLog.actor'),
              dataIndex: 'actorName',
              width: 120,
              render: (v: string | null) => v ?? t('pages.auditLog.system'),
            },
            { title: t('pages.auditLog.action'), dataIndex: 'action', width: 180 },
            {
              title: t('pages.auditLog.objectType'),
              dataIndex: 'objectType',
              width: 120,
            },
            {
              title: t('pages.auditLog.objectId'),
              dataIndex: 'objectId',
              width: 200,
              ellipsis: true,
            },
            { title: t('pages.auditLog.region'), dataIndex: 'regionCode', width: 90 },
            {
              title: t('pages.auditLog.detail'),
              dataIndex: 'detail',
              ellipsis: true,
              render: (v: unknown) => (
                <Typography.Text code style={{ fontSize: 12 }}>
                  {JSON.stringify(v)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

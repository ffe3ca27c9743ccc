// 审计日志: the audit administrator reads the log by actor, action, object and dates, exports
// what the filter selects (CSV or Excel) and verifies the hash chain (校验完整性, the check of
// `wenze audit verify`), which names the first altered row and opens the table at it.
// Read-only: the log has no deletion.
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { useApiError } from '../../hooks/useApiError';
import { type Translate, useIntl } from '../../locales/intl';
import {
  type AuditFilter,
  type AuditRow,
  type AuditVerification,
  auditExportUrl,
  listAuditLog,
  verifyAuditLog,
} from '../../services/audit-log';
import type { Page } from '../../services/request';

const dateTime = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss');

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

/** What the verification found: green when the chain is intact, red naming the first broken row. */
function VerificationResult({
  result,
  at,
  t,
  onShow,
}: {
  result: AuditVerification;
  at: string;
  t: Translate;
  onShow(id: number): void;
}) {
  const checkedAt = t('pages.auditLog.verifiedAt', { at: dateTime(at) });
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('pages.auditLog.verifyOk', { n: result.checked })}
        description={
          <>
            {result.anchor
              ? t('pages.auditLog.verifyAnchor', { at: dateTime(result.anchor.at), seq: result.anchor.seq })
              : t('pages.auditLog.verifyNoAnchor')}{' '}
            <Typography.Text type="secondary">{checkedAt}</Typography.Text>
          </>
        }
        data-testid="audit-verify-ok"
      />
    );
  }
  const broken = result.firstBroken;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('pages.auditLog.verifyFailed')}
      description={
        <Space orientation="vertical" size={4}>
          {broken && (
            <>
              <Typography.Text strong data-testid="audit-verify-broken">
                {broken.at
                  ? t('pages.auditLog.verifyBroken', { id: broken.id, at: dateTime(broken.at) })
                  : t('pages.auditLog.verifyBrokenGone', { id: broken.id })}
              </Typography.Text>
              <span>
                {broken.reason} {t('pages.auditLog.verifyChecked', { n: result.checked })}
              </span>
              <Button
                type="link"
                danger
                style={{ padding: 0, height: 'auto' }}
                onClick={() => onShow(broken.id)}
                data-testid="audit-verify-show"
              >
                {t('pages.auditLog.verifyShow', { id: broken.id })}
              </Button>
            </>
          )}
          {result.anchorErrors.length > 0 && (
            <span>
              {t('pages.auditLog.verifyAnchorErrors')}
              {result.anchorErrors
                .map((e) => t('pages.auditLog.verifyAnchorLine', { line: e.line, reason: e.reason }))
                .join('；')}
            </span>
          )}
          <Typography.Text type="secondary">{checkedAt}</Typography.Text>
        </Space>
      }
      data-testid="audit-verify-failed"
    />
  );
}

export default function AuditLogPage() {
  const { t } = useIntl();
  const { token } = theme.useToken();
  const showError = useApiError();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<AuditRow> | null>(null);
  const [loading, setLoading] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<{ result: AuditVerification; at: string } | null>(null);

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

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    try {
      const result = await verifyAuditLog();
      setVerification({ result, at: new Date().toISOString() });
      // The verification is itself a row of the log.
      void load();
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  /** The table opened at a row: it and the rows before it, newest first. */
  const showRow = (id: number) => {
    form.resetFields();
    setFilter({ maxId: id });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const brokenId = verification?.result.firstBroken?.id;

  return (
    <PageContainer
      title={t('pages.auditLog.title')}
      description={t('pages.auditLog.intro')}
      testId="audit-log-page"
      extra={
        <Space>
          <Tooltip title={t('pages.auditLog.verifyHint')}>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verifying}
              onClick={verify}
              data-testid="audit-verify"
            >
              {t('pages.auditLog.verify')}
            </Button>
          </Tooltip>
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
      {verifying && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.auditLog.verifying')}
          data-testid="audit-verifying"
        />
      )}
      {verification && (
        <VerificationResult result={verification.result} at={verification.at} t={t} onShow={showRow} />
      )}
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
            {filter.maxId && (
              <Tag
                closable
                color="red"
                onClose={() => {
                  setFilter((f) => ({ ...f, maxId: undefined }));
                  setPage((p) => ({ ...p, page: 1 }));
                }}
                data-testid="audit-filter-max-id"
              >
                {t('pages.auditLog.maxId', { id: filter.maxId })}
              </Tag>
            )}
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
          onRow={(r) =>
            r.id === brokenId
              ? { style: { background: token.colorErrorBg }, 'data-testid': 'audit-row-broken' }
              : {}
          }
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
              render: (v: string) => dateTime(v),
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

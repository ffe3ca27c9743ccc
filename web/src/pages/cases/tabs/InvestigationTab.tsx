// 调查: the investigators (with recusals), the evidence with its SHA-256 (investigators
// upload while the investigation runs), and the extensions of the investigation period.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ResponsiveTable } from '../../../components/ListTable';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { evidenceUrl, uploadEvidence } from '../../../services/cases';
import { fileSize } from '../../../services/format';
import { useUser } from '../../../session';
import type { CaseDetail, Evidence, Extension, Investigator } from '../../../types/case';

export function Sha({ value }: { value: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} className="wz-sha" title={value} data-testid="sha256">
      {value}
    </Typography.Text>
  );
}

export default function InvestigationTab({ c, onChanged }: { c: CaseDetail; onChanged(): void }) {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [description, setDescription] = useState('');
  const [uploading, setUploading] = useState(false);
  const canUpload = c.roles.includes('investigator') && ['investigating', 'findings'].includes(c.state);
  // The server keeps 500 characters of a description (src/server/routes/cases.ts).
  const limit = textLimit(500, t);
  const tooLong = limit.over(description);

  const upload = async (file: File) => {
    if (limit.over(description)) {
      message.error(limit.message(description));
      return;
    }
    setUploading(true);
    try {
      const e = await uploadEvidence(c.id, file, description.trim() || undefined);
      message.success(t('pages.cases.evidence.uploaded', { name: e.filename }));
      setDescription('');
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      {(c.view === 'full' || c.view === 'organ') && (
        <Card
          size="small"
          variant="borderless"
          title={t('pages.cases.investigators.title')}
          className="wz-inner-card"
        >
          {c.investigators.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.investigators.none')} />
          ) : (
            <ResponsiveTable<Investigator>
              rowKey="userId"
              size="small"
              pagination={false}
              dataSource={c.investigators}
              data-testid="investigators"
              columns={[
                {
                  title: t('pages.cases.field.investigator'),
                  dataIndex: 'displayName',
                  render: (name: string, i) => (
                    <Flex gap={6} align="center">
                      <span>{name}</span>
                      {i.userId === user.id && <Tag color="gold">{t('pages.cases.investigators.me')}</Tag>}
                    </Flex>
                  ),
                },
                {
                  title: t('common.status'),
                  key: 'status',
                  width: 120,
                  render: (_, i) =>
                    i.recused ? (
                      <Tag>{t('pages.cases.investigators.recused')}</Tag>
                    ) : (
                      <Tag color="green">{t('pages.cases.investigators.active')}</Tag>
                    ),
                },
                {
                  title: t('pages.cases.field.recusalReason'),
                  dataIndex: 'recusalReason',
                  render: (v: string | null) => v ?? t('common.none'),
                },
              ]}
            />
          )}
        </Card>
      )}
      <Card
        size="small"
        variant="borderless"
        title={t('pages.cases.evidence.title')}
        className="wz-inner-card"
      >
        {canUpload && (
          <Flex gap={8} wrap className="wz-toolbar">
            <Input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              count={limit.count}
              status={tooLong ? 'error' : undefined}
              placeholder={t('pages.cases.evidence.description')}
              style={{ flex: 1, minWidth: 220 }}
              data-testid="evidence-description"
            />
            <Upload
              showUploadList={false}
              disabled={tooLong}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
                {t('pages.cases.evidence.upload')}
              </Button>
            </Upload>
          </Flex>
        )}
        {canUpload && tooLong && (
          <Typography.Text type="danger" data-testid="evidence-description-error">
            {limit.message(description)}
          </Typography.Text>
        )}
        <ResponsiveTable<Evidence>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.evidence}
          data-testid="evidence"
          scroll={{ x: 760 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.evidence.none')} />
            ),
          }}
          columns={[
            {
              title: t('pages.cases.evidence.file'),
              dataIndex: 'filename',
              render: (name: string, e) => (
                <Flex vertical>
                  <a href={evidenceUrl(c.id, e.id)} download>
                    <DownloadOutlined /> {name}
                  </a>
                  {e.description && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.description}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: t('pages.cases.evidence.size'),
              dataIndex: 'size',
              width: 90,
              render: (n: number) => fileSize(n),
            },
            { title: 'SHA-256', dataIndex: 'sha256', width: 240, render: (v: string) => <Sha value={v} /> },
            {
              title: t('pages.cases.evidence.by'),
              key: 'by',
              width: 150,
              render: (_, e) => (
                <Flex vertical>
                  <span>{e.createdBy}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        variant="borderless"
        title={t('pages.cases.extensions.title')}
        className="wz-inner-card"
      >
        <ResponsiveTable<Extension>
          rowKey={(e) => `${e.approvedOn}-${e.days}-${e.reason}`}
          size="small"
          pagination={false}
          dataSource={c.extensions}
          data-testid="extensions"
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.extensions.none')} />
            ),
          }}
          columns={[
            { title: t('pages.cases.extensions.on'), dataIndex: 'approvedOn', width: 120 },
            {
              title: t('pages.cases.field.extensionDays'),
              dataIndex: 'days',
              width: 110,
              render: (n: number) => t('pages.cases.nWorkingDays', { n }),
            },
            { title: t('pages.cases.field.extensionReason'), dataIndex: 'reason' },
            { title: t('pages.cases.field.approvedBy'), dataIndex: 'approvedBy', width: 140 },
          ]}
        />
      </Card>
    </Flex>
  );
}

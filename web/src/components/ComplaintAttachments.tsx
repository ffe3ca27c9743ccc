// The files a complainant attached to a complaint, with download links: on the lead (the
// supervision office) and on the case (its investigators and supervisors). The server checks
// who may read them and writes every download to the audit log; the list carries no identity.
import {
  AudioOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  LockOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useApi } from '../hooks/useApi';
import { useIntl } from '../locales/intl';
import { fileSize } from '../services/format';
import { ApiError, api } from '../services/request';
import { LoadError } from './Status';

export interface ComplaintAttachment {
  id: number;
  filename: string;
  mime: string;
  kind: 'image' | 'pdf' | 'document' | 'audio' | 'video' | 'other';
  size: number;
  sha256: string;
  uploadedAt: string;
}

const ICONS: Record<ComplaintAttachment['kind'], ReactNode> = {
  image: <FileImageOutlined style={{ color: '#13a8a8' }} />,
  pdf: <FilePdfOutlined style={{ color: '#cf1322' }} />,
  document: <FileWordOutlined style={{ color: '#2b579a' }} />,
  audio: <AudioOutlined style={{ color: '#722ed1' }} />,
  video: <VideoCameraOutlined style={{ color: '#d46b08' }} />,
  other: <FileOutlined />,
};

/** The attachments of the lead or case at `base` (`/api/v1/leads/{id}` or `/api/v1/cases/{id}`). */
export default function ComplaintAttachments({ base, testId }: { base: string; testId?: string }) {
  const { t } = useIntl();
  const url = `${base}/attachments`;
  const list = useApi(
    (signal) => api.get<{ items: ComplaintAttachment[] }>(url, undefined, signal).then((r) => r.items),
    [url],
  );
  if (list.error instanceof ApiError && list.error.status === 403) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        <LockOutlined /> {t('attachments.forbidden')}
      </Typography.Text>
    );
  }
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <List<ComplaintAttachment>
      size="small"
      loading={list.loading}
      dataSource={list.data ?? []}
      data-testid={testId}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.none')} />,
      }}
      renderItem={(a) => (
        <List.Item
          data-testid="attachment"
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fileSize(a.size)} · {dayjs(a.uploadedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          }
        >
          <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
            <a href={`${url}/${a.id}`} download={a.filename} title={t('attachments.download')}>
              {ICONS[a.kind] ?? ICONS.other} {a.filename}
            </a>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`attachments.kind.${a.kind}`)}
            </Typography.Text>
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** "Every download is audited", beside the card's title. */
export function AttachmentsHint() {
  const { t } = useIntl();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <LockOutlined /> {t('attachments.hint')}
    </Typography.Text>
  );
}

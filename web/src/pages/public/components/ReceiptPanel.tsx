// After filing: the receipt code, large, with a copy button and the advice to keep it; then
// attachments uploaded against the receipt (up to 5, 10 MB each), and the way to tracking.
import {
  CheckCircleFilled,
  CopyOutlined,
  PaperClipOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { fileSize } from '../../../services/format';
import { uploadAttachment } from '../service';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type UploadedAttachment } from '../types';

/** What the complaint channel accepts: images, PDF, Office/WPS documents, audio and video. */
const ACCEPTED_FILES =
  'image/*,audio/*,video/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps,.odt,.ods,.odp';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export default function ReceiptPanel({ receipt, onAnother }: { receipt: string; onAnother(): void }) {
  const { t } = useIntl();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [uploaded, setUploaded] = useState<UploadedAttachment[]>([]);
  const [uploading, setUploading] = useState(0);
  const full = uploaded.length + uploading >= MAX_ATTACHMENTS;

  const copy = async () => {
    if (await copyText(receipt)) message.success(t('pages.public.receipt.copied'));
    else
      modal.info({
        title: t('pages.public.receipt.copyManually'),
        content: (
          <Typography.Text copyable className="wz-receipt-code">
            {receipt}
          </Typography.Text>
        ),
      });
  };

  const upload = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      message.error(t('pages.public.receipt.tooLarge', { name: file.name }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const a = await uploadAttachment(receipt, file);
      setUploaded((list) => [...list, a]);
    } catch (e) {
      showError(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  return (
    <div data-testid="receipt-panel">
      <Flex vertical align="center" gap={8} style={{ margin: '16px 0 20px', textAlign: 'center' }}>
        <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('pages.public.receipt.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('pages.public.receipt.subtitle')}</Typography.Text>
      </Flex>
      <Card variant="borderless" className="wz-receipt-card">
        <Typography.Text type="secondary">{t('pages.public.receipt.code')}</Typography.Text>
        {/* Shown in groups of four to read out and copy by hand; the text itself has no spaces. */}
        <div className="wz-receipt-code" data-testid="receipt-code">
          {receipt.match(/.{1,4}/g)?.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the groups are positions in the code
            <span key={i}>{g}</span>
          ))}
        </div>
        <Button
          type="primary"
          size="large"
          block
          icon={<CopyOutlined />}
          onClick={copy}
          data-testid="receipt-copy"
        >
          {t('pages.public.receipt.copy')}
        </Button>
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16, textAlign: 'left' }}
          title={t('pages.public.receipt.keepTitle')}
          description={t('pages.public.receipt.keep')}
        />
      </Card>
      <Card
        variant="borderless"
        title={
          <span>
            <PaperClipOutlined /> {t('pages.public.receipt.attachments')}
          </span>
        }
        style={{ marginTop: 16 }}
      >
        <Typography.Paragraph type="secondary">
          {t('pages.public.receipt.attachmentsHint', { n: MAX_ATTACHMENTS })}
        </Typography.Paragraph>
        <Upload
          multiple
          // A hint to the file picker only: the server decides by the file's bytes.
          accept={ACCEPTED_FILES}
          showUploadList={false}
          disabled={full}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button
            block
            size="large"
            icon={<UploadOutlined />}
            disabled={full}
            loading={uploading > 0}
            data-testid="receipt-upload"
          >
            {t('pages.public.receipt.upload')}
          </Button>
        </Upload>
        {uploaded.length > 0 && (
          <List
            size="small"
            style={{ marginTop: 12 }}
            dataSource={uploaded}
            data-testid="receipt-attachments"
            renderItem={(a) => (
              <List.Item>
                <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
                  <PaperClipOutlined /> {a.filename}
                </Typography.Text>
                <Typography.Text type="secondary">{fileSize(a.size)}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Flex vertical gap={12} style={{ marginTop: 20 }}>
        <Link to={`/public/track?receipt=${receipt}`}>
          <Button block size="large" icon={<SearchOutlined />} data-testid="receipt-track">
            {t('pages.public.receipt.track')}
          </Button>
        </Link>
        <Button block size="large" type="text" onClick={onAnother}>
          {t('pages.public.receipt.another')}
        </Button>
      </Flex>
    </div>
  );
}

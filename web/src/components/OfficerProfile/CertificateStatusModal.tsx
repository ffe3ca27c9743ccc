// Suspend (暂扣) or revoke (注销) a certificate: both need a reason, recorded in the history.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { setCertificateStatus } from '../../services/officers';
import type { Certificate, OfficerDetail } from '../../types/officer';
import { textLimit } from '../textLimit';

export interface StatusChange {
  certificate: Certificate;
  status: 'suspended' | 'revoked';
}

export default function CertificateStatusModal({
  officerId,
  change,
  onClose,
  onSaved,
}: {
  officerId: string;
  change: StatusChange | null;
  onClose(): void;
  onSaved(o: OfficerDetail): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (change) form.resetFields();
  }, [change, form]);

  const submit = async () => {
    if (!change) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    setSaving(true);
    try {
      const o = await setCertificateStatus(officerId, change.certificate.id, change.status, reason.trim());
      message.success(t(`pages.officers.cert.${change.status}Done`));
      onSaved(o);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  const action = change ? t(`pages.officers.cert.${change.status}`) : '';
  return (
    <Modal
      open={change !== null}
      title={
        change ? t('pages.officers.cert.changeTitle', { action, number: change.certificate.number }) : ''
      }
      onCancel={onClose}
      onOk={submit}
      okText={action}
      okButtonProps={{ danger: true, 'data-testid': 'cert-status-submit' }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {change && (
        <Alert
          type={change.status === 'revoked' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`pages.officers.cert.${change.status}Warning`)}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('pages.officers.cert.reason')}
          rules={[
            { required: true, whitespace: true, message: t('pages.officers.cert.reasonRequired') },
            textLimit(200, t).rule,
          ]}
        >
          <Input.TextArea
            rows={3}
            count={textLimit(200, t).count}
            placeholder={t('pages.officers.cert.reasonPlaceholder')}
            data-testid="cert-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// Issue a new certificate (renewal or re-issue). It becomes the officer's current one.
import { Alert, App, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { addCertificate } from '../../services/officers';
import type { OfficerDetail } from '../../types/officer';
import CertificateFields from './CertificateFields';
import { fromDay } from './dates';

interface Values {
  number: string;
  issuedOn: Dayjs;
  validUntil: Dayjs;
}

export default function NewCertificateModal({
  officer,
  open,
  onClose,
  onSaved,
}: {
  officer: OfficerDetail;
  open: boolean;
  onClose(): void;
  onSaved(o: OfficerDetail): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ issuedOn: dayjs() });
    }
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const o = await addCertificate(officer.id, {
        number: v.number.trim(),
        issuedOn: fromDay(v.issuedOn)!,
        validUntil: fromDay(v.validUntil)!,
      });
      message.success(t('pages.officers.certAdded'));
      onSaved(o);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pages.officers.newCertificateFor', { name: officer.name })}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'cert-form-submit' }}
    >
      {officer.certificateNumber && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.officers.newCertificateHint', { number: officer.certificateNumber })}
        />
      )}
      <Form form={form} layout="vertical">
        <CertificateFields />
      </Form>
    </Modal>
  );
}

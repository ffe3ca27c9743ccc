// Change one's own password: current, new, confirm. Other sessions of the user end.
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { PasswordFields, type PasswordValues } from '../components/PasswordFields';
import { useApiError } from '../hooks/useApiError';
import { useIntl } from '../locales/intl';
import { changePassword } from '../services/auth';

export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('layout.password.done'));
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('layout.password.title')}
      open={open}
      onOk={submit}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
      data-testid="change-password-modal"
    >
      <Form form={form} layout="vertical" requiredMark="optional" preserve={false}>
        <PasswordFields showRule />
      </Form>
    </Modal>
  );
}

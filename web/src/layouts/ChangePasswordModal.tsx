// Change one's own password: current, new, confirm. Other sessions of the user end.
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useApiError } from '../hooks/useApiError';
import { useIntl } from '../locales/intl';
import { changePassword } from '../services/auth';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The first checks of the server's policy (src/core/policies/password.ts): length and three classes. */
export const PASSWORD_PATTERN =
  /^(?:(?=.*[a-z])(?=.*[A-Z])(?=.*\d)|(?=.*[a-z])(?=.*[A-Z])(?=.*[^A-Za-z\d])|(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d])|(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z\d])).{8,128}$/;

export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
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
        <Form.Item
          name="currentPassword"
          label={t('layout.password.current')}
          rules={[{ required: true, message: t('common.required', { field: t('layout.password.current') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('layout.password.new')}
          extra={t('layout.password.rule')}
          rules={[
            { required: true, message: t('common.required', { field: t('layout.password.new') }) },
            { pattern: PASSWORD_PATTERN, message: t('layout.password.rule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('layout.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('layout.password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('layout.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

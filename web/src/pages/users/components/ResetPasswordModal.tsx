// An administrator sets a new password for an account; its sessions end.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { PASSWORD_PATTERN } from '../../../components/PasswordFields';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { updateUser } from '../service';
import type { UserAccount } from '../types';

export default function ResetPasswordModal({
  user,
  onClose,
  onSaved,
  onReload,
}: {
  user: UserAccount | null;
  onClose(): void;
  onSaved(): void;
  onReload(): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await updateUser(user.id, user.version, { password: v.password });
      message.success(t('pages.users.passwordReset', { username: user.username }));
      onSaved();
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('pages.users.resetPasswordFor', { username: user?.username ?? '' })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('pages.users.resetPassword')}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('pages.users.resetPasswordHint')}
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
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
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.required', { field: t('layout.password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
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

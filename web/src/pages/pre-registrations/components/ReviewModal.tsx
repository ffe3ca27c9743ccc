// The initial review and the withdrawal, each a short form: accept with an opinion (the decision
// of acceptance is issued), return with the reasons (at least 4 characters), or withdraw with an
// optional note. The server checks again and names the field when it refuses.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import type { PreRegistration } from '../../../types/pre-registration';
import { preRegistrationAction } from '../service';

export type ReviewAction = 'accept' | 'return' | 'withdraw';

const FIELDS: Record<ReviewAction, { name: string; label: string; min: number; max: number; hint?: string }> =
  {
    accept: { name: 'opinion', label: 'opinion', min: 2, max: 2000, hint: 'acceptHint' },
    return: { name: 'reasons', label: 'reasons', min: 4, max: 2000, hint: 'returnHint' },
    withdraw: { name: 'reason', label: 'withdrawReason', min: 0, max: 500, hint: 'withdrawConfirm' },
  };

interface Props {
  action: ReviewAction | null;
  registration: PreRegistration;
  onClose(): void;
  onDone(r: PreRegistration): void;
  onReload(): void;
}

export default function ReviewModal({ action, registration, onClose, onDone, onReload }: Props) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const spec = action ? FIELDS[action] : null;

  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);

  const submit = async () => {
    if (!action || !spec) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const text = (v[spec.name] ?? '').trim();
      const r = await preRegistrationAction(
        registration,
        action,
        text || action !== 'withdraw' ? { [spec.name]: text } : {},
      );
      message.success(t(`pages.preRegistrations.done.${action}`));
      onDone(r);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };

  const label = spec ? t(`pages.preRegistrations.field.${spec.label}`) : '';
  return (
    <Modal
      open={action !== null}
      title={action ? t(`pages.preRegistrations.action.${action}`) : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ danger: action === 'return' || action === 'withdraw', 'data-testid': 'review-submit' }}
      destroyOnHidden
    >
      {spec?.hint && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`pages.preRegistrations.${spec.hint}`)}
        />
      )}
      {spec && (
        <Form form={form} layout="vertical">
          <Form.Item
            name={spec.name}
            label={label}
            rules={[
              ...(spec.min > 0
                ? [
                    { required: true, whitespace: true, message: t('common.required', { field: label }) },
                    { min: spec.min, message: t('pages.cases.form.minChars', { n: spec.min }) },
                  ]
                : []),
              textLimit(spec.max, t).rule,
            ]}
          >
            <Input.TextArea
              count={textLimit(spec.max, t).count}
              autoSize={{ minRows: 4 }}
              data-testid={`review-${spec.name}`}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

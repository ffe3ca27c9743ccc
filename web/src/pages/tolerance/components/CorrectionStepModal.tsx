// One step on a correction measure, sent with the version the user saw: report (the agency's note
// of what was done) or recheck (the office, once the measure is due: the later acts are read and a
// recurrence opens a lead). Field errors from the server land on their fields, the others are
// listed above the form; a stale version (409) offers to reload.
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ProblemsAlert } from '../../../components/ProblemsAlert';
import { TextAreaItem } from '../../../components/TextAreaItem';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { correctionAction } from '../../../services/corrections';
import { landErrors, type NamePath } from '../../../services/fieldPaths';
import { ApiError, type FieldError } from '../../../services/request';
import type { Correction, CorrectionAction } from '../../../types/correction';

const NOTE_MIN = 4;

interface Props {
  measure: Correction;
  action: CorrectionAction | null;
  onClose(): void;
  onDone(updated: Correction): void;
  onReload(): void;
}

export default function CorrectionStepModal({ measure: m, action, onClose, onDone, onReload }: Props) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);

  useEffect(() => {
    if (!action) return;
    setProblems([]);
    if (action === 'report') form.resetFields();
  }, [action, form]);

  const submit = async () => {
    if (!action) return;
    const values = action === 'report' ? await form.validateFields().catch(() => null) : {};
    if (!values) return;
    setSaving(true);
    setProblems([]);
    try {
      const input = action === 'report' ? { note: String(values.note ?? '').trim() } : {};
      const updated = await correctionAction(m, action, input);
      message.success(t('pages.corrections.actionDone', { action: t(`pages.corrections.action.${action}`) }));
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const registered = action === 'report' ? form.getFieldsError().map((f) => f.name as NamePath) : [];
        const { landed, rest } = landErrors(e.fields, registered);
        if (landed.length > 0) form.setFields(landed);
        setProblems(rest.length === 0 && landed.length === 0 ? [{ path: '', message: e.message }] : rest);
      } else {
        showError(e, { onReload });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`pages.corrections.action.${action}`) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.submit')}
      okButtonProps={{ 'data-testid': 'correction-action-submit' }}
      confirmLoading={saving}
      width={560}
      destroyOnHidden
      data-testid="correction-action-modal"
    >
      {action && (
        <Alert
          type="info"
          showIcon
          title={t(`pages.corrections.hint.${action}`)}
          style={{ marginBottom: 16 }}
        />
      )}
      <ProblemsAlert problems={problems} testId="correction-action-problems" joined />
      <Typography.Paragraph style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('pages.corrections.field.measure')}：</Typography.Text>
        {m.measure}
      </Typography.Paragraph>
      {action === 'report' && (
        <Form form={form} layout="vertical" preserve={false}>
          <TextAreaItem
            name="note"
            label={t('pages.corrections.field.note')}
            min={NOTE_MIN}
            max={5000}
            maxRows={10}
            placeholder={t('pages.corrections.form.notePlaceholder')}
            testId="correction-field-note"
          />
        </Form>
      )}
    </Modal>
  );
}

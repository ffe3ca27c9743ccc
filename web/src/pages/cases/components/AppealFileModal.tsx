// 提出申诉: the officer concerned appeals, in writing, against the served decision that pursues
// them — the facts and reasons (at least 10 characters). The relief panel hears it, not the office
// that decided; the decision stands meanwhile. One filed after the period is still registered, and
// rejected with a document that says why and how to go further. On success the appeal opens.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { textLength, textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { appealHref, fileAppeal } from '../../../services/appeals';
import { landErrors, type NamePath } from '../../../services/fieldPaths';
import { ApiError, type FieldError } from '../../../services/request';
import type { CaseDetail } from '../../../types/case';

export default function AppealFileModal({
  c,
  open,
  onClose,
}: {
  c: Pick<CaseDetail, 'id' | 'number' | 'deadlines'>;
  open: boolean;
  onClose(): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const grounds = t('pages.cases.field.grounds');
  const limit = textLimit(10000, t);
  const window = c.deadlines.find((d) => d.step === 'appeal_window');
  const late = window?.status === 'overdue';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProblems([]);
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setProblems([]);
    try {
      const filed = await fileAppeal({ caseId: c.id, grounds: v.grounds as string });
      message.success(t('pages.cases.appeal.filed', { number: filed.number }));
      onClose();
      navigate(appealHref(filed.id));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
        const registered = form.getFieldsError().map((f) => f.name as NamePath);
        const { landed, rest } = landErrors(e.fields, registered);
        form.setFields(landed);
        setProblems(rest.length === 0 && landed.length === 0 ? [{ path: '', message: e.message }] : rest);
      } else showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pages.cases.appeal.file')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.submit')}
      okButtonProps={{ 'data-testid': 'appeal-file-submit' }}
      confirmLoading={saving}
      width={620}
      destroyOnHidden
      data-testid="appeal-file-modal"
    >
      <Alert
        type={late ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          late
            ? t('pages.cases.appeal.fileLate', { due: window?.dueOn ?? '' })
            : t('pages.cases.appeal.fileHint', { due: window?.dueOn ?? '', case: c.number })
        }
        description={t('pages.cases.appeal.panelHint')}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="appeal-file-problems"
          title={problems.map((p) => p.message).join('；')}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="grounds"
          label={grounds}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: grounds }) },
            {
              validator: (_r, v: string | undefined) =>
                textLength(v ?? '') === 0 || textLength(v ?? '') >= 10
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pages.cases.form.minChars', { n: 10 }))),
            },
            limit.rule,
          ]}
        >
          <Input.TextArea
            count={limit.count}
            autoSize={{ minRows: 6, maxRows: 14 }}
            placeholder={t('pages.cases.form.groundsPlaceholder')}
            data-testid="appeal-file-grounds"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

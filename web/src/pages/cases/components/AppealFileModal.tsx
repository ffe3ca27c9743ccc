// 提出申诉: the officer concerned appeals, in writing, against the served decision that pursues
// them — the facts and reasons (at least 10 characters). The relief panel hears it, not the office
// that decided; the decision stands meanwhile. One filed after the period is still registered, and
// rejected with a document that says why and how to go further. On success the appeal opens.
// With `appellant="agency"` the agency's legal office files for the agency against its Art. 25
// measures.
import { Alert, App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { ProblemsAlert } from '../../../components/ProblemsAlert';
import { TextAreaItem } from '../../../components/TextAreaItem';
import { useApiError } from '../../../hooks/useApiError';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { useIntl } from '../../../locales/intl';
import { appealHref, fileAppeal } from '../../../services/appeals';
import type { AppellantKind } from '../../../types/appeal';
import type { CaseDetail } from '../../../types/case';

export default function AppealFileModal({
  c,
  open,
  onClose,
  appellant = 'officer',
}: {
  c: Pick<CaseDetail, 'id' | 'number' | 'deadlines'>;
  open: boolean;
  onClose(): void;
  appellant?: AppellantKind;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { saving, problems, setProblems, run } = useFormSubmit(form);
  const grounds = t('pages.cases.field.grounds');
  const window = c.deadlines.find((d) => d.step === 'appeal_window');
  const late = window?.status === 'overdue';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProblems([]);
  }, [open, form, setProblems]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(
      async () => {
        const filed = await fileAppeal({
          caseId: c.id,
          grounds: v.grounds as string,
          ...(appellant === 'agency' ? { appellant } : {}),
        });
        message.success(t('pages.cases.appeal.filed', { number: filed.number }));
        onClose();
        navigate(appealHref(filed.id));
      },
      (e) => showError(e, { form }),
    );
  };

  return (
    <Modal
      open={open}
      title={t(appellant === 'agency' ? 'pages.cases.appeal.fileAgency' : 'pages.cases.appeal.file')}
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
      <ProblemsAlert problems={problems} testId="appeal-file-problems" joined />
      <Form form={form} layout="vertical">
        <TextAreaItem
          name="grounds"
          label={grounds}
          min={10}
          max={10000}
          rows={6}
          maxRows={14}
          placeholder={t('pages.cases.form.groundsPlaceholder')}
          testId="appeal-file-grounds"
        />
      </Form>
    </Modal>
  );
}

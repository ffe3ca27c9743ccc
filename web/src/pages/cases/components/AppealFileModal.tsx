// 提出申诉: the officer concerned appeals, in writing, against the served decision that pursues
// them — the facts and reasons (at least 10 characters). The relief panel hears it, not the office
// that decided; the decision stands meanwhile. One filed after the period is still registered, and
// rejected with a document that says why and how to go further. On success the appeal opens.
// With `appellant="agency"` the agency's legal office files for the agency against its Art. 25
// measures. The appellant chooses 申诉 (to the relief panel) or 复核 (by the office that decided);
// where the pack requires 复核 first (复核前置) only 复核 is offered until one was decided, and after
// a 复核 only the appeal is.
import { Alert, App, Form, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { ProblemsAlert } from '../../../components/ProblemsAlert';
import { TextAreaItem } from '../../../components/TextAreaItem';
import { useApiError } from '../../../hooks/useApiError';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { useIntl } from '../../../locales/intl';
import { appealHref, fileAppeal } from '../../../services/appeals';
import type { AppealStage, AppellantKind } from '../../../types/appeal';
import type { CaseDetail } from '../../../types/case';

export default function AppealFileModal({
  c,
  open,
  onClose,
  appellant = 'officer',
  reviewed = false,
}: {
  c: Pick<CaseDetail, 'id' | 'number' | 'deadlines' | 'reviewRequired'>;
  open: boolean;
  onClose(): void;
  appellant?: AppellantKind;
  /** The appellant's 复核 was decided: what remains is the appeal to the panel. */
  reviewed?: boolean;
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
  // Straight to the panel first where 复核 is optional (the appellant's choice).
  const stages: AppealStage[] = reviewed ? ['appeal'] : c.reviewRequired ? ['review'] : ['appeal', 'review'];
  const stage = (Form.useWatch('stage', form) as AppealStage | undefined) ?? stages[0];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ stage: stages[0] });
    setProblems([]);
  }, [open, form, setProblems, stages[0]]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(
      async () => {
        const filed = await fileAppeal({
          caseId: c.id,
          grounds: v.grounds as string,
          stage: v.stage as AppealStage,
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
        description={t(
          stage === 'review'
            ? 'pages.cases.appeal.reviewHint'
            : reviewed
              ? 'pages.cases.appeal.afterReviewHint'
              : 'pages.cases.appeal.panelHint',
        )}
      />
      <ProblemsAlert problems={problems} testId="appeal-file-problems" joined />
      <Form form={form} layout="vertical">
        <Form.Item
          name="stage"
          label={t('pages.cases.appeal.stage')}
          extra={c.reviewRequired && !reviewed ? t('pages.cases.appeal.reviewRequired') : undefined}
        >
          <Radio.Group
            data-testid="appeal-file-stage"
            optionType="button"
            buttonStyle="solid"
            options={stages.map((s) => ({ value: s, label: t(`pages.cases.appeal.stage.${s}`) }))}
          />
        </Form.Item>
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

// Setting a correction measure (设定纠错措施 / 设定整改措施), for the supervision office: what is to
// be done, who answers for it and by when (after today), for a tolerance application decided 免责 or
// 从轻减轻 or for one finding of an enforcement act. The server's field errors land on their
// fields; the others (the application or the finding itself) are listed above the form.
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { useApiError } from '../hooks/useApiError';
import { useFormSubmit } from '../hooks/useFormSubmit';
import { useIntl } from '../locales/intl';
import { createCorrection } from '../services/corrections';
import { chinaToday } from '../services/dates';
import { ApiError } from '../services/request';
import type { Correction, CorrectionTarget } from '../types/correction';
import { ProblemsAlert } from './ProblemsAlert';
import { minCharsRule } from './TextAreaItem';
import { textLimit } from './textLimit';

interface Values {
  measure: string;
  responsible: string;
  dueOn: Dayjs;
}

const MEASURE_MIN = 4;

export interface CorrectionFormProps {
  /** What the measure corrects; null: closed. */
  target: CorrectionTarget | null;
  /** A line naming it (the application's number, the act and the rule). */
  subject?: ReactNode;
  onClose(): void;
  onSaved(m: Correction): void;
}

export default function CorrectionForm({ target, subject, onClose, onSaved }: CorrectionFormProps) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const { saving, problems, setProblems, run } = useFormSubmit(form);
  const today = chinaToday();
  const kind = target?.source ?? 'tolerance';
  const field = (name: string) => t(`pages.corrections.field.${name}`);
  const measureLimit = textLimit(2000, t);
  const responsibleLimit = textLimit(100, t);

  useEffect(() => {
    if (!target) return;
    setProblems([]);
    form.resetFields();
  }, [target, form, setProblems]);

  const submit = async () => {
    if (!target) return;
    const v: Values | null = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(
      async () => {
        const m = await createCorrection({
          ...target,
          measure: v.measure.trim(),
          responsible: v.responsible.trim(),
          dueOn: v.dueOn.format('YYYY-MM-DD'),
        });
        message.success(t(`pages.corrections.created.${m.source}`));
        onSaved(m);
      },
      (e) => {
        if (e instanceof ApiError && e.status === 400) setProblems([{ path: '', message: e.message }]);
        else showError(e);
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t(`pages.corrections.set.${kind}`)}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.submit')}
      okButtonProps={{ 'data-testid': 'correction-form-submit' }}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
      data-testid="correction-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={subject}
        description={t(`pages.corrections.setHint.${kind}`)}
      />
      <ProblemsAlert problems={problems} testId="correction-form-problems" />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="measure"
          label={field(kind === 'finding' ? 'rectification' : 'measure')}
          extra={t(`pages.corrections.form.measureHint.${kind}`)}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: field('measure') }) },
            minCharsRule(MEASURE_MIN, t),
            measureLimit.rule,
          ]}
        >
          <Input.TextArea
            count={measureLimit.count}
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={t('pages.corrections.form.measurePlaceholder')}
            data-testid="correction-field-measure"
          />
        </Form.Item>
        <Form.Item
          name="responsible"
          label={field('responsible')}
          extra={t('pages.corrections.form.responsibleHint')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: field('responsible') }),
            },
            responsibleLimit.rule,
          ]}
        >
          <Input
            count={responsibleLimit.count}
            placeholder={t('pages.corrections.form.responsiblePlaceholder')}
            data-testid="correction-field-responsible"
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={field('dueOn')}
          extra={t('pages.corrections.form.dueHint')}
          rules={[{ required: true, message: t('common.select', { field: field('dueOn') }) }]}
        >
          <DatePicker
            style={{ width: 220 }}
            disabledDate={(d) => d.format('YYYY-MM-DD') <= today}
            data-testid="correction-field-dueOn"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

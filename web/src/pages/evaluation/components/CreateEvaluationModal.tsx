// Setting up an evaluation: its name, the agencies evaluated, the period and who answers (experts,
// 行政执法监督员, the public). The form is the region's rule pack's.
import { Alert, Checkbox, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { EVALUATION_AUDIENCES } from '../../../../../src/core/evaluation/form';
import { AgencySelect } from '../../../components/Filters';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { createEvaluation } from '../service';
import type { EvaluationAudience, EvaluationCampaign } from '../types';

interface Values {
  name: string;
  agencyIds: string[];
  from: Dayjs;
  to: Dayjs;
  audiences: EvaluationAudience[];
}

export default function CreateEvaluationModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose(): void;
  onSaved(c: EvaluationCampaign): void;
}) {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const field = (name: string) => t(`pages.evaluation.field.${name}`);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      onSaved(
        await createEvaluation({
          name: v.name.trim(),
          agencyIds: v.agencyIds,
          from: v.from.format('YYYY-MM-DD'),
          to: v.to.format('YYYY-MM-DD'),
          audiences: v.audiences,
        }),
      );
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  const required = (name: string) => ({
    required: true,
    message: t('common.select', { field: field(name) }),
  });
  return (
    <Modal
      open={open}
      title={t('pages.evaluation.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'evaluation-create-submit' }}
      width={680}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('pages.evaluation.createHint')} />
      <Form form={form} layout="vertical" initialValues={{ audiences: [...EVALUATION_AUDIENCES] }}>
        <Form.Item
          name="name"
          label={field('name')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('common.required', { field: field('name') }),
            },
            textLimit(100, t).rule,
          ]}
        >
          <Input count={textLimit(100, t).count} data-testid="evaluation-field-name" />
        </Form.Item>
        <Form.Item name="agencyIds" label={field('agencies')} rules={[required('agencies')]}>
          <AgencySelect mode="multiple" allowClear data-testid="evaluation-field-agencies" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="from" label={field('from')} rules={[required('from')]}>
              <DatePicker style={{ width: '100%' }} data-testid="evaluation-field-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="to" label={field('to')} rules={[required('to')]}>
              <DatePicker style={{ width: '100%' }} data-testid="evaluation-field-to" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="audiences" label={field('audiences')} rules={[required('audiences')]}>
          <Checkbox.Group
            options={EVALUATION_AUDIENCES.map((a) => ({
              value: a,
              label: t(`enums.evaluationAudience.${a}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

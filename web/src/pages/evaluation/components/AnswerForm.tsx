// Answering signed in (an evaluator's account: an expert or a 行政执法监督员): the agency, the capacity,
// a 1–5 score for every item of the form and an optional comment (moderated before others read it).
import { Alert, App, Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { SCORE_MAX, SCORE_MIN } from '../../../../../src/core/evaluation/form';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { answerSignedIn } from '../service';
import type { EvaluationCampaign } from '../types';

interface Values {
  agencyId: string;
  audience: 'expert' | 'monitor';
  scores: Record<string, number>;
  comment?: string;
}

const SCALE = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

export default function AnswerForm({
  campaign,
  onAnswered,
}: {
  campaign: EvaluationCampaign;
  onAnswered(): void;
}) {
  const { t } = useIntl();
  const comment = textLimit(campaign.form.commentMax, t);
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const audiences = campaign.audiences.filter(
    (a): a is 'expert' | 'monitor' => a === 'expert' || a === 'monitor',
  );
  const f = (k: string) => t(`pages.evaluation.field.${k}`);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await answerSignedIn(campaign.id, { ...v, comment: v.comment?.trim() || undefined });
      message.success(t('pages.evaluation.answered'));
      form.resetFields();
      onAnswered();
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ audience: audiences[0] }}
      style={{ maxWidth: 720 }}
    >
      <Alert type="info" showIcon title={t('pages.evaluation.answerHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="agencyId"
        label={f('agency')}
        rules={[{ required: true, message: t('common.select', { field: f('agency') }) }]}
      >
        <Select options={campaign.agencies.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="audience" label={f('audience')} rules={[{ required: true }]}>
        <Radio.Group
          options={audiences.map((a) => ({ value: a, label: t(`enums.evaluationAudience.${a}`) }))}
        />
      </Form.Item>
      {campaign.form.items.map((i) => (
        <Form.Item
          key={i.key}
          name={['scores', i.key]}
          label={i.label}
          extra={i.hint}
          rules={[{ required: true, message: t('pages.evaluation.scoreRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={SCALE.map((n) => ({ value: n, label: `${n} ${campaign.form.scale[n - 1]}` }))}
          />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={f('comment')} rules={[comment.rule]}>
        <Input.TextArea rows={3} count={comment.count} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('pages.evaluation.submitAnswer')}
      </Button>
    </Form>
  );
}

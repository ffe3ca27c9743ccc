// The measure as registered: what, why, the legal gap, the risks, the safeguards and the planned
// start — a new registration (an agency's legal office may name one of its officers), or a returned
// one amended and resubmitted (prefilled, with a note of what changed).
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import OfficerPicker from '../../../components/OfficerPicker';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { chinaToday } from '../../../services/dates';
import { useUser } from '../../../session';
import type { PreRegistration } from '../../../types/pre-registration';
import { createPreRegistration, preRegistrationAction } from '../service';

interface Values {
  title: string;
  measure: string;
  reason: string;
  legalGap: string;
  risks: string;
  safeguards: string;
  plannedFrom: Dayjs;
  officerId?: string;
  note?: string;
}

const TEXTS = ['measure', 'reason', 'legalGap', 'risks', 'safeguards'] as const;

interface Props {
  open: boolean;
  /** A returned registration to amend; none: a new one. */
  amend?: PreRegistration | null;
  onClose(): void;
  onSaved(r: PreRegistration): void;
  onReload?(): void;
}

export default function MeasureForm({ open, amend, onClose, onSaved, onReload }: Props) {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const today = chinaToday();
  const field = (name: string) => t(`pages.preRegistrations.field.${name}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (amend)
      form.setFieldsValue({
        title: amend.title,
        measure: amend.measure,
        reason: amend.reason,
        legalGap: amend.legalGap,
        risks: amend.risks,
        safeguards: amend.safeguards,
        plannedFrom: amend.plannedFrom >= today ? dayjs(amend.plannedFrom) : undefined,
      });
  }, [open, amend, form, today]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    const content = {
      title: v.title.trim(),
      measure: v.measure.trim(),
      reason: v.reason.trim(),
      legalGap: v.legalGap.trim(),
      risks: v.risks.trim(),
      safeguards: v.safeguards.trim(),
      plannedFrom: v.plannedFrom.format('YYYY-MM-DD'),
    };
    try {
      if (amend) {
        const r = await preRegistrationAction(amend, 'resubmit', {
          ...content,
          note: v.note?.trim() || undefined,
        });
        message.success(t('pages.preRegistrations.done.resubmit'));
        onSaved(r);
      } else {
        const r = await createPreRegistration({ ...content, officerId: v.officerId || undefined });
        message.success(t('pages.preRegistrations.created', { number: r.number }));
        onSaved(r);
      }
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };

  const required = (name: string, min = 2) => [
    { required: true, whitespace: true, message: t('common.required', { field: field(name) }) },
    { min, message: t('pages.cases.form.minChars', { n: min }) },
  ];

  return (
    <Modal
      open={open}
      title={amend ? t('pages.preRegistrations.action.resubmit') : t('pages.preRegistrations.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'measure-submit' }}
      width={760}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={amend ? t('pages.preRegistrations.resubmitHint') : t('pages.preRegistrations.formHint')}
      />
      {amend?.decision?.kind === 'return' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.preRegistrations.field.reasons')}
          description={<div className="wz-pre">{amend.decision.text}</div>}
        />
      )}
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={field('title')}
              rules={[...required('title'), textLimit(100, t).rule]}
            >
              <Input count={textLimit(100, t).count} data-testid="measure-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="plannedFrom"
              label={field('plannedFrom')}
              tooltip={t('pages.preRegistrations.hint.plannedFrom')}
              rules={[{ required: true, message: t('common.select', { field: field('plannedFrom') }) }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') < today}
                data-testid="measure-plannedFrom"
              />
            </Form.Item>
          </Col>
          {!amend && user.role === 'agency_legal' && user.agencyId && (
            <Col span={24}>
              <Form.Item name="officerId" label={field('officer')}>
                <OfficerPicker agencyId={user.agencyId} />
              </Form.Item>
            </Col>
          )}
          {TEXTS.map((name) => (
            <Col span={24} key={name}>
              <Form.Item
                name={name}
                label={field(name)}
                extra={t(`pages.preRegistrations.hint.${name}`)}
                rules={[...required(name), textLimit(5000, t).rule]}
              >
                <Input.TextArea
                  count={textLimit(5000, t).count}
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  data-testid={`measure-${name}`}
                />
              </Form.Item>
            </Col>
          ))}
          {amend && (
            <Col span={24}>
              <Form.Item name="note" label={field('note')} rules={[textLimit(1000, t).rule]}>
                <Input.TextArea count={textLimit(1000, t).count} autoSize={{ minRows: 2 }} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}

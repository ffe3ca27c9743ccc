// Registering a lead by hand: assigned by a superior, transferred by the people's congress,
// exposed by the media, found in a case-file review, or an act corrected in reconsideration
// or litigation.
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { AgencySelect } from '../../../components/Filters';
import OfficerPicker from '../../../components/OfficerPicker';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { chinaToday } from '../../../services/dates';
import { type Lead, type LeadSource, MANUAL_SOURCES } from '../../../types/lead';
import { createLead } from '../service';

interface Values {
  source: LeadSource;
  agencyId: string;
  officerId?: string;
  subject: string;
  narrative: string;
  occurredOn?: Dayjs;
}

export default function LeadForm({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose(): void;
  onSaved(l: Lead): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const agencyId = Form.useWatch('agencyId', form);
  const today = chinaToday();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ source: 'superior' });
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const l = await createLead({
        source: v.source,
        agencyId: v.agencyId,
        officerId: v.officerId || undefined,
        subject: v.subject.trim(),
        narrative: v.narrative.trim(),
        occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
      });
      message.success(t('pages.leads.created'));
      onSaved(l);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pages.leads.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'lead-form-submit' }}
      width={680}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="source" label={t('pages.leads.field.source')} rules={[{ required: true }]}>
              <Select
                options={MANUAL_SOURCES.map((s) => ({ value: s, label: t(`enums.leadSource.${s}`) }))}
                data-testid="lead-form-source"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="agencyId"
              label={t('pages.leads.field.agency')}
              rules={[
                { required: true, message: t('common.select', { field: t('pages.leads.field.agency') }) },
              ]}
            >
              <AgencySelect
                onChange={() => form.setFieldValue('officerId', undefined)}
                data-testid="lead-form-agency"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="officerId" label={t('pages.leads.field.officer')}>
              <OfficerPicker agencyId={agencyId} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="occurredOn" label={t('pages.leads.field.occurredOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="subject"
              label={t('pages.leads.field.subject')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.required', { field: t('pages.leads.field.subject') }),
                },
                { min: 2, message: t('pages.cases.form.minChars', { n: 2 }) },
                textLimit(100, t).rule,
              ]}
            >
              <Input count={textLimit(100, t).count} data-testid="lead-form-subject" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="narrative"
              label={t('pages.leads.field.narrative')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.required', { field: t('pages.leads.field.narrative') }),
                },
                textLimit(5000, t).rule,
              ]}
            >
              <Input.TextArea
                count={textLimit(5000, t).count}
                autoSize={{ minRows: 5, maxRows: 12 }}
                data-testid="lead-form-narrative"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

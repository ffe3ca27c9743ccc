// A media report (媒体曝光) entered as a lead of source "media": the outlet, the day it was published,
// its title, address and a summary, and the agency it concerns (POST /api/v1/leads/media).
import { Alert, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { AgencySelect } from '../../../components/Filters';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { chinaToday } from '../../../services/dates';
import { api } from '../../../services/request';

interface Values {
  agencyId: string;
  outlet: string;
  publishedOn: Dayjs;
  title: string;
  url?: string;
  summary: string;
}

export default function MediaReportForm({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose(): void;
  onSaved(lead: { id: string }): void;
}) {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const label = (k: string) => t(`pages.leads.media.${k}`);
  const required = (k: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field: label(k) }),
  });

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      onSaved(
        await api.post<{ id: string }>('/api/v1/leads/media', {
          agencyId: v.agencyId,
          outlet: v.outlet.trim(),
          publishedOn: v.publishedOn.format('YYYY-MM-DD'),
          title: v.title.trim(),
          url: v.url?.trim() || undefined,
          summary: v.summary.trim(),
        }),
      );
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={label('title')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'media-submit' }}
      width={640}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={label('hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              name="outlet"
              label={label('outlet')}
              rules={[required('outlet'), textLimit(100, t).rule]}
            >
              <Input data-testid="media-outlet" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="publishedOn"
              label={label('publishedOn')}
              rules={[{ required: true, message: t('common.select', { field: label('publishedOn') }) }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(chinaToday()), 'day')}
                data-testid="media-date"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={label('headline')}
          rules={[required('headline'), { min: 2 }, textLimit(200, t).rule]}
        >
          <Input data-testid="media-title" />
        </Form.Item>
        <Form.Item name="url" label={label('url')} rules={[{ type: 'url', message: label('url') }]}>
          <Input placeholder="https://" data-testid="media-url" />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label={label('agency')}
          rules={[{ required: true, message: t('common.select', { field: label('agency') }) }]}
        >
          <AgencySelect data-testid="media-agency" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={label('summary')}
          rules={[required('summary'), { min: 10 }, textLimit(5000, t).rule]}
        >
          <Input.TextArea rows={4} data-testid="media-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

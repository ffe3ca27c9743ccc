// File a complaint (no login): which agency and officer if known, what happened, when, and
// either a contact or anonymity. The receipt code is the only way back to the complaint, so
// the page ends on it; attachments are uploaded against the receipt afterwards.
import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { textLimit } from '../../components/textLimit';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { chinaToday } from '../../services/dates';
import ReceiptPanel from './components/ReceiptPanel';
import { fileComplaint, newIdempotencyKey, publicAgencies } from './service';
import { type ComplaintInput, NARRATIVE_MAX, NARRATIVE_MIN } from './types';

interface Values {
  agency?: string;
  officer?: string;
  subject: string;
  narrative: string;
  occurredOn?: Dayjs;
  anonymous: boolean;
  contact?: { name: string; phone: string };
}

const PHONE = /^[0-9+\-\s]{7,20}$/;
// 公民身份号码 (the server also checks its check digit).
const ID_NUMBER = /^\d{17}[\dXx]$/;

export default function ComplaintPage() {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const agencies = useApi(() => publicAgencies(), []);
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);
  // One key per complaint: a retry after a lost answer gets the same receipt, not a duplicate.
  const key = useRef(newIdempotencyKey());
  const today = chinaToday();

  const agencyOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const a of agencies.data ?? []) {
      const g = groups.get(a.regionName) ?? { label: a.regionName, options: [] };
      g.options.push({ value: a.id, label: a.name });
      groups.set(a.regionName, g);
    }
    return [...groups.values()];
  }, [agencies.data]);

  const submit = async (v: Values) => {
    const input: ComplaintInput = {
      agency: v.agency || undefined,
      officer: v.officer?.trim() || undefined,
      subject: v.subject.trim(),
      narrative: v.narrative.trim(),
      occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
      anonymous: Boolean(v.anonymous),
      contact:
        v.anonymous || !v.contact
          ? undefined
          : { name: v.contact.name.trim(), phone: v.contact.phone.trim() },
    };
    setSubmitting(true);
    try {
      const r = await fileComplaint(input, key.current);
      setReceipt(r.receipt);
      window.scrollTo(0, 0);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSubmitting(false);
    }
  };

  const another = () => {
    key.current = newIdempotencyKey();
    form.resetFields();
    setReceipt(null);
  };

  if (receipt) return <ReceiptPanel receipt={receipt} onAnother={another} />;

  return (
    <div data-testid="complaint-page">
      <Link to="/public" className="wz-public-back">
        <ArrowLeftOutlined /> {t('common.back')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('pages.public.complaint.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pages.public.complaint.intro')}</Typography.Paragraph>
      <Card variant="borderless">
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ anonymous: false }}
          onFinish={submit}
          scrollToFirstError
          className="wz-public-form"
        >
          <Form.Item
            name="agency"
            label={t('pages.public.complaint.agency')}
            extra={t('pages.public.complaint.agencyHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={agencies.loading}
              options={agencyOptions}
              placeholder={t('pages.public.complaint.agencyPlaceholder')}
              data-testid="complaint-agency"
            />
          </Form.Item>
          <Form.Item
            name="officer"
            label={t('pages.public.complaint.officer')}
            rules={[textLimit(50, t).rule]}
          >
            <Input
              count={textLimit(50, t).count}
              placeholder={t('pages.public.complaint.officerPlaceholder')}
              data-testid="complaint-officer"
            />
          </Form.Item>
          <Form.Item
            name="subject"
            label={t('pages.public.complaint.subject')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('pages.public.complaint.subject') }),
              },
              { min: 2, message: t('pages.public.complaint.subjectMin') },
              textLimit(100, t).rule,
            ]}
          >
            <Input
              count={textLimit(100, t).count}
              placeholder={t('pages.public.complaint.subjectPlaceholder')}
              data-testid="complaint-subject"
            />
          </Form.Item>
          <Form.Item
            name="narrative"
            label={t('pages.public.complaint.narrative')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('pages.public.complaint.narrative') }),
              },
              { min: NARRATIVE_MIN, message: t('pages.public.complaint.narrativeMin', { n: NARRATIVE_MIN }) },
              textLimit(NARRATIVE_MAX, t).rule,
            ]}
          >
            <Input.TextArea
              count={textLimit(NARRATIVE_MAX, t).count}
              autoSize={{ minRows: 6, maxRows: 14 }}
              placeholder={t('pages.public.complaint.narrativePlaceholder')}
              data-testid="complaint-narrative"
            />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('pages.public.complaint.occurredOn')}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(d) =>
                d.format('YYYY-MM-DD') > today || d.isBefore(dayjs(today).subtract(10, 'year'))
              }
              placeholder={t('pages.public.complaint.occurredOnPlaceholder')}
              data-testid="complaint-occurred-on"
            />
          </Form.Item>
          <Form.Item
            name="anonymous"
            label={t('pages.public.complaint.anonymous')}
            valuePropName="checked"
            extra={
              anonymous ? t('pages.public.complaint.anonymousOn') : t('pages.public.complaint.anonymousOff')
            }
          >
            <Switch data-testid="complaint-anonymous" />
          </Form.Item>
          {!anonymous && (
            <>
              <Form.Item
                name={['contact', 'name']}
                label={t('pages.public.complaint.contactName')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('pages.public.complaint.contactName') }),
                  },
                  textLimit(50, t).rule,
                ]}
              >
                <Input
                  count={textLimit(50, t).count}
                  autoComplete="name"
                  data-testid="complaint-contact-name"
                />
              </Form.Item>
              <Form.Item
                name={['contact', 'phone']}
                label={t('pages.public.complaint.contactPhone')}
                rules={[
                  {
                    required: true,
                    message: t('common.required', { field: t('pages.public.complaint.contactPhone') }),
                  },
                  { pattern: PHONE, message: t('pages.public.complaint.phoneInvalid') },
                  textLimit(20, t).rule,
                ]}
              >
                <Input
                  count={textLimit(20, t).count}
                  inputMode="tel"
                  autoComplete="tel"
                  data-testid="complaint-contact-phone"
                />
              </Form.Item>
              <Form.Item
                name={['contact', 'idNumber']}
                label={t('pages.public.complaint.contactIdNumber')}
                extra={t('pages.public.complaint.contactIdNumberHint')}
                rules={[
                  { pattern: ID_NUMBER, message: t('pages.public.complaint.idNumberInvalid') },
                  textLimit(18, t).rule,
                ]}
              >
                <Input count={textLimit(18, t).count} data-testid="complaint-contact-id" />
              </Form.Item>
              <Alert
                type="info"
                showIcon
                icon={<LockOutlined />}
                title={t('pages.public.complaint.privacy')}
                style={{ marginBottom: 24 }}
              />
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('pages.public.complaint.attachmentsLater')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="complaint-submit">
            {t('pages.public.complaint.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

// Triage of a lead: dismiss it with a reason (a named complainant reads the reason with the
// receipt), merge it into another lead about the same matter, or open a case from it.
import { Alert, App, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { AgencySelect } from '../../../components/Filters';
import { textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import type { Lead } from '../../../types/lead';
import { dismissLead, listLeads, mergeLead, openCase } from '../service';

interface ModalProps {
  lead: Lead | null;
  onClose(): void;
  onReload(): void;
}

export function DismissModal({ lead, onClose, onReload, onDone }: ModalProps & { onDone(l: Lead): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (lead) form.resetFields();
  }, [lead, form]);
  const submit = async () => {
    if (!lead) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const l = await dismissLead(lead, v.reason.trim());
      message.success(t('pages.leads.dismissed'));
      onDone(l);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={lead !== null}
      title={t('pages.leads.action.dismiss')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ danger: true, 'data-testid': 'dismiss-submit' }}
      destroyOnHidden
    >
      {lead?.source === 'complaint' && !lead.anonymous && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('pages.leads.dismissHint')} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('pages.leads.field.dismissReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('pages.leads.field.dismissReason') }),
            },
            { min: 4, message: t('pages.cases.form.minChars', { n: 4 }) },
            textLimit(2000, t).rule,
          ]}
        >
          <Input.TextArea
            count={textLimit(2000, t).count}
            autoSize={{ minRows: 4 }}
            data-testid="dismiss-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Other leads a lead may be merged into: not itself, not merged or dismissed. */
function useMergeTargets(lead: Lead | null, q: string) {
  return useApi(
    (signal) =>
      lead
        ? listLeads(
            {
              q: q || undefined,
              agencyId: q ? undefined : (lead.agencyId ?? undefined),
              page: 1,
              pageSize: 50,
            },
            signal,
          ).then((r) =>
            r.items.filter((l) => l.id !== lead.id && (l.status === 'new' || l.status === 'opened')),
          )
        : Promise.resolve([]),
    [lead?.id, q],
  );
}

export function MergeModal({ lead, onClose, onReload, onDone }: ModalProps & { onDone(l: Lead): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ into: string }>();
  const [q, setQ] = useState('');
  const [saving, setSaving] = useState(false);
  const targets = useMergeTargets(lead, q);
  useEffect(() => {
    if (lead) {
      form.resetFields();
      setQ('');
    }
  }, [lead, form]);
  const submit = async () => {
    if (!lead) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const l = await mergeLead(lead, v.into);
      message.success(t('pages.leads.merged'));
      onDone(l);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={lead !== null}
      title={t('pages.leads.action.merge')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'merge-submit' }}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('pages.leads.mergeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="into"
          label={t('pages.leads.field.mergeInto')}
          rules={[
            { required: true, message: t('common.select', { field: t('pages.leads.field.mergeInto') }) },
          ]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={targets.loading}
            placeholder={t('pages.leads.mergePlaceholder')}
            notFoundContent={t('pages.leads.noTargets')}
            data-testid="merge-target"
            options={(targets.data ?? []).map((l) => ({
              value: l.id,
              label: (
                <span>
                  <Tag color={l.status === 'opened' ? 'green' : 'blue'}>
                    {t(`enums.leadStatus.${l.status}`)}
                  </Tag>
                  {l.subject}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    · {l.agencyName ?? t('common.none')} · {dayjs(l.createdAt).format('YYYY-MM-DD')}
                    {l.caseNumber ? ` · ${l.caseNumber}` : ''}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OpenCaseModal({
  lead,
  onClose,
  onReload,
  onDone,
}: ModalProps & { onDone(r: { caseId: string; number: string }): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ agencyId: string; subject: string; summary: string }>();
  const [saving, setSaving] = useState(false);
  // The modal is destroyed when hidden, so the form starts from the lead each time it opens
  // (initial values, not a later setFieldsValue that could run before the form is mounted).
  const initialValues = lead
    ? {
        agencyId: lead.agencyId ?? undefined,
        subject: lead.subject,
        summary: [lead.narrative, lead.detail].filter(Boolean).join('\n'),
      }
    : undefined;
  const submit = async () => {
    if (!lead) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const r = await openCase(lead, {
        agencyId: v.agencyId,
        subject: v.subject.trim(),
        summary: v.summary?.trim() || undefined,
      });
      message.success(t('pages.leads.opened', { number: r.number }));
      onDone(r);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={lead !== null}
      title={t('pages.leads.action.open')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('pages.leads.action.open')}
      okButtonProps={{ 'data-testid': 'open-case-submit' }}
      width={640}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('pages.leads.openHint')} />
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item
          name="agencyId"
          label={t('pages.cases.field.agency')}
          rules={[{ required: true, message: t('common.select', { field: t('pages.cases.field.agency') }) }]}
        >
          <AgencySelect data-testid="open-case-agency" />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('pages.cases.field.subject')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('pages.cases.field.subject') }),
            },
            { min: 2, message: t('pages.cases.form.minChars', { n: 2 }) },
            textLimit(100, t).rule,
          ]}
        >
          <Input count={textLimit(100, t).count} />
        </Form.Item>
        <Form.Item name="summary" label={t('pages.cases.field.summary')} rules={[textLimit(5000, t).rule]}>
          <Input.TextArea count={textLimit(5000, t).count} autoSize={{ minRows: 4, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

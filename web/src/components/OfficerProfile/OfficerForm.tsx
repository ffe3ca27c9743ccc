// Register an officer (optionally with a certificate) or edit one. A legal office registers
// officers only for its own agency, so the agency is fixed for it.
import { App, Checkbox, Col, Divider, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { agencyOptions } from '../../services/agencies';
import { createOfficer, updateOfficer } from '../../services/officers';
import { useUser } from '../../session';
import { type Officer, type OfficerDetail, type OfficerInput, STAFFING } from '../../types/officer';
import CertificateFields from './CertificateFields';
import { fromDay } from './dates';

interface Props {
  open: boolean;
  officer?: Officer;
  defaultAgencyId?: string;
  onClose(): void;
  onSaved(officer: OfficerDetail): void;
  onReload?(): void;
}

interface Values extends Omit<OfficerInput, 'certificate'> {
  withCertificate?: boolean;
  certificate?: { number: string; issuedOn: Dayjs; validUntil: Dayjs };
}

const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

export default function OfficerForm({ open, officer, defaultAgencyId, onClose, onSaved, onReload }: Props) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const user = useUser();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const withCertificate = Form.useWatch('withCertificate', form);
  const agencies = useApi(() => (open ? agencyOptions() : Promise.resolve([])), [open]);
  const ownAgencyOnly = user.role === 'agency_legal';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (officer) form.setFieldsValue({ ...officer });
    else
      form.setFieldsValue({
        agencyId: ownAgencyOnly ? (user.agencyId ?? undefined) : defaultAgencyId,
        staffing: 'administrative',
        withCertificate: true,
      });
  }, [open, officer, defaultAgencyId, form, ownAgencyOnly, user]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: OfficerInput = {
      agencyId: v.agencyId,
      name: v.name.trim(),
      gender: v.gender ?? null,
      staffing: v.staffing,
      post: blankToNull(v.post),
      phone: blankToNull(v.phone),
    };
    setSaving(true);
    try {
      let saved: OfficerDetail;
      if (officer) saved = await updateOfficer(officer.id, officer.version, { ...body, active: v.active });
      else {
        const c = v.withCertificate ? v.certificate : undefined;
        saved = await createOfficer({
          ...body,
          certificate: c
            ? { number: c.number.trim(), issuedOn: fromDay(c.issuedOn)!, validUntil: fromDay(c.validUntil)! }
            : undefined,
        });
      }
      message.success(officer ? t('common.saved') : t('pages.officers.created', { id: saved.id }));
      onSaved(saved);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };

  const agencyChoices = (agencies.data ?? [])
    .filter((a) => a.active || a.id === officer?.agencyId)
    .map((a) => ({ value: a.id, label: `${a.name}（${a.id}）` }));

  return (
    <Modal
      open={open}
      title={officer ? t('pages.officers.edit', { name: officer.name }) : t('pages.officers.create')}
      width={680}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'officer-form-submit' }}
    >
      <Form form={form} layout="vertical" data-testid="officer-form">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="agencyId"
              label={t('pages.officers.field.agency')}
              rules={[
                { required: true, message: t('common.select', { field: t('pages.officers.field.agency') }) },
              ]}
            >
              <Select
                options={agencyChoices}
                loading={agencies.loading}
                disabled={ownAgencyOnly}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="officer-agency"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('pages.officers.field.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.required', { field: t('pages.officers.field.name') }),
                },
                { max: 50 },
              ]}
            >
              <Input data-testid="officer-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label={t('pages.officers.field.gender')}>
              <Radio.Group
                options={[
                  { value: 'M', label: t('enums.gender.M') },
                  { value: 'F', label: t('enums.gender.F') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="staffing"
              label={t('pages.officers.field.staffing')}
              tooltip={t('pages.officers.staffingHint')}
              rules={[
                {
                  required: true,
                  message: t('common.select', { field: t('pages.officers.field.staffing') }),
                },
              ]}
            >
              <Select options={STAFFING.map((s) => ({ value: s, label: t(`enums.staffing.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label={t('pages.officers.field.post')} rules={[{ max: 50 }]}>
              <Input placeholder={t('pages.officers.postPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('pages.officers.field.phone')} rules={[{ max: 40 }]}>
              <Input />
            </Form.Item>
          </Col>
          {officer && (
            <Col span={12}>
              <Form.Item name="active" label={t('pages.officers.field.active')} valuePropName="checked">
                <Switch
                  checkedChildren={t('pages.officers.onDuty')}
                  unCheckedChildren={t('pages.officers.offDuty')}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        {!officer && (
          <>
            <Divider titlePlacement="start" plain>
              {t('pages.officers.certificate')}
            </Divider>
            <Form.Item name="withCertificate" valuePropName="checked">
              <Checkbox>{t('pages.officers.withCertificate')}</Checkbox>
            </Form.Item>
            {withCertificate && <CertificateFields prefix={['certificate']} />}
          </>
        )}
      </Form>
    </Modal>
  );
}

// Create or edit an agency. Mirrors the server's rules so most mistakes are caught before
// sending; the server's field errors land on the same fields.
import { App, Col, Form, Input, Modal, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useRegions } from '../../../hooks/useRegions';
import { useIntl } from '../../../locales/intl';
import { agencyOptions, createAgency, forgetAgencyOptions, updateAgency } from '../../../services/agencies';
import { regionCovers } from '../../../services/regions';
import { useUser } from '../../../session';
import { AGENCY_ID_PATTERN, AGENCY_KINDS, type Agency, type AgencyInput } from '../../../types/agency';

interface Props {
  open: boolean;
  /** The agency to edit; none to create. */
  agency?: Agency;
  /** Region to preselect when creating. */
  defaultRegion?: string;
  onClose(): void;
  onSaved(agency: Agency): void;
  onReload?(): void;
}

const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

export default function AgencyForm({ open, agency, defaultRegion, onClose, onSaved, onReload }: Props) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const user = useUser();
  const showError = useApiError();
  const regions = useRegions();
  const [form] = Form.useForm<AgencyInput>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const regionCode = Form.useWatch('regionCode', form);
  const editing = Boolean(agency);
  const parents = useApi(() => (open ? agencyOptions() : Promise.resolve([])), [open]);

  const regionChoices = useMemo(
    () =>
      (user.role === 'admin' ? regions.items : regions.within(user.regionCode)).map((r) => ({
        value: r.code,
        label: `${r.name}（${r.code}）`,
      })),
    [regions, user],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (agency) form.setFieldsValue({ ...agency });
    else {
      const region = defaultRegion ?? (user.role === 'admin' ? undefined : user.regionCode);
      form.setFieldsValue({
        kind: 'administrative',
        regionCode: region,
        id: region ? `${region}-` : undefined,
      });
    }
  }, [open, agency, defaultRegion, form, user]);

  const onRegionChange = (code: string) => {
    const id = form.getFieldValue('id') as string | undefined;
    if (!id || /^\d{6}-?$/.test(id) || /^\d{6}-/.test(id)) {
      const suffix = id?.replace(/^\d{6}-?/, '') ?? '';
      form.setFieldValue('id', `${code}-${suffix}`);
    }
  };

  const parentChoices = (parents.data ?? [])
    .filter((a) => a.id !== agency?.id && a.kind !== 'entrusted')
    .filter((a) => !regionCode || regionCovers(a.regionCode, regionCode) || a.regionCode === regionCode)
    .map((a) => ({ value: a.id, label: `${a.name}（${a.id}）` }));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: AgencyInput = {
      name: v.name.trim(),
      shortName: v.shortName.trim(),
      kind: v.kind,
      parentId: v.kind === 'entrusted' ? (v.parentId ?? null) : null,
      principalName: blankToNull(v.principalName),
      phone: blankToNull(v.phone),
      address: blankToNull(v.address),
    };
    setSaving(true);
    try {
      const saved = agency
        ? await updateAgency(agency.id, agency.version, { ...body, active: v.active })
        : await createAgency({ ...body, id: v.id?.trim(), regionCode: v.regionCode });
      forgetAgencyOptions();
      message.success(agency ? t('common.saved') : t('common.created'));
      onSaved(saved);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };

  const req = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Modal
      open={open}
      title={editing ? t('pages.agencies.edit', { name: agency?.name ?? '' }) : t('pages.agencies.create')}
      width={720}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'agency-form-submit' }}
    >
      <Form form={form} layout="vertical" requiredMark data-testid="agency-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="regionCode"
              label={t('pages.agencies.field.region')}
              rules={
                editing
                  ? []
                  : [
                      {
                        required: true,
                        message: t('common.select', { field: t('pages.agencies.field.region') }),
                      },
                    ]
              }
            >
              <Select
                options={regionChoices}
                disabled={editing}
                onChange={onRegionChange}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="id"
              label={t('pages.agencies.field.id')}
              extra={!editing && t('pages.agencies.idHint')}
              rules={
                editing
                  ? []
                  : [
                      req(t('pages.agencies.field.id')),
                      { pattern: AGENCY_ID_PATTERN, message: t('pages.agencies.idPattern') },
                      ({ getFieldValue }) => ({
                        validator: (_, value: string | undefined) =>
                          !value ||
                          !getFieldValue('regionCode') ||
                          value.startsWith(getFieldValue('regionCode'))
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('pages.agencies.idRegion'))),
                      }),
                    ]
              }
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input disabled={editing} placeholder="529900-SCJ" data-testid="agency-id" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('pages.agencies.field.name')}
              rules={[
                req(t('pages.agencies.field.name')),
                { min: 2, max: 100, message: t('pages.agencies.nameLength') },
              ]}
            >
              <Input placeholder={t('pages.agencies.namePlaceholder')} data-testid="agency-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="shortName"
              label={t('pages.agencies.field.shortName')}
              rules={[req(t('pages.agencies.field.shortName')), { max: 50 }]}
            >
              <Input data-testid="agency-short-name" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="kind"
              label={t('pages.agencies.field.kind')}
              rules={[req(t('pages.agencies.field.kind'))]}
            >
              <Radio.Group>
                <Space orientation="vertical">
                  {AGENCY_KINDS.map((k) => (
                    <Radio value={k} key={k}>
                      {t(`enums.kind.${k}`)}
                      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                        {t(`pages.agencies.kindHint.${k}`)}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
          </Col>
          {kind === 'entrusted' && (
            <Col span={24}>
              <Form.Item
                name="parentId"
                label={t('pages.agencies.field.parent')}
                extra={t('pages.agencies.parentHint')}
                rules={[{ required: true, message: t('pages.agencies.parentRequired') }]}
              >
                <Select
                  options={parentChoices}
                  loading={parents.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('common.select', { field: t('pages.agencies.field.parent') })}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item name="principalName" label={t('pages.agencies.field.principal')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="phone" label={t('pages.agencies.field.phone')} rules={[{ max: 40 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('pages.agencies.field.address')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          {editing && (
            <Col span={24}>
              <Form.Item
                name="active"
                label={t('pages.agencies.field.active')}
                valuePropName="checked"
                extra={t('pages.agencies.activeHint')}
              >
                <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}

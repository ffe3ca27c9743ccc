// Create or edit an account: role, jurisdiction, and for agency roles the agency (and an
// officer's record). Picking an agency sets the region to the agency's, as the server requires.
import { App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PASSWORD_PATTERN } from '../../../components/PasswordFields';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useRegions } from '../../../hooks/useRegions';
import { useIntl } from '../../../locales/intl';
import { agencyOptions } from '../../../services/agencies';
import { ROLES } from '../../../services/auth';
import { regionCovers } from '../../../services/regions';
import { useUser } from '../../../session';
import { createUser, officersOf, updateUser } from '../service';
import { ADMIN_ROLES, AGENCY_ROLES, USERNAME_PATTERN, type UserAccount, type UserInput } from '../types';

interface Props {
  open: boolean;
  user?: UserAccount;
  onClose(): void;
  onSaved(user: UserAccount): void;
  onReload?(): void;
}

export default function UserForm({ open, user, onClose, onSaved, onReload }: Props) {
  const { t } = useIntl();
  const me = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const regions = useRegions();
  const [form] = Form.useForm<UserInput>();
  const [saving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);
  const regionCode = Form.useWatch('regionCode', form);
  const agencyId = Form.useWatch('agencyId', form);
  const agencies = useApi(() => (open ? agencyOptions() : Promise.resolve([])), [open]);
  const officers = useApi(
    () => (open && role === 'officer' && agencyId ? officersOf(agencyId) : Promise.resolve([])),
    [open, role, agencyId],
  );
  const needsAgency = role !== undefined && AGENCY_ROLES.includes(role);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ ...user });
  }, [open, user, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: UserInput = {
      displayName: v.displayName.trim(),
      role: v.role,
      regionCode: v.regionCode,
      agencyId: needsAgency ? (v.agencyId ?? null) : null,
      officerId: v.role === 'officer' ? (v.officerId ?? null) : null,
    };
    setSaving(true);
    try {
      const saved = user
        ? await updateUser(user.id, user.version, body)
        : await createUser({ ...body, username: v.username?.trim(), password: v.password });
      message.success(user ? t('common.saved') : t('pages.users.created', { username: saved.username }));
      onSaved(saved);
    } catch (e) {
      showError(e, { form, onReload });
    } finally {
      setSaving(false);
    }
  };

  const agencyChoices = (agencies.data ?? [])
    .filter((a) => !regionCode || regionCovers(regionCode, a.regionCode))
    .map((a) => ({ value: a.id, label: `${a.name}（${a.id}）` }));

  return (
    <Modal
      open={open}
      title={user ? t('pages.users.edit', { username: user.username }) : t('pages.users.create')}
      width={680}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
    >
      {/* 三权分立: the security administrator changes the role only (the field says so itself). */}
      <Form form={form} layout="vertical" data-testid="user-form" disabled={me.role === 'security_admin'}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('pages.users.field.username')}
              extra={!user && t('pages.users.usernameRule')}
              rules={
                user
                  ? []
                  : [
                      {
                        required: true,
                        message: t('common.required', { field: t('pages.users.field.username') }),
                      },
                      { pattern: USERNAME_PATTERN, message: t('pages.users.usernameRule') },
                    ]
              }
            >
              <Input disabled={Boolean(user)} autoComplete="off" data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="displayName"
              label={t('pages.users.field.displayName')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.required', { field: t('pages.users.field.displayName') }),
                },
                { max: 50 },
              ]}
            >
              <Input placeholder={t('pages.users.displayNamePlaceholder')} data-testid="user-display-name" />
            </Form.Item>
          </Col>
          {!user && (
            <Col span={24}>
              <Form.Item
                name="password"
                label={t('pages.users.field.password')}
                extra={t('layout.password.rule')}
                rules={[
                  {
                    required: true,
                    message: t('common.required', { field: t('pages.users.field.password') }),
                  },
                  { pattern: PASSWORD_PATTERN, message: t('layout.password.rule') },
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="user-password" />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="role"
              label={t('pages.users.field.role')}
              rules={[
                { required: true, message: t('common.select', { field: t('pages.users.field.role') }) },
              ]}
            >
              <Select
                data-testid="user-role"
                // 三权分立: roles are granted by the security administrator; the administrator
                // roles only from the command line (`wenze user set`), never in the console.
                disabled={
                  user
                    ? me.role !== 'security_admin' || user.id === me.id || ADMIN_ROLES.includes(user.role)
                    : false
                }
                options={ROLES.filter((r) => !ADMIN_ROLES.includes(r) || r === user?.role).map((r) => ({
                  value: r,
                  label: t(`enums.role.${r}`),
                  desc: t(`enums.roleDesc.${r}`),
                }))}
                optionRender={(o) => (
                  <div>
                    <div>{o.label}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {o.data.desc}
                    </Typography.Text>
                  </div>
                )}
              />
            </Form.Item>
          </Col>
          <Col span={needsAgency ? 10 : 24}>
            <Form.Item
              name="regionCode"
              label={t('pages.users.field.region')}
              tooltip={t('pages.users.regionHint')}
              rules={[
                { required: true, message: t('common.select', { field: t('pages.users.field.region') }) },
              ]}
            >
              <Select
                data-testid="user-region"
                options={regions.items.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
                onChange={() => form.setFieldsValue({ agencyId: undefined, officerId: undefined })}
              />
            </Form.Item>
          </Col>
          {needsAgency && (
            <Col span={14}>
              <Form.Item
                name="agencyId"
                label={t('pages.users.field.agency')}
                rules={[
                  { required: true, message: t('common.select', { field: t('pages.users.field.agency') }) },
                ]}
              >
                <Select
                  data-testid="user-agency"
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={agencies.loading}
                  options={agencyChoices}
                  onChange={(id: string) => {
                    const a = agencies.data?.find((x) => x.id === id);
                    form.setFieldsValue({ officerId: undefined, ...(a ? { regionCode: a.regionCode } : {}) });
                  }}
                />
              </Form.Item>
            </Col>
          )}
          {role === 'officer' && (
            <Col span={24}>
              <Form.Item
                name="officerId"
                label={t('pages.users.field.officer')}
                rules={[
                  { required: true, message: t('common.select', { field: t('pages.users.field.officer') }) },
                ]}
                extra={!agencyId && t('pages.users.pickAgencyFirst')}
              >
                <Select
                  data-testid="user-officer"
                  disabled={!agencyId}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={officers.loading}
                  options={(officers.data ?? []).map((o) => ({
                    value: o.id,
                    label: `${o.name}（${o.id}${o.certificateNumber ? ` · ${o.certificateNumber}` : ''}）`,
                  }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}

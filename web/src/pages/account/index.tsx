// 账号安全: one's own account — the password (with the policy in force) and two-factor sign-in
// (TOTP): a secret shown as a QR code of its otpauth:// URI and as text, confirmed with a code.
// A session that must change its password or enrol first is sent here and nowhere else.
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  QRCode,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { PasswordFields, type PasswordValues } from '../../components/PasswordFields';
import { textLimit } from '../../components/textLimit';
import { useApiError } from '../../hooks/useApiError';
import { useRegions } from '../../hooks/useRegions';
import { useIntl } from '../../locales/intl';
import {
  changePassword,
  type PasswordPolicy,
  passwordPolicy,
  totpConfirm,
  totpSetup,
} from '../../services/auth';
import { useSession, useUser } from '../../session';

function PasswordCard({ onChanged }: { onChanged(): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<PasswordValues>();
  const [policy, setPolicy] = useState<PasswordPolicy | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    passwordPolicy().then(setPolicy, () => setPolicy(null));
  }, []);

  const submit = async (v: PasswordValues) => {
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('layout.password.done'));
      form.resetFields();
      onChanged();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('pages.account.password.title')} data-testid="account-password">
      {policy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.account.password.policy')}
          data-testid="password-policy"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              <li>{t('pages.account.password.length', { min: policy.minLength, max: policy.maxLength })}</li>
              <li>{t('pages.account.password.classes', { n: policy.minClasses })}</li>
              <li>{t('pages.account.password.notUsername')}</li>
              <li>
                {policy.maxAgeDays > 0
                  ? t('pages.account.password.maxAge', { days: policy.maxAgeDays })
                  : t('pages.account.password.noMaxAge')}
              </li>
              <li>{t('pages.account.password.lockout')}</li>
            </ul>
          }
        />
      )}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <PasswordFields testIdPrefix="account" />
        <Button type="primary" htmlType="submit" loading={saving} data-testid="account-password-submit">
          {t('pages.account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function TotpCard({ onEnabled }: { onEnabled(): void }) {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await totpSetup());
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (v: { code: string }) => {
    setBusy(true);
    try {
      await totpConfirm(v.code.trim());
      message.success(t('pages.account.totp.done'));
      setSetup(null);
      onEnabled();
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  const status = user.totpEnabled ? (
    <Tag color="success">{t('pages.account.totp.on')}</Tag>
  ) : (
    <Tag>{t('pages.account.totp.disabled')}</Tag>
  );

  return (
    <Card title={t('pages.account.totp.title')} extra={status} data-testid="account-totp">
      {user.isDemo ? (
        <Typography.Paragraph type="secondary">{t('pages.account.totp.demo')}</Typography.Paragraph>
      ) : user.totpEnabled ? (
        <Typography.Paragraph>{t('pages.account.totp.enabled')}</Typography.Paragraph>
      ) : !setup ? (
        <Space direction="vertical">
          <Typography.Text type={user.totpRequired ? 'warning' : 'secondary'}>
            {user.totpRequired ? t('pages.account.totp.required') : t('pages.account.totp.optional')}
          </Typography.Text>
          <Button type="primary" onClick={start} loading={busy} data-testid="totp-start">
            {t('pages.account.totp.start')}
          </Button>
        </Space>
      ) : (
        <>
          <Typography.Paragraph>{t('pages.account.totp.step1')}</Typography.Paragraph>
          <Space align="start" wrap size="large">
            <QRCode value={setup.otpauthUri} size={180} data-testid="totp-qr" />
            <div>
              <Typography.Text type="secondary">{t('pages.account.totp.secret')}</Typography.Text>
              <Typography.Paragraph
                copyable
                code
                data-testid="totp-secret"
                style={{ wordBreak: 'break-all' }}
              >
                {setup.secret}
              </Typography.Paragraph>
            </div>
          </Space>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            {t('pages.account.totp.step2')}
          </Typography.Paragraph>
          <Form form={form} layout="inline" onFinish={confirm}>
            <Form.Item
              name="code"
              rules={[
                { required: true, pattern: /^\s*\d{6}\s*$/, message: t('pages.account.totp.codeRule') },
                textLimit(6, t).rule,
              ]}
            >
              <Input
                placeholder={t('pages.account.totp.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                count={textLimit(6, t).count}
                style={{ width: 160 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
              {t('pages.account.totp.confirm')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

export default function AccountPage() {
  const { t } = useIntl();
  const user = useUser();
  const { restriction, refresh } = useSession();
  const regions = useRegions();
  const reload = () => {
    refresh().catch(() => undefined);
  };
  return (
    <PageContainer title={t('pages.account.title')} testId="account-page">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {restriction && (
          <Alert
            type="warning"
            showIcon
            data-testid="account-restriction"
            title={
              restriction === 'change_password'
                ? t('pages.account.mustChangePassword')
                : t('pages.account.mustEnrol')
            }
          />
        )}
        {user.isDemo && <Alert type="info" showIcon title={t('pages.account.demo')} />}
        <Card title={t('pages.account.profile')}>
          <Descriptions column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('pages.account.username')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('pages.account.role')}>
              {t(`enums.role.${user.role}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('layout.jurisdiction')}>
              {regions.nameOf(user.regionCode)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <PasswordCard onChanged={reload} />
          </Col>
          <Col xs={24} lg={12}>
            <TotpCard onEnabled={reload} />
          </Col>
        </Row>
      </Space>
    </PageContainer>
  );
}

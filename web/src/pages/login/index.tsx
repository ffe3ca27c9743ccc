// Login: the product's front door. Explains wrong credentials, lockout (with how long) and
// an expired session; returns the user to the page they were on.
import {
  AuditOutlined,
  FormOutlined,
  GlobalOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { textLimit } from '../../components/textLimit';
import { Seal } from '../../layouts/Logo';
import { LOCALES, type Locale } from '../../locales';
import { useIntl } from '../../locales/intl';
import { useSession } from '../../session';
import { loginProblem, needsCode, safeRedirect } from './service';
import type { LoginProblem, LoginValues } from './types';

export default function LoginPage() {
  const { t, locale, setLocale } = useIntl();
  const { status, notice, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  // Second step: the password was right and the account signs in with a code as well.
  const [codeStep, setCodeStep] = useState(false);
  const [form] = Form.useForm<LoginValues>();
  const redirect = safeRedirect(params.get('redirect'));

  if (status === 'authenticated' && !submitting) return <Navigate to={redirect} replace />;

  const onFinish = async (v: LoginValues) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await login(v.username.trim(), v.password, codeStep ? v.code?.trim() : undefined);
      navigate(redirect, { replace: true });
    } catch (e) {
      if (needsCode(e) && !codeStep) {
        setCodeStep(true);
      } else {
        setProblem(loginProblem(e, t));
        form.setFieldValue('code', '');
      }
      setSubmitting(false);
    }
  };

  const shown: LoginProblem | null = problem ?? (notice ? { kind: 'expired', message: notice } : null);

  return (
    <div className="wz-login">
      <Dropdown
        menu={{
          items: LOCALES.map((l) => ({ key: l.key, label: l.label })),
          selectedKeys: [locale],
          selectable: true,
          onClick: (e) => setLocale(e.key as Locale),
        }}
      >
        <Button type="text" className="wz-login-locale" icon={<GlobalOutlined />} style={{ color: '#fff' }}>
          {LOCALES.find((l) => l.key === locale)?.label}
        </Button>
      </Dropdown>
      <section className="wz-login-brand">
        <div className="wz-login-title">
          <Seal size={56} />
          <span>
            {t('app.name')} <small>{t('app.nameEn')}</small>
          </span>
        </div>
        <div className="wz-login-full">{t('app.fullName')}</div>
        <div className="wz-login-slogan">{t('app.slogan')}</div>
        <ul className="wz-login-features">
          <li>
            <AuditOutlined /> {t('pages.login.feature1')}
          </li>
          <li>
            <TeamOutlined /> {t('pages.login.feature2')}
          </li>
          <li>
            <SafetyCertificateOutlined /> {t('pages.login.feature3')}
          </li>
        </ul>
        <div className="wz-login-basis">{t('pages.login.basis')}</div>
      </section>
      <section className="wz-login-panel">
        <Card className="wz-login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('pages.login.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('pages.login.subtitle')}</Typography.Paragraph>
          {shown && (
            <Alert
              data-testid="login-error"
              data-kind={shown.kind}
              type={shown.kind === 'expired' ? 'info' : shown.kind === 'locked' ? 'warning' : 'error'}
              showIcon
              title={t(`pages.login.${shown.kind}`)}
              description={shown.message}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<LoginValues>
            form={form}
            layout="vertical"
            size="large"
            onFinish={onFinish}
            requiredMark={false}
          >
            {codeStep && (
              <>
                <Typography.Paragraph data-testid="login-code-hint">
                  {t('pages.login.codeHint')}
                </Typography.Paragraph>
                <Form.Item
                  name="code"
                  label={t('pages.login.code')}
                  rules={[
                    { required: true, pattern: /^\s*\d{6}\s*$/, message: t('pages.login.codeRequired') },
                    textLimit(6, t).rule,
                  ]}
                >
                  <Input
                    prefix={<SafetyCertificateOutlined />}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    count={textLimit(6, t).count}
                    autoFocus
                    data-testid="login-code"
                    placeholder="000000"
                  />
                </Form.Item>
              </>
            )}
            <Form.Item
              hidden={codeStep}
              name="username"
              label={t('pages.login.username')}
              rules={[{ required: true, whitespace: true, message: t('pages.login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
                placeholder={t('pages.login.username')}
              />
            </Form.Item>
            <Form.Item
              hidden={codeStep}
              name="password"
              label={t('pages.login.password')}
              rules={[{ required: true, message: t('pages.login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
                placeholder={t('pages.login.password')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('pages.login.submit')}
            </Button>
            {codeStep && (
              <Button
                type="link"
                block
                onClick={() => {
                  setCodeStep(false);
                  setProblem(null);
                  form.setFieldsValue({ password: '', code: '' });
                }}
                data-testid="login-back"
              >
                {t('pages.login.back')}
              </Button>
            )}
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('pages.login.hint')}
          </Typography.Paragraph>
          <div className="wz-login-public">
            <Typography.Text type="secondary">{t('pages.login.publicHint')}</Typography.Text>
            <Link to="/public/complaint" reloadDocument data-testid="login-public-complaint">
              <FormOutlined /> {t('pages.login.publicComplaint')}
            </Link>
            <Link to="/public/track" reloadDocument data-testid="login-public-track">
              <SearchOutlined /> {t('pages.login.publicTrack')}
            </Link>
          </div>
        </Card>
      </section>
      <div className="wz-login-footer">{t('app.footer')}</div>
    </div>
  );
}

// The fields of changing one's own password — current, new (with the first checks of the policy),
// confirm — for the account page and the password dialog of the user menu.
import { Form, Input } from 'antd';
import { useIntl } from '../locales/intl';

/** The first checks of the server's policy (src/core/policies/password.ts): length and three classes. */
export const PASSWORD_PATTERN =
  /^(?:(?=.*[a-z])(?=.*[A-Z])(?=.*\d)|(?=.*[a-z])(?=.*[A-Z])(?=.*[^A-Za-z\d])|(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d])|(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z\d])).{8,128}$/;

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** `testIdPrefix` names the inputs `${prefix}-current-password`, `-new-password`, `-confirm-password`. */
export function PasswordFields({ testIdPrefix, showRule }: { testIdPrefix?: string; showRule?: boolean }) {
  const { t } = useIntl();
  const id = (name: string) => (testIdPrefix ? `${testIdPrefix}-${name}` : undefined);
  return (
    <>
      <Form.Item
        name="currentPassword"
        label={t('layout.password.current')}
        rules={[{ required: true, message: t('common.required', { field: t('layout.password.current') }) }]}
      >
        <Input.Password autoComplete="current-password" data-testid={id('current-password')} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('layout.password.new')}
        extra={showRule ? t('layout.password.rule') : undefined}
        rules={[
          { required: true, message: t('common.required', { field: t('layout.password.new') }) },
          { pattern: PASSWORD_PATTERN, message: t('layout.password.rule') },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={id('new-password')} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('layout.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('layout.password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('layout.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={id('confirm-password')} />
      </Form.Item>
    </>
  );
}

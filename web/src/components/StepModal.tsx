// One step of a procedure (a tolerance application, an appeal) in a modal, described by a spec per
// action: its fields (none: a confirmation), their initial values, the input sent, a hint above,
// danger, width. Sent with the version the user saw; field errors from the server land on their
// fields (the first scrolled to), the others are listed above the form; a stale version (409)
// offers to reload. The step's title is `<ns>.action.<action>`, its success `<ns>.actionDone`;
// the test ids are `<testId>-action-modal`, `-action-submit` and `-action-problems`.
import { Alert, App, Form, Modal } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useApiError } from '../hooks/useApiError';
import { useFormSubmit } from '../hooks/useFormSubmit';
import { type Translate, useIntl } from '../locales/intl';
import { ProblemsAlert } from './ProblemsAlert';

export interface StepSpec<S> {
  fields?(s: S, t: Translate): ReactNode;
  initial?(s: S, t: Translate): Record<string, unknown>;
  input?(v: Record<string, unknown>, s: S): object;
  hint?(s: S, t: Translate): ReactNode;
  danger?: boolean;
  width?: number;
}

export interface StepModalProps<S, A extends string> {
  subject: S;
  action: A | null;
  specs: Record<A, StepSpec<S>>;
  send(subject: S, action: A, input: object): Promise<S>;
  /** The locale namespace of the titles (`pages.appeals`). */
  ns: string;
  testId: string;
  onClose(): void;
  onDone(updated: S): void;
  onReload(): void;
}

export function StepModal<S, A extends string>({
  subject,
  action,
  specs,
  send,
  ns,
  testId,
  onClose,
  onDone,
  onReload,
}: StepModalProps<S, A>) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const { saving, problems, setProblems, run } = useFormSubmit(form, { scroll: true });
  const spec = action ? specs[action] : null;

  // Only when the modal opens: a reload underneath must not wipe what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the subject is read at opening time
  useEffect(() => {
    if (!action) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(specs[action].initial?.(subject, t) ?? {});
  }, [action, form]);

  const submit = async () => {
    if (!action || !spec) return;
    const values = spec.fields ? await form.validateFields().catch(() => null) : {};
    if (!values) return;
    await run(
      async () => {
        const updated = await send(subject, action, spec.input ? spec.input(values, subject) : values);
        message.success(t(`${ns}.actionDone`, { action: t(`${ns}.action.${action}`) }));
        onDone(updated);
      },
      (e) => showError(e, { form, onReload }),
    );
  };

  const hint = spec?.hint?.(subject, t);
  return (
    <Modal
      open={action !== null}
      title={action ? t(`${ns}.action.${action}`) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.submit')}
      okButtonProps={{ danger: spec?.danger, 'data-testid': `${testId}-action-submit` }}
      confirmLoading={saving}
      width={spec?.width ?? 560}
      destroyOnHidden
      data-testid={`${testId}-action-modal`}
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
      <ProblemsAlert problems={problems} testId={`${testId}-action-problems`} />
      {spec?.fields && (
        <Form form={form} layout="vertical" preserve={false}>
          {spec.fields(subject, t)}
        </Form>
      )}
    </Modal>
  );
}

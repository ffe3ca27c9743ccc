// One workflow step in a modal: its form (or a confirmation), sent with the case version the
// user saw. Field errors from the server's guards land on their fields (`collective.votesFor`
// and `sanctions[0].reason` on nested ones, `userIds[1]` on the list); the others (the case's
// state, a person not yet heard) are listed in the modal, naming the person where the path
// points at one; a stale version (409) offers to reload.
import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ProblemsAlert } from '../../../components/ProblemsAlert';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { performAction } from '../../../services/cases';
import { ApiError, type FieldError } from '../../../services/request';
import { useUser } from '../../../session';
import type { CaseAction, CaseDetail } from '../../../types/case';
import { ACTION_FORMS, type FormContext } from './actionForms';
import { fieldFor, type NamePath, problemText } from './fieldErrors';

interface Props {
  c: CaseDetail;
  action: Exclude<CaseAction, 'record_findings'> | null;
  onClose(): void;
  onDone(updated: CaseDetail): void;
  onReload(): void;
}

export default function ActionModal({ c, action, onClose, onDone, onReload }: Props) {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [sent, setSent] = useState<object | undefined>();
  const spec = action ? ACTION_FORMS[action] : null;
  const ctx: FormContext = useMemo(() => ({ c, user, t }), [c, user, t]);

  // Only when a modal opens: the case reloading underneath must not wipe what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: ctx is read at opening time
  useEffect(() => {
    if (!action) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(ACTION_FORMS[action].initial?.(ctx) ?? {});
  }, [action, form]);

  const submit = async () => {
    if (!action || !spec) return;
    const values = spec.fields ? await form.validateFields().catch(() => null) : {};
    if (!values) return;
    setSaving(true);
    setProblems([]);
    const input = spec.input ? spec.input(values, ctx) : values;
    setSent(input);
    try {
      const updated = await performAction(c.id, action, c.version, input);
      message.success(t('pages.cases.actionDone', { action: t(`pages.cases.action.${action}`) }));
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
        // The fields on the form now (a section not shown has none registered).
        const registered = form.getFieldsError().map((f) => f.name as NamePath);
        const landed = new Map<string, { name: NamePath; value?: unknown; errors: string[] }>();
        const rest: FieldError[] = [];
        for (const f of e.fields) {
          const alias = spec.errorTarget?.(f.path);
          const name = alias?.name ?? fieldFor(f.path, registered);
          if (!name) {
            rest.push(f);
            continue;
          }
          const key = JSON.stringify(name);
          const entry = landed.get(key) ?? { name, errors: [] };
          if (alias && 'value' in alias) entry.value = alias.value;
          entry.errors.push(f.message);
          landed.set(key, entry);
        }
        form.setFields(
          [...landed.values()].map(({ name, value, errors }) => ({
            name,
            errors,
            ...(value !== undefined ? { value } : {}),
          })),
        );
        setProblems(rest.length === 0 && landed.size === 0 ? [{ path: '', message: e.message }] : rest);
      } else {
        showError(e, { form, onReload });
      }
    } finally {
      setSaving(false);
    }
  };

  const hint = spec?.hint?.(ctx);
  return (
    <Modal
      open={action !== null}
      title={action ? t(`pages.cases.action.${action}`) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={spec?.fields ? t('common.submit') : t('common.confirm')}
      okButtonProps={{ danger: spec?.danger, 'data-testid': 'action-submit' }}
      confirmLoading={saving}
      width={spec?.width ?? 520}
      destroyOnHidden
      data-testid="action-modal"
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
      <ProblemsAlert problems={problems} testId="action-problems" text={(p) => problemText(p, c, sent)} />
      {spec?.fields && (
        <Form form={form} layout="vertical" preserve={false}>
          {spec.fields(ctx)}
        </Form>
      )}
    </Modal>
  );
}

// One step of a tolerance application in a modal, sent with the version the user saw: accept
// (the office's opinion), decline (the reasons), verify (the investigators' checklist: every
// condition and every item of the negative list with its fact and its evidence), decide (the
// outcome — never more lenient than the assessment —, the opinion, the reasons of the three
// distinctions and the collective discussion's record), withdraw (the applicant's reason).
// Field errors from the server land on their fields; the others are listed above the form; a
// stale version (409) offers to reload.
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import CollectiveDiscussionFields, {
  type CollectiveValues,
  collectiveInput,
} from '../../../components/CollectiveDiscussionFields';
import { textLength, textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { type Translate, useIntl } from '../../../locales/intl';
import { landErrors, type NamePath } from '../../../services/fieldPaths';
import { ApiError, type FieldError } from '../../../services/request';
import { toleranceAction, tolerancePolicy } from '../../../services/tolerance';
import { outcomeOptions, type ToleranceAction, type ToleranceDetail } from '../../../types/tolerance';
import ChecklistFields, { factsInput } from './ChecklistFields';

function textField(
  name: string,
  label: string,
  t: Translate,
  opts: { min?: number; max?: number; rows?: number; placeholder?: string } = {},
) {
  const limit = textLimit(opts.max ?? 2000, t);
  const min = opts.min ?? 1;
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required: true, whitespace: true, message: t('common.required', { field: label }) },
        ...(min > 1
          ? [
              {
                validator: (_r: unknown, v: string | undefined) =>
                  textLength(v ?? '') === 0 || textLength(v ?? '') >= min
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('pages.cases.form.minChars', { n: min }))),
              },
            ]
          : []),
        limit.rule,
      ]}
    >
      <Input.TextArea
        count={limit.count}
        autoSize={{ minRows: opts.rows ?? 3, maxRows: 12 }}
        placeholder={opts.placeholder}
        data-testid={`tolerance-field-${name}`}
      />
    </Form.Item>
  );
}

function DecideFields({ a, t }: { a: ToleranceDetail; t: Translate }) {
  const assessment = a.verification?.assessment;
  const assessed = assessment?.outcome ?? null;
  return (
    <>
      {assessment && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.tolerance.form.assessed', {
            outcome: t(`enums.toleranceOutcome.${assessment.outcome}`),
            cite: assessment.outcomeCite,
          })}
          description={t('pages.tolerance.distinctionText', {
            label: assessment.distinction.label,
            against: assessment.distinction.against,
          })}
        />
      )}
      <Form.Item
        name="outcome"
        label={t('pages.tolerance.field.outcome')}
        extra={t('pages.tolerance.form.noMoreLenient')}
        rules={[{ required: true }]}
      >
        <Radio.Group
          data-testid="tolerance-field-outcome"
          optionType="button"
          buttonStyle="solid"
          options={outcomeOptions(assessed).map((o) => ({
            ...o,
            label: t(`enums.toleranceOutcome.${o.value}`),
          }))}
        />
      </Form.Item>
      {textField('opinion', t('pages.tolerance.field.decisionOpinion'), t, {
        max: 5000,
        placeholder: t('pages.tolerance.form.decisionOpinionPlaceholder'),
      })}
      {textField('distinctionReasons', t('pages.tolerance.field.distinctionReasons'), t, {
        min: 10,
        max: 5000,
        rows: 4,
        placeholder: t('pages.tolerance.form.distinctionPlaceholder'),
      })}
      <CollectiveDiscussionFields t={t} />
    </>
  );
}

function VerifyFields({ a, t }: { a: ToleranceDetail; t: Translate }) {
  const policy = useApi(() => tolerancePolicy(a.pack, a.appliedOn), [a.pack, a.appliedOn]);
  const limit = textLimit(5000, t);
  return (
    <>
      <ChecklistFields policy={policy.data} evidence pack={a.pack} on={a.appliedOn} />
      <Form.Item
        name="note"
        label={t('pages.tolerance.field.note')}
        rules={[limit.rule]}
        style={{ marginTop: 16 }}
      >
        <Input.TextArea count={limit.count} autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
    </>
  );
}

interface Spec {
  fields(a: ToleranceDetail, t: Translate): ReactNode;
  initial?(a: ToleranceDetail): Record<string, unknown>;
  input?(v: Record<string, unknown>): object;
  hint?(a: ToleranceDetail, t: Translate): ReactNode;
  danger?: boolean;
  width?: number;
}

const SPECS: Record<ToleranceAction, Spec> = {
  accept: {
    fields: (_a, t) =>
      textField('opinion', t('pages.tolerance.field.acceptOpinion'), t, {
        placeholder: t('pages.tolerance.form.acceptPlaceholder'),
      }),
    hint: (_a, t) => t('pages.tolerance.hint.accept'),
  },
  decline: {
    danger: true,
    fields: (_a, t) => textField('reason', t('pages.tolerance.field.declineReason'), t, { min: 4 }),
    hint: (_a, t) => t('pages.tolerance.hint.decline'),
  },
  verify: {
    width: 1080,
    fields: (a, t) => <VerifyFields a={a} t={t} />,
    initial: (a) => {
      const v = a.verification;
      if (!v) return { facts: { preRegistered: a.preRegistered ?? undefined, priorTolerance: [] } };
      return {
        facts: {
          ...v.facts,
          preRegistered: v.facts.preRegistered ?? undefined,
          priorTolerance: v.facts.priorTolerance.map((p) => ({ ...p, date: dayjs(p.date) })),
        },
        evidence: v.evidence,
        note: v.note,
      };
    },
    input: (v) => ({
      facts: factsInput(v.facts as Record<string, unknown>),
      evidence: v.evidence,
      ...((v.note as string | undefined)?.trim() ? { note: v.note } : {}),
    }),
    hint: (a, t) => t(a.verification ? 'pages.tolerance.hint.reverify' : 'pages.tolerance.hint.verify'),
  },
  decide: {
    width: 760,
    fields: (a, t) => <DecideFields a={a} t={t} />,
    initial: (a) => ({ outcome: a.verification?.assessment.outcome }),
    input: (v) => ({
      outcome: v.outcome,
      opinion: v.opinion,
      distinctionReasons: v.distinctionReasons,
      collective: collectiveInput((v.collective ?? {}) as CollectiveValues),
    }),
    hint: (_a, t) => t('pages.tolerance.hint.decide'),
  },
  withdraw: {
    danger: true,
    fields: (_a, t) => textField('reason', t('pages.tolerance.field.withdrawReason'), t),
    hint: (_a, t) => t('pages.tolerance.hint.withdraw'),
  },
};

interface Props {
  application: ToleranceDetail;
  action: ToleranceAction | null;
  onClose(): void;
  onDone(updated: ToleranceDetail): void;
  onReload(): void;
}

export default function ActionModal({ application: a, action, onClose, onDone, onReload }: Props) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const spec = action ? SPECS[action] : null;

  // Only when the modal opens: a reload underneath must not wipe what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the application is read at opening time
  useEffect(() => {
    if (!action) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(SPECS[action].initial?.(a) ?? {});
  }, [action, form]);

  const submit = async () => {
    if (!action || !spec) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setProblems([]);
    try {
      const input = spec.input ? spec.input(values) : values;
      const updated = await toleranceAction(a, action, input);
      message.success(t('pages.tolerance.actionDone', { action: t(`pages.tolerance.action.${action}`) }));
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
        const registered = form.getFieldsError().map((f) => f.name as NamePath);
        const { landed, rest } = landErrors(e.fields, registered);
        form.setFields(landed);
        setProblems(rest.length === 0 && landed.length === 0 ? [{ path: '', message: e.message }] : rest);
        if (landed.length > 0) form.scrollToField(landed[0].name, { block: 'center' });
      } else {
        showError(e, { form, onReload });
      }
    } finally {
      setSaving(false);
    }
  };

  const hint = spec?.hint?.(a, t);
  return (
    <Modal
      open={action !== null}
      title={action ? t(`pages.tolerance.action.${action}`) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.submit')}
      okButtonProps={{ danger: spec?.danger, 'data-testid': 'tolerance-action-submit' }}
      confirmLoading={saving}
      width={spec?.width ?? 560}
      destroyOnHidden
      data-testid="tolerance-action-modal"
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="tolerance-action-problems"
          title={
            problems.length === 1 ? (
              problems[0].message
            ) : (
              <Typography.Text>{t('pages.cases.form.problems')}</Typography.Text>
            )
          }
          description={
            problems.length > 1 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={`${p.path}-${p.message}`}>{p.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {spec && (
        <Form form={form} layout="vertical" preserve={false}>
          {spec.fields(a, t)}
        </Form>
      )}
    </Modal>
  );
}

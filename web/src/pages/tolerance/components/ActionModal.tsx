// One step of a tolerance application in a modal, sent with the version the user saw: accept
// (the office's opinion), decline (the reasons), verify (the investigators' checklist: every
// condition and every item of the negative list with its fact and its evidence), decide (the
// outcome — never more lenient than the assessment —, the opinion, the reasons of the three
// distinctions and the collective discussion's record), withdraw (the applicant's reason).
// Field errors from the server land on their fields; the others are listed above the form; a
// stale version (409) offers to reload.
import { Alert, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import CollectiveDiscussionFields, {
  type CollectiveValues,
  collectiveInput,
} from '../../../components/CollectiveDiscussionFields';
import { StepModal, type StepSpec } from '../../../components/StepModal';
import { TextAreaItem } from '../../../components/TextAreaItem';
import { textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import type { Translate } from '../../../locales/intl';
import { toleranceAction, tolerancePolicy } from '../../../services/tolerance';
import { outcomeOptions, type ToleranceAction, type ToleranceDetail } from '../../../types/tolerance';
import ChecklistFields, { factsInput } from './ChecklistFields';

function textField(
  name: string,
  label: string,
  opts: { min?: number; max?: number; rows?: number; placeholder?: string } = {},
) {
  return <TextAreaItem name={name} label={label} testId={`tolerance-field-${name}`} {...opts} />;
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
      {textField('opinion', t('pages.tolerance.field.decisionOpinion'), {
        max: 5000,
        placeholder: t('pages.tolerance.form.decisionOpinionPlaceholder'),
      })}
      {textField('distinctionReasons', t('pages.tolerance.field.distinctionReasons'), {
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

const SPECS: Record<ToleranceAction, StepSpec<ToleranceDetail>> = {
  accept: {
    fields: (_a, t) =>
      textField('opinion', t('pages.tolerance.field.acceptOpinion'), {
        placeholder: t('pages.tolerance.form.acceptPlaceholder'),
      }),
    hint: (_a, t) => t('pages.tolerance.hint.accept'),
  },
  decline: {
    danger: true,
    fields: (_a, t) => textField('reason', t('pages.tolerance.field.declineReason'), { min: 4 }),
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
    fields: (_a, t) => textField('reason', t('pages.tolerance.field.withdrawReason')),
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

export default function ActionModal({ application, action, onClose, onDone, onReload }: Props) {
  return (
    <StepModal<ToleranceDetail, ToleranceAction>
      subject={application}
      action={action}
      specs={SPECS}
      send={toleranceAction}
      ns="pages.tolerance"
      testId="tolerance"
      onClose={onClose}
      onDone={onDone}
      onReload={onReload}
    />
  );
}

// One step of an appeal in a modal, sent with the version the user saw: accept (the office's
// opinion), reject (the reason), draw (an optional seed: the server draws one when none is given,
// and records it so that anyone can re-run the draw), declare_conflict (the member's reason),
// schedule_hearing (date, place, whether evidence is received), record_session (which session,
// who of the panel attended, whether the appellant was heard, their representative, the note),
// open_vote, vote (the outcome; a change names a form — or, on an agency's appeal, measures —
// strictly lighter than the original — 不因申诉加重处理 —, heavier ones are not offered; the reasons
// and any dissent), decide_review (the office's 复核 decision: the same choice, no dissent), extend
// and withdraw (the reason). Field errors from the server land on their fields; the others are listed above
// the form; a stale version (409) offers to reload.
import { Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { StepModal, type StepSpec } from '../../../components/StepModal';
import { TextAreaItem } from '../../../components/TextAreaItem';
import { textLimit } from '../../../components/textLimit';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import type { Translate } from '../../../locales/intl';
import { appealAction } from '../../../services/appeals';
import {
  APPEAL_OUTCOMES,
  type AppealAction,
  type AppealDetail,
  type AppealInputs,
  lighterForms,
  lighterMeasures,
} from '../../../types/appeal';

function textField(
  name: string,
  label: string,
  opts: { min?: number; max?: number; rows?: number; placeholder?: string; optional?: boolean } = {},
) {
  return <TextAreaItem name={name} label={label} testId={`appeal-field-${name}`} {...opts} />;
}

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function SessionFields({ a, t }: { a: AppealDetail; t: Translate }) {
  const open = a.sessions.filter((s) => !s.recorded);
  const representative = textLimit(100, t);
  return (
    <>
      <Form.Item
        name="sessionId"
        label={t('pages.appeals.field.session')}
        rules={[
          { required: true, message: t('common.required', { field: t('pages.appeals.field.session') }) },
        ]}
      >
        <Select
          data-testid="appeal-field-sessionId"
          options={open.map((s) => ({
            value: s.id,
            label: `${s.on} · ${s.place}${s.evidence ? ` · ${t('pages.appeals.hearing.evidence')}` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="attendees"
        label={t('pages.appeals.field.attendees')}
        extra={t('pages.appeals.form.attendeesHint')}
      >
        <Checkbox.Group data-testid="appeal-field-attendees">
          <Flex vertical gap={4}>
            {(a.panel?.members ?? []).map((m) => (
              <Checkbox key={m.id} value={m.id} data-testid={`appeal-attendee-${m.id}`}>
                {m.name}（{m.kindLabel}
                {m.chair ? ` · ${t('pages.appeals.panel.chair')}` : ''}）
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="appellantHeard"
        label={t('pages.appeals.field.appellantHeard')}
        valuePropName="checked"
      >
        <Switch data-testid="appeal-field-appellantHeard" />
      </Form.Item>
      <Form.Item
        name="representative"
        label={t('pages.appeals.field.representative')}
        rules={[representative.rule]}
      >
        <Input count={representative.count} data-testid="appeal-field-representative" />
      </Form.Item>
      {textField('note', t('pages.appeals.field.note'), { max: 5000, rows: 4 })}
    </>
  );
}

/** The outcome, the lighter form or measures on a change, and the reasons: a vote, or a 复核 decision. */
function DecisionFields({ a, t, vote }: { a: AppealDetail; t: Translate; vote: boolean }) {
  const label = useVocabLabel();
  const outcome = Form.useWatch('outcome', Form.useFormInstance());
  const forms = lighterForms(a.originalForm);
  // An agency's appeal: a change names lighter Art. 25 measures instead of a form.
  const agency = a.appellantKind === 'agency';
  const measures = lighterMeasures(a.originalMeasures);
  const choices = agency ? measures : forms;
  return (
    <>
      <Form.Item
        name="outcome"
        label={t('pages.appeals.field.outcome')}
        extra={t('pages.appeals.form.neverHeavier')}
        rules={[
          { required: true, message: t('common.required', { field: t('pages.appeals.field.outcome') }) },
        ]}
      >
        <Radio.Group
          data-testid="appeal-field-outcome"
          optionType="button"
          buttonStyle="solid"
          options={APPEAL_OUTCOMES.map((o) => ({
            value: o,
            label: t(`enums.appealOutcome.${o}`),
            // A change needs a lighter form to change to.
            disabled: o === 'changed' && choices.length === 0,
          }))}
        />
      </Form.Item>
      {outcome === 'changed' && agency && (
        <Form.Item
          name="measures"
          label={t('pages.appeals.field.measures')}
          rules={[
            { required: true, message: t('common.required', { field: t('pages.appeals.field.measures') }) },
          ]}
        >
          <Select
            mode="multiple"
            data-testid="appeal-field-measures"
            options={measures.map((m) => ({ value: m, label: label('measure', m) }))}
          />
        </Form.Item>
      )}
      {outcome === 'changed' && !agency && (
        <Form.Item
          name="form"
          label={t('pages.appeals.field.form')}
          rules={[
            { required: true, message: t('common.required', { field: t('pages.appeals.field.form') }) },
          ]}
        >
          <Select
            data-testid="appeal-field-form"
            placeholder={t('pages.appeals.form.formPlaceholder')}
            options={forms.map((f) => ({ value: f, label: label('sanction', f) }))}
          />
        </Form.Item>
      )}
      {textField('reasons', t(vote ? 'pages.appeals.field.reasons' : 'pages.appeals.field.reviewReasons'), {
        min: 4,
        max: 5000,
        rows: 4,
      })}
      {vote &&
        textField('dissent', t('pages.appeals.field.dissent'), {
          max: 5000,
          rows: 2,
          optional: true,
          placeholder: t('pages.appeals.form.dissentPlaceholder'),
        })}
    </>
  );
}

/** What a vote or a 复核 decision sends: the form or (an agency's appeal) the measures only on a change. */
const decisionInput = (a: AppealDetail, v: Record<string, unknown>) => {
  const changed = v.outcome === 'changed';
  return {
    outcome: v.outcome,
    form: changed && a.appellantKind !== 'agency' ? (v.form ?? null) : null,
    measures: changed && a.appellantKind === 'agency' ? (v.measures ?? []) : null,
    reasons: v.reasons,
  };
};
const decisionHint = (a: AppealDetail, t: Translate) =>
  a.originalMeasuresLabel
    ? t('pages.appeals.hint.vote', { form: a.originalMeasuresLabel })
    : a.originalFormLabel
      ? t('pages.appeals.hint.vote', { form: a.originalFormLabel })
      : t('pages.appeals.hint.voteNoForm');

const SPECS: Record<AppealAction, StepSpec<AppealDetail>> = {
  accept: {
    fields: (_a, t) =>
      textField('opinion', t('pages.appeals.field.opinion'), {
        placeholder: t('pages.appeals.form.acceptPlaceholder'),
      }),
    hint: (a, t) =>
      a.late
        ? t('pages.appeals.hint.acceptLate', { until: a.appealUntil ?? '' })
        : t('pages.appeals.hint.accept'),
  },
  reject: {
    danger: true,
    fields: (_a, t) => textField('reason', t('pages.appeals.field.rejectReason'), { min: 4 }),
    initial: (a, t) =>
      a.late
        ? { reason: t('pages.appeals.form.lateReason', { filedOn: a.filedOn, until: a.appealUntil ?? '' }) }
        : {},
    hint: (_a, t) => t('pages.appeals.hint.reject'),
  },
  draw: {
    fields: (_a, t) => (
      <Form.Item
        name="seed"
        label={t('pages.appeals.field.seed')}
        extra={t('pages.appeals.form.seedHint')}
        rules={[
          {
            pattern: /^[0-9A-Za-z-]{4,64}$/,
            message: t('pages.appeals.form.seedPattern'),
          },
        ]}
      >
        <Input
          allowClear
          placeholder={t('pages.appeals.form.seedPlaceholder')}
          data-testid="appeal-field-seed"
        />
      </Form.Item>
    ),
    input: (v) => ({ seed: trimmed(v.seed) }),
    hint: (_a, t) => t('pages.appeals.hint.draw'),
  },
  declare_conflict: {
    danger: true,
    fields: (_a, t) => textField('reason', t('pages.appeals.field.conflictReason'), { min: 4 }),
    hint: (_a, t) => t('pages.appeals.hint.declare_conflict'),
  },
  schedule_hearing: {
    fields: (_a, t) => {
      const place = textLimit(200, t);
      return (
        <>
          <Form.Item
            name="on"
            label={t('pages.appeals.field.hearingOn')}
            rules={[
              {
                required: true,
                message: t('common.required', { field: t('pages.appeals.field.hearingOn') }),
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="appeal-field-on" />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('pages.appeals.field.place')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('pages.appeals.field.place') }),
              },
              place.rule,
            ]}
          >
            <Input count={place.count} data-testid="appeal-field-place" />
          </Form.Item>
          <Form.Item
            name="evidence"
            label={t('pages.appeals.field.evidence')}
            valuePropName="checked"
            extra={t('pages.appeals.form.evidenceHint')}
          >
            <Switch data-testid="appeal-field-evidence" />
          </Form.Item>
        </>
      );
    },
    initial: () => ({ evidence: true }),
    input: (v) => ({
      on: (v.on as Dayjs).format('YYYY-MM-DD'),
      place: v.place,
      evidence: Boolean(v.evidence),
    }),
    hint: (_a, t) => t('pages.appeals.hint.schedule_hearing'),
  },
  record_session: {
    width: 640,
    fields: (a, t) => <SessionFields a={a} t={t} />,
    initial: (a) => ({
      sessionId: a.sessions.find((s) => !s.recorded)?.id,
      attendees: (a.panel?.members ?? []).map((m) => m.id),
      appellantHeard: true,
    }),
    input: (v) => ({
      sessionId: v.sessionId,
      attendees: (v.attendees as string[] | undefined) ?? [],
      appellantHeard: Boolean(v.appellantHeard),
      representative: trimmed(v.representative),
      note: v.note,
    }),
    hint: (_a, t) => t('pages.appeals.hint.record_session'),
  },
  open_vote: {
    fields: (_a, t) => textField('note', t('pages.appeals.field.note'), { optional: true }),
    input: (v) => ({ note: trimmed(v.note) }),
    hint: (a, t) =>
      t('pages.appeals.hint.open_vote', {
        eligible: a.panel?.members.filter((m) => m.eligible).length ?? 0,
        size: a.panel?.size ?? 0,
      }),
  },
  vote: {
    width: 640,
    fields: (a, t) => <DecisionFields a={a} t={t} vote />,
    input: (v, a) => ({ ...decisionInput(a, v), dissent: trimmed(v.dissent) }),
    hint: decisionHint,
  },
  decide_review: {
    width: 640,
    fields: (a, t) => <DecisionFields a={a} t={t} vote={false} />,
    input: (v, a) => decisionInput(a, v),
    hint: (a, t) => `${t('pages.appeals.hint.decide_review')} ${decisionHint(a, t)}`,
  },
  extend: {
    fields: (_a, t) => textField('reason', t('pages.appeals.field.extendReason'), { min: 4 }),
    hint: (a, t) => t('pages.appeals.hint.extend', { due: a.dueOn ?? '' }),
  },
  withdraw: {
    danger: true,
    fields: (_a, t) => textField('reason', t('pages.appeals.field.withdrawReason')),
    hint: (_a, t) => t('pages.appeals.hint.withdraw'),
  },
};

interface Props {
  appeal: AppealDetail;
  action: AppealAction | null;
  onClose(): void;
  onDone(updated: AppealDetail): void;
  onReload(): void;
}

export default function ActionModal({ appeal, action, onClose, onDone, onReload }: Props) {
  return (
    <StepModal<AppealDetail, AppealAction>
      subject={appeal}
      action={action}
      specs={SPECS}
      send={(a, x, input) => appealAction(a, x, input as AppealInputs[typeof x])}
      ns="pages.appeals"
      testId="appeal"
      onClose={onClose}
      onDone={onDone}
      onReload={onReload}
    />
  );
}

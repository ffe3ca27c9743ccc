// The form of each workflow action (src/server/cases/actions.ts actionSchemas): its fields,
// named as the API names them so that the server's field errors land on them, its initial
// values, what it tells the user before they commit, and how the values become the input.
// record_findings has its own editor (FindingsDrawer).
import { AutoComplete, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { textLimit } from '../../../components/textLimit';
import type { Translate } from '../../../locales/intl';
import type { CurrentUser } from '../../../services/auth';
import { chinaToday } from '../../../services/dates';
import { APPEAL_RESULTS, type CaseAction, type CaseDetail, DECISION_KINDS } from '../../../types/case';
import InvestigatorPicker from './InvestigatorPicker';

export interface FormContext {
  c: CaseDetail;
  user: CurrentUser;
  t: Translate;
}

export interface ActionForm {
  /** The fields; none makes the modal a confirmation. */
  fields?(ctx: FormContext): ReactNode;
  initial?(ctx: FormContext): Record<string, unknown>;
  /** Form values → the action's input (dates as YYYY-MM-DD). Default: the values as they are. */
  input?(values: Record<string, unknown>, ctx: FormContext): object;
  /** Shown above the fields: what the step means and what follows from it. */
  hint?(ctx: FormContext): ReactNode;
  danger?: boolean;
  width?: number;
}

type FormAction = Exclude<CaseAction, 'record_findings'>;

const required = (t: Translate, field: string) => ({
  required: true,
  whitespace: true,
  message: t('common.required', { field }),
});

function text(
  name: string,
  label: string,
  t: Translate,
  opts: { max?: number; rows?: number; optional?: boolean; placeholder?: string; min?: number } = {},
) {
  const limit = textLimit(opts.max ?? 2000, t);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...(opts.optional ? [] : [required(t, label)]),
        ...(opts.min ? [{ min: opts.min, message: t('pages.cases.form.minChars', { n: opts.min }) }] : []),
        limit.rule,
      ]}
    >
      <Input.TextArea
        count={limit.count}
        autoSize={{ minRows: opts.rows ?? 3, maxRows: 12 }}
        placeholder={opts.placeholder}
        data-testid={`action-field-${name}`}
      />
    </Form.Item>
  );
}

const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const notAfterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > chinaToday();

/** The persons an action may concern; an officer acting on their own case is fixed to themself. */
function personField(ctx: FormContext, only?: (p: CaseDetail['persons'][number]) => boolean) {
  const { c, user, t } = ctx;
  const label = t('pages.cases.field.person');
  if (user.officerId && c.roles.includes('subject') && !c.roles.includes('investigator')) {
    return (
      <Form.Item name="personId" hidden>
        <Input />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      name="personId"
      label={label}
      rules={[{ required: true, message: t('common.select', { field: label }) }]}
    >
      <Select
        data-testid="action-field-personId"
        options={c.persons
          .filter((p) => !only || only(p))
          .map((p) => ({
            value: p.officerId,
            label: `${p.name}（${p.officerId}）${p.post ? ` · ${p.post}` : ''}`,
          }))}
      />
    </Form.Item>
  );
}

/** An officer on their own case acts for themself; otherwise the first person not yet heard. */
function personInitial(ctx: FormContext, pending?: (p: CaseDetail['persons'][number]) => boolean) {
  if (ctx.user.officerId && ctx.c.roles.includes('subject') && !ctx.c.roles.includes('investigator'))
    return { personId: ctx.user.officerId };
  const p = ctx.c.persons.find((x) => !pending || pending(x));
  return p ? { personId: p.officerId } : {};
}

const unheard = (p: CaseDetail['persons'][number]) => p.liable && !p.statement && !p.waived;

const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '委托送达', '电子送达', '公告送达'];

export const ACTION_FORMS: Record<FormAction, ActionForm> = {
  accept: {
    fields: ({ t }) =>
      text('opinion', t('pages.cases.field.opinion'), t, {
        placeholder: t('pages.cases.form.opinionPlaceholder'),
      }),
    hint: ({ t }) => t('pages.cases.hint.accept'),
  },
  decline: {
    danger: true,
    fields: ({ t }) => text('reason', t('pages.cases.field.declineReason'), t),
    hint: ({ t, c }) =>
      c.source === 'complaint' ? t('pages.cases.hint.declineComplaint') : t('pages.cases.hint.decline'),
  },
  assign_investigators: {
    width: 560,
    fields: ({ t, c }) => (
      <Form.Item
        name="userIds"
        label={t('pages.cases.field.investigators')}
        rules={[{ required: true, type: 'array', min: 1, message: t('pages.cases.form.pickInvestigators') }]}
      >
        <InvestigatorPicker caseId={c.id} />
      </Form.Item>
    ),
    initial: () => ({ userIds: [] }),
    hint: ({ t }) => t('pages.cases.hint.assign'),
  },
  recuse: {
    fields: ({ t, c }) => (
      <>
        <Form.Item
          name="userId"
          label={t('pages.cases.field.investigator')}
          rules={[
            { required: true, message: t('common.select', { field: t('pages.cases.field.investigator') }) },
          ]}
        >
          <Select
            options={c.investigators
              .filter((i) => !i.recused)
              .map((i) => ({ value: i.userId, label: i.displayName }))}
          />
        </Form.Item>
        {text('reason', t('pages.cases.field.recusalReason'), t, { max: 500 })}
      </>
    ),
    initial: ({ c, user }) => ({
      userId: c.investigators.some((i) => i.userId === user.id && !i.recused) ? user.id : undefined,
    }),
    hint: ({ t }) => t('pages.cases.hint.recuse'),
  },
  start_investigation: {
    hint: ({ t, c }) =>
      t('pages.cases.hint.start', {
        names:
          c.investigators
            .filter((i) => !i.recused)
            .map((i) => i.displayName)
            .join('、') || t('common.none'),
      }),
  },
  extend_investigation: {
    fields: ({ t }) => (
      <>
        <Form.Item
          name="days"
          label={t('pages.cases.field.extensionDays')}
          rules={[
            {
              required: true,
              message: t('common.required', { field: t('pages.cases.field.extensionDays') }),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={60}
            precision={0}
            suffix={t('pages.cases.workingDays')}
            style={{ width: 200 }}
          />
        </Form.Item>
        {text('reason', t('pages.cases.field.extensionReason'), t, { max: 500 })}
        <Form.Item
          name="approvedBy"
          label={t('pages.cases.field.approvedBy')}
          extra={t('pages.cases.form.approvedByHint')}
          rules={[required(t, t('pages.cases.field.approvedBy')), textLimit(50, t).rule]}
        >
          <Input count={textLimit(50, t).count} />
        </Form.Item>
      </>
    ),
    hint: ({ t, c }) => {
      const d = c.deadlines.find((x) => x.step === 'investigation');
      return t('pages.cases.hint.extend', { due: d?.dueOn ?? '' });
    },
  },
  notify_statement: {
    hint: ({ t, c }) =>
      t('pages.cases.hint.notify', {
        names:
          c.persons
            .filter((p) => p.liable)
            .map((p) => p.name)
            .join('、') || t('common.none'),
      }),
  },
  record_statement: {
    width: 620,
    fields: (ctx) => (
      <>
        {personField(ctx)}
        {text('text', ctx.t('pages.cases.field.statement'), ctx.t, {
          max: 10000,
          rows: 6,
          placeholder: ctx.t('pages.cases.form.statementPlaceholder'),
        })}
        <Form.Item
          name="hearingRequested"
          valuePropName="checked"
          extra={ctx.t('pages.cases.form.hearingHint')}
        >
          <Checkbox data-testid="action-field-hearingRequested">
            {ctx.t('pages.cases.field.hearingRequested')}
          </Checkbox>
        </Form.Item>
      </>
    ),
    initial: (ctx) => ({ ...personInitial(ctx, unheard), hearingRequested: false }),
    hint: ({ t, c }) => {
      const d = c.deadlines.find((x) => x.step === 'statement');
      return t('pages.cases.hint.statement', { due: d?.dueOn ?? '' });
    },
  },
  waive_statement: {
    fields: (ctx) => (
      <>
        {personField(ctx)}
        {text('reason', ctx.t('pages.cases.field.waiveReason'), ctx.t, { max: 500 })}
      </>
    ),
    initial: (ctx) => personInitial(ctx, unheard),
    hint: ({ t }) => t('pages.cases.hint.waive'),
  },
  hold_hearing: {
    width: 620,
    fields: (ctx) => (
      <>
        {personField(ctx, (p) => p.hearingRequested)}
        <Form.Item
          name="heldOn"
          label={ctx.t('pages.cases.field.heldOn')}
          rules={[
            { required: true, message: ctx.t('common.select', { field: ctx.t('pages.cases.field.heldOn') }) },
          ]}
        >
          <DatePicker disabledDate={notAfterToday} />
        </Form.Item>
        {text('summary', ctx.t('pages.cases.field.hearingSummary'), ctx.t, { max: 10000, rows: 6 })}
      </>
    ),
    initial: (ctx) => ({
      ...personInitial(ctx, (p) => p.hearingRequested && !p.hearing),
      heldOn: dayjs(chinaToday()),
    }),
    input: (v) => ({ ...v, heldOn: day(v.heldOn) }),
  },
  decide: {
    width: 620,
    fields: ({ t }) => (
      <>
        <Form.Item name="kind" label={t('pages.cases.field.decisionKind')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="action-field-kind"
            options={DECISION_KINDS.map((k) => ({ value: k, label: t(`enums.decision.${k}`) }))}
          />
        </Form.Item>
        {text('reasons', t('pages.cases.field.decisionReasons'), t, { max: 10000, rows: 6 })}
      </>
    ),
    initial: ({ c }) => ({ kind: c.persons.some((p) => p.liable) ? 'pursue' : 'not_pursue' }),
    hint: ({ t, c }) => {
      const liable = c.persons.filter((p) => p.liable).map((p) => p.name);
      return liable.length
        ? t('pages.cases.hint.decide', { names: liable.join('、') })
        : t('pages.cases.hint.decideNone');
    },
  },
  serve: {
    fields: ({ t }) => (
      <>
        <Form.Item
          name="servedOn"
          label={t('pages.cases.field.servedOn')}
          rules={[
            { required: true, message: t('common.select', { field: t('pages.cases.field.servedOn') }) },
          ]}
        >
          <DatePicker disabledDate={notAfterToday} data-testid="action-field-servedOn" />
        </Form.Item>
        <Form.Item
          name="recipient"
          label={t('pages.cases.field.recipient')}
          rules={[required(t, t('pages.cases.field.recipient')), textLimit(100, t).rule]}
        >
          <Input count={textLimit(100, t).count} data-testid="action-field-recipient" />
        </Form.Item>
        <Form.Item
          name="method"
          label={t('pages.cases.field.method')}
          rules={[required(t, t('pages.cases.field.method')), textLimit(50, t).rule]}
        >
          <AutoComplete
            options={SERVICE_METHODS.map((m) => ({ value: m }))}
            data-testid="action-field-method"
          >
            <Input count={textLimit(50, t).count} />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="place" label={t('pages.cases.field.place')} rules={[textLimit(200, t).rule]}>
          <Input count={textLimit(200, t).count} />
        </Form.Item>
      </>
    ),
    initial: ({ c }) => ({
      servedOn: dayjs(chinaToday()),
      recipient: c.persons
        .filter((p) => p.liable)
        .map((p) => p.name)
        .join('、'),
      method: SERVICE_METHODS[0],
    }),
    input: (v) => ({
      ...v,
      servedOn: day(v.servedOn),
      place: (v.place as string | undefined)?.trim() || undefined,
    }),
    hint: ({ t }) => t('pages.cases.hint.serve'),
  },
  execute: {
    fields: ({ t }) => text('note', t('pages.cases.field.executionNote'), t),
  },
  close: {
    fields: ({ t }) => text('note', t('pages.cases.field.closeNote'), t, { optional: true }),
    input: (v) => ({ note: (v.note as string | undefined)?.trim() || undefined }),
  },
  appeal: {
    width: 620,
    fields: ({ t }) =>
      text('grounds', t('pages.cases.field.grounds'), t, {
        max: 10000,
        rows: 6,
        placeholder: t('pages.cases.form.groundsPlaceholder'),
      }),
    hint: ({ t, c }) => {
      const d = c.deadlines.find((x) => x.step === 'appeal_window');
      return t('pages.cases.hint.appeal', { due: d?.dueOn ?? '' });
    },
  },
  review_appeal: {
    width: 620,
    fields: ({ t }) => (
      <>
        <Form.Item name="result" label={t('pages.cases.field.reviewResult')} rules={[{ required: true }]}>
          <Radio.Group
            options={APPEAL_RESULTS.map((r) => ({ value: r, label: t(`enums.appealResult.${r}`) }))}
          />
        </Form.Item>
        {text('reasons', t('pages.cases.field.reviewReasons'), t, { max: 10000, rows: 6 })}
      </>
    ),
    initial: () => ({ result: 'upheld' }),
    hint: ({ t, c }) => (c.appeal ? t('pages.cases.hint.review', { grounds: c.appeal.grounds }) : null),
  },
};

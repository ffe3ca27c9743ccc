// The form of each workflow action (src/server/cases/actions.ts actionSchemas): its fields,
// named as the API names them so that the server's field errors land on them, its initial
// values, what it tells the user before they commit, and how the values become the input.
// record_findings has its own editor (FindingsDrawer).
import { StarFilled } from '@ant-design/icons';
import {
  AutoComplete,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router-dom';
import CollectiveDiscussionFields, {
  type CollectiveValues,
  collectiveInput,
} from '../../../components/CollectiveDiscussionFields';
import { textLength, textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { type Translate, useIntl } from '../../../locales/intl';
import type { CurrentUser } from '../../../services/auth';
import { citeLabel } from '../../../services/cite';
import { chinaToday } from '../../../services/dates';
import { listOrgans } from '../../../services/organs';
import { toleranceHref } from '../../../services/tolerance';
import {
  type CaseAction,
  type CaseDetail,
  DECISION_KINDS,
  SANCTION_FORMS,
  type SanctionForm,
} from '../../../types/case';
import {
  defaultOrgan,
  ORGANS_FOR_REFERRAL,
  type Organ,
  REFERRALS,
  type Referral,
} from '../../../types/organ';
import InvestigatorPicker from './InvestigatorPicker';
import { collectiveNeeded, ProposalDescriptions } from './ProposalView';

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
  /**
   * Where a server field error lands when its path names no field on the form as it stands (a
   * section not shown): the field, and the value that shows the section.
   */
  errorTarget?(path: string): { name: (string | number)[]; value?: unknown } | undefined;
}

type FormAction = Exclude<CaseAction, 'record_findings'>;

const required = (t: Translate, field: string) => ({
  required: true,
  whitespace: true,
  message: t('common.required', { field }),
});

function text(
  name: string | (string | number)[],
  label: string,
  t: Translate,
  opts: { max?: number; rows?: number; optional?: boolean; placeholder?: string; min?: number } = {},
) {
  const limit = textLimit(opts.max ?? 2000, t);
  const testId = `action-field-${Array.isArray(name) ? name[name.length - 1] : name}`;
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
        data-testid={testId}
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

// --- 审批定案 ---------------------------------------------------------------------------

/**
 * A liable person's sanction forms (Art. 24) and the recommended one: the case's own for the
 * person when it gives them (after a tolerance decision: lightened), else the determination's.
 */
function sanctionChoice(c: CaseDetail, officerId: string) {
  const d = c.determination?.persons.find((p) => p.id === officerId);
  const person = c.persons.find((p) => p.officerId === officerId);
  const found = d?.sanctions;
  const s = person?.sanctions ?? found;
  return {
    forms: (s?.forms ?? SANCTION_FORMS) as readonly SanctionForm[],
    recommended: s?.recommended as SanctionForm | undefined,
    tolerance: person?.tolerance ?? null,
    basis: found ? { article: found.article, clause: found.clause } : null,
    adjustments: d?.adjustments ?? [],
  };
}

/** One liable person's row: the form (recommendation preselected and marked), and a reason to depart. */
function SanctionRow({
  ctx,
  k,
  person,
}: {
  ctx: FormContext;
  k: number;
  person: CaseDetail['persons'][number];
}) {
  const { c, t } = ctx;
  const { locale } = useIntl();
  const label = useVocabLabel();
  const choice = sanctionChoice(c, person.officerId);
  const chosen = Form.useWatch(['sanctions', k, 'form']) as SanctionForm | undefined;
  const departs = choice.recommended !== undefined && chosen !== undefined && chosen !== choice.recommended;
  const heavy = chosen ? collectiveNeeded(c, { sanctions: [{ form: chosen }] }) : null;
  const formLabel = t('pages.cases.field.sanctionForm');
  const reasonLabel = t('pages.cases.field.departureReason');
  const reasonLimit = textLimit(1000, t);
  const why = choice.recommended
    ? [
        t('pages.cases.form.recommendation', {
          form: label('sanction', choice.recommended),
          cite: choice.basis ? citeLabel(choice.basis, locale) : '',
        }),
        ...choice.adjustments.map(
          (a) =>
            `${label('adjustment', a.kind)}（${citeLabel({ article: a.article, clause: a.clause }, locale)}）`,
        ),
        ...(choice.tolerance?.outcome === 'mitigate'
          ? [t('pages.tolerance.case.mitigatedWhy', { number: choice.tolerance.number })]
          : []),
      ].join('；')
    : t('pages.cases.form.noRecommendation');
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`proposal-person-${person.officerId}`}
      title={`${person.name}（${person.officerId}）${person.post ? ` · ${person.post}` : ''}`}
    >
      <Form.Item
        name={['sanctions', k, 'form']}
        label={formLabel}
        initialValue={choice.recommended}
        extra={
          <Flex vertical>
            <span data-testid={`proposal-why-${person.officerId}`}>{why}</span>
            {heavy && (
              <Typography.Text type="warning">
                {t('pages.cases.form.collectiveNeeded', { form: label('sanction', heavy) })}
              </Typography.Text>
            )}
          </Flex>
        }
        rules={[{ required: true, message: t('common.select', { field: formLabel }) }]}
        style={departs ? undefined : { marginBottom: 0 }}
      >
        <Select
          data-testid={`proposal-sanction-${person.officerId}`}
          options={choice.forms.map((f) => ({
            value: f,
            label:
              f === choice.recommended ? (
                <Flex gap={6} align="center">
                  {label('sanction', f)}
                  <Tag color="blue" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
                    {t('pages.cases.form.recommended')}
                  </Tag>
                </Flex>
              ) : (
                label('sanction', f)
              ),
          }))}
        />
      </Form.Item>
      {departs && (
        <Form.Item
          name={['sanctions', k, 'reason']}
          label={reasonLabel}
          rules={[
            required(t, reasonLabel),
            // At least 4 characters once trimmed, as the server counts them.
            {
              validator: (_r, v: string | undefined) =>
                textLength(v ?? '') === 0 || textLength(v ?? '') >= 4
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pages.cases.form.minChars', { n: 4 }))),
            },
            reasonLimit.rule,
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            count={reasonLimit.count}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('pages.cases.form.departurePlaceholder')}
            data-testid={`proposal-reason-${person.officerId}`}
          />
        </Form.Item>
      )}
    </Card>
  );
}

/**
 * The kinds of referral a proposal of this kind makes (as the decision makes them): those the
 * determination found for the liable persons, and for 移送 without any, a referral for discipline.
 */
export function proposalReferrals(
  c: Pick<CaseDetail, 'persons' | 'determination'>,
  kind: unknown,
): Referral[] {
  const liable = new Set(c.persons.filter((p) => p.liable).map((p) => p.officerId));
  const found = new Set(
    (c.determination?.persons ?? []).flatMap((p) => (liable.has(p.id) ? p.referrals : [])),
  );
  if (kind === 'refer' && found.size === 0 && liable.size > 0) found.add('discipline');
  return REFERRALS.filter((r) => found.has(r));
}

/**
 * 移送机关: for each kind of referral the proposal makes, the registered organs that may receive it
 * (of the case's region and the regions above, in the order the Measures name them), the usual one
 * of the nearest region preselected.
 */
function ProposalOrgans({ ctx, referrals }: { ctx: FormContext; referrals: Referral[] }) {
  const { c, t } = ctx;
  const form = Form.useFormInstance();
  const key = referrals.join(',');
  const organs = useApi(
    async (signal) => {
      const kinds = [...new Set(referrals.flatMap((r) => ORGANS_FOR_REFERRAL[r]))];
      const lists = await Promise.all(
        kinds.map((kind) => listOrgans({ forRegion: c.regionCode, kind }, signal)),
      );
      const all = lists.flat();
      return Object.fromEntries(
        referrals.map((r) => [r, all.filter((o) => ORGANS_FOR_REFERRAL[r].includes(o.kind))]),
      ) as Partial<Record<Referral, Organ[]>>;
    },
    [c.regionCode, key],
  );
  // Preselect the usual organ of each kind once the register has answered (not over a choice made).
  useEffect(() => {
    if (!organs.data) return;
    for (const [r, list] of Object.entries(organs.data) as [Referral, Organ[]][]) {
      if (form.getFieldValue(['organs', r])) continue;
      const usual = defaultOrgan(list, r, c.regionCode);
      if (usual) form.setFieldValue(['organs', r], usual.id);
    }
  }, [organs.data, form, c.regionCode]);
  return (
    <>
      {referrals.map((r) => {
        const options = organs.data?.[r] ?? [];
        return (
          <Form.Item
            key={r}
            name={['organs', r]}
            label={t(`pages.cases.form.organ.${r}`)}
            extra={
              (organs.data && options.length === 0) || organs.error
                ? t('pages.cases.form.organNone')
                : t('pages.cases.form.organHint')
            }
          >
            <Select
              data-testid={`proposal-organ-${r}`}
              loading={organs.loading}
              status={organs.error ? 'warning' : undefined}
              options={options.map((o) => ({
                value: o.id,
                label: (
                  <Flex gap={6} align="center">
                    {o.name}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`enums.organKind.${o.kind}`)}
                    </Typography.Text>
                  </Flex>
                ),
                name: o.name,
              }))}
              showSearch={{ optionFilterProp: 'name' }}
            />
          </Form.Item>
        );
      })}
    </>
  );
}

/** A liable person exempted by a tolerance decision (容错免责): not pursued, no sanction to choose. */
function ExemptRow({ ctx, person }: { ctx: FormContext; person: CaseDetail['persons'][number] }) {
  const { t } = ctx;
  const tolerance = person.tolerance;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`proposal-person-${person.officerId}`}
      title={`${person.name}（${person.officerId}）${person.post ? ` · ${person.post}` : ''}`}
    >
      <Typography.Text type="success" data-testid={`proposal-exempt-${person.officerId}`}>
        {tolerance ? (
          <>
            {t('pages.tolerance.case.exemptBefore')}
            <Link to={toleranceHref(tolerance.applicationId)}>{tolerance.number}</Link>
            {t('pages.tolerance.case.exemptAfter')}
          </>
        ) : null}
      </Typography.Text>
    </Card>
  );
}

/** The liable persons a proposal pursues: those not exempted by a tolerance decision. */
export const pursuedPersons = (c: Pick<CaseDetail, 'persons'>) =>
  c.persons.filter((p) => p.liable && p.tolerance?.outcome !== 'exempt');

/** 提出处理意见: the decision kind; when pursued, one row per liable person; the organs referred to; the reasons. */
function ProposalFields({ ctx }: { ctx: FormContext }) {
  const { c, t } = ctx;
  const kind = Form.useWatch('kind');
  const liable = c.persons.filter((p) => p.liable);
  // The form's rows are the pursued persons only, so `sanctions[k]` of an error is row k.
  const pursued = pursuedPersons(c);
  const exempted = liable.filter((p) => !pursued.includes(p));
  const referrals = proposalReferrals(c, kind);
  return (
    <>
      <Form.Item name="kind" label={t('pages.cases.field.decisionKind')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="action-field-kind"
          options={DECISION_KINDS.map((k) => ({ value: k, label: t(`enums.decision.${k}`) }))}
        />
      </Form.Item>
      {kind === 'pursue' && pursued.length > 0 && (
        <Form.Item label={t('pages.cases.form.sanctionsTitle')} required style={{ marginBottom: 16 }}>
          <Flex vertical gap={12}>
            {pursued.map((p, k) => (
              <SanctionRow key={p.officerId} ctx={ctx} k={k} person={p} />
            ))}
          </Flex>
        </Form.Item>
      )}
      {exempted.length > 0 && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {exempted.map((p) => (
            <ExemptRow key={p.officerId} ctx={ctx} person={p} />
          ))}
        </Flex>
      )}
      {referrals.length > 0 && <ProposalOrgans ctx={ctx} referrals={referrals} />}
      {text('reasons', t('pages.cases.field.proposalReasons'), t, { max: 10000, rows: 6 })}
    </>
  );
}

/**
 * 审批决定: the proposal as read-only, the head's opinion, and the collective discussion — required
 * (its switch fixed on) when the proposal calls for one, else behind the switch. `collectiveHeld`
 * is the form's own: the input carries `collective` only when it is on.
 */
function DecideFields({ ctx }: { ctx: FormContext }) {
  const { c, t } = ctx;
  const label = useVocabLabel();
  const needed = collectiveNeeded(c, c.proposal);
  const held = Form.useWatch('collectiveHeld') as boolean | undefined;
  return (
    <>
      {c.proposal && (
        <div data-testid="proposal-summary" style={{ marginBottom: 16 }}>
          <ProposalDescriptions
            c={c}
            proposal={c.proposal}
            title={t('pages.cases.decision.proposalToApprove')}
          />
        </div>
      )}
      {text('opinion', t('pages.cases.field.approvalOpinion'), t, {
        max: 2000,
        placeholder: t('pages.cases.form.approvalPlaceholder'),
      })}
      <Form.Item
        name="collectiveHeld"
        label={t('pages.cases.field.collective')}
        valuePropName="checked"
        extra={
          needed ? (
            <Typography.Text type="warning">
              {t('pages.cases.form.collectiveNeeded', { form: label('sanction', needed) })}
            </Typography.Text>
          ) : held ? (
            t('pages.cases.form.collectiveRecord')
          ) : (
            t('pages.cases.form.collectiveOptional')
          )
        }
      >
        <Switch disabled={needed !== null} data-testid="action-field-collective" />
      </Form.Item>
      {(held || needed !== null) && <CollectiveDiscussionFields t={t} />}
    </>
  );
}

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
  propose_decision: {
    width: 680,
    fields: (ctx) => <ProposalFields ctx={ctx} />,
    initial: ({ c }) => {
      const pursued = pursuedPersons(c);
      return {
        kind: pursued.length > 0 ? 'pursue' : 'not_pursue',
        sanctions: pursued.map((p) => ({ form: sanctionChoice(c, p.officerId).recommended })),
      };
    },
    // The rows follow the pursued persons in order (a person exempted by a tolerance decision has
    // none and is sent no sanction), so `sanctions[k]` of an error is row k.
    input: (v, { c }) => {
      const rows = (v.sanctions as { form?: SanctionForm; reason?: string }[] | undefined) ?? [];
      // The organ of each kind of referral shown; none chosen: the server takes the usual one.
      const chosen = (v.organs as Partial<Record<Referral, string>> | undefined) ?? {};
      const organs = Object.fromEntries(
        proposalReferrals(c, v.kind).flatMap((r) => (chosen[r] ? [[r, chosen[r]]] : [])),
      );
      return {
        kind: v.kind,
        reasons: v.reasons,
        ...(Object.keys(organs).length > 0 ? { organs } : {}),
        sanctions:
          v.kind === 'pursue'
            ? pursuedPersons(c).map((p, k) => {
                const reason = rows[k]?.reason?.trim();
                return { personId: p.officerId, form: rows[k]?.form, ...(reason ? { reason } : {}) };
              })
            : [],
      };
    },
    hint: ({ t, c }) => {
      const liable = c.persons.filter((p) => p.liable).map((p) => p.name);
      return liable.length
        ? t('pages.cases.hint.propose', { names: liable.join('、') })
        : t('pages.cases.hint.proposeNone');
    },
  },
  decide: {
    width: 720,
    fields: (ctx) => <DecideFields ctx={ctx} />,
    initial: ({ c }) => ({ collectiveHeld: collectiveNeeded(c, c.proposal) !== null }),
    input: (v) => {
      const m = v.collective as CollectiveValues | undefined;
      return { opinion: v.opinion, ...(v.collectiveHeld && m ? { collective: collectiveInput(m) } : {}) };
    },
    // The server asks for a collective discussion the console did not foresee: show the section.
    errorTarget: (path) => (path === 'collective' ? { name: ['collectiveHeld'], value: true } : undefined),
    hint: ({ t }) => t('pages.cases.hint.decide'),
  },
  return_proposal: {
    danger: true,
    fields: ({ t }) => text('reason', t('pages.cases.field.returnReason'), t, { max: 2000 }),
    hint: ({ t }) => t('pages.cases.hint.returnProposal'),
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
};

// The checklist of the city's policy as form fields: each condition and each item of the negative
// list as a row — its label and the policy's provision, the fact it turns on (yes/no, a choice, the
// 事前备案 number, the tolerance granted before) and, for the investigators' verification, the
// evidence the finding rests on. The names are the API's (`facts.withinDuty`,
// `evidence.within_duty`), so the server's field errors land on them. The assessment tool uses the
// same rows without the evidence.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { textLength, textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { usePhone } from '../../../hooks/usePhone';
import { type Translate, useIntl } from '../../../locales/intl';
import { chinaToday } from '../../../services/dates';
import { getCatalog } from '../../../services/rulebook';
import {
  CORRECTION_STATES,
  MISCONDUCT_KINDS,
  MISTAKE_CAUSES,
  TOLERANCE_CONDITIONS,
  TOLERANCE_EXCLUSIONS,
  type ToleranceFacts,
  type TolerancePolicy,
  type VerifiedItem,
} from '../../../types/tolerance';

type BooleanFact = {
  [K in keyof ToleranceFacts]: ToleranceFacts[K] extends boolean ? K : never;
}[keyof ToleranceFacts];

function YesNo({ fact, t }: { fact: BooleanFact; t: Translate }) {
  return (
    <Form.Item
      name={['facts', fact]}
      label={t(`pages.tolerance.fact.${fact}`)}
      rules={[{ required: true, message: t('pages.tolerance.form.answer') }]}
      style={{ marginBottom: 0 }}
    >
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        data-testid={`fact-${fact}`}
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
      />
    </Form.Item>
  );
}

function Choice({
  fact,
  values,
  prefix,
  t,
}: {
  fact: 'misconduct' | 'cause' | 'corrected';
  values: readonly string[];
  prefix: string;
  t: Translate;
}) {
  return (
    <Form.Item
      name={['facts', fact]}
      label={t(`pages.tolerance.fact.${fact}`)}
      rules={[{ required: true, message: t('pages.tolerance.form.answer') }]}
      style={{ marginBottom: 0 }}
    >
      <Select
        data-testid={`fact-${fact}`}
        options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/** 谋取私利 is one fact: the condition asks it, the negative list's item repeats its answer. */
function PrivateGainMirror({ t }: { t: Translate }) {
  const gain = Form.useWatch(['facts', 'privateGain']) as boolean | undefined;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pages.tolerance.form.sameFact')}
      </Typography.Text>
      {gain !== undefined && (
        <span>
          <Tag color={gain ? 'red' : 'green'} data-testid="fact-privateGain-mirror">
            {gain ? t('common.yes') : t('common.no')}
          </Tag>
        </span>
      )}
    </Flex>
  );
}

/** Tolerance granted before (the register's own records are added by the server). */
function PriorTolerance({
  t,
  pack,
  on,
  register,
}: {
  t: Translate;
  pack?: string;
  on?: string;
  /** An application's verification: the register's own records are added by the server. */
  register: boolean;
}) {
  const catalog = useApi(() => getCatalog({ pack, on }), [pack, on]);
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(register ? 'pages.tolerance.form.priorHint' : 'pages.tolerance.form.priorHintTool')}
      </Typography.Text>
      <Form.List name={['facts', 'priorTolerance']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((f) => (
              <Flex key={f.key} gap={4} align="start">
                <Form.Item
                  name={[f.name, 'date']}
                  rules={[{ required: true, message: t('pages.tolerance.form.answer') }]}
                  style={{ marginBottom: 0 }}
                >
                  <DatePicker
                    disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
                    style={{ width: 130 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'fault']}
                  rules={[{ required: true, message: t('pages.tolerance.form.answer') }]}
                  style={{ marginBottom: 0, flex: 1, minWidth: 0 }}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={catalog.loading}
                    placeholder={t('pages.tolerance.field.fault')}
                    options={(catalog.data?.items ?? []).map((i) => ({
                      value: i.code,
                      label: `${i.code} ${i.text}`,
                    }))}
                    popupMatchSelectWidth={420}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add()}
              style={{ alignSelf: 'start' }}
            >
              {t('pages.tolerance.form.addPrior')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Flex>
  );
}

function factOf(item: VerifiedItem, t: Translate, register: boolean, pack?: string, on?: string): ReactNode {
  switch (item) {
    case 'within_duty':
      return <YesNo fact="withinDuty" t={t} />;
    case 'procedure_followed':
      return <YesNo fact="procedureFollowed" t={t} />;
    case 'no_private_gain':
      return <YesNo fact="privateGain" t={t} />;
    case 'excusable_cause':
      return (
        <Flex vertical gap={8}>
          <Choice fact="cause" values={MISTAKE_CAUSES} prefix="enums.mistakeCause" t={t} />
          <Form.Item
            name={['facts', 'preRegistered']}
            label={t('pages.tolerance.field.preRegistered')}
            tooltip={t('pages.tolerance.preRegisteredHint')}
            rules={[textLimit(64, t).rule]}
            style={{ marginBottom: 0 }}
          >
            <Input
              allowClear
              placeholder={t('pages.tolerance.preRegisteredPlaceholder')}
              data-testid="fact-preRegistered"
            />
          </Form.Item>
        </Flex>
      );
    case 'corrected':
      return <Choice fact="corrected" values={CORRECTION_STATES} prefix="enums.correction" t={t} />;
    case 'private_gain':
      return <PrivateGainMirror t={t} />;
    case 'knowing_violation':
      return <YesNo fact="knowingViolation" t={t} />;
    case 'expressly_prohibited':
      return <YesNo fact="expresslyProhibited" t={t} />;
    case 'misconduct':
      return <Choice fact="misconduct" values={MISCONDUCT_KINDS} prefix="enums.misconduct" t={t} />;
    case 'falsified':
      return <YesNo fact="falsified" t={t} />;
    case 'obstructed':
      return <YesNo fact="obstructed" t={t} />;
    case 'crime_suspected':
      return <YesNo fact="crimeSuspected" t={t} />;
    case 'tolerated_before':
      return <PriorTolerance t={t} pack={pack} on={on} register={register} />;
  }
}

function Row({
  item,
  n,
  kind,
  policy,
  evidence,
  pack,
  on,
}: {
  item: VerifiedItem;
  n: number;
  kind: 'condition' | 'exclusion';
  policy: TolerancePolicy | null | undefined;
  evidence: boolean;
  pack?: string;
  on?: string;
}) {
  const { t } = useIntl();
  const phone = usePhone();
  const clause =
    kind === 'condition'
      ? policy?.conditions[item as keyof TolerancePolicy['conditions']]
      : policy?.exclusions[item as keyof TolerancePolicy['exclusions']];
  const limit = textLimit(2000, t);
  const evidenceLabel = t('pages.tolerance.field.evidence');
  return (
    <div
      className={`wz-tolerance-row wz-tolerance-row-${kind}`}
      data-testid={`checklist-${item}`}
      style={{
        display: 'grid',
        // One column on a phone; the item, its fact (and its evidence) side by side otherwise.
        gridTemplateColumns: phone
          ? '1fr'
          : evidence
            ? 'minmax(180px, 1.1fr) minmax(200px, 1fr) minmax(220px, 1.2fr)'
            : '1fr 1fr',
        gap: 16,
        padding: '12px 0',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Text strong>
          {n}. {t(`pages.tolerance.${kind}.${item}`)}
        </Typography.Text>
        {clause && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {clause.cite}：{clause.text}
          </Typography.Text>
        )}
      </Flex>
      <div style={{ minWidth: 0 }}>{factOf(item, t, evidence, pack, on)}</div>
      {evidence && (
        <Form.Item
          name={['evidence', item]}
          label={evidenceLabel}
          style={{ marginBottom: 0, minWidth: 0 }}
          rules={[
            { required: true, whitespace: true, message: t('pages.tolerance.form.evidenceRequired') },
            {
              validator: (_r, v: string | undefined) =>
                textLength(v ?? '') === 0 || textLength(v ?? '') >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pages.cases.form.minChars', { n: 2 }))),
            },
            limit.rule,
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            count={limit.count}
            placeholder={t('pages.tolerance.form.evidencePlaceholder')}
            data-testid={`evidence-${item}`}
          />
        </Form.Item>
      )}
    </div>
  );
}

/** Every condition, then every item of the negative list, each a row. */
export default function ChecklistFields({
  policy,
  evidence,
  pack,
  on,
}: {
  policy: TolerancePolicy | null | undefined;
  /** The investigators' verification: an evidence field on every row. */
  evidence: boolean;
  /** The pack and date whose catalogue names the faults tolerated before. */
  pack?: string;
  on?: string;
}) {
  const { t } = useIntl();
  const section = (title: string, extra: string) => (
    <Flex gap={8} align="baseline" style={{ marginTop: 8 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {extra}
      </Typography.Text>
    </Flex>
  );
  return (
    <div data-testid="tolerance-checklist">
      {section(t('pages.tolerance.conditions'), t('pages.tolerance.conditionsHint'))}
      {TOLERANCE_CONDITIONS.map((c, i) => (
        <Row
          key={c}
          item={c}
          n={i + 1}
          kind="condition"
          policy={policy}
          evidence={evidence}
          pack={pack}
          on={on}
        />
      ))}
      {section(t('pages.tolerance.exclusions'), t('pages.tolerance.exclusionsHint'))}
      {TOLERANCE_EXCLUSIONS.map((c, i) => (
        <Row
          key={c}
          item={c}
          n={i + 1}
          kind="exclusion"
          policy={policy}
          evidence={evidence}
          pack={pack}
          on={on}
        />
      ))}
    </div>
  );
}

/** Form values of the facts → the API's facts (the dates as YYYY-MM-DD, an empty number as null). */
export function factsInput(v: Record<string, unknown> | undefined): ToleranceFacts {
  const f = (v ?? {}) as Record<string, unknown> & {
    preRegistered?: string | null;
    priorTolerance?: { date?: { format(f: string): string } | string; fault?: string }[];
  };
  return {
    ...(f as unknown as ToleranceFacts),
    preRegistered:
      typeof f.preRegistered === 'string' && f.preRegistered.trim() ? f.preRegistered.trim() : null,
    priorTolerance: (f.priorTolerance ?? []).map((p) => ({
      date: typeof p.date === 'string' ? p.date : (p.date?.format('YYYY-MM-DD') ?? ''),
      fault: p.fault ?? '',
    })),
  };
}

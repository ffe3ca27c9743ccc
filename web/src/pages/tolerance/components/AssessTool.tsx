// 容错评估 (also a training tool): the facts of a mistake against a city's tolerance policy — the
// rule pack and the date of the application choose the policy, the faults and their date the
// "already tolerated" window — and the checklist the policy gives: every condition, the negative
// list, the three distinctions and the outcome with its rule. Nothing is stored. It starts from a
// case that meets every condition, and assesses again as the facts change.
import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Form, Row, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { chinaToday } from '../../../services/dates';
import { landErrors, type NamePath } from '../../../services/fieldPaths';
import { ApiError } from '../../../services/request';
import { getCatalog, getPacks } from '../../../services/rulebook';
import { assessTolerance, tolerancePolicy } from '../../../services/tolerance';
import type { ToleranceAssessment, ToleranceFacts } from '../../../types/tolerance';
import AssessmentView from './AssessmentView';
import ChecklistFields, { factsInput } from './ChecklistFields';

/** The city pack with the policy; the province's Measures have none. */
const CITY_PACK = 'guizhou-a-city';

/** Every condition met, nothing of the negative list: the tool's starting point. */
const CLEAN: Omit<ToleranceFacts, 'priorTolerance' | 'preRegistered'> = {
  withinDuty: true,
  procedureFollowed: true,
  privateGain: false,
  knowingViolation: false,
  expresslyProhibited: false,
  misconduct: 'none',
  falsified: false,
  obstructed: false,
  crimeSuspected: false,
  cause: 'no_rule',
  corrected: 'in_time',
};

interface Values {
  pack: string;
  appliedOn: Dayjs;
  fault: { occurredOn: Dayjs; codes: string[] };
  facts: Record<string, unknown>;
}

export default function AssessTool() {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ data?: ToleranceAssessment; error?: string; loading: boolean }>({
    loading: false,
  });
  const seq = useRef(0);
  const timer = useRef<number>(undefined);
  const pack = Form.useWatch('pack', form) ?? CITY_PACK;
  const appliedOn = (Form.useWatch('appliedOn', form) as Dayjs | undefined)?.format('YYYY-MM-DD');
  const packs = useApi(() => getPacks(), []);
  const policy = useApi(() => tolerancePolicy(pack, appliedOn), [pack, appliedOn]);
  const catalog = useApi(() => getCatalog({ pack, on: appliedOn }), [pack, appliedOn]);

  const assess = async (explicit: boolean) => {
    const mine = ++seq.current;
    const v = explicit
      ? await form.validateFields().catch(() => null)
      : await form
          .validateFields({ validateOnly: true })
          .then(() => form.getFieldsValue(true) as Values)
          .catch(() => null);
    if (!v || mine !== seq.current) return;
    setResult((r) => ({ ...r, loading: true }));
    try {
      const data = await assessTolerance({
        pack: v.pack,
        appliedOn: v.appliedOn.format('YYYY-MM-DD'),
        fault: { occurredOn: v.fault.occurredOn.format('YYYY-MM-DD'), codes: v.fault.codes },
        facts: factsInput(v.facts),
      });
      if (mine === seq.current) setResult({ data, loading: false });
    } catch (e) {
      if (mine !== seq.current) return;
      if (e instanceof ApiError && e.status === 400) {
        const registered = form.getFieldsError().map((f) => f.name as NamePath);
        const { landed, rest } = landErrors(e.fields, registered);
        form.setFields(landed);
        setResult({ loading: false, error: rest.map((f) => f.message).join('；') || e.message });
      } else {
        setResult({ loading: false });
        showError(e);
      }
    }
  };

  // The first assessment, of the starting facts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    void assess(false);
    return () => window.clearTimeout(timer.current);
  }, []);

  const onChange = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void assess(false), 400);
  };

  return (
    <Row gutter={[16, 16]} data-testid="tolerance-assess">
      <Col xs={24} xl={14}>
        <Card
          variant="borderless"
          title={t('pages.tolerance.tool.facts')}
          extra={
            <Button
              type="primary"
              icon={<ExperimentOutlined />}
              onClick={() => void assess(true)}
              data-testid="assess-submit"
            >
              {t('pages.tolerance.tool.assess')}
            </Button>
          }
        >
          <Form<Values>
            form={form}
            layout="vertical"
            onValuesChange={onChange}
            initialValues={{
              pack: CITY_PACK,
              appliedOn: dayjs(chinaToday()),
              fault: { occurredOn: dayjs(chinaToday()).subtract(1, 'month'), codes: ['licensing.07'] },
              facts: { ...CLEAN, preRegistered: undefined, priorTolerance: [] },
            }}
          >
            <Flex gap={12} wrap>
              <Form.Item name="pack" label={t('pages.tolerance.tool.pack')} style={{ minWidth: 220 }}>
                <Select
                  data-testid="assess-pack"
                  loading={packs.loading}
                  options={(packs.data ?? []).map((p) => ({
                    value: p.name,
                    label: `${p.title}（${p.name}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="appliedOn"
                label={t('pages.tolerance.field.appliedOn')}
                rules={[{ required: true, message: t('pages.tolerance.form.answer') }]}
              >
                <DatePicker allowClear={false} />
              </Form.Item>
              <Form.Item
                name={['fault', 'occurredOn']}
                label={t('pages.tolerance.tool.occurredOn')}
                rules={[{ required: true, message: t('pages.tolerance.form.answer') }]}
              >
                <DatePicker allowClear={false} />
              </Form.Item>
            </Flex>
            <Form.Item
              name={['fault', 'codes']}
              label={t('pages.tolerance.tool.faults')}
              rules={[
                { required: true, type: 'array', min: 1, message: t('pages.tolerance.tool.faultsRequired') },
              ]}
            >
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                loading={catalog.loading}
                data-testid="assess-faults"
                options={(catalog.data?.items ?? []).map((i) => ({
                  value: i.code,
                  label: `${i.code} ${i.text}`,
                }))}
              />
            </Form.Item>
            {policy.data === null && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="assess-no-policy"
                title={t('pages.tolerance.tool.noPolicy')}
              />
            )}
            <ChecklistFields policy={policy.data} evidence={false} pack={pack} on={appliedOn} />
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card variant="borderless" title={t('pages.tolerance.tool.result')} className="wz-sticky-card">
          <Spin spinning={result.loading}>
            {result.error ? (
              <Alert type="error" showIcon title={result.error} data-testid="assess-error" />
            ) : result.data ? (
              <AssessmentView assessment={result.data} />
            ) : policy.error ? (
              <LoadError error={policy.error} onRetry={policy.reload} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.tolerance.tool.empty')} />
            )}
          </Spin>
        </Card>
      </Col>
    </Row>
  );
}

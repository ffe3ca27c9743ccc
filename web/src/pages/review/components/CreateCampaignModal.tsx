// Setting up a campaign: its name and kind (常规/专项/重点), its scope (agencies — none: all of the
// region —, kinds of act, the decision period), how many files to draw and the seed the draw is made
// with (recorded; the same seed draws the same files). The rubric is the region's rule pack's.
import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ACT_KINDS } from '../../../../../src/core/acts/codes';
import { REVIEW_CAMPAIGN_KINDS } from '../../../../../src/core/workflow/review-campaign';
import { AgencySelect } from '../../../components/Filters';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { createCampaign } from '../service';
import type { ActKind, Campaign, ReviewCampaignKind } from '../types';

interface Values {
  name: string;
  kind: ReviewCampaignKind;
  agencyIds?: string[];
  kinds: ActKind[];
  from: Dayjs;
  to: Dayjs;
  size: number;
  seed?: string;
  doubleScoring: boolean;
}

const randomSeed = () => String(100_000 + Math.floor(Math.random() * 900_000));

export default function CreateCampaignModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose(): void;
  onSaved(c: Campaign): void;
}) {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const field = (name: string) => t(`pages.review.field.${name}`);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const c = await createCampaign({
        name: v.name.trim(),
        kind: v.kind,
        agencyIds: v.agencyIds ?? [],
        kinds: v.kinds,
        from: v.from.format('YYYY-MM-DD'),
        to: v.to.format('YYYY-MM-DD'),
        size: v.size,
        seed: v.seed?.trim() || undefined,
        doubleScoring: v.doubleScoring,
      });
      onSaved(c);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pages.review.create')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'review-create-submit' }}
      width={720}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('pages.review.createHint')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'routine',
          kinds: ['licensing', 'penalty'],
          size: 30,
          seed: randomSeed(),
          doubleScoring: false,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={field('name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  message: t('common.required', { field: field('name') }),
                },
                textLimit(100, t).rule,
              ]}
            >
              <Input count={textLimit(100, t).count} data-testid="review-field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={field('kind')} rules={[{ required: true }]}>
              <Select
                data-testid="review-field-kind"
                options={REVIEW_CAMPAIGN_KINDS.map((k) => ({
                  value: k,
                  label: t(`enums.reviewCampaignKind.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="agencyIds" label={field('agencies')} extra={t('pages.review.hint.agencies')}>
              <AgencySelect mode="multiple" allowClear placeholder={t('pages.review.allAgencies')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="kinds"
              label={field('kinds')}
              rules={[{ required: true, message: t('common.select', { field: field('kinds') }) }]}
            >
              <Checkbox.Group
                data-testid="review-field-kinds"
                options={ACT_KINDS.map((k) => ({ value: k, label: t(`enums.actKind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="from"
              label={field('from')}
              rules={[{ required: true, message: t('common.select', { field: field('from') }) }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="review-field-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="to"
              label={field('to')}
              dependencies={['from']}
              rules={[
                { required: true, message: t('common.select', { field: field('to') }) },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | undefined) =>
                    v && getFieldValue('from') && v.isBefore(getFieldValue('from'), 'day')
                      ? Promise.reject(new Error(t('pages.review.hint.toBeforeFrom')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="review-field-to" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="size"
              label={field('size')}
              rules={[{ required: true }]}
              extra={t('pages.review.hint.size')}
            >
              <InputNumber
                min={1}
                max={2000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="review-field-size"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={field('seed')} extra={t('pages.review.hint.seed')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="seed" noStyle rules={[textLimit(100, t).rule]}>
                  <Input count={textLimit(100, t).count} data-testid="review-field-seed" />
                </Form.Item>
                <Button
                  icon={<ReloadOutlined />}
                  aria-label={t('pages.review.newSeed')}
                  onClick={() => form.setFieldValue('seed', randomSeed())}
                />
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="doubleScoring"
              label={field('doubleScoring')}
              valuePropName="checked"
              extra={t('pages.review.hint.doubleScoring')}
            >
              <Switch data-testid="review-field-double" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

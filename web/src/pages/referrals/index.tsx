// 移送: cases referred to discipline inspection or judicial organs. The discipline role
// records each one's outcome; the supervision office follows them.
import { ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ResponsiveTable } from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { textLimit } from '../../components/textLimit';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useSearchState } from '../../hooks/useSearchState';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { useIntl } from '../../locales/intl';
import { caseHref } from '../../services/caseLinks';
import { useUser } from '../../session';
import { listReferrals, recordOutcome } from './service';
import type { ReferralRow } from './types';

function OutcomeModal({
  referral,
  onClose,
  onDone,
}: {
  referral: ReferralRow | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ outcome: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (referral) form.resetFields();
  }, [referral, form]);
  const submit = async () => {
    if (!referral) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await recordOutcome(referral, v.outcome.trim());
      message.success(t('pages.referrals.recorded'));
      onDone();
    } catch (e) {
      showError(e, { form, onReload: onDone });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={referral !== null}
      title={t('pages.referrals.record')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'referral-outcome-submit' }}
      destroyOnHidden
    >
      {referral && (
        <Typography.Paragraph type="secondary">
          {referral.caseNumber} · {referral.officerName ?? referral.officerId ?? ''} · {referral.note}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="outcome"
          label={t('pages.referrals.field.outcome')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('pages.referrals.field.outcome') }),
            },
            { min: 2, message: t('pages.cases.form.minChars', { n: 2 }) },
            textLimit(2000, t).rule,
          ]}
        >
          <Input.TextArea
            count={textLimit(2000, t).count}
            autoSize={{ minRows: 4 }}
            placeholder={t('pages.referrals.outcomePlaceholder')}
            data-testid="referral-outcome"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ReferralsPage() {
  const { t } = useIntl();
  const user = useUser();
  const label = useVocabLabel();
  const { values, update } = useSearchState();
  const pending = values.all !== '1';
  const list = useApi((signal) => listReferrals(pending, signal), [pending]);
  const [recording, setRecording] = useState<ReferralRow | null>(null);
  const canRecord = user.role === 'discipline';
  // The supervision office opens any case of its region; an organ's user the case file referred to
  // their organ (the list holds only those), under 移送.
  const canOpenCase = (r: ReferralRow) =>
    user.role === 'supervisor' ||
    (user.role === 'discipline' &&
      r.organId !== null &&
      (user.organId === undefined || user.organId === r.organId));

  const columns: TableColumnsType<ReferralRow> = [
    {
      title: t('pages.cases.field.number'),
      dataIndex: 'caseNumber',
      width: 190,
      render: (n: string, r) =>
        canOpenCase(r) ? (
          <Link to={caseHref(user, r.caseId)} data-testid="referral-case-link">
            {n}
          </Link>
        ) : (
          n
        ),
    },
    {
      title: t('pages.referrals.field.officer'),
      key: 'officer',
      width: 150,
      render: (_, r) => (r.officerId ? `${r.officerName ?? ''}（${r.officerId}）` : t('common.none')),
    },
    {
      title: t('pages.referrals.field.organ'),
      dataIndex: 'organ',
      width: 220,
      render: (o: string, r) => (
        <Flex vertical align="flex-start" gap={2}>
          <Tag color={o === 'judicial' ? 'red' : 'volcano'} data-testid="referral-organ">
            {r.organName ?? label('referral', o)}
          </Tag>
          {r.organName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`pages.referrals.kind.${o}`)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('pages.referrals.field.note'), dataIndex: 'note', ellipsis: true },
    { title: t('pages.referrals.field.referredOn'), dataIndex: 'referredOn', width: 110 },
    {
      title: t('pages.referrals.field.outcome'),
      key: 'outcome',
      width: 260,
      render: (_, r) =>
        r.outcome ? (
          <Flex vertical>
            <Typography.Text>{r.outcome}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.outcomeOn, r.outcomeBy].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        ) : canRecord ? (
          <Button size="small" type="primary" onClick={() => setRecording(r)} data-testid="referral-record">
            {t('pages.referrals.record')}
          </Button>
        ) : (
          <Tag color="warning">{t('pages.referrals.pending')}</Tag>
        ),
    },
  ];

  return (
    <PageContainer
      testId="referrals-page"
      title={t('menu.referrals')}
      subTitle={t('pages.referrals.subtitle')}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}
    >
      <Card variant="borderless">
        <Segmented
          className="wz-toolbar"
          value={pending ? 'pending' : 'all'}
          onChange={(v) => update({ all: v === 'all' ? '1' : undefined })}
          options={[
            { value: 'pending', label: t('pages.referrals.pending') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <ResponsiveTable<ReferralRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data}
            loading={list.loading}
            scroll={{ x: 1000 }}
            data-testid="referral-table"
            pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={pending ? t('pages.referrals.emptyPending') : t('pages.referrals.empty')}
                />
              ),
            }}
          />
        )}
      </Card>
      <OutcomeModal
        referral={recording}
        onClose={() => setRecording(null)}
        onDone={() => {
          setRecording(null);
          list.reload();
        }}
      />
    </PageContainer>
  );
}

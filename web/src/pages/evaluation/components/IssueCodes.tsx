// Issuing one-time codes for one agency and audience: the codes come back once (only their hashes are
// kept), shown with a QR code each that opens the portal's form, downloadable as a CSV and printable.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  QRCode,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { codesCsv, issueCodes } from '../service';
import type { EvaluationAudience, EvaluationCampaign, IssuedCodes } from '../types';

interface Values {
  agencyId: string;
  audience: EvaluationAudience;
  count: number;
  expiresOn?: Dayjs;
}

export default function IssueCodes({
  campaign,
  onIssued,
}: {
  campaign: EvaluationCampaign;
  onIssued(): void;
}) {
  const { t } = useIntl();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{
    codes: IssuedCodes;
    agency: string;
    audience: EvaluationAudience;
  }>();
  const field = (k: string) => t(`pages.evaluation.field.${k}`);
  const origin = window.location.origin;

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const codes = await issueCodes(campaign.id, {
        agencyId: v.agencyId,
        audience: v.audience,
        count: v.count,
        expiresOn: v.expiresOn?.format('YYYY-MM-DD'),
      });
      setIssued({
        codes,
        agency: campaign.agencies.find((a) => a.id === v.agencyId)?.name ?? v.agencyId,
        audience: v.audience,
      });
      onIssued();
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (!issued) return;
    const h = (k: string) => t(`pages.evaluation.csv.${k}`);
    const csv = codesCsv(
      issued.codes,
      {
        campaign: campaign.name,
        agency: issued.agency,
        audience: t(`enums.evaluationAudience.${issued.audience}`),
        origin,
      },
      [h('campaign'), h('agency'), h('audience'), h('code'), h('url'), h('expiresOn')],
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `评议码-${issued.agency}-${issued.codes.expiresOn}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon title={t('pages.evaluation.issueHint')} />
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ audience: campaign.audiences[0], count: 20 }}
        data-testid="evaluation-issue-form"
      >
        <Form.Item
          name="agencyId"
          label={field('agency')}
          rules={[{ required: true, message: t('common.select', { field: field('agency') }) }]}
        >
          <Select
            style={{ width: 220 }}
            data-testid="evaluation-issue-agency"
            options={campaign.agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item name="audience" label={field('audience')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={campaign.audiences.map((a) => ({ value: a, label: t(`enums.evaluationAudience.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="count" label={field('count')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} precision={0} data-testid="evaluation-issue-count" />
        </Form.Item>
        <Form.Item name="expiresOn" label={field('expiresOn')}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="evaluation-issue-submit">
          {t('pages.evaluation.issue')}
        </Button>
      </Form>
      {issued && (
        <Card
          size="small"
          title={t('pages.evaluation.issued', { n: issued.codes.items.length, date: issued.codes.expiresOn })}
          extra={
            <Flex gap={8}>
              <Button icon={<DownloadOutlined />} onClick={download} data-testid="evaluation-codes-csv">
                {t('pages.evaluation.downloadCsv')}
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t('pages.evaluation.print')}
              </Button>
            </Flex>
          }
        >
          <Row gutter={[16, 16]} data-testid="evaluation-codes">
            {issued.codes.items.map((c) => (
              <Col key={c.code} xs={12} md={8} xl={4}>
                <Flex vertical align="center" gap={4}>
                  <QRCode value={`${origin}${c.path}`} size={120} bordered={false} />
                  <Typography.Text code copyable data-testid="evaluation-code">
                    {c.code}
                  </Typography.Text>
                </Flex>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('pages.evaluation.qrNote')} · {issued.agency} ·{' '}
            {t(`enums.evaluationAudience.${issued.audience}`)}
          </Typography.Paragraph>
        </Card>
      )}
    </Flex>
  );
}

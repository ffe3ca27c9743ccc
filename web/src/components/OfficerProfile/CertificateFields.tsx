// The three fields of an enforcement certificate, shared by "register officer" and
// "issue new certificate". `prefix` nests them (['certificate', 'number']).
import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useIntl } from '../../locales/intl';
import { CERT_NUMBER_PATTERN } from '../../types/officer';
import { textLimit } from '../textLimit';

export default function CertificateFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useIntl();
  const name = (n: string) => [...prefix, n];
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name={name('number')}
          label={t('pages.officers.field.certificateNumber')}
          rules={[
            {
              required: true,
              message: t('common.required', { field: t('pages.officers.field.certificateNumber') }),
            },
            { pattern: CERT_NUMBER_PATTERN, message: t('pages.officers.certNumberPattern') },
            textLimit(20, t).rule,
          ]}
        >
          <Input placeholder="52990000123" count={textLimit(20, t).count} data-testid="cert-number" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={name('issuedOn')}
          label={t('pages.officers.field.issuedOn')}
          rules={[
            { required: true, message: t('common.select', { field: t('pages.officers.field.issuedOn') }) },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="cert-issued" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={name('validUntil')}
          label={t('pages.officers.field.validUntil')}
          dependencies={[name('issuedOn')]}
          rules={[
            { required: true, message: t('common.select', { field: t('pages.officers.field.validUntil') }) },
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | undefined) => {
                const issued = getFieldValue(name('issuedOn')) as Dayjs | undefined;
                return !v || !issued || !v.isBefore(issued, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pages.officers.validBeforeIssued')));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="cert-valid-until" />
        </Form.Item>
      </Col>
    </Row>
  );
}

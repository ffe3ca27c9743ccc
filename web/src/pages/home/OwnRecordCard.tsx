// An officer's own record on the home page: certificate and how long it remains valid.
import { IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/Status';
import { CertStatusTag } from '../../components/tags';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { getOwnRecord } from './service';

export default function OwnRecordCard({ officerId }: { officerId: string }) {
  const { t } = useIntl();
  const navigate = useNavigate();
  const record = useApi((signal) => getOwnRecord(officerId, signal), [officerId]);
  if (record.error) return <LoadError error={record.error} onRetry={record.reload} />;
  const o = record.data;
  const days = o?.certificateValidUntil
    ? dayjs(o.certificateValidUntil).diff(dayjs().startOf('day'), 'day')
    : null;
  return (
    <Card
      title={
        <span>
          <IdcardOutlined /> {t('pages.home.myRecord')}
        </span>
      }
      variant="borderless"
      extra={
        <Button type="link" onClick={() => navigate('/me')} data-testid="open-my-record">
          {t('common.detail')}
        </Button>
      }
      data-testid="own-record-card"
    >
      {!o ? (
        <Skeleton active />
      ) : (
        <>
          {o.certStatus === 'valid' && days !== null && days <= 90 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('pages.home.expiresSoon', { days })}
            />
          )}
          {o.certStatus !== 'valid' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('pages.home.certProblem', { status: t(`enums.cert.${o.certStatus}`) })}
            />
          )}
          <Descriptions
            column={{ xs: 1, sm: 2 }}
            size="small"
            items={[
              { key: 0, label: t('pages.officers.field.name'), children: o.name },
              { key: 1, label: t('pages.officers.field.id'), children: o.id },
              { key: 2, label: t('pages.officers.field.agency'), children: o.agencyName },
              { key: 3, label: t('pages.officers.field.post'), children: o.post ?? t('common.none') },
              {
                key: 4,
                label: t('pages.officers.field.certificateNumber'),
                children: o.certificateNumber ?? t('common.none'),
              },
              {
                key: 5,
                label: t('pages.officers.field.validUntil'),
                children: o.certificateValidUntil ?? t('common.none'),
              },
              {
                key: 6,
                label: t('pages.officers.field.certStatus'),
                children: <CertStatusTag status={o.certStatus} />,
              },
              {
                key: 7,
                label: t('pages.officers.field.staffing'),
                children: t(`enums.staffing.${o.staffing}`),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

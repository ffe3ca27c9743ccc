// 概况: where the case came from and what it is about; the complainant's identity only when
// the API returns it (to the assigned investigators, each read audited).
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { SourceTag } from '../../../components/CaseTags';
import ComplaintAttachments, { AttachmentsHint } from '../../../components/ComplaintAttachments';
import { useIntl } from '../../../locales/intl';
import type { CaseDetail } from '../../../types/case';
import { CASE_DESCRIPTIONS } from '../components/descriptions';

export default function OverviewTab({ c }: { c: CaseDetail }) {
  const { t } = useIntl();
  const none = t('common.none');
  const complainant = c.complainant;
  return (
    <Flex vertical gap={16}>
      {complainant?.name && (
        <Alert
          type="warning"
          showIcon
          icon={<UserOutlined />}
          data-testid="complainant"
          title={t('pages.cases.overview.complainant')}
          description={
            <>
              <div>
                {complainant.name} · {complainant.phone ?? none}
                {complainant.idNumber ? ` · ${complainant.idNumber}` : ''}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <LockOutlined /> {t('pages.cases.overview.complainantHint')}
              </Typography.Text>
            </>
          }
        />
      )}
      <Descriptions
        {...CASE_DESCRIPTIONS}
        items={[
          { key: 'number', label: t('pages.cases.field.number'), children: c.number },
          {
            key: 'source',
            label: t('pages.cases.field.source'),
            children: <SourceTag source={c.source} label={c.sourceLabel} />,
          },
          { key: 'agency', label: t('pages.cases.field.agency'), children: c.agencyName },
          { key: 'region', label: t('pages.cases.field.region'), children: c.regionName },
          { key: 'subject', label: t('pages.cases.field.subject'), children: c.subject, span: 2 },
          {
            key: 'summary',
            label: t('pages.cases.field.summary'),
            span: 2,
            children: <div className="wz-pre">{c.summary || none}</div>,
          },
          { key: 'registered', label: t('pages.cases.field.registeredOn'), children: c.registeredOn },
          { key: 'accepted', label: t('pages.cases.field.acceptedOn'), children: c.acceptedOn ?? none },
          ...(c.acceptanceOpinion
            ? [
                {
                  key: 'opinion',
                  label: t('pages.cases.field.opinion'),
                  span: 2,
                  children: <div className="wz-pre">{c.acceptanceOpinion}</div>,
                },
              ]
            : []),
          ...(c.declineReason
            ? [
                {
                  key: 'decline',
                  label: t('pages.cases.field.declineReason'),
                  span: 2,
                  children: <div className="wz-pre">{c.declineReason}</div>,
                },
              ]
            : []),
          ...(complainant
            ? [
                {
                  key: 'complaint',
                  label: t('pages.cases.overview.complaint'),
                  span: 2,
                  children: (
                    <Flex gap={8} wrap align="center">
                      {complainant.anonymous ? (
                        <Tag>{t('pages.cases.overview.anonymous')}</Tag>
                      ) : (
                        <Tag color="blue">{t('pages.cases.overview.named')}</Tag>
                      )}
                      {complainant.receipt && (
                        <Typography.Text type="secondary">
                          {t('pages.cases.overview.receipt')}{' '}
                          <Typography.Text code>{complainant.receipt}</Typography.Text>
                        </Typography.Text>
                      )}
                      {!complainant.anonymous && !complainant.name && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          <LockOutlined /> {t('pages.cases.overview.identityHidden')}
                        </Typography.Text>
                      )}
                    </Flex>
                  ),
                },
              ]
            : []),
          {
            key: 'pack',
            label: t('pages.cases.field.pack'),
            span: 2,
            children: <Typography.Text code>{c.pack}</Typography.Text>,
          },
        ]}
      />
      {complainant && c.roles.some((r) => r === 'supervisor' || r === 'investigator') && (
        <Card size="small" title={t('attachments.title')} extra={<AttachmentsHint />}>
          <ComplaintAttachments
            base={`/api/v1/cases/${encodeURIComponent(c.id)}`}
            testId="case-attachments"
          />
        </Card>
      )}
      {/* A referral organ's notice stands at the top of the page. */}
      {c.view !== 'full' && c.view !== 'organ' && (
        <Card size="small" variant="borderless" style={{ background: '#fafbfc' }}>
          <Typography.Text type="secondary">{t(`pages.cases.view.${c.view}`)}</Typography.Text>
        </Card>
      )}
    </Flex>
  );
}

// An officer's record: particulars, certificate history with suspend/revoke/restore, and
// the change history. Used by the officers register and by an officer's own "my record".
import { EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { accessOf } from '../../access';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { getOfficer, officerHistory, setCertificateStatus } from '../../services/officers';
import { useUser } from '../../session';
import type { Certificate } from '../../types/officer';
import { HistoryTimeline } from '../HistoryTimeline';
import OfficerWarning from '../OfficerWarning';
import { type Crumb, PageContainer } from '../PageContainer';
import { LoadError } from '../Status';
import { CertStatusTag } from '../tags';
import CertificateStatusModal, { type StatusChange } from './CertificateStatusModal';
import NewCertificateModal from './NewCertificateModal';
import OfficerForm from './OfficerForm';
import OfficerPosts from './OfficerPosts';

export default function OfficerProfile({ id, parent }: { id: string; parent?: Crumb }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const access = accessOf(useUser());
  const officer = useApi((signal) => getOfficer(id, signal), [id]);
  const history = useApi((signal) => officerHistory(id, signal), [id]);
  const [editOpen, setEditOpen] = useState(false);
  const [certOpen, setCertOpen] = useState(false);
  const [change, setChange] = useState<StatusChange | null>(null);

  const reload = () => {
    officer.reload();
    history.reload();
  };
  const saved = () => {
    setEditOpen(false);
    setCertOpen(false);
    setChange(null);
    reload();
  };

  if (officer.error) return <LoadError error={officer.error} onRetry={officer.reload} />;
  const o = officer.data;
  const canUpdate = Boolean(o?.permissions.update);

  const restore = async (c: Certificate) => {
    try {
      await setCertificateStatus(id, c.id, 'valid');
      message.success(t('pages.officers.cert.restoreDone'));
      reload();
    } catch (e) {
      showError(e, { onReload: reload });
    }
  };

  const certActions = (c: Certificate): ReactNode => {
    if (!canUpdate) return null;
    const links: ReactNode[] = [];
    if (c.status === 'valid' && c.effectiveStatus !== 'expired') {
      links.push(
        <Typography.Link
          key="s"
          onClick={() => setChange({ certificate: c, status: 'suspended' })}
          data-testid="cert-suspend"
        >
          {t('pages.officers.cert.suspended')}
        </Typography.Link>,
      );
    }
    if (c.status !== 'revoked') {
      links.push(
        <Typography.Link
          key="r"
          type="danger"
          onClick={() => setChange({ certificate: c, status: 'revoked' })}
          data-testid="cert-revoke"
        >
          {t('pages.officers.cert.revoked')}
        </Typography.Link>,
      );
    }
    if (c.status === 'suspended') {
      links.push(
        <Popconfirm
          key="v"
          title={t('pages.officers.cert.restoreConfirm')}
          description={t('pages.officers.cert.restoreHint')}
          onConfirm={() => restore(c)}
        >
          <Typography.Link data-testid="cert-restore">{t('pages.officers.cert.restore')}</Typography.Link>
        </Popconfirm>,
      );
    }
    return <Flex gap={12}>{links}</Flex>;
  };

  const fmt = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

  return (
    <PageContainer
      testId="officer-detail"
      breadcrumb={parent ? [parent, { title: o?.name ?? id }] : undefined}
      title={o ? <span data-testid="officer-name">{o.name}</span> : id}
      subTitle={o?.id}
      tags={
        o && (
          <>
            <CertStatusTag status={o.certStatus} />
            {!o.active && <Tag>{t('pages.officers.offDuty')}</Tag>}
          </>
        )
      }
      extra={
        o &&
        canUpdate && (
          <>
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={() => setCertOpen(true)}
              data-testid="cert-new"
            >
              {t('pages.officers.newCertificate')}
            </Button>
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditOpen(true)}
              data-testid="officer-edit"
            >
              {t('common.edit')}
            </Button>
          </>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('common.basicInfo')} variant="borderless">
            {!o ? (
              <Skeleton active />
            ) : (
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                styles={{ label: { width: 120 } }}
                items={[
                  { key: 'id', label: t('pages.officers.field.id'), children: o.id },
                  { key: 'name', label: t('pages.officers.field.name'), children: o.name },
                  {
                    key: 'gender',
                    label: t('pages.officers.field.gender'),
                    children: o.gender ? t(`enums.gender.${o.gender}`) : t('common.none'),
                  },
                  {
                    key: 'agency',
                    label: t('pages.officers.field.agency'),
                    children: access.agencies ? (
                      <Link to={`/agencies/${encodeURIComponent(o.agencyId)}`}>{o.agencyName}</Link>
                    ) : (
                      o.agencyName
                    ),
                  },
                  {
                    key: 'post',
                    label: t('pages.officers.field.post'),
                    children: o.post ?? t('common.none'),
                  },
                  {
                    key: 'staffing',
                    label: t('pages.officers.field.staffing'),
                    children: t(`enums.staffing.${o.staffing}`),
                  },
                  {
                    key: 'phone',
                    label: t('pages.officers.field.phone'),
                    children: o.phone ?? t('common.none'),
                  },
                  {
                    key: 'active',
                    label: t('pages.officers.field.active'),
                    children: o.active ? t('pages.officers.onDuty') : t('pages.officers.offDuty'),
                  },
                  {
                    key: 'cert',
                    label: t('pages.officers.field.certificateNumber'),
                    children: o.certificateNumber ?? t('common.none'),
                  },
                  {
                    key: 'valid',
                    label: t('pages.officers.field.validUntil'),
                    children: o.certificateValidUntil ?? t('common.none'),
                  },
                  { key: 'created', label: t('pages.officers.field.createdAt'), children: fmt(o.createdAt) },
                  { key: 'updated', label: t('pages.officers.field.updatedAt'), children: fmt(o.updatedAt) },
                ]}
              />
            )}
          </Card>
          <Card
            title={t('pages.officers.certHistory')}
            variant="borderless"
            style={{ marginTop: 16 }}
            data-testid="certificate-history"
          >
            <Table<Certificate>
              rowKey="id"
              size="small"
              loading={!o}
              dataSource={o?.certificates}
              pagination={false}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('pages.officers.noCertificates') }}
              columns={[
                {
                  title: t('pages.officers.field.certificateNumber'),
                  dataIndex: 'number',
                  render: (n: string, _c, i) => (
                    <Flex gap={6} align="center">
                      <span>{n}</span>
                      {i === 0 && <Tag color="blue">{t('pages.officers.current')}</Tag>}
                    </Flex>
                  ),
                },
                { title: t('pages.officers.field.issuedOn'), dataIndex: 'issuedOn', width: 110 },
                { title: t('pages.officers.field.validUntil'), dataIndex: 'validUntil', width: 110 },
                {
                  title: t('pages.officers.field.certStatus'),
                  dataIndex: 'effectiveStatus',
                  width: 90,
                  render: (_s, c) => <CertStatusTag status={c.effectiveStatus} />,
                },
                {
                  title: t('pages.officers.cert.reason'),
                  dataIndex: 'statusReason',
                  ellipsis: true,
                  render: (r: string | null) => r ?? t('common.none'),
                },
                ...(canUpdate
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'a',
                        width: 130,
                        render: (_: unknown, c: Certificate) => certActions(c),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {o && <OfficerPosts officerId={o.id} />}
          {o && (
            <div style={{ marginTop: 16 }}>
              <OfficerWarning officerId={o.id} />
            </div>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('common.history')} variant="borderless" data-testid="officer-history">
            {history.error ? (
              <LoadError error={history.error} onRetry={history.reload} />
            ) : history.data ? (
              <HistoryTimeline items={history.data} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
      {o && (
        <>
          <OfficerForm
            open={editOpen}
            officer={o}
            onClose={() => setEditOpen(false)}
            onSaved={saved}
            onReload={saved}
          />
          <NewCertificateModal
            officer={o}
            open={certOpen}
            onClose={() => setCertOpen(false)}
            onSaved={saved}
          />
          <CertificateStatusModal
            officerId={o.id}
            change={change}
            onClose={() => setChange(null)}
            onSaved={saved}
          />
        </>
      )}
    </PageContainer>
  );
}

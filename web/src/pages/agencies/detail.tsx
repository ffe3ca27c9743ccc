// One agency: its particulars, links to its officers and its entrusting agency, and the
// audit trail of changes. Editing and enabling/disabling follow the API's permissions.
import { CheckCircleOutlined, EditOutlined, SolutionOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { accessOf } from '../../access';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { ActiveBadge, KindTag } from '../../components/tags';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { agencyHistory, forgetAgencyOptions, getAgency, updateAgency } from '../../services/agencies';
import { useUser } from '../../session';
import AgencyForm from './components/AgencyForm';

export default function AgencyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useIntl();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useApiError();
  const access = accessOf(useUser());
  const agency = useApi((signal) => getAgency(id, signal), [id]);
  const history = useApi((signal) => agencyHistory(id, signal), [id]);
  const [editOpen, setEditOpen] = useState(false);
  const [toggling, setToggling] = useState(false);
  const reload = () => {
    agency.reload();
    history.reload();
  };

  if (agency.error) return <LoadError error={agency.error} onRetry={agency.reload} />;
  const a = agency.data;
  const fmt = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

  const toggleActive = async () => {
    if (!a) return;
    setToggling(true);
    try {
      await updateAgency(a.id, a.version, { active: !a.active });
      forgetAgencyOptions();
      message.success(a.active ? t('pages.agencies.disabled') : t('pages.agencies.enabled'));
      reload();
    } catch (e) {
      showError(e, { onReload: reload });
    } finally {
      setToggling(false);
    }
  };

  return (
    <PageContainer
      testId="agency-detail"
      breadcrumb={[{ title: t('menu.agencies'), to: '/agencies' }, { title: a?.name ?? id }]}
      title={a?.name ?? id}
      subTitle={a?.shortName}
      tags={
        a && (
          <>
            <KindTag kind={a.kind} />
            <ActiveBadge active={a.active} />
          </>
        )
      }
      extra={
        a && (
          <>
            {access.officers && (
              <Button
                icon={<SolutionOutlined />}
                onClick={() => navigate(`/officers?agencyId=${encodeURIComponent(a.id)}`)}
              >
                {t('pages.agencies.viewOfficers', { n: a.officerCount })}
              </Button>
            )}
            {a.permissions.update && (
              <Popconfirm
                title={a.active ? t('pages.agencies.disableConfirm') : t('pages.agencies.enableConfirm')}
                description={a.active ? t('pages.agencies.disableHint') : undefined}
                onConfirm={toggleActive}
                okButtonProps={{ danger: a.active }}
              >
                <Button
                  danger={a.active}
                  icon={a.active ? <StopOutlined /> : <CheckCircleOutlined />}
                  loading={toggling}
                  data-testid="agency-toggle-active"
                >
                  {a.active ? t('pages.agencies.disable') : t('pages.agencies.enable')}
                </Button>
              </Popconfirm>
            )}
            {a.permissions.update && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditOpen(true)}
                data-testid="agency-edit"
              >
                {t('common.edit')}
              </Button>
            )}
          </>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('common.basicInfo')} variant="borderless">
            {!a ? (
              <Skeleton active />
            ) : (
              <Descriptions
                column={{ xs: 1, md: 2 }}
                bordered
                size="small"
                styles={{ label: { width: 120 } }}
                items={[
                  { key: 'id', label: t('pages.agencies.field.id'), children: a.id },
                  {
                    key: 'region',
                    label: t('pages.agencies.field.region'),
                    children: `${a.regionName}（${a.regionCode}）`,
                  },
                  { key: 'name', label: t('pages.agencies.field.name'), children: a.name, span: 2 },
                  { key: 'short', label: t('pages.agencies.field.shortName'), children: a.shortName },
                  { key: 'kind', label: t('pages.agencies.field.kind'), children: t(`enums.kind.${a.kind}`) },
                  {
                    key: 'parent',
                    label: t('pages.agencies.field.parent'),
                    span: 2,
                    children: a.parentId ? (
                      <Link to={`/agencies/${encodeURIComponent(a.parentId)}`}>
                        {a.parentName ?? a.parentId}
                      </Link>
                    ) : (
                      t('common.none')
                    ),
                  },
                  {
                    key: 'principal',
                    label: t('pages.agencies.field.principal'),
                    children: a.principalName ?? t('common.none'),
                  },
                  {
                    key: 'phone',
                    label: t('pages.agencies.field.phone'),
                    children: a.phone ?? t('common.none'),
                  },
                  {
                    key: 'address',
                    label: t('pages.agencies.field.address'),
                    children: a.address ?? t('common.none'),
                    span: 2,
                  },
                  { key: 'count', label: t('pages.agencies.field.officerCount'), children: a.officerCount },
                  { key: 'status', label: t('common.status'), children: <ActiveBadge active={a.active} /> },
                  { key: 'created', label: t('pages.agencies.field.createdAt'), children: fmt(a.createdAt) },
                  { key: 'updated', label: t('pages.agencies.field.updatedAt'), children: fmt(a.updatedAt) },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('common.history')} variant="borderless" data-testid="agency-history">
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
      {a && (
        <AgencyForm
          open={editOpen}
          agency={a}
          onClose={() => setEditOpen(false)}
          onReload={() => {
            setEditOpen(false);
            reload();
          }}
          onSaved={() => {
            setEditOpen(false);
            reload();
          }}
        />
      )}
    </PageContainer>
  );
}

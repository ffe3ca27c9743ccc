// 待办与临期: the open cases whose current deadline is near (yellow) or past (red), for the
// cases the user takes part in (a supervisor: the whole jurisdiction). Reached from the home
// page's cards; ?status=overdue|near narrows the list.
import { ExclamationCircleOutlined, FieldTimeOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Statistic,
  type TableColumnsType,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { CaseRoleTags, CaseStateTag } from '../../components/CaseTags';
import { DeadlineTag } from '../../components/DeadlineTag';
import { ResponsiveTable } from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { dueSoon } from '../../services/cases';
import { useUser } from '../../session';
import type { CaseStateCode, CaseSummary } from '../../types/case';
import { caseHref } from './links';

type Filter = 'all' | 'overdue' | 'near';

export default function DueSoonPage() {
  const { t } = useIntl();
  const user = useUser();
  const { values, update } = useSearchState();
  const due = useApi((signal) => dueSoon(signal), []);
  const filter = (['overdue', 'near'].includes(values.status ?? '') ? values.status : 'all') as Filter;
  const items = (due.data?.items ?? []).filter(
    (c) => filter === 'all' || c.currentDeadline?.status === filter,
  );

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('pages.cases.field.deadline'),
      key: 'deadline',
      width: 260,
      render: (_, c) => c.currentDeadline && <DeadlineTag deadline={c.currentDeadline} />,
    },
    {
      title: t('pages.cases.field.number'),
      dataIndex: 'number',
      width: 190,
      render: (_, c) => (
        <Link to={caseHref(user, c.id)} data-testid="due-case-link">
          {c.number}
        </Link>
      ),
    },
    {
      title: t('pages.cases.field.subject'),
      dataIndex: 'subject',
      ellipsis: true,
      render: (_, c) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{c.subject}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {c.agencyName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 110,
      render: (s: CaseStateCode) => <CaseStateTag state={s} />,
    },
    {
      title: t('pages.cases.field.myRole'),
      key: 'roles',
      width: 150,
      render: (_, c) => (c.roles.length ? <CaseRoleTags roles={c.roles} /> : t('common.none')),
    },
  ];

  return (
    <PageContainer
      testId="due-page"
      title={t('menu.due')}
      subTitle={t('pages.cases.due.subtitle')}
      extra={<Button icon={<ReloadOutlined />} onClick={due.reload} aria-label={t('common.refresh')} />}
    >
      {due.error ? (
        <LoadError error={due.error} onRetry={due.reload} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12}>
              <Card
                variant="borderless"
                className="wz-stat-card wz-link"
                onClick={() => update({ status: 'overdue' })}
                data-testid="due-overdue"
              >
                <Statistic
                  title={t('pages.cases.due.overdue')}
                  value={due.data?.overdue ?? 0}
                  prefix={<ExclamationCircleOutlined />}
                  styles={{ content: { color: '#cf1322', fontWeight: 600 } }}
                />
              </Card>
            </Col>
            <Col xs={24} sm={12}>
              <Card
                variant="borderless"
                className="wz-stat-card wz-link"
                onClick={() => update({ status: 'near' })}
                data-testid="due-near"
              >
                <Statistic
                  title={t('pages.cases.due.near')}
                  value={due.data?.near ?? 0}
                  prefix={<FieldTimeOutlined />}
                  styles={{ content: { color: '#d48806', fontWeight: 600 } }}
                />
              </Card>
            </Col>
          </Row>
          <Card variant="borderless">
            <Segmented<Filter>
              className="wz-toolbar"
              value={filter}
              onChange={(v) => update({ status: v === 'all' ? undefined : v })}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'overdue', label: t('pages.cases.due.overdue') },
                { value: 'near', label: t('pages.cases.due.near') },
              ]}
            />
            <ResponsiveTable<CaseSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              cardTitle="number"
              dataSource={items}
              loading={due.loading}
              scroll={{ x: 900 }}
              pagination={false}
              rowClassName={(c) => (c.currentDeadline?.status === 'overdue' ? 'wz-row-overdue' : '')}
              data-testid="due-table"
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.due.empty')} />
                ),
              }}
            />
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}

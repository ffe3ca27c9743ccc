// 外部评议: the evaluations of the reader's jurisdiction (the office), of their city (an evaluator), or
// of their agency (a legal office); by state, searched by name, paged on the server. The office sets
// up a new one from here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EVALUATION_CAMPAIGN_STATES } from '../../../../src/core/evaluation/form';
import { ListToolbar, SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import CreateEvaluationModal from './components/CreateEvaluationModal';
import { EvaluationStateTag } from './components/StateTag';
import { evaluationHref, listEvaluations } from './service';
import type { EvaluationCampaign, EvaluationCampaignState } from './types';

export default function EvaluationsPage() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const { values, update, page, pageSize, paging } = useSearchState();
  const [creating, setCreating] = useState(false);
  const office = user.role === 'supervisor';
  const filter = { state: values.state as EvaluationCampaignState | undefined, q: values.q };
  const list = useApi(
    (signal) => listEvaluations({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const filtered = Boolean(values.q || values.state);
  const clear = () => update({ q: undefined, state: undefined });
  const f = (k: string) => t(`pages.evaluation.field.${k}`);

  const columns: TableColumnsType<EvaluationCampaign> = [
    {
      title: f('name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (v: string, c) => (
        <Link to={evaluationHref(c.id)} data-testid="evaluation-link">
          {v}
        </Link>
      ),
    },
    { title: f('period'), key: 'period', width: 210, render: (_, c) => `${c.from} ~ ${c.to}` },
    {
      title: f('agencies'),
      key: 'agencies',
      ellipsis: true,
      render: (_, c) => c.agencies.map((a) => a.name).join('、'),
    },
    {
      title: f('progress'),
      key: 'progress',
      width: 170,
      render: (_, c) => t('pages.evaluation.progress', { invitations: c.invitations, answers: c.answers }),
    },
    ...(office ? [{ title: f('pending'), dataIndex: 'pending', width: 110, align: 'right' as const }] : []),
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 110,
      render: (_, c) => <EvaluationStateTag state={c.state} />,
    },
  ];

  return (
    <PageContainer
      testId="evaluation-page"
      title={t('menu.evaluation')}
      subTitle={t('pages.evaluation.subtitle')}
      extra={
        office && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="evaluation-create"
          >
            {t('pages.evaluation.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.evaluation.searchPlaceholder')}
            testId="evaluation-search"
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            value={values.state}
            onChange={(state) => update({ state })}
            style={{ width: 140 }}
            options={EVALUATION_CAMPAIGN_STATES.map((s) => ({
              value: s,
              label: t(`enums.evaluationState.${s}`),
            }))}
          />
        </ListToolbar>
        <ListTable<EvaluationCampaign>
          rowKey="id"
          columns={columns}
          cardTitle="name"
          scroll={{ x: 900 }}
          data-testid="evaluation-table"
          list={list}
          {...paging}
          filtered={filtered}
          onClearFilters={clear}
          emptyText={t('pages.evaluation.empty')}
        />
      </Card>
      <CreateEvaluationModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(evaluationHref(c.id));
        }}
      />
    </PageContainer>
  );
}

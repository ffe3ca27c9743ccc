// 纠错措施登记簿: the correction measures the reader may see (the office its jurisdiction's, an
// agency's legal office its agency's, an officer those naming them), by due date, filtered by state,
// paged on the server, the filter and the open measure in the URL (`state`, `measure`). A due date
// past while the measure is open or reported is red; a measure whose fault recurred links to the
// lead it opened. The office re-checks every due measure at once (also done nightly).
import { AuditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Popconfirm, Radio, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { MeasureDue, MeasureStateTag } from '../../../components/CorrectionTags';
import ListTable from '../../../components/ListTable';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { listCorrections, recheckDueCorrections } from '../../../services/corrections';
import { useUser } from '../../../session';
import { type Correction, MEASURE_STATES, type MeasureState } from '../../../types/correction';
import CorrectionDrawer, { LeadRef, SourceRef } from './CorrectionDrawer';

export default function Corrections() {
  const { t } = useIntl();
  const user = useUser();
  const showError = useApiError();
  const { values, update, page, pageSize } = useSearchState();
  const office = user.role === 'supervisor';
  const state = (MEASURE_STATES as readonly string[]).includes(values.state ?? '')
    ? (values.state as MeasureState)
    : undefined;
  const list = useApi(
    (signal) => listCorrections({ state, page, pageSize }, signal),
    [state, page, pageSize],
  );
  const [rechecking, setRechecking] = useState(false);
  const [result, setResult] = useState<{ checked: number; recurred: number } | null>(null);
  const open = (id: string) => update({ measure: id }, { resetPage: false });

  const recheckDue = async () => {
    setRechecking(true);
    try {
      const r = await recheckDueCorrections();
      // The result stays above the register until closed.
      setResult(r);
      list.reload();
    } catch (e) {
      showError(e);
    } finally {
      setRechecking(false);
    }
  };

  const columns: TableColumnsType<Correction> = [
    {
      title: t('pages.corrections.field.measure'),
      dataIndex: 'measure',
      render: (v: string, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link onClick={() => open(r.id)} data-testid="correction-link" ellipsis>
            {v}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {t('pages.corrections.field.responsible')}：{r.responsible}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.corrections.field.source'),
      key: 'source',
      width: 210,
      render: (_, r) => <SourceRef m={r} />,
    },
    {
      title: t('pages.corrections.field.agency'),
      dataIndex: 'agencyName',
      width: 200,
      render: (v: string, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{v}</Typography.Text>
          {r.officerId && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {r.officerName ?? ''}（{r.officerId}）
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('pages.corrections.field.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      render: (_, r) => <MeasureDue m={r} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 170,
      render: (_, r) => (
        <Flex gap={4} wrap align="center">
          <MeasureStateTag state={r.state} />
          {r.leadId && <LeadRef id={r.leadId} />}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, r) => <Typography.Link onClick={() => open(r.id)}>{t('common.view')}</Typography.Link>,
    },
  ];

  const guide =
    user.role === 'supervisor' || user.role === 'admin'
      ? 'pages.corrections.emptyOffice'
      : user.role === 'agency_legal'
        ? 'pages.corrections.emptyAgency'
        : 'pages.corrections.emptyOfficer';
  const emptyText =
    state === undefined ? (
      <Flex vertical align="center" gap={8} style={{ maxWidth: 600, margin: '0 auto' }}>
        <span>{t('pages.corrections.empty')}</span>
        <Typography.Text type="secondary" data-testid="correction-guide">
          {t(guide)}
        </Typography.Text>
      </Flex>
    ) : (
      t('pages.corrections.emptyTab', { state: t(`enums.measureState.${state}`) })
    );

  return (
    <Flex vertical gap={12} data-testid="corrections">
      <Flex gap={12} wrap align="center" className="wz-toolbar" justify="space-between">
        <Flex gap={12} wrap align="center">
          <Radio.Group
            value={state ?? 'all'}
            optionType="button"
            onChange={(e) => update({ state: e.target.value === 'all' ? undefined : e.target.value })}
            options={['all', ...MEASURE_STATES].map((s) => ({
              value: s,
              label: (
                <span data-testid={`correction-filter-${s}`}>
                  {s === 'all' ? t('common.all') : t(`enums.measureState.${s}`)}
                </span>
              ),
            }))}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Flex>
        {office && (
          <Popconfirm
            title={t('pages.corrections.recheckDueConfirm')}
            description={<div style={{ maxWidth: 360 }}>{t('pages.corrections.recheckDueHint')}</div>}
            onConfirm={recheckDue}
            okButtonProps={{ 'data-testid': 'correction-recheck-due-confirm' }}
          >
            <Button icon={<AuditOutlined />} loading={rechecking} data-testid="correction-recheck-due">
              {t('pages.corrections.recheckDue')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {result && (
        <Alert
          type={result.recurred > 0 ? 'warning' : result.checked > 0 ? 'success' : 'info'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          data-testid="correction-recheck-result"
          data-checked={result.checked}
          data-recurred={result.recurred}
          title={
            result.checked === 0
              ? t('pages.corrections.recheckDueNone')
              : t('pages.corrections.recheckDueResult', {
                  checked: result.checked,
                  cleared: result.checked - result.recurred,
                  recurred: result.recurred,
                })
          }
        />
      )}
      <ListTable<Correction>
        rowKey="id"
        columns={columns}
        cardTitle="measure"
        scroll={{ x: 1000 }}
        rowClassName={(r) => (r.overdue ? 'wz-row-overdue' : '')}
        data-testid="correction-table"
        list={list}
        page={page}
        pageSize={pageSize}
        onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
        filtered={false}
        emptyText={emptyText}
      />
      <CorrectionDrawer
        id={values.measure ?? null}
        onClose={() => update({ measure: undefined }, { resetPage: false })}
        onChanged={list.reload}
      />
    </Flex>
  );
}

// 清单: the items in force on a day — of one agency (the picker) or of every agency of the
// jurisdiction —, searched by name, code, unit or basis; filters in the URL.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { AgencySelect, ListToolbar, SearchFilter } from '../../../components/Filters';
import ListTable from '../../../components/ListTable';
import { useApi } from '../../../hooks/useApi';
import { useSearchState } from '../../../hooks/useSearchState';
import { useIntl } from '../../../locales/intl';
import { listDutyItems } from '../service';
import type { DutyItem } from '../types';
import { useItemColumns } from './itemColumns';

export default function ListTab() {
  const { t } = useIntl();
  const { values, update, page, pageSize, paging } = useSearchState();
  const filter = { agencyId: values.agencyId, on: values.on, q: values.q };
  const list = useApi(
    (signal) => listDutyItems({ ...filter, page, pageSize }, signal),
    [JSON.stringify(filter), page, pageSize],
  );
  const columns = useItemColumns({ showAgency: !values.agencyId });
  const filtered = Boolean(values.q || values.agencyId || values.on);
  const clear = () => update({ q: undefined, agencyId: undefined, on: undefined });
  return (
    <>
      <ListToolbar filtered={filtered} onClear={clear} onReload={list.reload}>
        <AgencySelect
          allowClear
          placeholder={t('pages.duties.list.agency')}
          value={values.agencyId}
          onChange={(agencyId) => update({ agencyId })}
          style={{ width: 240 }}
          data-testid="duty-agency"
        />
        <DatePicker
          placeholder={t('pages.duties.list.on')}
          value={values.on ? dayjs(values.on) : null}
          onChange={(d) => update({ on: d?.format('YYYY-MM-DD') })}
          data-testid="duty-on"
        />
        <SearchFilter
          value={values.q}
          onSearch={(q) => update({ q })}
          placeholder={t('pages.duties.list.search')}
          width={300}
          testId="duty-search"
        />
      </ListToolbar>
      <ListTable<DutyItem>
        rowKey="id"
        columns={columns}
        cardTitle="name"
        scroll={{ x: 1400 }}
        data-testid="duty-table"
        list={list}
        {...paging}
        filtered={filtered}
        onClearFilters={clear}
        emptyText={t('pages.duties.list.empty')}
      />
    </>
  );
}

// The accountability work on the home page: new leads to triage, open cases, and deadlines
// near (yellow) or past (red) — each card opens the list behind it.
import {
  AlertOutlined,
  ExclamationCircleOutlined,
  FileSearchOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { accessOf } from '../../access';
import { StatGrid } from '../../components/StatCard';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import type { HomeStats } from './types';

export default function CaseCards({ stats }: { stats: HomeStats }) {
  const { t } = useIntl();
  const access = accessOf(useUser());
  const cases = stats.cases ?? { open: 0, overdue: 0, near: 0 };
  const span = access.leads ? { xs: 24, sm: 12, xl: 6 } : { xs: 24, sm: 8 };
  return (
    <StatGrid
      span={span}
      style={{ marginBottom: 16 }}
      cards={[
        access.leads && {
          testId: 'stat-new-leads',
          title: t('pages.home.stat.newLeads'),
          value: stats.leads?.new ?? 0,
          icon: <InboxOutlined />,
          color: '#1d4f91',
          to: '/leads',
        },
        {
          testId: 'stat-open-cases',
          title: t('pages.home.stat.openCases'),
          value: cases.open,
          icon: <FileSearchOutlined />,
          color: '#13a8a8',
          to: access.cases ? '/cases' : '/my-cases',
        },
        {
          testId: 'stat-near',
          title: t('pages.home.stat.near'),
          value: cases.near,
          icon: <AlertOutlined />,
          color: '#d48806',
          to: '/due?status=near',
        },
        {
          testId: 'stat-overdue',
          title: t('pages.home.stat.overdue'),
          value: cases.overdue,
          icon: <ExclamationCircleOutlined />,
          color: '#cf1322',
          to: '/due?status=overdue',
        },
      ]}
    />
  );
}

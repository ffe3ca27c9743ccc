// 申诉与救济: the register of appeals (the office's of its jurisdiction, a panel member's inbox —
// the appeals they sit on —, an officer's own, an agency's legal office its officers'), the relief
// figures (appeals, upheld, changed, revoked by agency and year) and the panel's pool (委员库), as
// tabs (the tab in the URL's `view`). An appeal is filed from its case, after service.
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import Members from './components/Members';
import Register from './components/Register';
import Statistics from './components/Statistics';

const VIEWS = ['register', 'statistics', 'members'] as const;
type View = (typeof VIEWS)[number];

export default function AppealsPage() {
  const { t } = useIntl();
  const user = useUser();
  const { values, update } = useSearchState();
  // The figures are the office's and the agencies'; the pool is the office's and the panel's.
  const shown = VIEWS.filter(
    (v) =>
      v === 'register' ||
      (v === 'statistics' && ['supervisor', 'admin', 'agency_legal'].includes(user.role)) ||
      (v === 'members' && ['supervisor', 'admin', 'panel'].includes(user.role)),
  );
  const view: View = shown.includes(values.view as View) ? (values.view as View) : 'register';
  const content: Record<View, ReactNode> = {
    register: <Register />,
    statistics: <Statistics />,
    members: <Members />,
  };
  const subtitle =
    user.role === 'panel'
      ? 'pages.appeals.subtitlePanel'
      : user.role === 'officer'
        ? 'pages.appeals.subtitleOfficer'
        : 'pages.appeals.subtitle';
  return (
    <PageContainer testId="appeals-page" title={t('menu.appeals')} subTitle={t(subtitle)}>
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          // A tab of its own: the register's filters do not follow to the figures or the pool.
          onChange={(k) => update({ view: k === 'register' ? undefined : k, state: undefined, q: undefined })}
          items={shown.map((k) => ({
            key: k,
            label: <span data-testid={`appeals-view-${k}`}>{t(`pages.appeals.view.${k}`)}</span>,
            children: view === k ? content[k] : null,
          }))}
        />
      </Card>
    </PageContainer>
  );
}

// 容错纠错: the register of tolerance applications, the figures of the register, the assessment
// tool and the register of correction measures (纠错措施), as tabs (the tab in the URL's `view`).
// An application is made from its case (案件 → the person in the findings → 申请容错); the register
// says so when it is empty. A measure is set from a decided application or from a finding.
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import AssessTool from './components/AssessTool';
import Corrections from './components/Corrections';
import Register from './components/Register';
import Statistics from './components/Statistics';

const VIEWS = ['register', 'statistics', 'assess', 'corrections'] as const;
type View = (typeof VIEWS)[number];

export default function TolerancePage() {
  const { t } = useIntl();
  const { values, update } = useSearchState();
  const view: View = VIEWS.includes(values.view as View) ? (values.view as View) : 'register';
  const content: Record<View, ReactNode> = {
    register: <Register />,
    statistics: <Statistics />,
    assess: <AssessTool />,
    corrections: <Corrections />,
  };
  return (
    <PageContainer
      testId="tolerance-page"
      title={t('menu.tolerance')}
      subTitle={t('pages.tolerance.subtitle')}
    >
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          // A tab of its own: the register's filters do not follow to the figures or the tool.
          onChange={(k) =>
            update({
              view: k === 'register' ? undefined : k,
              state: undefined,
              q: undefined,
              measure: undefined,
            })
          }
          items={VIEWS.map((k) => ({
            key: k,
            label: <span data-testid={`tolerance-view-${k}`}>{t(`pages.tolerance.view.${k}`)}</span>,
            children: view === k ? content[k] : null,
          }))}
        />
      </Card>
    </PageContainer>
  );
}

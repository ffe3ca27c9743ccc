// 权责清单 (issue 13): the agencies' duty lists as tabs (the tab in the URL's `view`) — 清单 (the
// items in force on a day), 版本与差异 (an agency's versions and what changed between two), 重叠与缺位
// (the worklist of overlaps, gaps and incomplete items of one's jurisdiction, where the office
// handles an overlap), 职责边界清单 (the decisions on overlaps) and 导入 (template, check, import) for
// those who may import.
import { Card, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { accessOf } from '../../access';
import { PageContainer } from '../../components/PageContainer';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import BoundariesTab from './components/BoundariesTab';
import ImportTab from './components/ImportTab';
import ListTab from './components/ListTab';
import PostsTab from './components/PostsTab';
import VersionsTab from './components/VersionsTab';
import WorklistTab from './components/WorklistTab';
import { mayImportDuties } from './types';

const VIEWS = ['list', 'versions', 'worklist', 'boundaries', 'posts', 'import'] as const;
type View = (typeof VIEWS)[number];

export default function DutiesPage() {
  const { t } = useIntl();
  const user = useUser();
  const { values, update } = useSearchState();
  // A new import changes every tab: their content is re-mounted after it.
  const [generation, setGeneration] = useState(0);
  const views = VIEWS.filter(
    (v) => (v !== 'import' || mayImportDuties(user)) && (v !== 'posts' || accessOf(user).posts),
  );
  const view: View = views.includes(values.view as View) ? (values.view as View) : 'list';
  const content: Record<View, ReactNode> = {
    list: <ListTab key={generation} />,
    versions: <VersionsTab key={generation} />,
    worklist: <WorklistTab key={generation} />,
    boundaries: <BoundariesTab key={generation} />,
    posts: <PostsTab key={generation} />,
    import: <ImportTab onImported={() => setGeneration((n) => n + 1)} />,
  };
  return (
    <PageContainer testId="duties-page" title={t('menu.duties')} subTitle={t('pages.duties.subtitle')}>
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          // Each tab its own filters; the agency follows from the list to the versions.
          onChange={(k) =>
            update({
              view: k === 'list' ? undefined : k,
              q: undefined,
              on: undefined,
              from: undefined,
              to: undefined,
              kind: undefined,
            })
          }
          items={views.map((k) => ({
            key: k,
            label: <span data-testid={`duties-view-${k}`}>{t(`pages.duties.view.${k}`)}</span>,
            children: view === k ? content[k] : null,
          }))}
        />
      </Card>
    </PageContainer>
  );
}

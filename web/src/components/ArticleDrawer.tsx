// The cited article, its clause marked, beside the simulation; and the way to the browser.
import { BookOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../hooks/useApi';
import { useDrawerSize } from '../hooks/usePhone';
import { useIntl } from '../locales/intl';
import { anchorOf, browserHref, citeLabel } from '../services/cite';
import { getRegulation } from '../services/rulebook';
import type { Basis } from '../types/determination';
import type { PackSelection } from '../types/rulebook';
import ArticleBlock from './ArticleBlock';

export default function ArticleDrawer({
  basis,
  selection,
  onClose,
}: {
  basis: Basis | null;
  selection: PackSelection;
  onClose(): void;
}) {
  const { t, locale } = useIntl();
  const size = useDrawerSize(560);
  const regulation = useApi(
    () => (basis ? getRegulation(selection) : Promise.resolve(undefined)),
    [basis !== null, selection.pack, selection.on],
  );
  const chapters = regulation.data?.chapters ?? [];
  const article =
    basis && 'article' in basis
      ? chapters.flatMap((c) => c.articles).find((a) => a.number === basis.article)
      : undefined;
  const chapter = basis && 'chapter' in basis ? chapters.find((c) => c.number === basis.chapter) : undefined;
  return (
    <Drawer
      open={basis !== null}
      onClose={onClose}
      size={size}
      title={basis ? citeLabel(basis, locale) : ''}
      extra={
        basis && (
          <Link to={browserHref(anchorOf(basis), selection.pack)}>
            <Button type="link" icon={<BookOutlined />}>
              {t('pages.simulator.openInBrowser')}
            </Button>
          </Link>
        )
      }
      data-testid="article-drawer"
    >
      {regulation.loading ? (
        <Skeleton active />
      ) : article ? (
        <ArticleBlock article={article} focusClause={basis && 'clause' in basis ? basis.clause : undefined} />
      ) : chapter ? (
        <div className="wz-article-text">
          <h4>
            {chapter.label} {chapter.title}
          </h4>
          {chapter.text}
        </div>
      ) : (
        <Empty />
      )}
    </Drawer>
  );
}

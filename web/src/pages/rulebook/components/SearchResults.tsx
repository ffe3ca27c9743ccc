// Search hits across articles, clauses and the catalogue, each leading to its place.
import { Card, Empty, List, Tag, Typography } from 'antd';
import Highlight from '../../../components/Highlight';
import { useIntl } from '../../../locales/intl';
import { articleAnchor, chapterAnchor, itemAnchor } from '../../../services/cite';
import type { SearchHit } from '../../../types/rulebook';

export function hitAnchor(h: SearchHit): string {
  if (h.kind === 'catalogue' && h.code) return itemAnchor(h.code);
  if (h.article !== undefined) return articleAnchor(h.article, h.kind === 'clause' ? h.clause : undefined);
  return chapterAnchor(h.chapter);
}

const KIND_COLORS: Record<SearchHit['kind'], string> = {
  chapter: 'default',
  article: 'blue',
  clause: 'geekblue',
  catalogue: 'purple',
};

interface Props {
  query: string;
  hits: SearchHit[] | undefined;
  loading: boolean;
  onOpen(anchor: string): void;
}

export default function SearchResults({ query, hits, loading, onOpen }: Props) {
  const { t } = useIntl();
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      title={t('pages.rulebook.results', { q: query })}
      extra={
        hits && (
          <Typography.Text type="secondary">{t('pages.rulebook.hits', { n: hits.length })}</Typography.Text>
        )
      }
      data-testid="search-results"
    >
      <List<SearchHit>
        loading={loading}
        dataSource={hits ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.rulebook.noHits')} />,
        }}
        renderItem={(h) => (
          <List.Item
            key={`${h.kind}-${h.title}-${h.code ?? ''}`}
            className="wz-clickable"
            style={{ padding: '10px 8px' }}
            onClick={() => onOpen(hitAnchor(h))}
            data-testid="search-hit"
          >
            <List.Item.Meta
              title={
                <span>
                  <Tag color={KIND_COLORS[h.kind]}>{t(`pages.rulebook.kind.${h.kind}`)}</Tag>
                  <Typography.Link>{h.title}</Typography.Link>
                  {h.code && (
                    <Typography.Text
                      type="secondary"
                      style={{ marginLeft: 8, fontFamily: 'monospace', fontSize: 12 }}
                    >
                      {h.code}
                    </Typography.Text>
                  )}
                  {h.summary && (
                    <Tag color="gold" style={{ marginLeft: 8 }}>
                      {t('pages.rulebook.summary')}
                    </Tag>
                  )}
                </span>
              }
              description={<Highlight text={h.snippet || h.text} query={query} />}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

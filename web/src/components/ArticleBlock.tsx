// One article: its text by clause, each clause addressable (#art-15-4), a mark when the text
// is a summary rather than the official wording, and the engine rules that implement it.
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useIntl } from '../locales/intl';
import { articleAnchor } from '../services/cite';
import type { Article } from '../types/rulebook';
import Highlight from './Highlight';

export default function ArticleBlock({
  article,
  query,
  focusClause,
}: {
  article: Article;
  query?: string;
  /** A clause to mark (the one a citation points at). */
  focusClause?: number;
}) {
  const { t } = useIntl();
  return (
    <section
      id={articleAnchor(article.number)}
      className="wz-article"
      data-testid={`article-${article.number}`}
    >
      <Flex align="center" gap={8} wrap className="wz-article-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {article.label}
        </Typography.Title>
        {article.summary && (
          <Tooltip title={article.source}>
            <Tag color="gold">{t('pages.rulebook.summary')}</Tag>
          </Tooltip>
        )}
      </Flex>
      <div className="wz-article-text">
        {article.intro && (
          <p>
            <Highlight text={article.intro} query={query} />
          </p>
        )}
        {article.clauses.map((c) => (
          <p
            key={c.number}
            id={articleAnchor(article.number, c.number)}
            className={c.number === focusClause ? 'wz-clause wz-clause-focus' : 'wz-clause'}
          >
            <span className="wz-clause-label">{c.label}</span>
            <Highlight text={c.text} query={query} />
          </p>
        ))}
        {article.closing && (
          <p>
            <Highlight text={article.closing} query={query} />
          </p>
        )}
      </div>
      {article.rules.length > 0 && (
        <Flex gap={4} wrap align="center" className="wz-article-rules">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pages.rulebook.rules')}
          </Typography.Text>
          {article.rules.map((r) => (
            <Tag key={r} variant="filled" style={{ fontSize: 11, fontFamily: 'monospace' }}>
              {r}
            </Tag>
          ))}
        </Flex>
      )}
    </section>
  );
}

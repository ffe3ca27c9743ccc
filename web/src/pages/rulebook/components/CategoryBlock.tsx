// A category of the chapter 2 fault catalogue: every item addressable (#item-penalty.04),
// with its code, and a way to try it in the determination simulator.
import { ExperimentOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import Highlight from '../../../components/Highlight';
import { useIntl } from '../../../locales/intl';
import { categoryAnchor, itemAnchor } from '../../../services/cite';
import type { Category } from '../../../types/rulebook';

export default function CategoryBlock({
  category,
  query,
  pack,
}: {
  category: Category;
  query?: string;
  pack?: string;
}) {
  const { t } = useIntl();
  return (
    <section
      id={categoryAnchor(category.code)}
      className="wz-article"
      data-testid={`category-${category.code}`}
    >
      <Flex align="center" gap={8} className="wz-article-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {category.title}
        </Typography.Title>
        <Tag>{t('pages.rulebook.items', { n: category.items.length })}</Tag>
      </Flex>
      {category.intro && <p className="wz-article-text">{category.intro}</p>}
      <ol className="wz-catalogue">
        {category.items.map((item) => (
          <li key={item.code} id={itemAnchor(item.code)} data-testid="catalogue-item">
            <span className="wz-clause-label">{item.cite.item}</span>
            <span className="wz-catalogue-text">
              <Highlight text={item.text} query={query} />
            </span>
            <Flex gap={8} align="center" className="wz-catalogue-meta">
              <Tag variant="filled" style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>
                {item.code}
              </Tag>
              <Link
                to={`/simulator?faults=${encodeURIComponent(item.code)}${pack ? `&pack=${encodeURIComponent(pack)}` : ''}`}
                title={t('pages.rulebook.simulate')}
                data-testid="simulate-item"
              >
                <ExperimentOutlined /> {t('pages.rulebook.simulate')}
              </Link>
            </Flex>
          </li>
        ))}
      </ol>
    </section>
  );
}

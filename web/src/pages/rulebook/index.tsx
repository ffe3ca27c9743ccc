// The regulation browser: the Measures by chapter and article (and the chapter 2 fault
// catalogue), a table of contents, search with Chinese segmentation on the server, and
// addressable places (#art-15-4, #item-penalty.04) that the simulator links to.
import { ExperimentOutlined } from '@ant-design/icons';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Input,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import ArticleBlock from '../../components/ArticleBlock';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { articleAnchor, categoryAnchor, chapterAnchor } from '../../services/cite';
import { getPacks, getRegulation, searchRegulation } from '../../services/rulebook';
import type { Chapter, PackSelection } from '../../types/rulebook';
import CategoryBlock from './components/CategoryBlock';
import SearchResults from './components/SearchResults';

const HEADER_OFFSET = 72;

/** Scroll to an anchor below the sticky header and flash it. */
export function scrollToAnchor(id: string) {
  const el = document.getElementById(id);
  if (!el) return false;
  const top = el.getBoundingClientRect().top + window.scrollY - HEADER_OFFSET;
  window.scrollTo({ top, behavior: 'smooth' });
  el.classList.remove('wz-target');
  void el.offsetWidth;
  el.classList.add('wz-target');
  return true;
}

function ChapterCard({ chapter, query, pack }: { chapter: Chapter; query?: string; pack?: string }) {
  const { t } = useIntl();
  return (
    <Card
      id={chapterAnchor(chapter.number)}
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid={`chapter-${chapter.number}`}
      title={
        <Flex gap={8} align="center">
          <span>
            {chapter.label}　{chapter.title}
          </span>
          {chapter.summary && <Tag color="gold">{t('pages.rulebook.summary')}</Tag>}
        </Flex>
      }
    >
      {chapter.summary && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.rulebook.summaryNote')}
          description={chapter.source}
        />
      )}
      {chapter.text && <div className="wz-article-text wz-chapter-text">{chapter.text}</div>}
      {chapter.categories.map((c) => (
        <CategoryBlock key={c.code} category={c} query={query} pack={pack} />
      ))}
      {chapter.articles.map((a) => (
        <ArticleBlock key={a.number} article={a} query={query} />
      ))}
    </Card>
  );
}

export default function RulebookPage() {
  const { t } = useIntl();
  const navigate = useNavigate();
  const location = useLocation();
  const { values, update } = useSearchState();
  const sel: PackSelection = { pack: values.pack, on: values.on };
  const q = values.q?.trim() ?? '';
  const packs = useApi(() => getPacks(), []);
  const regulation = useApi(() => getRegulation(sel), [sel.pack, sel.on]);
  const search = useApi(
    (signal) => (q ? searchRegulation(q, sel, signal) : Promise.resolve(undefined)),
    [q, sel.pack, sel.on],
  );
  const reg = regulation.data;

  // Arriving at (or changing) #anchor: scroll there once the text is on the page.
  useEffect(() => {
    if (!reg || !location.hash) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const timer = window.setTimeout(() => scrollToAnchor(id), 60);
    return () => window.clearTimeout(timer);
  }, [reg, location.hash]);

  const open = (anchor: string) => {
    if (location.hash === `#${anchor}`) scrollToAnchor(anchor);
    else navigate({ search: location.search, hash: anchor });
  };

  const tocItems = useMemo(
    () =>
      (reg?.chapters ?? []).map((c) => ({
        key: chapterAnchor(c.number),
        href: `#${chapterAnchor(c.number)}`,
        title: `${c.label} ${c.title}`,
        children: [
          ...c.categories.map((cat) => ({
            key: categoryAnchor(cat.code),
            href: `#${categoryAnchor(cat.code)}`,
            title: cat.title,
          })),
          ...c.articles.map((a) => ({
            key: articleAnchor(a.number),
            href: `#${articleAnchor(a.number)}`,
            title: a.label,
          })),
        ],
      })),
    [reg],
  );

  const packOptions = (packs.data ?? []).map((p) => ({ value: p.name, label: `${p.title}（${p.name}）` }));
  const currentPack = packs.data?.find((p) => p.name === (reg?.pack ?? values.pack));

  return (
    <PageContainer
      testId="rulebook-page"
      title={reg?.title ?? t('menu.rulebook')}
      tags={
        reg && (
          <>
            <Tag color="blue">{currentPack?.title ?? reg.pack}</Tag>
            <Tag>
              {t('pages.rulebook.version', { version: reg.version })} ·{' '}
              {reg.validTo
                ? t('pages.rulebook.validRange', { from: reg.validFrom, to: reg.validTo })
                : t('pages.rulebook.validFrom', { from: reg.validFrom })}
            </Tag>
          </>
        )
      }
      extra={
        <>
          <Select
            style={{ width: 220 }}
            value={values.pack ?? reg?.pack}
            options={packOptions}
            loading={packs.loading}
            onChange={(pack) => update({ pack })}
            data-testid="pack-select"
          />
          <DatePicker
            placeholder={t('pages.rulebook.on')}
            value={values.on ? dayjs(values.on) : null}
            onChange={(d) => update({ on: d ? d.format('YYYY-MM-DD') : undefined })}
          />
          <Button
            icon={<ExperimentOutlined />}
            onClick={() =>
              navigate(`/simulator${values.pack ? `?pack=${encodeURIComponent(values.pack)}` : ''}`)
            }
          >
            {t('menu.simulator')}
          </Button>
        </>
      }
      description={
        <Input.Search
          size="large"
          allowClear
          enterButton={t('common.search')}
          key={q}
          defaultValue={q}
          placeholder={t('pages.rulebook.searchPlaceholder')}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ maxWidth: 720 }}
          data-testid="rulebook-search"
        />
      }
    >
      {regulation.error ? (
        <LoadError error={regulation.error} onRetry={regulation.reload} />
      ) : !reg ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Row gutter={16}>
          <Col xs={0} lg={6}>
            <Card variant="borderless" size="small" className="wz-toc" title={t('pages.rulebook.toc')}>
              <Anchor items={tocItems} targetOffset={HEADER_OFFSET} offsetTop={72} affix={false} replace />
            </Card>
          </Col>
          <Col xs={24} lg={18}>
            {q && <SearchResults query={q} hits={search.data?.hits} loading={search.loading} onOpen={open} />}
            {reg.chapters.length === 0 ? (
              <Empty />
            ) : (
              reg.chapters.map((c) => <ChapterCard key={c.number} chapter={c} query={q} pack={values.pack} />)
            )}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('pages.rulebook.footnote')}
            </Typography.Paragraph>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}

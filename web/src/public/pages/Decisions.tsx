// 行政执法决定公示: the published licensing and penalty decisions, newest first, filtered by category,
// year and a search (kept in the address), a page at a time; a tap opens the decision. Natural
// persons appear masked (张某某), as the server publishes them; the open data of the same filter
// can be downloaded as JSON or CSV.
import { useState } from 'react';
import {
  type DecisionCategory,
  decisionPath,
  listDecisions,
  openDataUrl,
  type PublicDecision,
} from '../decisions';
import { ListFoot, SearchForm, usePagedList } from '../disclosure-ui';
import { t } from '../intl';
import { Link, navigate, useLocation } from '../router';
import { Icon } from '../ui';

const CATEGORIES: (DecisionCategory | '')[] = ['', 'licensing', 'penalty'];

function DecisionEntry({ d }: { d: PublicDecision }) {
  const party = d.fields.party;
  return (
    <Link to={decisionPath(d.id)} className="pp-entry" data-testid={`decision-${d.id}`}>
      <span className="pp-entry-text">
        <span className="pp-duty-head">
          <strong>{d.fields.itemName ?? d.categoryLabel}</strong>
          <span className="pp-chip">{d.categoryLabel}</span>
        </span>
        {party?.name && (
          <span className="pp-small">
            {t('portal.decisions.party')}：{party.name}
          </span>
        )}
        <span className="pp-muted pp-small">
          {d.agency.name} · {t('portal.decisions.decidedOn', { on: d.decidedOn })}
        </span>
        {d.fields.documentNo && <span className="pp-muted pp-small">{d.fields.documentNo}</span>}
      </span>
      <Icon name="right" />
    </Link>
  );
}

export default function Decisions() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const category = (query.get('category') ?? '') as DecisionCategory | '';
  const yearText = query.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const filter = { q: q || undefined, category: category || undefined, year };
  const go = (next: { q?: string; category?: string; year?: string }) => {
    const p = new URLSearchParams();
    const merged = { q, category, year: yearText, ...next };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    const s = p.toString();
    navigate(s ? `/public/decisions?${s}` : '/public/decisions', { replace: true });
  };
  // More than the server counts to: shown as "N+".
  const [capped, setCapped] = useState(false);
  const list = usePagedList(
    (page, signal) =>
      listDecisions(filter, page, signal).then((r) => {
        setCapped(r.totalCapped);
        return r;
      }),
    `${q}|${category}|${yearText}`,
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <div data-testid="decisions-page">
      <Link to="/public" className="pp-back">
        <Icon name="back" /> {t('common.back')}
      </Link>
      <h1 className="pp-title">{t('portal.decisions.title')}</h1>
      <p className="pp-muted">{t('portal.decisions.intro')}</p>
      <SearchForm
        value={q}
        label={t('portal.decisions.search')}
        placeholder={t('portal.decisions.search')}
        onSearch={(next) => go({ q: next })}
        testId="decisions-search"
      />
      <fieldset className="pp-filters">
        <legend className="pp-visually-hidden">{t('portal.decisions.category')}</legend>
        {CATEGORIES.map((c) => (
          <button
            key={c || 'all'}
            type="button"
            className={`pp-btn pp-btn-small${c === category ? ' pp-btn-primary' : ''}`}
            aria-pressed={c === category}
            onClick={() => go({ category: c })}
            data-testid={`decisions-category-${c || 'all'}`}
          >
            {t(`portal.decisions.cat.${c || 'all'}`)}
          </button>
        ))}
        <select
          className="pp-input pp-input-small"
          aria-label={t('portal.decisions.year')}
          value={yearText}
          onChange={(e) => go({ year: e.target.value })}
          data-testid="decisions-year"
        >
          <option value="">{t('portal.decisions.allYears')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </fieldset>
      {list.total !== null && (
        <p className="pp-muted pp-small" data-testid="decisions-total">
          {t('portal.decisions.count', { n: capped ? `${list.total}+` : list.total })}
        </p>
      )}
      {list.total === 0 ? (
        <p className="pp-empty" data-testid="decisions-empty">
          {t('portal.decisions.none')}
        </p>
      ) : (
        <div className="pp-stack" data-testid="decisions-list">
          {list.items.map((d) => (
            <DecisionEntry key={d.id} d={d} />
          ))}
        </div>
      )}
      <ListFoot list={list} testId="decisions" />
      <p className="pp-muted pp-small pp-gap-top">
        {t('portal.decisions.openData')}{' '}
        <a href={openDataUrl(filter, 'csv')} download data-testid="decisions-csv">
          CSV
        </a>{' '}
        ·{' '}
        <a href={openDataUrl(filter, 'json')} data-testid="decisions-json">
          JSON
        </a>
      </p>
    </div>
  );
}

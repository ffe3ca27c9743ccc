// 执法主体 (事前公开): the enforcement bodies in service, searchable by name (?q= keeps the search in the
// address), each with its region, its kind and the count of its duty-list items by type; a tap opens
// the agency's page.
import { useApi } from '../../hooks/useApi';
import { agencyPath, type DisclosedAgency, listAgencies } from '../agencies';
import { SearchForm } from '../disclosure-ui';
import { t } from '../intl';
import { Link, navigate, useLocation } from '../router';
import { failure } from '../service';
import { Alert, Icon, Loading } from '../ui';

function AgencyEntry({ a }: { a: DisclosedAgency }) {
  return (
    <Link to={agencyPath(a.id)} className="pp-entry pp-agency" data-testid={`agency-${a.id}`}>
      <span className="pp-entry-text">
        <strong>{a.name}</strong>
        <span className="pp-muted pp-small">
          {a.regionName} · {a.kindLabel}
        </span>
        <span className="pp-small">
          {a.duties.total === 0
            ? t('portal.disclosure.noList')
            : t('portal.disclosure.listCount', {
                n: a.duties.total,
                types: a.duties.byType.map((x) => `${x.label} ${x.count}`).join('、'),
              })}
        </span>
      </span>
      <Icon name="right" />
    </Link>
  );
}

export default function Agencies() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const list = useApi((signal) => listAgencies(q || undefined, signal), [q]);
  const search = (next: string) =>
    navigate(next ? `/public/agencies?q=${encodeURIComponent(next)}` : '/public/agencies', { replace: true });
  return (
    <div data-testid="agencies-page">
      <Link to="/public" className="pp-back">
        <Icon name="back" /> {t('common.back')}
      </Link>
      <h1 className="pp-title">{t('portal.disclosure.agencies')}</h1>
      <p className="pp-muted">{t('portal.disclosure.agenciesIntro')}</p>
      <SearchForm
        value={q}
        label={t('portal.disclosure.searchAgencies')}
        placeholder={t('portal.disclosure.searchAgencies')}
        onSearch={search}
        testId="agencies-search"
      />
      {list.error ? (
        <Alert type="error" title={failure(list.error)} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="pp-empty" data-testid="agencies-empty">
          {t('portal.disclosure.noAgencies')}
        </p>
      ) : (
        <>
          <p className="pp-muted pp-small">
            {t('portal.disclosure.agencyCount', { n: list.data.items.length })}
          </p>
          <div className="pp-stack" data-testid="agencies-list">
            {list.data.items.map((a) => (
              <AgencyEntry key={a.id} a={a} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

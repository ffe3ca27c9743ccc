// The public portal's frame: no login, no side menu — a plain header with the product's mark and a
// way to the staff login, the page in a phone-width column, and a footer.
import { Suspense, useEffect } from 'react';
import { t } from './intl';
import { Link, useLocation } from './router';
import { PORTAL_ROUTES } from './routes';
import { Card, ErrorBoundary, Icon, Loading } from './ui';

function NotFound() {
  return (
    <Card data-testid="public-not-found">
      <h1 className="pp-title">{t('portal.notFound')}</h1>
      <p className="pp-muted">{t('portal.notFoundHint')}</p>
      <Link to="/public" className="pp-btn pp-btn-primary pp-btn-block">
        {t('portal.home')}
      </Link>
    </Card>
  );
}

export default function App() {
  const { path } = useLocation();
  const route = PORTAL_ROUTES.find((r) => r.path === path);
  useEffect(() => {
    document.title = `${t('pages.public.title')} · ${t('app.name')} ${t('app.nameEn')}`;
  }, []);
  const Page = route?.page;
  return (
    <div className="pp" data-testid="public-layout">
      <header className="pp-header">
        <Link to="/public" className="pp-brand">
          <span className="pp-seal" aria-hidden="true">
            问
          </span>
          <span className="pp-brand-text">
            <span className="pp-brand-name">{t('pages.public.title')}</span>
            <span className="pp-brand-sub">{t('app.fullName')}</span>
          </span>
        </Link>
        <a href="/login" className="pp-login" data-testid="public-staff-login">
          <Icon name="login" /> {t('pages.public.staffLogin')}
        </a>
      </header>
      <main className="pp-main">
        <ErrorBoundary key={path}>
          <Suspense fallback={<Loading />}>{Page ? <Page /> : <NotFound />}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="pp-footer">
        <div>{t('pages.public.footer')}</div>
        <div>{t('app.footer')}</div>
      </footer>
    </div>
  );
}

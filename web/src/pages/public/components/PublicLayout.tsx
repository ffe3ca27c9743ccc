// The public site's frame: no login, no side menu — a plain header with the product's mark
// and a way to the staff login, the page centred in a phone-width column, and a footer.
import { LoginOutlined } from '@ant-design/icons';
import { Suspense, useEffect } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { ErrorBoundary, PageLoading } from '../../../components/Status';
import { Seal } from '../../../layouts/Logo';
import { useIntl } from '../../../locales/intl';

export default function PublicLayout() {
  const { t } = useIntl();
  useEffect(() => {
    document.title = `${t('pages.public.title')} · ${t('app.name')} ${t('app.nameEn')}`;
  }, [t]);
  return (
    <div className="wz-public" data-testid="public-layout">
      <header className="wz-public-header">
        <Link to="/public" className="wz-public-brand">
          <Seal size={34} />
          <span>
            <span className="wz-public-name">{t('pages.public.title')}</span>
            <span className="wz-public-sub">{t('app.fullName')}</span>
          </span>
        </Link>
        <Link to="/login" className="wz-public-login" data-testid="public-staff-login">
          <LoginOutlined /> {t('pages.public.staffLogin')}
        </Link>
      </header>
      <main className="wz-public-main">
        <ErrorBoundary>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="wz-public-footer">
        <div>{t('pages.public.footer')}</div>
        <div>{t('app.footer')}</div>
      </footer>
    </div>
  );
}

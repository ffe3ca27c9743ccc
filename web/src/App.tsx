// Providers (language, antd theme and locale, session) and the router.
import { App as AntApp, ConfigProvider, theme } from 'antd';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { accessOf } from './access';
import { ErrorBoundary, PageLoading } from './components/Status';
import { useReducedMotion } from './hooks/useReducedMotion';
import BasicLayout from './layouts/BasicLayout';
import { IntlProvider, useIntl } from './locales/intl';
import { Forbidden, NotFound } from './pages/exception';
import { ROUTES } from './routes';
import { SessionProvider, useSession } from './session';

const LoginPage = lazy(() => import('./pages/login'));

/** The public portal is a page of its own (public.html, web/src/public): reached from here, it is loaded. */
function ToPortal() {
  const { pathname, search, hash } = useLocation();
  useEffect(() => window.location.replace(pathname + search + hash), [pathname, search, hash]);
  return <PageLoading />;
}

const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f2747', headerBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: {
      darkItemBg: '#0f2747',
      darkSubMenuItemBg: '#0b1f3a',
      darkItemSelectedBg: '#1d4f91',
      darkGroupTitleColor: 'rgba(255,255,255,0.45)',
    },
  },
};

function RequireSession() {
  const { status, user, restriction } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'anonymous') {
    const back = location.pathname + location.search;
    const to = back === '/' || back === '/home' ? '/login' : `/login?redirect=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  // Until the password is changed or two-factor sign-in enrolled, the account page is all there is.
  if (restriction && location.pathname !== '/account') return <Navigate to="/account" replace />;
  const access = accessOf(user);
  return (
    <Routes>
      <Route element={<BasicLayout />}>
        <Route index element={<Navigate to="/home" replace />} />
        {ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={access[r.access] ? <r.page /> : <Forbidden />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function Themed() {
  const { antdLocale } = useIntl();
  const still = useReducedMotion();
  const themed = useMemo(
    () => (still ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME),
    [still],
  );
  return (
    <ConfigProvider locale={antdLocale} theme={themed}>
      <AntApp>
        <ErrorBoundary>
          <SessionProvider>
            <BrowserRouter>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  {/* The public channel: no login, its own bundle without antd. */}
                  <Route path="/public/*" element={<ToPortal />} />
                  <Route path="*" element={<RequireSession />} />
                </Routes>
              </Suspense>
            </BrowserRouter>
          </SessionProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <IntlProvider>
      <Themed />
    </IntlProvider>
  );
}

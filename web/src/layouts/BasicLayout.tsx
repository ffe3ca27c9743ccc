// The console frame: side menu by role, header with jurisdiction, role, language and the
// user's menu (change password, log out), and the page in an error boundary.
import {
  DownOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App,
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Layout,
  Menu,
  type MenuProps,
  Tooltip,
  Typography,
} from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, matchPath, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { accessOf } from '../access';
import { ErrorBoundary, PageLoading } from '../components/Status';
import { RoleTag } from '../components/tags';
import { useApi } from '../hooks/useApi';
import { usePhone } from '../hooks/usePhone';
import { useRegions } from '../hooks/useRegions';
import { LOCALES, type Locale } from '../locales';
import { useIntl } from '../locales/intl';
import { MENU_GROUPS, ROUTES } from '../routes';
import { api } from '../services/request';
import { useSession, useUser } from '../session';
import ChangePasswordModal from './ChangePasswordModal';
import Logo, { Seal } from './Logo';

const COLLAPSE_KEY = 'wenze.siderCollapsed';

function useSelectedMenuKey(): string | undefined {
  const { pathname } = useLocation();
  for (const r of ROUTES) {
    if (matchPath(r.path, pathname)) return r.menu ? r.path : r.parent;
  }
  return undefined;
}

function Jurisdiction() {
  const user = useUser();
  const { t } = useIntl();
  const regions = useRegions();
  const agency = useApi(
    () =>
      user.agencyId
        ? api.get<{ name: string }>(`/api/v1/agencies/${encodeURIComponent(user.agencyId)}`)
        : Promise.resolve(null),
    [user.agencyId],
  );
  const region = regions.nameOf(user.regionCode);
  const text = agency.data?.name ?? region;
  return (
    <Tooltip title={user.agencyId ? t('layout.agency') : t('layout.jurisdiction')}>
      <span className="wz-header-item" data-testid="header-jurisdiction">
        <EnvironmentOutlined />
        <span>{text || user.regionCode}</span>
      </span>
    </Tooltip>
  );
}

export default function BasicLayout() {
  const { t, locale, setLocale } = useIntl();
  const { logout } = useSession();
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const [passwordOpen, setPasswordOpen] = useState(false);
  // On a phone the side menu is a drawer, opened from the header.
  const phone = usePhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const selected = useSelectedMenuKey();
  const pageName = ROUTES.find((r) => r.path === selected)?.menu?.name;

  // A new page (a menu click, a link) closes the menu drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every navigation is the point
  useEffect(() => setMenuOpen(false), [location.pathname, phone]);

  useEffect(() => {
    const product = `${t('app.name')} ${t('app.nameEn')}`;
    document.title = pageName ? `${t(pageName)} · ${product}` : product;
  }, [pageName, t]);

  const menuItems = useMemo<MenuProps['items']>(() => {
    const access = accessOf(user);
    const visible = ROUTES.filter((r) => r.menu && access[r.access]);
    return MENU_GROUPS.flatMap((g): NonNullable<MenuProps['items']> => {
      const items = visible
        .filter((r) => r.menu!.group === g.key)
        .map((r) => ({
          key: r.path,
          icon: r.menu!.icon,
          label: <span data-testid={`menu-${r.path.slice(1)}`}>{t(r.menu!.name)}</span>,
        }));
      if (items.length === 0) return [];
      return g.name ? [{ type: 'group' as const, key: g.key, label: t(g.name), children: items }] : items;
    });
  }, [user, t]);

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
      return !c;
    });
  };

  const onLogout = async () => {
    await logout();
    message.success(t('layout.loggedOut'));
    navigate('/login', { replace: true });
  };

  const userMenu: MenuProps['items'] = [
    // On a phone the header has no room for the name: the menu says who is signed in.
    ...(phone ? [{ key: 'who', label: user.displayName, disabled: true }, { type: 'divider' as const }] : []),
    {
      key: 'account',
      icon: <SafetyOutlined />,
      label: <span data-testid="menu-account">{t('menu.account')}</span>,
    },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('layout.changePassword')}</span>,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="menu-logout">{t('layout.logout')}</span>,
      danger: true,
    },
  ];

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={menuItems}
      onClick={(e) => navigate(e.key)}
      data-testid="side-menu"
    />
  );

  return (
    <Layout className={phone ? 'wz-layout wz-layout-phone' : 'wz-layout'}>
      {phone ? (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={256}
          closable={false}
          rootClassName="wz-menu-drawer"
          data-testid="menu-drawer"
        >
          <Logo collapsed={false} />
          <Flex vertical className="wz-menu-drawer-user">
            <Jurisdiction />
            <span className="wz-header-item">
              <RoleTag role={user.role} />
            </span>
          </Flex>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={224}
          collapsedWidth={64}
          className="wz-sider"
          breakpoint="xl"
          // Narrow windows collapse the menu; wide again, the user's own choice comes back.
          onBreakpoint={(broken) => setCollapsed(broken || localStorage.getItem(COLLAPSE_KEY) === '1')}
        >
          <Logo collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="wz-header">
          {phone ? (
            <Flex align="center" gap={4} className="wz-header-left">
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setMenuOpen(true)}
                aria-label={t('layout.menu')}
                data-testid="menu-button"
              />
              <Link to="/home" className="wz-header-brand" aria-label={t('app.name')}>
                <Seal size={26} />
                <span>{t('app.name')}</span>
              </Link>
            </Flex>
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
            />
          )}
          <Flex align="center" gap={phone ? 0 : 4} className="wz-header-right">
            {!phone && (
              <>
                <Jurisdiction />
                <span className="wz-header-item">
                  <RoleTag role={user.role} />
                </span>
              </>
            )}
            <Dropdown
              menu={{
                items: LOCALES.map((l) => ({ key: l.key, label: l.label })),
                selectable: true,
                selectedKeys: [locale],
                onClick: (e) => setLocale(e.key as Locale),
              }}
            >
              <span
                className="wz-header-item wz-clickable"
                data-testid="locale-switch"
                title={t('layout.language')}
              >
                <GlobalOutlined />
                {!phone && <span>{LOCALES.find((l) => l.key === locale)?.label}</span>}
              </span>
            </Dropdown>
            <Dropdown
              menu={{
                items: userMenu,
                onClick: (e) =>
                  e.key === 'logout'
                    ? onLogout()
                    : e.key === 'account'
                      ? navigate('/account')
                      : setPasswordOpen(true),
              }}
            >
              <span className="wz-header-item wz-clickable" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4f91' }} />
                {!phone && (
                  <Typography.Text className="wz-header-user" ellipsis>
                    {user.displayName}
                  </Typography.Text>
                )}
                <DownOutlined style={{ fontSize: 10 }} />
              </span>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="wz-content">
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
        <Layout.Footer className="wz-footer">
          {t('app.footer')} ·{' '}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            {t('layout.apiDocs')}
          </a>
        </Layout.Footer>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}

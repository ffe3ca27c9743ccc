// The console's pages: path, menu entry (locale key and icon), the access key that shows
// it, and the lazily loaded page. The side menu is built from this list.
import {
  BankOutlined,
  BookOutlined,
  ExperimentOutlined,
  HomeOutlined,
  IdcardOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { AccessKey } from './access';

export interface AppRoute {
  path: string;
  access: AccessKey;
  page: LazyExoticComponent<ComponentType>;
  /** Shown in the side menu under this locale key; detail pages have none. */
  menu?: { name: string; icon: ReactNode; group: MenuGroup };
  /** The menu item to highlight for a page not in the menu. */
  parent?: string;
}

export type MenuGroup = 'main' | 'organisation' | 'rules' | 'system';

export const MENU_GROUPS: { key: MenuGroup; name?: string }[] = [
  { key: 'main' },
  { key: 'organisation', name: 'menu.group.organisation' },
  { key: 'rules', name: 'menu.group.rules' },
  { key: 'system', name: 'menu.group.system' },
];

export const ROUTES: AppRoute[] = [
  {
    path: '/home',
    access: 'home',
    page: lazy(() => import('./pages/home')),
    menu: { name: 'menu.home', icon: <HomeOutlined />, group: 'main' },
  },
  {
    path: '/me',
    access: 'ownRecord',
    page: lazy(() => import('./pages/me')),
    menu: { name: 'menu.me', icon: <IdcardOutlined />, group: 'main' },
  },
  {
    path: '/agencies',
    access: 'agencies',
    page: lazy(() => import('./pages/agencies')),
    menu: { name: 'menu.agencies', icon: <BankOutlined />, group: 'organisation' },
  },
  {
    path: '/agencies/:id',
    access: 'agencies',
    page: lazy(() => import('./pages/agencies/detail')),
    parent: '/agencies',
  },
  {
    path: '/officers',
    access: 'officers',
    page: lazy(() => import('./pages/officers')),
    menu: { name: 'menu.officers', icon: <SolutionOutlined />, group: 'organisation' },
  },
  {
    path: '/officers/:id',
    access: 'officers',
    page: lazy(() => import('./pages/officers/detail')),
    parent: '/officers',
  },
  {
    path: '/rulebook',
    access: 'rulebook',
    page: lazy(() => import('./pages/rulebook')),
    menu: { name: 'menu.rulebook', icon: <BookOutlined />, group: 'rules' },
  },
  {
    path: '/simulator',
    access: 'simulator',
    page: lazy(() => import('./pages/simulator')),
    menu: { name: 'menu.simulator', icon: <ExperimentOutlined />, group: 'rules' },
  },
  {
    path: '/users',
    access: 'users',
    page: lazy(() => import('./pages/users')),
    menu: { name: 'menu.users', icon: <TeamOutlined />, group: 'system' },
  },
];

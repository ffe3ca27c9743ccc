// The console's pages: path, menu entry (locale key and icon), the access key that shows
// it, and the lazily loaded page. The side menu is built from this list.
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
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

export type MenuGroup = 'main' | 'cases' | 'organisation' | 'rules' | 'system';

export const MENU_GROUPS: { key: MenuGroup; name?: string }[] = [
  { key: 'main' },
  { key: 'cases', name: 'menu.group.cases' },
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
    path: '/my-cases',
    access: 'myCases',
    page: lazy(() => import('./pages/cases')),
    menu: { name: 'menu.myCases', icon: <FileSearchOutlined />, group: 'main' },
  },
  {
    path: '/my-cases/:id',
    access: 'myCases',
    page: lazy(() => import('./pages/cases/detail')),
    parent: '/my-cases',
  },
  {
    path: '/supervision',
    access: 'supervision',
    page: lazy(() => import('./pages/supervision')),
    menu: { name: 'menu.supervision', icon: <DashboardOutlined />, group: 'cases' },
  },
  {
    path: '/supervision/acts',
    access: 'supervision',
    page: lazy(() => import('./pages/supervision/acts')),
    parent: '/supervision',
  },
  {
    path: '/publications',
    access: 'supervision',
    page: lazy(() => import('./pages/publications')),
    menu: { name: 'menu.publications', icon: <FileDoneOutlined />, group: 'cases' },
  },
  {
    path: '/leads',
    access: 'leads',
    page: lazy(() => import('./pages/leads')),
    menu: { name: 'menu.leads', icon: <InboxOutlined />, group: 'cases' },
  },
  {
    path: '/cases',
    access: 'cases',
    page: lazy(() => import('./pages/cases')),
    menu: { name: 'menu.cases', icon: <FolderOpenOutlined />, group: 'cases' },
  },
  {
    path: '/cases/:id',
    access: 'cases',
    page: lazy(() => import('./pages/cases/detail')),
    parent: '/cases',
  },
  {
    path: '/due',
    access: 'dueSoon',
    page: lazy(() => import('./pages/cases/due')),
    menu: { name: 'menu.due', icon: <AlertOutlined />, group: 'cases' },
  },
  {
    path: '/referrals',
    access: 'referrals',
    page: lazy(() => import('./pages/referrals')),
    menu: { name: 'menu.referrals', icon: <SendOutlined />, group: 'cases' },
  },
  {
    // A referral organ's user reads the case file referred to it (the server answers view 'organ').
    path: '/referrals/:id',
    access: 'referrals',
    page: lazy(() => import('./pages/cases/detail')),
    parent: '/referrals',
  },
  {
    path: '/pre-registrations',
    access: 'preRegistrations',
    page: lazy(() => import('./pages/pre-registrations')),
    menu: { name: 'menu.preRegistrations', icon: <FileProtectOutlined />, group: 'cases' },
  },
  {
    path: '/pre-registrations/:id',
    access: 'preRegistrations',
    page: lazy(() => import('./pages/pre-registrations/detail')),
    parent: '/pre-registrations',
  },
  {
    path: '/tolerance',
    access: 'tolerance',
    page: lazy(() => import('./pages/tolerance')),
    menu: { name: 'menu.tolerance', icon: <SafetyCertificateOutlined />, group: 'cases' },
  },
  {
    path: '/tolerance/:id',
    access: 'tolerance',
    page: lazy(() => import('./pages/tolerance/detail')),
    parent: '/tolerance',
  },
  {
    path: '/review',
    access: 'review',
    page: lazy(() => import('./pages/review')),
    menu: { name: 'menu.review', icon: <FileDoneOutlined />, group: 'cases' },
  },
  {
    path: '/review/:id',
    access: 'review',
    page: lazy(() => import('./pages/review/detail')),
    parent: '/review',
  },
  {
    path: '/review/files/:fileId',
    access: 'review',
    page: lazy(() => import('./pages/review/file')),
    parent: '/review',
  },
  {
    path: '/evaluation',
    access: 'evaluation',
    page: lazy(() => import('./pages/evaluation')),
    menu: { name: 'menu.evaluation', icon: <CommentOutlined />, group: 'cases' },
  },
  {
    path: '/evaluation/:id',
    access: 'evaluation',
    page: lazy(() => import('./pages/evaluation/detail')),
    parent: '/evaluation',
  },
  {
    path: '/assessment',
    access: 'assessment',
    page: lazy(() => import('./pages/assessment')),
    menu: { name: 'menu.assessment', icon: <TrophyOutlined />, group: 'cases' },
  },
  {
    path: '/appeals',
    access: 'appeals',
    page: lazy(() => import('./pages/appeals')),
    menu: { name: 'menu.appeals', icon: <FlagOutlined />, group: 'cases' },
  },
  {
    path: '/appeals/:id',
    access: 'appeals',
    page: lazy(() => import('./pages/appeals/detail')),
    parent: '/appeals',
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
    path: '/duties',
    access: 'duties',
    page: lazy(() => import('./pages/duties')),
    menu: { name: 'menu.duties', icon: <ProfileOutlined />, group: 'organisation' },
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
  {
    path: '/audit-log',
    access: 'auditLog',
    page: lazy(() => import('./pages/audit-log')),
    menu: { name: 'menu.auditLog', icon: <AuditOutlined />, group: 'system' },
  },
  {
    path: '/account',
    access: 'account',
    page: lazy(() => import('./pages/account')),
  },
  {
    path: '/calendar',
    access: 'calendar',
    page: lazy(() => import('./pages/calendar')),
    menu: { name: 'menu.calendar', icon: <CalendarOutlined />, group: 'system' },
  },
];

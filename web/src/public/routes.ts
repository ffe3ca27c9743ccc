// The portal's pages: each path with its page, loaded when first visited. A new public page is a
// file under pages/ and a line here (plain React and public.css; antd is the console's).
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export interface PortalRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

export const PORTAL_ROUTES: PortalRoute[] = [
  { path: '/public', page: lazy(() => import('./pages/Home')) },
  { path: '/public/complaint', page: lazy(() => import('./pages/Complaint')) },
  { path: '/public/track', page: lazy(() => import('./pages/Track')) },
  // 事前公开: the enforcement bodies, and one body's duty list, officers and relief channels.
  { path: '/public/agencies', page: lazy(() => import('./pages/Agencies')) },
  { path: '/public/agency', page: lazy(() => import('./pages/Agency')) },
  // 外部评议: the form behind a one-time code (?code=…), or a field to type it.
  { path: '/public/evaluate', page: lazy(() => import('./pages/Evaluate')) },
  // 事后公开 (双公示): the published licensing and penalty decisions, and one decision.
  { path: '/public/decisions', page: lazy(() => import('./pages/Decisions')) },
  { path: '/public/decision', page: lazy(() => import('./pages/Decision')) },
  // 执法监督统计 (aggregate counts) and the annual report (行政执法年度报告, .docx too).
  { path: '/public/statistics', page: lazy(() => import('./pages/Statistics')) },
  { path: '/public/annual-report', page: lazy(() => import('./pages/AnnualReport')) },
];

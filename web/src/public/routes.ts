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
];

import { BellOutlined, HomeOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/** Side-menu groups, in display order; a group with no permitted page is not shown. */
export const MENU_GROUPS = ['workspace', 'organization', 'administration'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** A permission as the server's routes declare it (`scope: 'site'` = held at some site is enough). */
export type PagePermission = { permission: string; scope?: 'org' | 'site' };

/**
 * One page of the signed-in application. The router and the side menu are
 * both built from this list, so every menu item leads to a real page and
 * shows only for a user who may open it; typing the address of a page one
 * may not open shows "no access" (the server refuses the API calls anyway).
 */
export type PageDef = {
  /** Path under the root, without the leading slash; '' is the home page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Omitted: every signed-in user. */
  permission?: PagePermission;
  menu?: {
    group: MenuGroup;
    label: (t: TFunction) => string;
    icon: ReactNode;
  };
};

// Each page is its own chunk: a person downloads only the pages they open.
const HomePage = lazy(() => import('./home/home-page.tsx'));
const NotificationsPage = lazy(() => import('./notifications/notifications-page.tsx'));
const ChangePasswordPage = lazy(() => import('./auth/change-password-page.tsx'));

/** Modules add their pages here (from `web/src/modules/<module>/pages.tsx`), in menu order. */
export const PAGES: PageDef[] = [
  {
    path: '',
    page: HomePage,
    menu: { group: 'workspace', label: (t) => t('nav.home'), icon: <HomeOutlined /> },
  },
  {
    path: 'notifications',
    page: NotificationsPage,
    menu: { group: 'workspace', label: (t) => t('nav.notifications'), icon: <BellOutlined /> },
  },
  { path: 'account/password', page: ChangePasswordPage },
];

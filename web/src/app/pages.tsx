export {
  MENU_GROUPS,
  menuLabel,
  type MenuGroup,
  type PageDef,
  type PagePermission,
} from './page-def.ts';
import { BellOutlined, HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from './page-def.ts';
import { ASSETS_OPERATIONS_PAGES } from '../modules/assets/operations/pages.tsx';
import { STOCKTAKE_PAGES } from '../modules/assets/stocktake/pages.tsx';
import { ASSETS_REGISTER_PAGES } from '../modules/assets/register/pages.tsx';
import { STORES_PAGES } from '../modules/assets/stores/pages.tsx';
import { MAINTENANCE_MANAGE_PAGES } from '../modules/maintenance/manage/pages.tsx';
import { MAINTENANCE_SETTINGS_PAGES } from '../modules/maintenance/settings/pages.tsx';
import { MAINTENANCE_WORK_PAGES } from '../modules/maintenance/work/pages.tsx';
import { PLACES_PAGES } from '../modules/org/places/pages.tsx';
import { PEOPLE_PAGES } from '../modules/org/people/pages.tsx';
import { ACCOUNTS_PAGES } from '../system/accounts/pages.tsx';
import { OPERATIONS_PAGES } from '../system/operations/pages.tsx';

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
  ...MAINTENANCE_WORK_PAGES,
  ...MAINTENANCE_MANAGE_PAGES,
  ...MAINTENANCE_SETTINGS_PAGES,
  ...ASSETS_REGISTER_PAGES,
  ...ASSETS_OPERATIONS_PAGES,
  ...STOCKTAKE_PAGES,
  ...STORES_PAGES,
  ...PLACES_PAGES,
  ...PEOPLE_PAGES,
  ...ACCOUNTS_PAGES,
  ...OPERATIONS_PAGES,
];

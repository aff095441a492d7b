import { DatabaseOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: a phone scanning a label loads neither the list nor the forms.
const AssetsPage = lazy(() => import('./assets-page.tsx'));
const AssetPage = lazy(() => import('./asset-page.tsx'));
const LabelsPage = lazy(() => import('./labels-page.tsx'));
const QrLandingPage = lazy(() => import('./qr-landing-page.tsx'));
const CategoriesPage = lazy(() => import('./categories-page.tsx'));
const ReportsPage = lazy(() => import('./reports-page.tsx'));
const CustodyPage = lazy(() => import('./custody-page.tsx'));

const READ = { permission: 'assets:read', scope: 'site' } as const;

/**
 * The asset register. The list, a card, its QR landing and labels need no
 * permission of their own: GET /api/assets answers each user what they may
 * see (site readers their sites, a department head the department's cards,
 * staff the cards in their custody). Categories are organisation-wide.
 */
export const ASSETS_REGISTER_PAGES: PageDef[] = [
  {
    path: 'assets',
    page: AssetsPage,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '资产台账', en: 'Asset register' },
      icon: <DatabaseOutlined />,
    },
  },
  { path: 'assets/labels', page: LabelsPage, bare: true },
  {
    path: 'assets/categories',
    page: CategoriesPage,
    permission: { permission: 'assets:manage', scope: 'org' },
  },
  { path: 'assets/reports', page: ReportsPage, permission: READ },
  { path: 'assets/custody/:departmentId', page: CustodyPage, bare: true },
  { path: 'assets/:id', page: AssetPage },
  { path: 'a/:token', page: QrLandingPage, bare: true },
];

import { DatabaseOutlined, FileProtectOutlined } from '@ant-design/icons';
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
const MyCustodyPage = lazy(() => import('./my-custody-page.tsx'));

const atSite = (permission: string) => ({ permission, scope: 'site' }) as const;
const READ = atSite('assets:read');

/**
 * Who sees some cards in the register (register/visibility.ts): site readers,
 * managers, approvers, counters and exporters their sites' cards, a
 * department head (assets:sign) the department's, staff (assets:request)
 * those in their custody. Anyone else would only meet an empty list.
 */
const SEES_CARDS = [
  READ,
  atSite('assets:manage'),
  atSite('assets:approve'),
  atSite('assets:count'),
  atSite('assets:export'),
  atSite('assets:sign'),
  atSite('assets:request'),
];

/**
 * The asset register. GET /api/assets answers each user what they may see,
 * so the list and a card open to everyone in SEES_CARDS. The QR landing and
 * labels stay open (a scan by someone else answers "not found"), as does the
 * printable agreement (the server checks the department). Categories are
 * organisation-wide.
 */
export const ASSETS_REGISTER_PAGES: PageDef[] = [
  {
    path: 'assets',
    page: AssetsPage,
    permission: SEES_CARDS,
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
  {
    // A department head's own agreement (readers reach any department's from the reports).
    path: 'assets/custody',
    page: MyCustodyPage,
    permission: [atSite('assets:sign'), READ, atSite('assets:manage')],
    menu: {
      group: 'assets',
      label: { 'zh-CN': '本部门责任书', en: 'Custody agreement' },
      icon: <FileProtectOutlined />,
    },
  },
  { path: 'assets/custody/:departmentId', page: CustodyPage, bare: true },
  { path: 'assets/:id', page: AssetPage, permission: SEES_CARDS },
  { path: 'a/:token', page: QrLandingPage, bare: true },
];

import { EnvironmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: the QR landing page on a phone loads neither the tree nor the list.
const LocationsPage = lazy(() => import('./locations-page.tsx'));
const LabelsPage = lazy(() => import('./labels-page.tsx'));
const QrLandingPage = lazy(() => import('./qr-landing-page.tsx'));

const READ = { permission: 'locations:read', scope: 'site' } as const;

export const PLACES_PAGES: PageDef[] = [
  {
    path: 'locations',
    page: LocationsPage,
    permission: READ,
    menu: {
      group: 'organization',
      label: { 'zh-CN': '位置管理', en: 'Locations' },
      icon: <EnvironmentOutlined />,
    },
  },
  { path: 'locations/labels', page: LabelsPage, permission: READ, bare: true },
  // What a scanned label opens; GET /api/locations/by-qr needs locations:read at the label's site.
  { path: 'r/:token', page: QrLandingPage, permission: READ, bare: true },
];

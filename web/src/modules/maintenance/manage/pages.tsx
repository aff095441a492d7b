import { BarChartOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: the dashboard's charts load only with the dashboard.
const DispatchPage = lazy(() => import('./dispatch-page.tsx'));
const DashboardPage = lazy(() => import('./dashboard-page.tsx'));

/** The dispatcher's and the manager's pages; the work-order detail is the work area's. */
export const MAINTENANCE_MANAGE_PAGES: PageDef[] = [
  {
    path: 'maintenance/dispatch',
    page: DispatchPage,
    permission: { permission: 'maintenance:dispatch', scope: 'site' },
    menu: {
      group: 'maintenance',
      label: { 'zh-CN': '派工调度', en: 'Dispatch' },
      icon: <ScheduleOutlined />,
    },
  },
  {
    path: 'maintenance/dashboard',
    page: DashboardPage,
    permission: { permission: 'maintenance:read', scope: 'site' },
    menu: {
      group: 'maintenance',
      label: { 'zh-CN': '维修统计', en: 'Statistics' },
      icon: <BarChartOutlined />,
    },
  },
];

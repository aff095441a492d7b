import { ProfileOutlined, ToolOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: a phone that scans a label loads only the report form.
const ReportPage = lazy(() => import('./report-page.tsx'));
const MyRequestsPage = lazy(() => import('./my-requests-page.tsx'));
const MyTasksPage = lazy(() => import('./my-tasks-page.tsx'));
const WorkOrderPage = lazy(() => import('./work-order-page.tsx'));

/**
 * The requester's and the technician's pages. Report, my requests and the
 * detail need no permission here: the server scopes what each person sees and
 * refuses a report from someone without maintenance:request.
 */
export const MAINTENANCE_WORK_PAGES: PageDef[] = [
  { path: 'maintenance/report', page: ReportPage },
  {
    path: 'maintenance/my-requests',
    page: MyRequestsPage,
    menu: {
      group: 'maintenance',
      label: { 'zh-CN': '我的报修', en: 'My requests' },
      icon: <ProfileOutlined />,
    },
  },
  {
    path: 'maintenance/my-tasks',
    page: MyTasksPage,
    permission: { permission: 'maintenance:work', scope: 'site' },
    menu: {
      group: 'maintenance',
      label: { 'zh-CN': '我的任务', en: 'My tasks' },
      icon: <ToolOutlined />,
    },
  },
  { path: 'maintenance/work-orders/:id', page: WorkOrderPage },
];

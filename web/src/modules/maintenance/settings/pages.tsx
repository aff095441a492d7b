import { CalendarOutlined, ControlOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk; the settings page loads each tab's chunk when it is opened.
const SettingsPage = lazy(() => import('./settings-page.tsx'));
const RosterPage = lazy(() => import('./roster/roster-page.tsx'));

/** The maintenance manager's settings pages (categories, SLA, teams, roster, rules). */
export const MAINTENANCE_SETTINGS_PAGES: PageDef[] = [
  {
    // Every write is maintenance:manage organisation-wide, and so is reading the SLA and rules.
    path: 'maintenance/settings',
    page: SettingsPage,
    permission: { permission: 'maintenance:manage' },
    menu: {
      group: 'maintenance',
      label: { 'zh-CN': '维修设置', en: 'Maintenance settings' },
      icon: <ControlOutlined />,
    },
  },
  {
    // Dispatchers read teams and rosters (of their sites) to know who is on; managers edit here too.
    path: 'maintenance/roster',
    page: RosterPage,
    permission: { permission: 'maintenance:dispatch', scope: 'site' },
    menu: {
      group: 'maintenance',
      label: { 'zh-CN': '值班表', en: 'Duty roster' },
      icon: <CalendarOutlined />,
    },
  },
];

import { ApartmentOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page is its own chunk.
const DepartmentsPage = lazy(() => import('./departments/departments-page.tsx'));
const PeoplePage = lazy(() => import('./people/people-page.tsx'));
const OrgSettingsPage = lazy(() => import('./settings/org-settings-page.tsx'));

export const PEOPLE_PAGES: PageDef[] = [
  {
    path: 'departments',
    page: DepartmentsPage,
    permission: { permission: 'departments:read' },
    menu: {
      group: 'organization',
      label: { 'zh-CN': '部门', en: 'Departments' },
      icon: <ApartmentOutlined />,
    },
  },
  {
    path: 'people',
    page: PeoplePage,
    permission: { permission: 'people:read' },
    menu: {
      group: 'organization',
      label: { 'zh-CN': '人员', en: 'People' },
      icon: <TeamOutlined />,
    },
  },
  {
    path: 'settings/organization',
    page: OrgSettingsPage,
    permission: { permission: 'org:read' },
    menu: {
      group: 'administration',
      label: { 'zh-CN': '组织设置', en: 'Organisation settings' },
      icon: <SettingOutlined />,
    },
  },
];

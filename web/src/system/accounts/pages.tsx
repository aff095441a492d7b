import { SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../app/page-def.ts';

// Each page its own chunk: only administrators ever download them.
const UsersPage = lazy(() => import('./users/users-page.tsx'));
const RolesPage = lazy(() => import('./roles/roles-page.tsx'));

// GET /api/users and GET /api/roles declare users:read, organisation-wide.
const READ = { permission: 'users:read' } as const;

export const ACCOUNTS_PAGES: PageDef[] = [
  {
    path: 'users',
    page: UsersPage,
    permission: READ,
    menu: {
      group: 'administration',
      label: { 'zh-CN': '用户与授权', en: 'Users and access' },
      icon: <TeamOutlined />,
    },
  },
  {
    path: 'roles',
    page: RolesPage,
    permission: READ,
    menu: {
      group: 'administration',
      label: { 'zh-CN': '角色', en: 'Roles' },
      icon: <SafetyCertificateOutlined />,
    },
  },
];

import {
  DollarOutlined,
  InboxOutlined,
  SettingOutlined,
  SwapOutlined,
  ExportOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: a custodian confirming on a phone loads only the operation page.
const OperationsPage = lazy(() => import('./operations-page.tsx'));
const OperationPage = lazy(() => import('./operation-page.tsx'));
const CompensationsPage = lazy(() => import('./compensations-page.tsx'));
const IdlePage = lazy(() => import('./idle-page.tsx'));
const LoansPage = lazy(() => import('./loans-page.tsx'));
const SettingsPage = lazy(() => import('./settings-page.tsx'));

/**
 * Asset operations, compensation, the idle pool, loans and settings. The
 * operation list and page need no permission here: the server shows each
 * person what concerns them (a custodian their receipts, an approver their
 * approvals); the idle pool is open to department heads, checked per site.
 */
export const ASSETS_OPERATIONS_PAGES: PageDef[] = [
  {
    path: 'assets/operations',
    page: OperationsPage,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '资产业务', en: 'Operations' },
      icon: <SwapOutlined />,
    },
  },
  { path: 'assets/operations/:id', page: OperationPage },
  {
    path: 'assets/loans',
    page: LoansPage,
    permission: { permission: 'assets:read', scope: 'site' },
    menu: {
      group: 'assets',
      label: { 'zh-CN': '借用管理', en: 'Loans' },
      icon: <ExportOutlined />,
    },
  },
  {
    path: 'assets/idle',
    page: IdlePage,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '闲置资产', en: 'Idle assets' },
      icon: <InboxOutlined />,
    },
  },
  {
    path: 'assets/compensations',
    page: CompensationsPage,
    permission: { permission: 'assets:read', scope: 'site' },
    menu: {
      group: 'assets',
      label: { 'zh-CN': '资产赔偿', en: 'Compensation' },
      icon: <DollarOutlined />,
    },
  },
  {
    path: 'assets/settings',
    page: SettingsPage,
    permission: { permission: 'assets:manage' },
    menu: {
      group: 'assets',
      label: { 'zh-CN': '资产设置', en: 'Asset settings' },
      icon: <SettingOutlined />,
    },
  },
];

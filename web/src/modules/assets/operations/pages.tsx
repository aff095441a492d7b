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

const atSite = (permission: string) => ({ permission, scope: 'site' }) as const;

/**
 * Who has operations to see (read-operations.ts): site readers, managers and
 * approvers; department heads (what goes to or was asked by the department);
 * staff (their receipts and loan requests).
 */
const HAS_OPERATIONS = [
  atSite('assets:read'),
  atSite('assets:manage'),
  atSite('assets:approve'),
  atSite('assets:sign'),
  atSite('assets:request'),
];
/** Whose idle pool is not empty of reach (idle-pool.ts idleSites): readers, managers, approvers, heads. */
const SEES_IDLE = [
  atSite('assets:read'),
  atSite('assets:manage'),
  atSite('assets:approve'),
  atSite('assets:sign'),
];

/**
 * Asset operations, compensation, the idle pool, loans and settings. The
 * operation list shows each person what concerns them (a custodian their
 * receipts, an approver their approvals); one operation's page stays open to
 * any signed-in user, because a receipt may be asked of a custodian's
 * account whatever its roles (the server decides). The idle pool is open to
 * department heads, checked per site.
 */
export const ASSETS_OPERATIONS_PAGES: PageDef[] = [
  {
    path: 'assets/operations',
    page: OperationsPage,
    permission: HAS_OPERATIONS,
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
    permission: SEES_IDLE,
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

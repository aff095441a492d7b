import { AuditOutlined, CloudServerOutlined, NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../app/page-def.ts';

// Each page is its own chunk.
const ChannelsPage = lazy(() => import('./channels/channels-page.tsx'));
const AuditPage = lazy(() => import('./audit/audit-page.tsx'));
const SystemPage = lazy(() => import('./system/system-page.tsx'));

/** Operations: notification channels, the audit log, the system page (permissions as their API routes declare). */
export const OPERATIONS_PAGES: PageDef[] = [
  {
    path: 'settings/notifications',
    page: ChannelsPage,
    permission: { permission: 'notify:manage' },
    menu: {
      group: 'administration',
      label: { 'zh-CN': '通知渠道', en: 'Notification channels' },
      icon: <NotificationOutlined />,
    },
  },
  {
    path: 'audit',
    page: AuditPage,
    permission: { permission: 'audit:read' },
    menu: {
      group: 'administration',
      label: { 'zh-CN': '审计日志', en: 'Audit log' },
      icon: <AuditOutlined />,
    },
  },
  {
    path: 'system',
    page: SystemPage,
    permission: { permission: 'system:manage' },
    menu: {
      group: 'administration',
      label: { 'zh-CN': '系统', en: 'System' },
      icon: <CloudServerOutlined />,
    },
  },
];

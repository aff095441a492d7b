import { definePermissions } from './permissions.ts';

/** Permissions of the platform itself (accounts, audit, notifications, system). */
export const P = {
  users: definePermissions('users', {
    read: { zh: '查看账号与角色', en: 'View accounts and roles' },
    manage: { zh: '管理账号、角色与授权', en: 'Manage accounts, roles and grants' },
  }),
  audit: definePermissions('audit', {
    read: { zh: '查看审计日志', en: 'Read the audit log' },
  }),
  notify: definePermissions('notify', {
    manage: { zh: '管理通知渠道', en: 'Manage notification channels' },
  }),
  system: definePermissions('system', {
    manage: { zh: '系统维护（备份、任务）', en: 'System maintenance (backups, jobs)' },
  }),
} as const;

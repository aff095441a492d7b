/**
 * The record types and actions the platform itself writes to the audit log
 * (accounts, roles, notification channels, jobs, backups, attachments,
 * Excel imports). Each module lists its own in its `audit-codes.ts` and adds
 * them to `AuditCodes` (record-audit.ts), so `recordAudit` takes no action
 * outside these lists. The web names every code (`activity.entity.*` and
 * `activity.action.*` in web/src/app/locales); audit-labels.test.ts fails
 * when one has no Chinese or English name.
 */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'role',
  'notification_channel',
  'job',
  'system',
] as const;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'create_token',
  'revoke_token',
  'reset_password',
  'change_password',
  'update_profile',
  'grant',
  'revoke',
  'test',
  'run',
  'download_backup',
  // Files attached to any attachable record (the record's own type is the entity type).
  'attach',
  'detach',
  // Excel imports of any module (platform/excel/import-run.ts).
  'import',
] as const;

export type PlatformAuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
export type PlatformAuditAction = (typeof AUDIT_ACTIONS)[number];

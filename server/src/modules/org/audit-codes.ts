/**
 * The record types and actions the org module writes to the audit log (see
 * platform/audit/audit-codes.ts). Excel imports of people, departments and
 * locations are recorded under the record's type with the platform's `import`.
 */
export const AUDIT_ENTITY_TYPES = [
  'organization',
  'site',
  'location',
  'department',
  'person',
] as const;

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'setup', 'regenerate_qr'] as const;

declare module '../../platform/audit/record-audit.ts' {
  interface AuditCodes {
    org: {
      entityType: (typeof AUDIT_ENTITY_TYPES)[number];
      action: (typeof AUDIT_ACTIONS)[number];
    };
  }
}

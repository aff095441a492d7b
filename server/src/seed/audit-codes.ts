/**
 * What the demo seeds write to the audit log besides the services they call
 * (see platform/audit/audit-codes.ts): one row per module's demo data.
 */
export const AUDIT_ENTITY_TYPES = ['maintenance', 'assets'] as const;

export const AUDIT_ACTIONS = ['seed_demo'] as const;

declare module '../platform/audit/record-audit.ts' {
  interface AuditCodes {
    seed: {
      entityType: (typeof AUDIT_ENTITY_TYPES)[number];
      action: (typeof AUDIT_ACTIONS)[number];
    };
  }
}

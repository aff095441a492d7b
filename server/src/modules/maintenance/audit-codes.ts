import { ACTIONS } from './workflow.ts';

/**
 * The record types and actions the maintenance module writes to the audit
 * log (see platform/audit/audit-codes.ts): work orders and their life-cycle
 * actions (workflow.ts), the SLA job's warnings and breaches, and the
 * settings (categories, priorities, SLA targets, teams and duty, dispatch rules).
 */
export const AUDIT_ENTITY_TYPES = [
  'work_order',
  'maintenance_category',
  'maintenance_priority',
  'maintenance_sla_target',
  'maintenance_settings',
  'maintenance_team',
  'maintenance_dispatch_rule',
] as const;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  ...ACTIONS,
  'callback',
  'auto_confirm',
  'auto_close',
  'sla_warn_response',
  'sla_warn_completion',
  'sla_breach_response',
  'sla_breach_completion',
  'update_members',
  'update_duty',
] as const;

declare module '../../platform/audit/record-audit.ts' {
  interface AuditCodes {
    maintenance: {
      entityType: (typeof AUDIT_ENTITY_TYPES)[number];
      action: (typeof AUDIT_ACTIONS)[number];
    };
  }
}

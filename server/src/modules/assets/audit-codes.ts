import { OPERATION_ACTIONS } from './operations/schema.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './stores/schema.ts';

/** What can happen to a store document that waits for approval (decide-document.ts). */
export const DOCUMENT_DECISIONS = ['approve', 'reject', 'cancel'] as const;

type DocumentAction =
  `create_${DocumentKind}` | `${(typeof DOCUMENT_DECISIONS)[number]}_${DocumentKind}`;

/** `create_stock_in`, `approve_requisition`…: every document kind with every step. */
const DOCUMENT_ACTIONS: readonly DocumentAction[] = DOCUMENT_KINDS.flatMap((kind) => [
  `create_${kind}` as const,
  ...DOCUMENT_DECISIONS.map((d) => `${d}_${kind}` as const),
]);

/**
 * The record types and actions the assets module writes to the audit log
 * (see platform/audit/audit-codes.ts): asset cards, operations (and their
 * approval steps), compensation, stock-takes, settings, and the stores'
 * items, stores and documents. `asset_custody` takes attachments only.
 */
export const AUDIT_ENTITY_TYPES = [
  'asset',
  'asset_category',
  'asset_operation',
  'asset_compensation',
  'asset_stocktake',
  'asset_settings',
  'asset_custody',
  'stock_item',
  'store',
  'stock_document',
] as const;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'register',
  'starter_catalogue',
  'loan_overdue_reminder',
  ...OPERATION_ACTIONS,
  'payment',
  'waiver',
  'decide',
  'mark',
  'surplus',
  'close',
  'closed',
  'cancel',
  ...DOCUMENT_ACTIONS,
] as const;

declare module '../../platform/audit/record-audit.ts' {
  interface AuditCodes {
    assets: {
      entityType: (typeof AUDIT_ENTITY_TYPES)[number];
      action: (typeof AUDIT_ACTIONS)[number];
    };
  }
}

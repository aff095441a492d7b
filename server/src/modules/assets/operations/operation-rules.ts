import type { Selectable } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import { AssetsP } from '../policy.ts';
import type { AstOperationsTable } from '../tables.ts';
import type { Me } from './parties.ts';
import type { OperationAction } from './schema.ts';

export type OperationRow = Selectable<AstOperationsTable>;

/** Where the assets end up: the receiving side signs there. */
export const receivingSite = (op: OperationRow) => op.to_site_id ?? op.site_id;

/**
 * Separation of duties: an approver holds assets:approve at the operation's
 * site and is not the one who asked (四眼原则: nobody approves their own request).
 */
export function mayApprove(actor: Actor, op: OperationRow): boolean {
  return (
    op.status === 'pending_approval' &&
    actor.access.hasAt(AssetsP.approve, op.site_id) &&
    op.requested_by !== actor.userId
  );
}

/** The receiver signs in person: the custodian's own account, or a head of the receiving department. */
export function isReceiver(actor: Actor, me: Me, op: OperationRow): boolean {
  if (op.to_custodian_person_id && me.personId === op.to_custodian_person_id) return true;
  return (
    !!op.to_department_id &&
    me.departmentId === op.to_department_id &&
    actor.access.hasAt(AssetsP.sign, receivingSite(op))
  );
}

/** The receiver, or a manager at the receiving site on the strength of a paper signature. */
export function mayConfirm(actor: Actor, me: Me, op: OperationRow): boolean {
  if (op.status !== 'pending_receipt') return false;
  return isReceiver(actor, me, op) || actor.access.hasAt(AssetsP.manage, receivingSite(op));
}

/** Withdrawn by whoever asked, or by a manager of the site, until it takes effect. */
export function mayCancel(actor: Actor, op: OperationRow): boolean {
  if (op.status !== 'pending_approval' && op.status !== 'pending_receipt') return false;
  return op.requested_by === actor.userId || actor.access.hasAt(AssetsP.manage, op.site_id);
}

export function allowedActions(actor: Actor, me: Me, op: OperationRow): OperationAction[] {
  const out: OperationAction[] = [];
  if (mayApprove(actor, op)) out.push('approve', 'reject');
  if (mayConfirm(actor, me, op)) out.push('confirm');
  if (mayCancel(actor, op)) out.push('cancel');
  return out;
}

/** Sites whose operations a user sees in full (readers, managers, approvers). */
export function fullSites(actor: Actor): 'all' | string[] {
  const scopes = [AssetsP.read, AssetsP.manage, AssetsP.approve].map((p) =>
    actor.access.siteScope(p),
  );
  if (scopes.includes('all')) return 'all';
  return [...new Set(scopes.flatMap((s) => s as readonly string[]))];
}

/** An asset's card is seen by whoever holds an assets permission at its site. */
export function seesSite(actor: Actor, siteId: string): boolean {
  return [AssetsP.read, AssetsP.manage, AssetsP.sign, AssetsP.approve, AssetsP.request].some((p) =>
    actor.access.hasAt(p, siteId),
  );
}

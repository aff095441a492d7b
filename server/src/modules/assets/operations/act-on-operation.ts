import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { decideCompensations } from './decide-compensation.ts';
import {
  advance,
  releaseLocks,
  takeEffect,
  updateOperationVersioned,
  type ApplyContext,
} from './apply-operation.ts';
import { loadOperation, OPERATION } from './load.ts';
import { tellRequester } from './notify-operation.ts';
import {
  fullSites,
  isReceiver,
  mayApprove,
  mayCancel,
  mayConfirm,
  type OperationRow,
} from './operation-rules.ts';
import { whoAmI } from './parties.ts';
import type { ActionBodies, OperationAction } from './schema.ts';
import type { z } from 'zod';

export type ActionBody<A extends OperationAction> = z.output<(typeof ActionBodies)[A]>;

const STATE_REFUSAL = {
  approve: { zh: '该业务单不在待审批状态', en: 'The operation is not waiting for approval' },
  reject: { zh: '该业务单不在待审批状态', en: 'The operation is not waiting for approval' },
  confirm: { zh: '该业务单不在待接收状态', en: 'The operation is not waiting for receipt' },
  cancel: {
    zh: '该业务单已生效或已结束，不能撤销',
    en: 'The operation has taken effect or ended; it cannot be cancelled',
  },
} as const;

const WANTED_STATUS = {
  approve: ['pending_approval'],
  reject: ['pending_approval'],
  confirm: ['pending_receipt'],
  cancel: ['pending_approval', 'pending_receipt'],
} as const;

const REFUSED = {
  approve: {
    zh: '您不能审批此业务单（需要本院区的资产审批权限，且不能审批自己提交的申请）',
    en: 'You may not approve this operation (assets:approve at its site, and never your own request)',
  },
  reject: {
    zh: '您不能驳回此业务单（需要本院区的资产审批权限，且不能处理自己提交的申请）',
    en: 'You may not reject this operation (assets:approve at its site, and never your own request)',
  },
  confirm: {
    zh: '只有接收的保管人、接收部门负责人或资产管理员可以确认接收',
    en: 'Only the receiving custodian, a head of the receiving department or an asset manager may confirm',
  },
  cancel: {
    zh: '只有申请人或资产管理员可以撤销',
    en: 'Only the requester or an asset manager may cancel',
  },
} as const;

/** Whether the actor may see the operation at all (else it is a 404, so ids leak nothing). */
async function visible(ctx: ApplyContext, op: OperationRow) {
  const sites = fullSites(ctx.actor);
  if (sites === 'all' || sites.includes(op.site_id)) return true;
  if (op.to_site_id && sites.includes(op.to_site_id)) return true;
  if (op.requested_by === ctx.actor.userId) return true;
  const me = await whoAmI(ctx.tx, ctx.actor);
  return isReceiver(ctx.actor, me, op);
}

/**
 * One step on an operation, in one transaction and versioned (of two
 * approvers at once, one wins and the other gets a 409): approve (with the
 * compensation decision for damage and loss) or reject by a holder of
 * assets:approve who did not ask; confirm receipt by the receiver or, with a
 * note for the paper signature, by a manager; cancel by the one who asked or
 * a manager before it takes effect. Rejecting and cancelling free the assets.
 */
export async function actOnOperation<A extends OperationAction>(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  id: string,
  action: A,
  body: ActionBody<A>,
  now = new Date(),
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const ctx: ApplyContext = { deps, tx, actor, now };
    const op = await loadOperation(tx, actor.orgId, id);
    if (!(await visible(ctx, op))) throw notFound(OPERATION);
    if (!(WANTED_STATUS[action] as readonly string[]).includes(op.status))
      throw new AppError(409, 'ILLEGAL_TRANSITION', STATE_REFUSAL[action]);
    const me = await whoAmI(tx, actor);
    const at = now.toISOString();
    const before = { ...op };
    const note = (body as { note?: string }).note ?? null;
    switch (action) {
      case 'approve': {
        if (!mayApprove(actor, op)) throw forbidden(REFUSED.approve);
        await updateOperationVersioned(
          ctx,
          op,
          { approved_by: actor.userId, approved_at: at, approval_note: note },
          at,
        );
        const decisions = (body as ActionBody<'approve'>).compensations ?? [];
        await decideCompensations(tx, actor, op, decisions, at);
        await advance(ctx, op);
        await tellRequester(tx, deps, actor, op, 'approved', note);
        break;
      }
      case 'reject':
        if (!mayApprove(actor, op)) throw forbidden(REFUSED.reject);
        await updateOperationVersioned(
          ctx,
          op,
          {
            status: 'rejected',
            approved_by: actor.userId,
            approved_at: at,
            approval_note: note,
            completed_at: at,
          },
          at,
        );
        await releaseLocks(ctx, op, at);
        await tellRequester(tx, deps, actor, op, 'rejected', note);
        break;
      case 'confirm': {
        if (!mayConfirm(actor, me, op)) throw forbidden(REFUSED.confirm);
        const onBehalf = !isReceiver(actor, me, op);
        if (onBehalf && !note)
          throw badRequest({
            zh: '代为确认接收时请注明依据（如纸质签收单）',
            en: 'When confirming for the receiver, note the paper signature it rests on',
          });
        await takeEffect(ctx, op, {
          received_by: actor.userId,
          received_at: at,
          data: writeJson({ ...readJson<object>(op.data), receiptNote: note, onBehalf }),
        });
        break;
      }
      case 'cancel':
        if (!mayCancel(actor, op)) throw forbidden(REFUSED.cancel);
        await updateOperationVersioned(
          ctx,
          op,
          { status: 'cancelled', completed_at: at, approval_note: note ?? op.approval_note },
          at,
        );
        await releaseLocks(ctx, op, at);
        break;
    }
    await recordAudit(tx, actor, {
      action,
      entityType: 'asset_operation',
      entityId: op.id,
      siteId: op.site_id,
      before,
      after: op,
    });
  });
}

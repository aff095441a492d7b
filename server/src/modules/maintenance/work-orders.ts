import type { Actor } from '../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import type { Deps } from '../../platform/deps.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getOrganization } from '../org/index.ts';
import { recordEvent } from './events.ts';
import { MaintP } from './policy.ts';
import * as repo from './repository.ts';
import type { WorkOrderDetail, WorkOrderListFilter } from './schema.ts';
import { startOfLocalDay } from './sla-clock.ts';
import { mayTake, rolesOf } from './transition-work-order.ts';
import { visibilityOf } from './visibility.ts';
import { ACTIONS, type Status } from './workflow.ts';

const WORK_ORDER = { zh: '工单', en: 'Work order' };

/** One order as its viewer sees it: history, lines, and what they may do next. */
export async function getWorkOrderDetail(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<WorkOrderDetail> {
  const visibility = await visibilityOf(db, actor);
  const row = await db
    .selectFrom('mnt_work_orders as wo')
    .selectAll('wo')
    .where('wo.org_id', '=', actor.orgId)
    .where('wo.id', '=', id)
    .where(repo.visibleTo(visibility))
    .executeTakeFirst();
  if (!row) throw notFound(WORK_ORDER);
  const [order, extras, roles] = await Promise.all([
    repo.findWorkOrder(db, actor.orgId, id),
    repo.workOrderExtras(db, actor.orgId, id),
    rolesOf(db, actor, row, visibility.departmentId),
  ]);
  return {
    ...order!,
    ...extras,
    allowedActions: ACTIONS.filter((a) => mayTake(a, row, roles)),
    canCallback:
      roles.has('dispatcher') &&
      ['completed', 'confirmed', 'closed'].includes(row.status as Status),
  };
}

/** The list with the viewer's visibility; dates are days of the organisation's calendar. */
export async function listWorkOrders(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  filter: WorkOrderListFilter,
) {
  const visibility = await visibilityOf(db, actor);
  const { timezone } = await getOrganization(db, actor.orgId);
  const range = {
    ...(filter.from && { fromIso: startOfLocalDay(timezone, filter.from).toISOString() }),
    ...(filter.to && { toIso: startOfLocalDay(timezone, filter.to, 1).toISOString() }),
  };
  return repo.listWorkOrders(db, dialect, actor.orgId, visibility, filter, range);
}

/** The dispatcher's call-back (回访) after the work: reached, satisfied or not, and what they said. */
export async function addCallback(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  input: { outcome: string; note?: string | null | undefined },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await repo.findWorkOrderRow(tx, actor.orgId, id);
    if (!row || !actor.access.hasAt(MaintP.dispatch, row.site_id)) throw notFound(WORK_ORDER);
    if (!['completed', 'confirmed', 'closed'].includes(row.status))
      throw new AppError(409, 'ILLEGAL_TRANSITION', {
        zh: '工单完工后才能回访',
        en: 'Call back once the work order is completed',
      });
    const at = new Date().toISOString();
    const callback = {
      id: newId(),
      org_id: actor.orgId,
      work_order_id: id,
      user_id: actor.userId,
      outcome: input.outcome,
      note: input.note ?? null,
      at,
    };
    await tx.insertInto('mnt_callbacks').values(callback).execute();
    await recordEvent(tx, actor, {
      workOrderId: id,
      action: 'callback',
      from: row.status,
      to: row.status,
      note: input.note,
      data: { outcome: input.outcome },
      at,
    });
    await recordAudit(tx, actor, {
      action: 'callback',
      entityType: 'work_order',
      entityId: id,
      siteId: row.site_id,
      after: callback,
    });
  });
}

import type { Actor } from '../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import type { Deps } from '../../platform/deps.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { usersHolding } from '../../platform/access/holders.ts';
import { containsText, inWrittenJoinOrder } from '../../platform/db/dialect.ts';
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
import { ACTIONS, OPEN_STATUSES, type Status } from './workflow.ts';

const WORK_ORDER = { zh: '工单', en: 'Work order' };

/** One order as its viewer sees it: history, lines, and what they may do next. */
export async function getWorkOrderDetail(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<WorkOrderDetail> {
  const visibility = await visibilityOf(db, actor);
  const found = await inWrittenJoinOrder(db, (q) =>
    repo.findVisibleWorkOrder(q, actor.orgId, id, visibility),
  );
  if (!found) throw notFound(WORK_ORDER);
  const { row, order } = found;
  const [extras, roles] = await Promise.all([
    repo.workOrderExtras(db, actor.orgId, id),
    rolesOf(db, actor, row, visibility.departmentId),
  ]);
  return {
    ...order,
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
  return inWrittenJoinOrder(db, (q) =>
    repo.listWorkOrders(q, dialect, actor.orgId, visibility, filter, range),
  );
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

export type Caller = {
  /** The account to name as requester (they then follow the order); null: no account. */
  userId: string | null;
  personId: string | null;
  name: string;
  employeeNo: string | null;
  phone: string | null;
  departmentId: string | null;
  departmentName: string | null;
};

/**
 * 电话报修: the people a dispatcher may name as the caller, by name, number or
 * phone — staff records with their account when they have one, and accounts
 * without a staff record. A dispatcher needs no `users:read` for this: the
 * answer is what the order will show anyway (name, phone, department).
 */
export async function searchCallers(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  q: string,
  limit = 20,
): Promise<Caller[]> {
  const people = await db
    .selectFrom('people as p')
    .leftJoin('users as u', (j) =>
      j.onRef('u.person_id', '=', 'p.id').on('u.active', '=', 1).on('u.org_id', '=', orgId),
    )
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.id as personId',
      'p.name',
      'p.employee_no as employeeNo',
      'p.phone',
      'p.department_id as departmentId',
      'd.name as departmentName',
      'u.id as userId',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.active', '=', 1)
    .where('p.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        containsText(dialect, 'p.name', q),
        containsText(dialect, 'p.employee_no', q),
        containsText(dialect, 'p.phone', q),
      ]),
    )
    .orderBy('p.name')
    .limit(limit)
    .execute();
  const accounts = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('active', '=', 1)
    .where('person_id', 'is', null)
    .where((eb) =>
      eb.or([containsText(dialect, 'display_name', q), containsText(dialect, 'username', q)]),
    )
    .orderBy('display_name')
    .limit(limit)
    .execute();
  return [
    ...people.map((p) => ({ ...p, userId: p.userId ?? null })),
    ...accounts.map((u) => ({
      userId: u.id,
      personId: null,
      name: u.display_name,
      employeeNo: null,
      phone: null,
      departmentId: null,
      departmentName: null,
    })),
  ].slice(0, limit);
}

/**
 * 派工: who may be given work at a site — active accounts holding
 * maintenance:work there (or org-wide) — with how many open orders each has
 * now, so the dispatcher can spread the load. Dispatchers need no
 * `users:read` for it; names are what the order will show anyway.
 */
export async function techniciansAt(db: DbOrTx, orgId: string, siteId: string) {
  const ids = await usersHolding(db, orgId, MaintP.work, siteId);
  if (ids.length === 0) return [];
  const [users, loads] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('mnt_work_orders')
      .select(['assignee_user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('assignee_user_id', 'in', ids)
      .where('status', 'in', OPEN_STATUSES)
      .groupBy('assignee_user_id')
      .execute(),
  ]);
  const load = new Map(loads.map((l) => [l.assignee_user_id, Number(l.n)]));
  return users
    .map((u) => ({ id: u.id, name: u.display_name, openOrders: load.get(u.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

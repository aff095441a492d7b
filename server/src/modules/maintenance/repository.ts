import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import type { Database } from '../../platform/db/database.ts';
import { containsText, readJson } from '../../platform/db/dialect.ts';
import type { WorkOrder, WorkOrderDetail, WorkOrderListFilter } from './schema.ts';
import type { MntWorkOrdersTable } from './tables.ts';
import type { Status } from './workflow.ts';
import { OPEN_STATUSES } from './workflow.ts';

/*
 * Work-order reads. Lists join the org module's reference tables (sites,
 * locations, departments, users) read-only for names, in one query per page
 * (ADR 0005); writes go through the services.
 */

type Joined = MntWorkOrdersTable & {
  site_name: string;
  category_name: string;
  priority_code: string;
  priority_name: string;
  location_name: string | null;
  building_name: string | null;
  department_name: string | null;
  team_name: string | null;
  assignee_name: string | null;
};

type From = Database & { wo: MntWorkOrdersTable };

function joined(db: DbOrTx) {
  return db
    .selectFrom('mnt_work_orders as wo')
    .innerJoin('sites as s', 's.id', 'wo.site_id')
    .innerJoin('mnt_categories as c', 'c.id', 'wo.category_id')
    .innerJoin('mnt_priorities as p', 'p.id', 'wo.priority_id')
    .leftJoin('locations as l', 'l.id', 'wo.location_id')
    .leftJoin('locations as b', 'b.id', 'wo.building_id')
    .leftJoin('departments as d', 'd.id', 'wo.department_id')
    .leftJoin('mnt_teams as t', 't.id', 'wo.team_id')
    .leftJoin('users as a', 'a.id', 'wo.assignee_user_id')
    .selectAll('wo')
    .select([
      's.name as site_name',
      'c.name as category_name',
      'p.code as priority_code',
      'p.name as priority_name',
      'l.name as location_name',
      'b.name as building_name',
      'd.name as department_name',
      't.name as team_name',
      'a.display_name as assignee_name',
    ]);
}

const named = (id: string | null, name: string | null) =>
  id && name !== null ? { id, name } : null;

export function workOrderFromRow(r: Joined, now = new Date().toISOString()): WorkOrder {
  const open = (OPEN_STATUSES as readonly string[]).includes(r.status);
  const responded = r.accepted_at !== null || !open;
  return {
    id: r.id,
    number: r.number,
    status: r.status as Status,
    source: r.source as WorkOrder['source'],
    site: { id: r.site_id, name: r.site_name },
    category: { id: r.category_id, name: r.category_name },
    priority: { id: r.priority_id, code: r.priority_code, name: r.priority_name },
    location: named(r.location_id, r.location_name),
    building: named(r.building_id, r.building_name),
    placeText: r.place_text,
    department: named(r.department_id, r.department_name),
    requester: { userId: r.requester_user_id, name: r.requester_name, phone: r.requester_phone },
    description: r.description,
    team: named(r.team_id, r.team_name),
    assignee: named(r.assignee_user_id, r.assignee_name),
    submittedAt: r.submitted_at,
    assignedAt: r.assigned_at,
    acceptedAt: r.accepted_at,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    confirmedAt: r.confirmed_at,
    closedAt: r.closed_at,
    cancelledAt: r.cancelled_at,
    responseDueAt: r.response_due_at,
    completionDueAt: r.completion_due_at,
    responseMinutes: r.response_minutes,
    completionMinutes: r.completion_minutes,
    responseBreached: r.response_breached === 1,
    completionBreached: r.completion_breached === 1,
    overdue:
      open &&
      r.status !== 'paused' &&
      ((!responded && r.response_due_at < now) || r.completion_due_at < now),
    rating: r.rating,
    ratingComment: r.rating_comment,
    labourMinutes: r.labour_minutes,
    materialsFen: Number(r.materials_fen),
    outsideFen: Number(r.outside_fen),
    cause: r.cause,
    actionTaken: r.action_taken,
    reopenCount: r.reopen_count,
    version: r.version,
  };
}

/** What a user may see: the answer of `visibility()` in services/visibility.ts. */
export type Visibility = {
  /** Sites whose every order is visible (dispatch, read): 'all' or ids. */
  sites: 'all' | readonly string[];
  userId: string;
  /** Sees orders assigned to them and their teams' queues. */
  worker: boolean;
  /** Department whose orders are visible (department head). */
  departmentId: string | null;
};

/** Restricts a query on `wo` to the orders a user may see. */
export function visibleTo(v: Visibility) {
  return (eb: ExpressionBuilder<From, 'wo'>) => {
    if (v.sites === 'all') return eb.lit(true);
    const any = [eb('wo.requester_user_id', '=', v.userId), eb('wo.created_by', '=', v.userId)];
    if (v.sites.length > 0) any.push(eb('wo.site_id', 'in', v.sites));
    if (v.worker) {
      any.push(eb('wo.assignee_user_id', '=', v.userId));
      any.push(
        eb(
          'wo.team_id',
          'in',
          eb
            .selectFrom('mnt_team_members')
            .select('mnt_team_members.team_id')
            .where('mnt_team_members.user_id', '=', v.userId),
        ),
      );
    }
    if (v.departmentId) any.push(eb('wo.department_id', '=', v.departmentId));
    return eb.or(any);
  };
}

export async function findWorkOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<WorkOrder | undefined> {
  const row = await joined(db)
    .where('wo.org_id', '=', orgId)
    .where('wo.id', '=', id)
    .executeTakeFirst();
  return row && workOrderFromRow(row);
}

/** The order with its names, only if `visibility` lets its holder see it: the raw row and the answer. */
export async function findVisibleWorkOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
  visibility: Visibility,
) {
  const row = await joined(db)
    .where('wo.org_id', '=', orgId)
    .where('wo.id', '=', id)
    .where(visibleTo(visibility))
    .executeTakeFirst();
  return row && { row, order: workOrderFromRow(row) };
}

export async function findWorkOrderRow(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('mnt_work_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const SORT = {
  submittedAt: 'wo.submitted_at',
  number: 'wo.number',
  status: 'wo.status',
  priority: 'wo.priority_id',
  responseDueAt: 'wo.response_due_at',
  completionDueAt: 'wo.completion_due_at',
} as const;

/** Counting stops here: "10,000+" is all a person needs, and a full count of a million rows is not free. */
export const COUNT_CAP = 10_000;

type Range = { fromIso?: string; toIso?: string };

function applyFilters<O>(
  q: SelectQueryBuilder<From, 'wo', O>,
  dialect: DialectName,
  f: WorkOrderListFilter,
  range: Range,
  userId: string,
  now: string,
) {
  if (f.status) q = q.where('wo.status', 'in', f.status);
  if (f.open === true) q = q.where('wo.status', 'in', OPEN_STATUSES);
  if (f.open === false) q = q.where('wo.status', 'not in', OPEN_STATUSES);
  if (f.categoryId) q = q.where('wo.category_id', '=', f.categoryId);
  if (f.priorityId) q = q.where('wo.priority_id', '=', f.priorityId);
  if (f.siteId) q = q.where('wo.site_id', '=', f.siteId);
  if (f.buildingId) q = q.where('wo.building_id', '=', f.buildingId);
  if (f.locationId) q = q.where('wo.location_id', '=', f.locationId);
  if (f.departmentId) q = q.where('wo.department_id', '=', f.departmentId);
  if (f.assigneeUserId) q = q.where('wo.assignee_user_id', '=', f.assigneeUserId);
  if (f.teamId) q = q.where('wo.team_id', '=', f.teamId);
  if (f.mine === 'requested') q = q.where('wo.requester_user_id', '=', userId);
  if (f.mine === 'assigned') q = q.where('wo.assignee_user_id', '=', userId);
  if (f.mine === 'team')
    q = q.where(
      'wo.team_id',
      'in',
      (eb) =>
        eb
          .selectFrom('mnt_team_members')
          .select('mnt_team_members.team_id')
          .where('mnt_team_members.user_id', '=', userId) as never,
    );
  if (range.fromIso) q = q.where('wo.submitted_at', '>=', range.fromIso);
  if (range.toIso) q = q.where('wo.submitted_at', '<', range.toIso);
  if (f.overdue) {
    q = q
      .where('wo.status', 'in', ['submitted', 'assigned', 'accepted', 'in_progress'])
      .where((eb) =>
        eb.or([
          eb.and([eb('wo.accepted_at', 'is', null), eb('wo.response_due_at', '<', now)]),
          eb('wo.completion_due_at', '<', now),
        ]),
      );
  }
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        containsText(dialect, 'wo.number', text),
        containsText(dialect, 'wo.description', text),
        containsText(dialect, 'wo.requester_name', text),
      ]),
    );
  }
  return q;
}

export async function listWorkOrders(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  visibility: Visibility,
  f: WorkOrderListFilter,
  range: Range,
) {
  const now = new Date().toISOString();
  const base = applyFilters(
    db
      .selectFrom('mnt_work_orders as wo')
      .where('wo.org_id', '=', orgId)
      .where(visibleTo(visibility)),
    dialect,
    f,
    range,
    visibility.userId,
    now,
  );
  // `select 1`, not the id: with the filter columns indexed the count then
  // reads the index alone (mnt_wo_filter_ix, migration 0006).
  const counted = await db
    .selectFrom(
      base
        .select(sql<number>`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows = await applyFilters(
    joined(db).where('wo.org_id', '=', orgId).where(visibleTo(visibility)),
    dialect,
    f,
    range,
    visibility.userId,
    now,
  )
    .orderBy(SORT[f.sort], f.order)
    .orderBy('wo.id', f.order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map((r) => workOrderFromRow(r, now)),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function workOrderExtras(db: DbOrTx, orgId: string, id: string) {
  const [events, labour, materials, callbacks] = await Promise.all([
    db
      .selectFrom('mnt_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('work_order_id', '=', id)
      .orderBy('at', 'asc')
      .orderBy('id', 'asc')
      .execute(),
    db
      .selectFrom('mnt_labour')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('work_order_id', '=', id)
      .execute(),
    db
      .selectFrom('mnt_materials')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('work_order_id', '=', id)
      .execute(),
    db
      .selectFrom('mnt_callbacks as cb')
      .leftJoin('users as u', 'u.id', 'cb.user_id')
      .selectAll('cb')
      .select('u.display_name as user_name')
      .where('cb.org_id', '=', orgId)
      .where('cb.work_order_id', '=', id)
      .orderBy('cb.at', 'asc')
      .execute(),
  ]);
  return {
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      note: e.note,
      data: e.data === null ? null : readJson(e.data),
      at: e.at,
    })),
    labour: labour.map((l) => ({
      id: l.id,
      userId: l.user_id,
      workerName: l.worker_name,
      minutes: l.minutes,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      quantity: m.quantity,
      unitCostFen: Number(m.unit_cost_fen),
      amountFen: Number(m.amount_fen),
      itemRef: m.item_ref,
    })),
    callbacks: callbacks.map((c) => ({
      id: c.id,
      outcome: c.outcome,
      note: c.note,
      userName: c.user_name,
      at: c.at,
    })),
  } satisfies Pick<WorkOrderDetail, 'events' | 'labour' | 'materials' | 'callbacks'>;
}

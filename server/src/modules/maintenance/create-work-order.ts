import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { usersHolding } from '../../platform/access/holders.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { notify } from '../../platform/notify/index.ts';
import { nextNumber } from '../../platform/numbering/next-number.ts';
import { clockFor, targetsFor } from './clock.ts';
import { assignInTx } from './assign.ts';
import { matchRule, pickOnDutyMember } from './dispatch.ts';
import { recordEvent } from './events.ts';
import { MaintP } from './policy.ts';
import type { WorkOrderCreate } from './schema.ts';
import { addSlaMinutes } from './sla-clock.ts';
import { OPEN_STATUSES } from './workflow.ts';

export const WORK_ORDER_NUMBERING = { docType: 'work_order', format: { prefix: 'WX', digits: 6 } };
const DUPLICATE_WINDOW_MS = 24 * 3600_000;

/** A new order: nothing has happened to it yet. */
const NOT_YET = {
  assigned_at: null,
  accepted_at: null,
  started_at: null,
  completed_at: null,
  confirmed_at: null,
  closed_at: null,
  cancelled_at: null,
  paused_at: null,
  paused_minutes: 0,
  response_minutes: null,
  completion_minutes: null,
  response_breached: 0,
  completion_breached: 0,
  response_warned: 0,
  completion_warned: 0,
  rating: null,
  rating_comment: null,
  labour_minutes: 0,
  materials_fen: 0,
  outside_fen: 0,
  cause: null,
  action_taken: null,
  reopen_count: 0,
  version: 1,
};

export type CreateInput = Omit<WorkOrderCreate, 'source'> & {
  source: 'portal' | 'qr' | 'phone' | 'api' | 'inspection' | 'pm' | 'hazard';
};

/** The place of an order: its site and, for the building filter, the building above it. */
async function resolvePlace(tx: DbOrTx, orgId: string, input: CreateInput) {
  if (!input.locationId) {
    const site = await tx
      .selectFrom('sites')
      .select(['id', 'active'])
      .where('org_id', '=', orgId)
      .where('id', '=', input.siteId!)
      .executeTakeFirst();
    if (!site || site.active !== 1) throw notFound({ zh: '院区', en: 'Site' });
    return { siteId: site.id, locationId: null, buildingId: null };
  }
  let row = await tx
    .selectFrom('locations')
    .select(['id', 'site_id', 'parent_id', 'type', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', input.locationId)
    .executeTakeFirst();
  if (!row || row.active !== 1) throw notFound({ zh: '位置', en: 'Location' });
  if (input.siteId && input.siteId !== row.site_id)
    throw badRequest({ zh: '位置不属于所选院区', en: 'The place is not at the chosen site' });
  const siteId = row.site_id;
  const locationId = row.id;
  // The tree is shallow (building / floor / room / area): a few steps up at most.
  for (let depth = 0; row && row.type !== 'building' && row.parent_id && depth < 10; depth++) {
    row = await tx
      .selectFrom('locations')
      .select(['id', 'site_id', 'parent_id', 'type', 'active'])
      .where('org_id', '=', orgId)
      .where('id', '=', row.parent_id)
      .executeTakeFirst();
  }
  return { siteId, locationId, buildingId: row?.type === 'building' ? row.id : null };
}

/** Who reported it: the signed-in person, or (phone-in) the caller a dispatcher names. */
async function resolveRequester(tx: DbOrTx, actor: Actor, input: CreateInput) {
  const userId = input.requesterUserId ?? (input.requesterName ? null : actor.userId);
  if (!userId) {
    if (!input.requesterName)
      throw badRequest({ zh: '请填写报修人姓名', en: 'Give the name of the person reporting' });
    return {
      userId: null,
      name: input.requesterName,
      phone: input.requesterPhone ?? null,
      departmentId: input.departmentId ?? null,
    };
  }
  const user = await tx
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select(['users.id', 'users.display_name', 'people.phone', 'people.department_id'])
    .where('users.org_id', '=', actor.orgId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound({ zh: '报修人', en: 'Requester' });
  return {
    userId: user.id,
    name: input.requesterName ?? user.display_name,
    phone: input.requesterPhone ?? user.phone ?? null,
    departmentId: input.departmentId ?? user.department_id ?? null,
  };
}

async function checkReferences(tx: DbOrTx, orgId: string, input: CreateInput) {
  const category = await tx
    .selectFrom('mnt_categories')
    .select(['id', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', input.categoryId)
    .executeTakeFirst();
  if (!category || category.active !== 1) throw notFound({ zh: '报修类别', en: 'Category' });
  let pq = tx
    .selectFrom('mnt_priorities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('active', '=', 1);
  pq = input.priorityId ? pq.where('id', '=', input.priorityId) : pq.where('code', '=', 'normal');
  const priority =
    (await pq.executeTakeFirst()) ??
    (input.priorityId
      ? undefined
      : await tx
          .selectFrom('mnt_priorities')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('active', '=', 1)
          .orderBy('rank', 'desc')
          .executeTakeFirst());
  if (!priority) throw notFound({ zh: '优先级', en: 'Priority' });
  if (input.departmentId) {
    const d = await tx
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', input.departmentId)
      .executeTakeFirst();
    if (!d) throw notFound({ zh: '部门', en: 'Department' });
  }
  return priority;
}

/** Open orders of the same place and category reported in the last 24 hours. */
export async function probableDuplicates(
  db: DbOrTx,
  orgId: string,
  q: { locationId: string; categoryId: string; excludeId?: string; now?: Date },
) {
  const since = new Date((q.now ?? new Date()).getTime() - DUPLICATE_WINDOW_MS).toISOString();
  let query = db
    .selectFrom('mnt_work_orders')
    .select(['id', 'number', 'status', 'submitted_at'])
    .where('org_id', '=', orgId)
    .where('location_id', '=', q.locationId)
    .where('category_id', '=', q.categoryId)
    .where('submitted_at', '>=', since)
    .where('status', 'in', OPEN_STATUSES);
  if (q.excludeId) query = query.where('id', '!=', q.excludeId);
  const rows = await query.orderBy('submitted_at', 'desc').limit(5).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    submittedAt: r.submitted_at,
  }));
}

/**
 * Records a repair request in one transaction: number, SLA due times on the
 * organisation's calendar, the 'create' event, audit, and dispatch by rule
 * (team queue, or the on-duty member with the fewest open orders).
 */
export async function createWorkOrder(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: CreateInput,
  now = new Date(),
): Promise<{ id: string; probableDuplicates: Awaited<ReturnType<typeof probableDuplicates>> }> {
  const id = await deps.db
    .transaction()
    .execute((tx) => createWorkOrderInTx(deps, tx, actor, input, now));
  const duplicates = input.locationId
    ? await probableDuplicates(deps.db, actor.orgId, {
        locationId: input.locationId,
        categoryId: input.categoryId,
        excludeId: id,
        now,
      })
    : [];
  return { id, probableDuplicates: duplicates };
}

/**
 * The same, inside the caller's transaction: another module's record (an
 * asset sent to repair, a hazard) and its work order commit or roll back
 * together. `authorizedByCaller`: the calling module has already decided that
 * this person may raise the order (an asset manager sending a desk to repair
 * need not hold maintenance:request).
 */
export async function createWorkOrderInTx(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  input: CreateInput,
  now = new Date(),
  opts: { authorizedByCaller?: boolean } = {},
): Promise<string> {
  const place = await resolvePlace(tx, actor.orgId, input);
  const a = actor.access;
  const dispatcher = a.hasAt(MaintP.dispatch, place.siteId);
  if (!dispatcher && !opts.authorizedByCaller && !a.hasAt(MaintP.request, place.siteId))
    throw forbidden();
  const onBehalf =
    (input.requesterUserId !== undefined && input.requesterUserId !== actor.userId) ||
    (input.requesterName !== undefined && actor.userId !== null);
  if (onBehalf && !dispatcher && actor.userId !== null)
    throw forbidden({
      zh: '只有调度员可以代他人报修',
      en: 'Only a dispatcher may report on behalf of someone else',
    });
  const priority = await checkReferences(tx, actor.orgId, input);
  const requester = await resolveRequester(tx, actor, input);
  const clock = await clockFor(tx, actor.orgId, priority);
  const targets = await targetsFor(tx, actor.orgId, input.categoryId, priority);
  const number = await nextNumber(tx, {
    orgId: actor.orgId,
    docType: WORK_ORDER_NUMBERING.docType,
    defaultFormat: WORK_ORDER_NUMBERING.format,
    at: now,
  });
  const at = now.toISOString();
  const id = newId();
  const row = {
    id,
    org_id: actor.orgId,
    site_id: place.siteId,
    number,
    source: input.source,
    status: 'submitted',
    category_id: input.categoryId,
    priority_id: priority.id,
    location_id: place.locationId,
    building_id: place.buildingId,
    asset_ref: input.assetRef ?? null,
    place_text: input.placeText ?? null,
    department_id: requester.departmentId,
    requester_user_id: requester.userId,
    requester_name: requester.name,
    requester_phone: requester.phone,
    description: input.description,
    created_by: actor.userId,
    team_id: null,
    assignee_user_id: null,
    submitted_at: at,
    ...NOT_YET,
    response_due_at: addSlaMinutes(clock, now, targets.response).toISOString(),
    completion_due_at: addSlaMinutes(clock, now, targets.completion).toISOString(),
    created_at: at,
    updated_at: at,
  };
  await tx.insertInto('mnt_work_orders').values(row).execute();
  await recordEvent(tx, actor, {
    workOrderId: id,
    action: 'create',
    from: null,
    to: 'submitted',
    note: null,
    data: { source: input.source },
    at,
  });
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'work_order',
    entityId: id,
    siteId: place.siteId,
    after: row,
  });

  const rule = await matchRule(tx, actor.orgId, input.categoryId, place.siteId);
  const assignee = rule?.autoAssign
    ? await pickOnDutyMember(tx, actor.orgId, rule.teamId, clock.timeZone, now)
    : null;
  if (rule) {
    await assignInTx(deps, tx, actor, {
      id,
      teamId: rule.teamId,
      assigneeUserId: assignee,
      note: assignee ? '按派工规则自动派单' : '按派工规则进入班组待接单',
      at: now,
      automatic: true,
    });
  }
  // The assignee hears from assignInTx; otherwise someone must pick it up:
  // the team whose queue it landed in, or the site's dispatchers.
  if (!assignee) await announceNew(deps, tx, actor, row, rule?.teamId ?? null);
  return id;
}

/** Tells those who must pick up an unassigned order that it arrived. */
async function announceNew(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  order: { id: string; number: string; site_id: string; description: string },
  teamId: string | null,
) {
  const userIds = teamId
    ? (
        await tx
          .selectFrom('mnt_team_members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('m.user_id')
          .where('m.team_id', '=', teamId)
          .where('u.org_id', '=', actor.orgId)
          .where('u.active', '=', 1)
          .execute()
      ).map((r) => r.user_id)
    : await usersHolding(tx, actor.orgId, MaintP.dispatch, order.site_id);
  const others = userIds.filter((u) => u !== actor.userId);
  if (others.length === 0) return;
  await notify(tx, deps.config, {
    orgId: actor.orgId,
    userIds: others,
    title: teamId ? `班组待接单 ${order.number}` : `新报修 ${order.number}`,
    body: order.description.slice(0, 200),
    link: `/maintenance/work-orders/${order.id}`,
    category: 'maintenance',
  });
}

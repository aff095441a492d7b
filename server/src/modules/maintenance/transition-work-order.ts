import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { notify } from '../../platform/notify/index.ts';
import { assignInTx } from './assign.ts';
import { clockFor, maintenanceSettings } from './clock.ts';
import { recordEvent } from './events.ts';
import { completionPatch } from './complete.ts';
import { MaintP } from './policy.ts';
import { visibleTo } from './repository.ts';
import type { ActionBodies } from './schema.ts';
import { addSlaMinutes, slaMinutesBetween } from './sla-clock.ts';
import type { MntWorkOrdersTable } from './tables.ts';
import {
  ACTION_LABELS,
  refusal,
  TRANSITIONS,
  type Action,
  type Role,
  type Status,
} from './workflow.ts';
import { visibilityOf } from './visibility.ts';
import { updateVersioned } from './versioned-update.ts';
import type { z } from 'zod';

type Row = Selectable<MntWorkOrdersTable>;
export type ActionBody<A extends Action> = z.output<(typeof ActionBodies)[A]>;

const WORK_ORDER = { zh: '工单', en: 'Work order' };

async function inMyTeam(tx: DbOrTx, actor: Actor, teamId: string | null): Promise<boolean> {
  if (!teamId || !actor.userId) return false;
  const m = await tx
    .selectFrom('mnt_team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return !!m;
}

/** The roles the actor plays for this order (several at once is possible). */
export async function rolesOf(tx: DbOrTx, actor: Actor, row: Row, departmentId: string | null) {
  const roles = new Set<Role>();
  const a = actor.access;
  if (a.hasAt(MaintP.dispatch, row.site_id)) roles.add('dispatcher');
  if (actor.userId && a.hasAt(MaintP.work, row.site_id)) {
    if (row.assignee_user_id === actor.userId) roles.add('assignee');
    else if (
      row.status === 'submitted' &&
      !row.assignee_user_id &&
      (await inMyTeam(tx, actor, row.team_id))
    )
      roles.add('assignee'); // may take it from the team queue
  }
  const own =
    actor.userId && (row.requester_user_id === actor.userId || row.created_by === actor.userId);
  const deptHead =
    departmentId && row.department_id === departmentId && a.hasAt(MaintP.sign, row.site_id);
  if (own || deptHead || roles.has('dispatcher')) roles.add('requester');
  return roles;
}

/** Whether this actor may take this action on this order now (status and role). */
export function mayTake(action: Action, row: Row, roles: Set<Role>): boolean {
  if (refusal(action, row.status as Status)) return false;
  if (action === 'accept' && row.status === 'submitted' && row.assignee_user_id) return false;
  // A requester withdraws only until a technician has accepted; dispatch until completion.
  if (action === 'cancel' && !roles.has('dispatcher'))
    return ['submitted', 'assigned'].includes(row.status) && roles.has('requester');
  return TRANSITIONS[action].by.some((r) => roles.has(r));
}

function cannot(action: Action): AppError {
  const label = ACTION_LABELS[action];
  return forbidden({
    zh: `您不能对此工单执行“${label.zh}”`,
    en: `You may not do "${label.en}" on this work order`,
  });
}

/**
 * Takes one action on a work order in one transaction: checks the state
 * machine and the actor's role, applies the change only if the order was not
 * changed meanwhile, writes the event and the audit row, notifies.
 */
export async function transitionWorkOrder<A extends Action>(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  id: string,
  action: A,
  body: ActionBody<A>,
  now = new Date(),
): Promise<void> {
  const visibility = await visibilityOf(deps.db, actor);
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('mnt_work_orders as wo')
      .selectAll('wo')
      .where('wo.org_id', '=', actor.orgId)
      .where('wo.id', '=', id)
      .where(visibleTo(visibility))
      .executeTakeFirst();
    if (!row) throw notFound(WORK_ORDER);
    const refused = refusal(action, row.status as Status);
    if (refused) throw new AppError(409, 'ILLEGAL_TRANSITION', refused);
    const roles = await rolesOf(tx, actor, row, visibility.departmentId);
    if (!mayTake(action, row, roles)) throw cannot(action);
    if (action === 'assign') {
      const b = body as ActionBody<'assign'>;
      if (row.status !== 'submitted' && !b.note)
        throw badRequest({ zh: '改派请填写原因', en: 'Give the reason for reassigning' });
      await assignInTx(deps, tx, actor, { id, ...b, at: now });
      return;
    }
    await applyAction(deps, tx, actor, row, action, body, now);
  });
}

async function applyAction<A extends Action>(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  row: Row,
  action: A,
  body: ActionBody<A>,
  now: Date,
) {
  const at = now.toISOString();
  const target = TRANSITIONS[action].to;
  const to = (target === 'same' ? row.status : target) as Status;
  const patch: Partial<MntWorkOrdersTable> = { status: to };
  const priority = await tx
    .selectFrom('mnt_priorities')
    .selectAll()
    .where('id', '=', row.priority_id)
    .executeTakeFirstOrThrow();
  const clock = await clockFor(tx, actor.orgId, priority);
  const settings = await maintenanceSettings(tx, actor.orgId);
  const submitted = new Date(row.submitted_at);
  let data: unknown;
  const note = 'note' in body ? (body.note as string | undefined) : undefined;

  switch (action) {
    case 'accept':
      if (row.status === 'submitted') {
        patch.assignee_user_id = actor.userId;
        patch.assigned_at = at;
      }
      if (!row.accepted_at) {
        patch.accepted_at = at;
        patch.response_minutes = slaMinutesBetween(clock, submitted, now);
        if (at > row.response_due_at) {
          patch.response_breached = 1;
          await recordBreach(tx, actor.orgId, row, 'response', row.response_due_at, at);
        }
      }
      break;
    case 'reject':
      patch.assignee_user_id = null;
      break;
    case 'start':
      if (!row.started_at) patch.started_at = at;
      break;
    case 'pause':
      patch.paused_at = at;
      break;
    case 'resume': {
      const paused = row.paused_at ? slaMinutesBetween(clock, new Date(row.paused_at), now) : 0;
      patch.paused_at = null;
      patch.paused_minutes = row.paused_minutes + paused;
      // Waiting for a part or for the ward to free the room is not the technician's time.
      if (settings.excludePaused && paused > 0)
        patch.completion_due_at = addSlaMinutes(
          clock,
          new Date(row.completion_due_at),
          paused,
        ).toISOString();
      data = { pausedMinutes: paused };
      break;
    }
    case 'complete': {
      const done = await completionPatch(tx, actor, row, body as ActionBody<'complete'>);
      Object.assign(patch, done.patch);
      data = done.data;
      patch.completed_at = at;
      const worked = slaMinutesBetween(clock, submitted, now);
      patch.completion_minutes = Math.max(
        0,
        worked - (settings.excludePaused ? row.paused_minutes : 0),
      );
      const due = row.completion_due_at;
      if (at > due) {
        patch.completion_breached = 1;
        await recordBreach(tx, actor.orgId, row, 'completion', due, at);
      }
      break;
    }
    case 'confirm':
      patch.confirmed_at = at;
      break;
    case 'reopen':
      patch.reopen_count = row.reopen_count + 1;
      patch.completed_at = null;
      patch.confirmed_at = null;
      patch.completion_minutes = null;
      break;
    case 'cancel':
      patch.cancelled_at = at;
      break;
    case 'rate': {
      const b = body as ActionBody<'rate'>;
      patch.rating = b.rating;
      patch.rating_comment = b.comment ?? null;
      patch.confirmed_at = row.confirmed_at ?? at;
      patch.closed_at = at;
      data = { rating: b.rating, comment: b.comment ?? null };
      break;
    }
  }

  await updateVersioned(tx, actor.orgId, row, patch, at);
  await recordEvent(tx, actor, {
    workOrderId: row.id,
    action,
    from: row.status,
    to,
    note,
    data,
    at,
  });
  await recordAudit(tx, actor, {
    action,
    entityType: 'work_order',
    entityId: row.id,
    siteId: row.site_id,
    before: { status: row.status },
    after: { ...patch, ...(note && { note }) },
  });
  await notifyAfter(deps, tx, actor, row, action, note);
}

export async function recordBreach(
  tx: DbOrTx,
  orgId: string,
  row: Pick<Row, 'id'>,
  kind: 'response' | 'completion',
  dueAt: string,
  at: string,
) {
  await tx
    .insertInto('mnt_sla_breaches')
    .values({
      id: newId(),
      org_id: orgId,
      work_order_id: row.id,
      kind,
      due_at: dueAt,
      breached_at: at,
    })
    .onConflict((oc) => oc.columns(['work_order_id', 'kind']).doNothing())
    .execute();
}

/** Who hears of it: the requester when done; the technician when handed back or cancelled. */
async function notifyAfter(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  row: Row,
  action: Action,
  note: string | undefined,
) {
  const link = `/maintenance/work-orders/${row.id}`;
  const send = (userId: string | null, title: string, body: string) =>
    userId && userId !== actor.userId
      ? notify(tx, deps.config, {
          orgId: actor.orgId,
          userIds: [userId],
          title,
          body,
          link,
          category: 'maintenance',
          channels: 'none',
        })
      : Promise.resolve();
  if (action === 'complete')
    await send(row.requester_user_id, `报修已完工 ${row.number}`, '请验收并评价维修服务。');
  if (action === 'reopen' || action === 'cancel')
    await send(row.assignee_user_id, `工单${ACTION_LABELS[action].zh} ${row.number}`, note ?? '');
}

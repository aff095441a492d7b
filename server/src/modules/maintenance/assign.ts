import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import type { Deps } from '../../platform/deps.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/index.ts';
import { recordEvent } from './events.ts';
import { updateVersioned } from './versioned-update.ts';

export type AssignInput = {
  id: string;
  teamId?: string | null | undefined;
  assigneeUserId?: string | null | undefined;
  note?: string | null | undefined;
  at: Date;
  /** By a dispatch rule rather than a person. */
  automatic?: boolean;
};

/**
 * Gives an order to a technician (status `assigned`) or to a team's queue
 * (stays `submitted`, visible to the team), in the caller's transaction;
 * the technician is notified.
 */
export async function assignInTx(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  input: AssignInput,
): Promise<void> {
  const row = await tx
    .selectFrom('mnt_work_orders')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', input.id)
    .executeTakeFirstOrThrow();
  if (!input.assigneeUserId && !input.teamId)
    throw badRequest({ zh: '请选择维修人员或班组', en: 'Choose a technician or a team' });
  if (input.teamId) {
    const team = await tx
      .selectFrom('mnt_teams')
      .select(['id', 'active'])
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.teamId)
      .executeTakeFirst();
    if (!team || team.active !== 1) throw notFound({ zh: '班组', en: 'Team' });
  }
  let teamId = input.teamId ?? row.team_id;
  if (input.assigneeUserId) {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'active'])
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.assigneeUserId)
      .executeTakeFirst();
    if (!user || user.active !== 1) throw notFound({ zh: '维修人员', en: 'Technician' });
    if (!input.teamId) {
      // Keep the team when the technician is in it; else their (first) team.
      const teams = await tx
        .selectFrom('mnt_team_members')
        .select('team_id')
        .where('org_id', '=', actor.orgId)
        .where('user_id', '=', input.assigneeUserId)
        .execute();
      if (!teams.some((t) => t.team_id === row.team_id)) teamId = teams[0]?.team_id ?? null;
    }
  }
  const at = input.at.toISOString();
  const to = input.assigneeUserId ? 'assigned' : row.status;
  const patch = {
    status: to,
    team_id: teamId,
    assignee_user_id: input.assigneeUserId ?? null,
    ...(input.assigneeUserId && { assigned_at: at }),
  };
  await updateVersioned(tx, actor.orgId, row, patch, at);
  await recordEvent(tx, actor, {
    workOrderId: row.id,
    action: 'assign',
    from: row.status,
    to,
    note: input.note,
    data: { assigneeUserId: patch.assignee_user_id, teamId, automatic: !!input.automatic },
    at,
  });
  await recordAudit(tx, actor, {
    action: 'assign',
    entityType: 'work_order',
    entityId: row.id,
    siteId: row.site_id,
    before: { status: row.status, assignee_user_id: row.assignee_user_id, team_id: row.team_id },
    after: patch,
  });
  if (input.assigneeUserId && input.assigneeUserId !== actor.userId) {
    await notify(tx, deps.config, {
      orgId: actor.orgId,
      userIds: [input.assigneeUserId],
      title: `新工单 ${row.number}`,
      body: row.description.slice(0, 200),
      link: `/maintenance/work-orders/${row.id}`,
      category: 'maintenance',
    });
  }
}

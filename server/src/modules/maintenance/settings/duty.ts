import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { newId } from '../../../platform/ids.ts';
import { fieldError } from './field-error.ts';
import type { DutyPut } from './schema.ts';
import { getTeam, teamReadScope } from './teams.ts';

async function dutyRows(
  db: DbOrTx,
  orgId: string,
  teamId: string,
  days: { from: string; to: string } | { in: string[] },
) {
  let q = db
    .selectFrom('mnt_duty as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id', 'd.day', 'd.user_id', 'u.display_name', 'd.start_time', 'd.end_time'])
    .where('d.org_id', '=', orgId)
    .where('d.team_id', '=', teamId);
  q =
    'in' in days
      ? q.where('d.day', 'in', days.in)
      : q.where('d.day', '>=', days.from).where('d.day', '<=', days.to);
  const rows = await q.orderBy('d.day').orderBy('d.start_time').orderBy('u.display_name').execute();
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    userId: r.user_id,
    displayName: r.display_name,
    startTime: r.start_time,
    endTime: r.end_time,
  }));
}

/** The roster of a team between two days (inclusive); dispatchers read it to see who is on. */
export async function listDuty(db: DbOrTx, actor: Actor, teamId: string, from: string, to: string) {
  await getTeam(db, actor.orgId, teamId, teamReadScope(actor.access));
  return dutyRows(db, actor.orgId, teamId, { from, to });
}

/**
 * Replaces the roster of the given days: their old entries go, the listed
 * ones come in, all in one transaction. Only members of the team may be on
 * its roster. Answers the new entries of those days.
 */
export async function putDuty(db: Db, actor: Actor, teamId: string, input: DutyPut) {
  return db.transaction().execute(async (tx) => {
    const team = await getTeam(tx, actor.orgId, teamId, 'all');
    const members = new Set(team.members.map((m) => m.userId));
    const bad = input.entries.findIndex((e) => !members.has(e.userId));
    if (bad >= 0)
      throw fieldError(actor, `entries.${bad}.userId`, {
        zh: '只能给本班组成员排班',
        en: 'Only members of the team can be on its roster',
      });
    const days = [...new Set(input.days)];
    const before = await dutyRows(tx, actor.orgId, teamId, { in: days });
    await tx
      .deleteFrom('mnt_duty')
      .where('org_id', '=', actor.orgId)
      .where('team_id', '=', teamId)
      .where('day', 'in', days)
      .execute();
    if (input.entries.length)
      await tx
        .insertInto('mnt_duty')
        .values(
          input.entries.map((e) => ({
            id: newId(),
            org_id: actor.orgId,
            team_id: teamId,
            user_id: e.userId,
            day: e.day,
            start_time: e.startTime,
            end_time: e.endTime,
          })),
        )
        .execute();
    await recordAudit(tx, actor, {
      action: 'update_duty',
      entityType: 'maintenance_team',
      entityId: teamId,
      siteId: team.siteId,
      before: before.map(({ day, userId, startTime, endTime }) => ({
        day,
        userId,
        startTime,
        endTime,
      })),
      after: input,
    });
    return dutyRows(tx, actor.orgId, teamId, { in: days });
  });
}

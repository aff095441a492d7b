import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { OPEN_STATUSES } from './workflow.ts';

/**
 * The dispatch rule for an order: the most specific of category × site,
 * category (any site), site (any category), then the catch-all.
 */
export async function matchRule(
  db: DbOrTx,
  orgId: string,
  categoryId: string,
  siteId: string,
): Promise<{ teamId: string; autoAssign: boolean } | null> {
  const rules = await db
    .selectFrom('mnt_dispatch_rules as r')
    .innerJoin('mnt_teams as t', 't.id', 'r.team_id')
    .select(['r.category_id', 'r.site_id', 'r.team_id', 'r.auto_assign'])
    .where('r.org_id', '=', orgId)
    .where('t.active', '=', 1)
    .where((eb) => eb.or([eb('r.category_id', '=', categoryId), eb('r.category_id', 'is', null)]))
    .where((eb) => eb.or([eb('r.site_id', '=', siteId), eb('r.site_id', 'is', null)]))
    .execute();
  const score = (r: (typeof rules)[number]) => (r.category_id ? 2 : 0) + (r.site_id ? 1 : 0);
  const best = rules.sort((a, b) => score(b) - score(a))[0];
  return best ? { teamId: best.team_id, autoAssign: best.auto_assign === 1 } : null;
}

/** Wall-clock date and HH:MM in a zone. */
function localNow(timeZone: string, now: Date): { day: string; prevDay: string; time: string } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
  const day = `${p.year}-${p.month}-${p.day}`;
  const prev = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) - 86_400_000);
  return { day, prevDay: prev.toISOString().slice(0, 10), time: `${p.hour}:${p.minute}` };
}

/**
 * The member of a team to give a new order to: among those on duty now
 * (a shift of today covering this time, or last night's shift still running),
 * the one with the fewest open orders; ties go to whoever has waited longest
 * since their last assignment. Null when nobody is on duty.
 */
export async function pickOnDutyMember(
  db: DbOrTx,
  orgId: string,
  teamId: string,
  timeZone: string,
  now: Date,
): Promise<string | null> {
  const { day, prevDay, time } = localNow(timeZone, now);
  const shifts = await db
    .selectFrom('mnt_duty as d')
    .innerJoin('mnt_team_members as m', (j) =>
      j.onRef('m.team_id', '=', 'd.team_id').onRef('m.user_id', '=', 'd.user_id'),
    )
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.user_id', 'd.day', 'd.start_time', 'd.end_time'])
    .where('d.org_id', '=', orgId)
    .where('d.team_id', '=', teamId)
    .where('d.day', 'in', [day, prevDay])
    .where('u.active', '=', 1)
    .execute();
  const onDuty = new Set(
    shifts
      .filter((s) => {
        const overnight = s.end_time <= s.start_time;
        if (s.day === day) return s.start_time <= time && (overnight || time < s.end_time);
        return overnight && time < s.end_time; // yesterday's night shift
      })
      .map((s) => s.user_id),
  );
  if (onDuty.size === 0) return null;
  const load = await db
    .selectFrom('mnt_work_orders')
    .select([
      'assignee_user_id',
      sql<number>`count(*)`.as('open'),
      sql<string>`max(assigned_at)`.as('last'),
    ])
    .where('org_id', '=', orgId)
    .where('assignee_user_id', 'in', [...onDuty])
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('assignee_user_id')
    .execute();
  const byUser = new Map(load.map((l) => [l.assignee_user_id, l]));
  return (
    [...onDuty].sort((a, b) => {
      const la = byUser.get(a);
      const lb = byUser.get(b);
      const diff = Number(la?.open ?? 0) - Number(lb?.open ?? 0);
      if (diff !== 0) return diff;
      return (la?.last ?? '').localeCompare(lb?.last ?? '') || a.localeCompare(b);
    })[0] ?? null
  );
}

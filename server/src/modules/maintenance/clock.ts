import type { DbOrTx } from '../../platform/db/connect.ts';
import { getOrganization } from '../org/index.ts';
import type { Clock } from './sla-clock.ts';
import type { MntPrioritiesTable } from './tables.ts';

type Priority = Pick<
  MntPrioritiesTable,
  'id' | 'round_the_clock' | 'response_minutes' | 'completion_minutes'
>;

/** The SLA clock of an order: the organisation's calendar and zone, or round the clock. */
export async function clockFor(db: DbOrTx, orgId: string, priority: Priority): Promise<Clock> {
  const org = await getOrganization(db, orgId);
  return {
    calendar: org.settings.calendar,
    timeZone: org.timezone,
    roundTheClock: priority.round_the_clock === 1,
  };
}

/** Response and completion targets in minutes: the category × priority override, else the priority's. */
export async function targetsFor(
  db: DbOrTx,
  orgId: string,
  categoryId: string,
  priority: Priority,
): Promise<{ response: number; completion: number }> {
  const override = await db
    .selectFrom('mnt_sla_targets')
    .select(['response_minutes', 'completion_minutes'])
    .where('org_id', '=', orgId)
    .where('category_id', '=', categoryId)
    .where('priority_id', '=', priority.id)
    .executeTakeFirst();
  return {
    response: override?.response_minutes ?? priority.response_minutes,
    completion: override?.completion_minutes ?? priority.completion_minutes,
  };
}

export async function maintenanceSettings(db: DbOrTx, orgId: string) {
  const row = await db
    .selectFrom('mnt_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    autoConfirmDays: row.auto_confirm_days,
    excludePaused: row.exclude_paused === 1,
    warnBeforeMinutes: row.warn_before_minutes,
  };
}

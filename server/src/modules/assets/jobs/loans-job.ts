import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { systemActor } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notify } from '../../../platform/notify/index.ts';
import type { Job } from '../../../platform/scheduler/index.ts';
import {
  addDays,
  daysBetween,
  localToday,
  orgTimeZone,
  usersOfPerson,
} from '../operations/index.ts';

const HOUR = 3600_000;
// Once a day at most: a reminder less than this old is not repeated.
const QUIET_MS = 23 * HOUR;

/**
 * Overdue loans (借用逾期): tells the borrower (when they have an account)
 * and whoever lent it that the asset is late, at most once a day per loan.
 * Each loan is claimed by moving its reminded_at in the transaction that
 * notifies, so a second run at the same moment sends nothing twice.
 */
export async function remindOverdueLoans(
  deps: Pick<Deps, 'db' | 'config'>,
  now: Date,
): Promise<string> {
  // The latest "today" on Earth: finer per organisation below, on its own calendar.
  const latest = addDays(now.toISOString().slice(0, 10), 1);
  const quietSince = new Date(now.getTime() - QUIET_MS).toISOString();
  const rows = await deps.db
    .selectFrom('ast_operations')
    .select([
      'id',
      'org_id',
      'site_id',
      'number',
      'due_date',
      'borrower_person_id',
      'borrower_name',
      'requested_by',
      'reminded_at',
    ])
    .where('kind', '=', 'lend')
    .where('status', '=', 'open')
    .where('due_date', '<', latest)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', quietSince)]))
    .orderBy('due_date')
    .limit(1000)
    .execute();
  const zones = new Map<string, string>();
  let sent = 0;
  for (const row of rows) {
    if (!zones.has(row.org_id)) zones.set(row.org_id, await orgTimeZone(deps.db, row.org_id));
    const today = localToday(zones.get(row.org_id)!, now);
    if (!row.due_date || row.due_date >= today) continue;
    await deps.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('ast_operations')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', quietSince)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const actor = systemActor(row.org_id);
      const late = daysBetween(row.due_date!, today);
      const lines = await tx
        .selectFrom('ast_operation_lines as l')
        .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
        .select(['a.tag_no', 'a.name'])
        .where('l.operation_id', '=', row.id)
        .where('l.returned_at', 'is', null)
        .execute();
      const what = lines.map((l) => `${l.tag_no} ${l.name}`).join('、');
      const borrowers = row.borrower_person_id
        ? await usersOfPerson(tx, row.org_id, row.borrower_person_id)
        : [];
      const to = [...new Set([...borrowers, ...(row.requested_by ? [row.requested_by] : [])])];
      if (to.length > 0)
        await notify(tx, deps.config, {
          orgId: row.org_id,
          userIds: to,
          title: `借用逾期 ${row.number}`,
          body: `${what} 应于 ${row.due_date} 归还，已逾期 ${late} 天`,
          link: `/assets/operations/${row.id}`,
          category: 'assets',
        });
      await recordAudit(tx, actor, {
        action: 'loan_overdue_reminder',
        entityType: 'asset_operation',
        entityId: row.id,
        siteId: row.site_id,
        after: { dueDate: row.due_date, daysOverdue: late, notified: to },
      });
      sent++;
    });
  }
  return `reminded ${sent} overdue loans`;
}

export const loansReminderJob: Job = {
  name: 'assets.loans',
  // Hourly, so a loan falling due is chased the same morning; each loan at most once a day.
  everyMs: HOUR,
  run: (deps, now) => remindOverdueLoans(deps, now),
};

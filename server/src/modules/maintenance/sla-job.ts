import { recordAudit } from '../../platform/audit/record-audit.ts';
import { usersHolding } from '../../platform/access/holders.ts';
import { systemActor } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Job } from '../../platform/scheduler/index.ts';
import { notify } from '../../platform/notify/index.ts';
import { recordEvent } from './events.ts';
import { MaintP } from './policy.ts';
import { recordBreach } from './transition-work-order.ts';
import { OPEN_STATUSES } from './workflow.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// The largest warning lead an organisation may set; rows further out are not read.
const MAX_WARN_MINUTES = 24 * 60;
const RUNNING = OPEN_STATUSES.filter((s) => s !== 'paused');

type Kind = 'response' | 'completion';

/**
 * Every few minutes: warn the assignee before a due time, record the breach
 * when it passes and tell the site's dispatchers and the managers, confirm
 * completed orders nobody confirmed within the organisation's N days, and
 * close confirmed ones nobody rated within N more. Each step claims its rows
 * with a flag in the same transaction, so a second run does nothing twice.
 */
export async function runSlaClock(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<string> {
  const counts = { warned: 0, breached: 0, confirmed: 0, closed: 0 };
  for (const kind of ['response', 'completion'] as const) {
    counts.warned += await warn(deps, kind, now);
    counts.breached += await breach(deps, kind, now);
  }
  const auto = await autoConfirm(deps, now);
  counts.confirmed = auto.confirmed;
  counts.closed = auto.closed;
  return `warned ${counts.warned}, breached ${counts.breached}, auto-confirmed ${counts.confirmed}, auto-closed ${counts.closed}`;
}

const due = (kind: Kind) =>
  kind === 'response' ? ('response_due_at' as const) : ('completion_due_at' as const);
const flag = (kind: Kind, what: 'warned' | 'breached') => `${kind}_${what}` as const;
const LABEL = { response: '响应', completion: '完成' };

function candidates(deps: Pick<Deps, 'db'>, kind: Kind, what: 'warned' | 'breached', until: Date) {
  let q = deps.db
    .selectFrom('mnt_work_orders')
    .selectAll()
    .where(flag(kind, 'breached'), '=', 0)
    .where(due(kind), '<', until.toISOString())
    .where('status', 'in', RUNNING);
  if (what === 'warned') q = q.where(flag(kind, 'warned'), '=', 0);
  if (kind === 'response') q = q.where('accepted_at', 'is', null);
  return q.limit(500).execute();
}

async function warn(deps: Pick<Deps, 'db' | 'config'>, kind: Kind, now: Date) {
  const rows = await candidates(
    deps,
    kind,
    'warned',
    new Date(now.getTime() + MAX_WARN_MINUTES * MINUTE),
  );
  let n = 0;
  for (const row of rows) {
    const settings = await deps.db
      .selectFrom('mnt_settings')
      .select('warn_before_minutes')
      .where('org_id', '=', row.org_id)
      .executeTakeFirst();
    const lead = (settings?.warn_before_minutes ?? 30) * MINUTE;
    if (Date.parse(row[due(kind)]) - lead > now.getTime()) continue;
    await deps.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('mnt_work_orders')
        .set({ [flag(kind, 'warned')]: 1 })
        .where('id', '=', row.id)
        .where(flag(kind, 'warned'), '=', 0)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const actor = systemActor(row.org_id);
      await recordAudit(tx, actor, {
        action: `sla_warn_${kind}`,
        entityType: 'work_order',
        entityId: row.id,
        siteId: row.site_id,
        after: { dueAt: row[due(kind)] },
      });
      const to = row.assignee_user_id
        ? [row.assignee_user_id]
        : await usersHolding(tx, row.org_id, MaintP.dispatch, row.site_id);
      await notify(tx, deps.config, {
        orgId: row.org_id,
        userIds: to,
        title: `工单即将超时 ${row.number}`,
        body: `${LABEL[kind]}时限 ${new Date(row[due(kind)]).toLocaleString('zh-CN', { hour12: false })}：${row.description.slice(0, 100)}`,
        link: `/maintenance/work-orders/${row.id}`,
        category: 'maintenance',
        channels: 'none',
      });
      n++;
    });
  }
  return n;
}

async function breach(deps: Pick<Deps, 'db' | 'config'>, kind: Kind, now: Date) {
  const rows = await candidates(deps, kind, 'breached', now);
  let n = 0;
  for (const row of rows) {
    await deps.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('mnt_work_orders')
        .set({ [flag(kind, 'breached')]: 1 })
        .where('id', '=', row.id)
        .where(flag(kind, 'breached'), '=', 0)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const at = now.toISOString();
      await recordBreach(tx, row.org_id, row, kind, row[due(kind)], at);
      const actor = systemActor(row.org_id);
      await recordAudit(tx, actor, {
        action: `sla_breach_${kind}`,
        entityType: 'work_order',
        entityId: row.id,
        siteId: row.site_id,
        after: { dueAt: row[due(kind)], breachedAt: at },
      });
      // Escalation: the site's dispatchers and whoever manages maintenance.
      const to = new Set([
        ...(await usersHolding(tx, row.org_id, MaintP.dispatch, row.site_id)),
        ...(await usersHolding(tx, row.org_id, MaintP.manage, row.site_id)),
        ...(row.assignee_user_id ? [row.assignee_user_id] : []),
      ]);
      await notify(tx, deps.config, {
        orgId: row.org_id,
        userIds: [...to],
        title: `工单已超时 ${row.number}`,
        body: `${LABEL[kind]}超时：${row.description.slice(0, 100)}`,
        link: `/maintenance/work-orders/${row.id}`,
        category: 'maintenance',
      });
      n++;
    });
  }
  return n;
}

async function autoConfirm(deps: Pick<Deps, 'db'>, now: Date) {
  const settings = await deps.db.selectFrom('mnt_settings').selectAll().execute();
  let confirmed = 0;
  let closed = 0;
  for (const s of settings) {
    const before = new Date(now.getTime() - s.auto_confirm_days * DAY).toISOString();
    for (const [from, to, stamp, action] of [
      ['completed', 'confirmed', 'completed_at', 'auto_confirm'],
      ['confirmed', 'closed', 'confirmed_at', 'auto_close'],
    ] as const) {
      const rows = await deps.db
        .selectFrom('mnt_work_orders')
        .select(['id', 'site_id', 'version'])
        .where('org_id', '=', s.org_id)
        .where('status', '=', from)
        .where(stamp, '<', before)
        .limit(500)
        .execute();
      for (const row of rows) {
        const done = await deps.db.transaction().execute(async (tx) => {
          const at = now.toISOString();
          const res = await tx
            .updateTable('mnt_work_orders')
            .set({
              status: to,
              ...(to === 'confirmed' ? { confirmed_at: at } : { closed_at: at }),
              version: row.version + 1,
              updated_at: at,
            })
            .where('id', '=', row.id)
            .where('version', '=', row.version)
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) return false;
          const actor = systemActor(s.org_id);
          await recordEvent(tx, actor, { workOrderId: row.id, action, from, to, at });
          await recordAudit(tx, actor, {
            action,
            entityType: 'work_order',
            entityId: row.id,
            siteId: row.site_id,
            after: { status: to },
          });
          return true;
        });
        if (done && to === 'confirmed') confirmed++;
        if (done && to === 'closed') closed++;
      }
    }
  }
  return { confirmed, closed };
}

export const slaClockJob: Job = {
  name: 'maintenance.sla',
  everyMs: 5 * MINUTE,
  run: (deps, now) => runSlaClock(deps, now),
};

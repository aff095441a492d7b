import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { DEFAULT_SETTINGS } from '../defaults.ts';
import { checkTargets } from './catalogue.ts';
import type { MaintenanceSettingsUpdate, SlaTargetPut } from './schema.ts';

const OVERRIDE = { zh: '时限设置', en: 'SLA override' };

/** The category × priority overrides, with names, for the SLA matrix. */
export async function listSlaTargets(db: DbOrTx, orgId: string) {
  const rows = await db
    .selectFrom('mnt_sla_targets as s')
    .innerJoin('mnt_categories as c', 'c.id', 's.category_id')
    .innerJoin('mnt_priorities as p', 'p.id', 's.priority_id')
    .select([
      's.id',
      's.category_id',
      'c.name as category_name',
      's.priority_id',
      'p.name as priority_name',
      's.response_minutes',
      's.completion_minutes',
      's.updated_at',
    ])
    .where('s.org_id', '=', orgId)
    .orderBy('c.sort_order')
    .orderBy('c.code')
    .orderBy('p.rank')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.category_id,
    categoryName: r.category_name,
    priorityId: r.priority_id,
    priorityName: r.priority_name,
    responseMinutes: r.response_minutes,
    completionMinutes: r.completion_minutes,
    updatedAt: r.updated_at,
  }));
}

async function slaTargetOf(db: DbOrTx, orgId: string, id: string) {
  const row = (await listSlaTargets(db, orgId)).find((r) => r.id === id);
  if (!row) throw notFound(OVERRIDE);
  return row;
}

/** Sets (creates or replaces) the override of one category × priority. */
export async function putSlaTarget(db: Db, actor: Actor, input: SlaTargetPut) {
  checkTargets(actor, input.responseMinutes, input.completionMinutes);
  return db.transaction().execute(async (tx) => {
    const category = await tx
      .selectFrom('mnt_categories')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.categoryId)
      .executeTakeFirst();
    if (!category) throw notFound({ zh: '报修类别', en: 'Category' });
    const priority = await tx
      .selectFrom('mnt_priorities')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.priorityId)
      .executeTakeFirst();
    if (!priority) throw notFound({ zh: '优先级', en: 'Priority' });
    const before = await tx
      .selectFrom('mnt_sla_targets')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('category_id', '=', input.categoryId)
      .where('priority_id', '=', input.priorityId)
      .executeTakeFirst();
    const now = new Date().toISOString();
    const id = before?.id ?? newId();
    if (before) {
      await tx
        .updateTable('mnt_sla_targets')
        .set({
          response_minutes: input.responseMinutes,
          completion_minutes: input.completionMinutes,
          updated_at: now,
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
    } else {
      await tx
        .insertInto('mnt_sla_targets')
        .values({
          id,
          org_id: actor.orgId,
          category_id: input.categoryId,
          priority_id: input.priorityId,
          response_minutes: input.responseMinutes,
          completion_minutes: input.completionMinutes,
          updated_at: now,
        })
        .execute();
    }
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'maintenance_sla_target',
      entityId: id,
      before,
      after: input,
    });
    return slaTargetOf(tx, actor.orgId, id);
  });
}

/** Removes an override: the priority's own targets apply again to new orders. */
export async function deleteSlaTarget(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const before = await slaTargetOf(tx, actor.orgId, id);
    await tx
      .deleteFrom('mnt_sla_targets')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'maintenance_sla_target',
      entityId: id,
      before,
    });
  });
}

type SettingsRow = {
  auto_confirm_days: number;
  exclude_paused: number;
  warn_before_minutes: number;
};

async function settingsRow(db: DbOrTx, orgId: string): Promise<SettingsRow> {
  const row = await db
    .selectFrom('mnt_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  // Made with the organisation; the defaults stand in should the row ever be missing.
  return (
    row ?? {
      auto_confirm_days: DEFAULT_SETTINGS.autoConfirmDays,
      exclude_paused: DEFAULT_SETTINGS.excludePaused ? 1 : 0,
      warn_before_minutes: DEFAULT_SETTINGS.warnBeforeMinutes,
    }
  );
}

const settingsOut = (r: SettingsRow) => ({
  autoConfirmDays: r.auto_confirm_days,
  excludePaused: r.exclude_paused === 1,
  warnBeforeMinutes: r.warn_before_minutes,
});

export async function getMaintenanceSettings(db: DbOrTx, orgId: string) {
  return settingsOut(await settingsRow(db, orgId));
}

export async function updateMaintenanceSettings(
  db: Db,
  actor: Actor,
  patch: MaintenanceSettingsUpdate,
) {
  return db.transaction().execute(async (tx) => {
    const current = await settingsRow(tx, actor.orgId);
    const before = settingsOut(current);
    const now = new Date().toISOString();
    await tx
      .insertInto('mnt_settings')
      .values({ org_id: actor.orgId, ...current, updated_at: now })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
    await tx
      .updateTable('mnt_settings')
      .set({
        ...(patch.autoConfirmDays !== undefined && { auto_confirm_days: patch.autoConfirmDays }),
        ...(patch.excludePaused !== undefined && { exclude_paused: patch.excludePaused ? 1 : 0 }),
        ...(patch.warnBeforeMinutes !== undefined && {
          warn_before_minutes: patch.warnBeforeMinutes,
        }),
        updated_at: now,
      })
      .where('org_id', '=', actor.orgId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'maintenance_settings',
      entityId: actor.orgId,
      before,
      after: patch,
    });
    return settingsOut(await settingsRow(tx, actor.orgId));
  });
}

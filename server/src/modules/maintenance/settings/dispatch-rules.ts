import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { DispatchRuleCreate, DispatchRuleUpdate } from './schema.ts';
import { TEAM } from './teams.ts';

const RULE = { zh: '派工规则', en: 'Dispatch rule' };

async function ruleRows(db: DbOrTx, orgId: string, id?: string) {
  let q = db
    .selectFrom('mnt_dispatch_rules as r')
    .innerJoin('mnt_teams as t', 't.id', 'r.team_id')
    .leftJoin('mnt_categories as c', 'c.id', 'r.category_id')
    .leftJoin('sites as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.category_id',
      'c.name as category_name',
      'r.site_id',
      's.name as site_name',
      'r.team_id',
      't.name as team_name',
      'r.auto_assign',
      'r.updated_at',
      'c.sort_order',
    ])
    .where('r.org_id', '=', orgId);
  if (id) q = q.where('r.id', '=', id);
  const rows = await q.execute();
  // The most specific first, as matchRule weighs them: category × site, category, site, catch-all.
  const score = (r: (typeof rows)[number]) => (r.category_id ? 2 : 0) + (r.site_id ? 1 : 0);
  rows.sort(
    (a, b) =>
      score(b) - score(a) ||
      (a.sort_order ?? 0) - (b.sort_order ?? 0) ||
      (a.site_name ?? '').localeCompare(b.site_name ?? ''),
  );
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.category_id,
    categoryName: r.category_name,
    siteId: r.site_id,
    siteName: r.site_name,
    teamId: r.team_id,
    teamName: r.team_name,
    autoAssign: r.auto_assign === 1,
    updatedAt: r.updated_at,
  }));
}

export const listDispatchRules = (db: DbOrTx, orgId: string) => ruleRows(db, orgId);

async function getRule(db: DbOrTx, orgId: string, id: string) {
  const [rule] = await ruleRows(db, orgId, id);
  if (!rule) throw notFound(RULE);
  return rule;
}

async function checkRefs(tx: DbOrTx, orgId: string, r: DispatchRuleUpdate) {
  const exists = async (table: 'mnt_categories' | 'sites' | 'mnt_teams', id: string) =>
    !!(await tx
      .selectFrom(table)
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst());
  if (r.categoryId && !(await exists('mnt_categories', r.categoryId)))
    throw notFound({ zh: '报修类别', en: 'Category' });
  if (r.siteId && !(await exists('sites', r.siteId))) throw notFound({ zh: '院区', en: 'Site' });
  if (r.teamId && !(await exists('mnt_teams', r.teamId))) throw notFound(TEAM);
}

/**
 * One rule per category × site (either may be "any"). Checked here as well
 * as by the unique index because both databases let NULLs repeat there.
 */
async function checkUnique(
  tx: DbOrTx,
  orgId: string,
  categoryId: string | null,
  siteId: string | null,
  selfId?: string,
) {
  let q = tx
    .selectFrom('mnt_dispatch_rules')
    .select('id')
    .where('org_id', '=', orgId)
    .where('category_id', categoryId ? '=' : 'is', categoryId)
    .where('site_id', siteId ? '=' : 'is', siteId);
  if (selfId) q = q.where('id', '!=', selfId);
  if (await q.executeTakeFirst()) throw duplicate();
}

const duplicate = () =>
  conflict({
    zh: '已有相同类别和院区的派工规则，请修改那一条',
    en: 'A rule for this category and site already exists; change that one instead',
  });

export async function createDispatchRule(db: Db, actor: Actor, input: DispatchRuleCreate) {
  return db.transaction().execute(async (tx) => {
    await checkRefs(tx, actor.orgId, input);
    await checkUnique(tx, actor.orgId, input.categoryId, input.siteId);
    const now = new Date().toISOString();
    const row = {
      id: newId(),
      org_id: actor.orgId,
      category_id: input.categoryId,
      site_id: input.siteId,
      team_id: input.teamId,
      auto_assign: input.autoAssign ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await tx.insertInto('mnt_dispatch_rules').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicate();
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'maintenance_dispatch_rule',
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    return getRule(tx, actor.orgId, row.id);
  });
}

export async function updateDispatchRule(
  db: Db,
  actor: Actor,
  id: string,
  patch: DispatchRuleUpdate,
) {
  return db.transaction().execute(async (tx) => {
    const before = await getRule(tx, actor.orgId, id);
    await checkRefs(tx, actor.orgId, patch);
    const categoryId = patch.categoryId !== undefined ? patch.categoryId : before.categoryId;
    const siteId = patch.siteId !== undefined ? patch.siteId : before.siteId;
    await checkUnique(tx, actor.orgId, categoryId, siteId, id);
    try {
      await tx
        .updateTable('mnt_dispatch_rules')
        .set({
          category_id: categoryId,
          site_id: siteId,
          ...(patch.teamId !== undefined && { team_id: patch.teamId }),
          ...(patch.autoAssign !== undefined && { auto_assign: patch.autoAssign ? 1 : 0 }),
          updated_at: new Date().toISOString(),
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicate();
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'maintenance_dispatch_rule',
      entityId: id,
      siteId,
      before,
      after: patch,
    });
    return getRule(tx, actor.orgId, id);
  });
}

export async function deleteDispatchRule(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const before = await getRule(tx, actor.orgId, id);
    await tx
      .deleteFrom('mnt_dispatch_rules')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'maintenance_dispatch_rule',
      entityId: id,
      siteId: before.siteId,
      before,
    });
  });
}

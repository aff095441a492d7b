import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fieldError } from './field-error.ts';
import type { MntCategoriesTable, MntPrioritiesTable } from '../tables.ts';
import type { CategoryCreate, CategoryUpdate, PriorityCreate, PriorityUpdate } from './schema.ts';

const CATEGORY = { zh: '报修类别', en: 'Category' };
const PRIORITY = { zh: '优先级', en: 'Priority' };

export const categoryOut = (r: MntCategoriesTable) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  sortOrder: r.sort_order,
  active: r.active === 1,
});

export const priorityOut = (r: MntPrioritiesTable) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  rank: r.rank,
  roundTheClock: r.round_the_clock === 1,
  responseMinutes: r.response_minutes,
  completionMinutes: r.completion_minutes,
  active: r.active === 1,
});

const codeTaken = (what: { zh: string; en: string }, code: string) =>
  conflict({ zh: `${what.zh}编码 ${code} 已存在`, en: `${what.en} code ${code} already exists` });

async function categoryRow(db: DbOrTx, orgId: string, id: string) {
  const row = await db
    .selectFrom('mnt_categories')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(CATEGORY);
  return row;
}

async function priorityRow(db: DbOrTx, orgId: string, id: string) {
  const row = await db
    .selectFrom('mnt_priorities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(PRIORITY);
  return row;
}

export async function createCategory(db: Db, actor: Actor, input: CategoryCreate) {
  return db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    let sortOrder = input.sortOrder;
    if (sortOrder === undefined) {
      // New categories go last, in steps of ten so one can be slotted in between later.
      const max = await tx
        .selectFrom('mnt_categories')
        .select((eb) => eb.fn.max('sort_order').as('max'))
        .where('org_id', '=', actor.orgId)
        .executeTakeFirst();
      sortOrder = Number(max?.max ?? 0) + 10;
    }
    const row = {
      id: newId(),
      org_id: actor.orgId,
      code: input.code,
      name: input.name,
      sort_order: sortOrder,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    try {
      await tx.insertInto('mnt_categories').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(CATEGORY, input.code);
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'maintenance_category',
      entityId: row.id,
      after: row,
    });
    return categoryOut(row);
  });
}

export async function updateCategory(db: Db, actor: Actor, id: string, patch: CategoryUpdate) {
  return db.transaction().execute(async (tx) => {
    const before = await categoryRow(tx, actor.orgId, id);
    try {
      await tx
        .updateTable('mnt_categories')
        .set({
          ...(patch.code !== undefined && { code: patch.code }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
          ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
          updated_at: new Date().toISOString(),
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(CATEGORY, patch.code ?? '');
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'maintenance_category',
      entityId: id,
      before: categoryOut(before),
      after: patch,
    });
    return categoryOut(await categoryRow(tx, actor.orgId, id));
  });
}

export function checkTargets(actor: Actor, response: number, completion: number) {
  if (completion < response)
    throw fieldError(actor, 'completionMinutes', {
      zh: '完成时限不能短于响应时限',
      en: 'The completion target cannot be shorter than response',
    });
}

export async function createPriority(db: Db, actor: Actor, input: PriorityCreate) {
  return db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    const row = {
      id: newId(),
      org_id: actor.orgId,
      code: input.code,
      name: input.name,
      rank: input.rank,
      round_the_clock: input.roundTheClock ? 1 : 0,
      response_minutes: input.responseMinutes,
      completion_minutes: input.completionMinutes,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    try {
      await tx.insertInto('mnt_priorities').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(PRIORITY, input.code);
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'maintenance_priority',
      entityId: row.id,
      after: row,
    });
    return priorityOut(row);
  });
}

/**
 * Changes a priority's name, rank or default targets. Orders already open
 * keep the due times they were given; the new targets apply to new orders.
 */
export async function updatePriority(db: Db, actor: Actor, id: string, patch: PriorityUpdate) {
  return db.transaction().execute(async (tx) => {
    const before = await priorityRow(tx, actor.orgId, id);
    checkTargets(
      actor,
      patch.responseMinutes ?? before.response_minutes,
      patch.completionMinutes ?? before.completion_minutes,
    );
    await tx
      .updateTable('mnt_priorities')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.rank !== undefined && { rank: patch.rank }),
        ...(patch.roundTheClock !== undefined && { round_the_clock: patch.roundTheClock ? 1 : 0 }),
        ...(patch.responseMinutes !== undefined && { response_minutes: patch.responseMinutes }),
        ...(patch.completionMinutes !== undefined && {
          completion_minutes: patch.completionMinutes,
        }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: new Date().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'maintenance_priority',
      entityId: id,
      before: priorityOut(before),
      after: patch,
    });
    return priorityOut(await priorityRow(tx, actor.orgId, id));
  });
}

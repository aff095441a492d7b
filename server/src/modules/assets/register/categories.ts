import type { Selectable } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { AstCategoriesTable } from '../tables.ts';
import type { Category, CategoryCreate, CategoryUpdate, FieldDef } from './schema.ts';

/*
 * The category tree (资产分类): code, name, how items are tracked (one card
 * per item, or a quantity per card), and the depreciation and extra fields
 * each new card takes from it. Categories belong to the whole organisation.
 */

export const CATEGORY = { zh: '资产分类', en: 'Asset category' };

type Row = Selectable<AstCategoriesTable>;

export function categoryFromRow(r: Row, assetCount = 0, depth = 0): Category {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    tracking: r.tracking as Category['tracking'],
    unit: r.unit,
    depreciationMethod: r.depreciation_method as Category['depreciationMethod'],
    lifeMonths: r.life_months,
    residualBp: r.residual_bp,
    fields: readJson<FieldDef[]>(r.fields) ?? [],
    sortOrder: r.sort_order,
    active: r.active === 1,
    assetCount,
    depth,
  };
}

export async function findCategoryRow(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('ast_categories')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function liveAssetCounts(db: DbOrTx, orgId: string, categoryId?: string) {
  let q = db
    .selectFrom('ast_assets')
    .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('status', '!=', 'disposed');
  if (categoryId) q = q.where('category_id', '=', categoryId);
  const rows = await q.groupBy('category_id').execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

/**
 * The categories in tree order (each parent, then its sub-categories,
 * depth-first; siblings by sort order then code), or one level of them.
 */
export async function listCategories(
  db: DbOrTx,
  orgId: string,
  q: { shape: 'tree' | 'flat'; parentId?: string | undefined; active?: boolean | undefined },
): Promise<Category[]> {
  let query = db.selectFrom('ast_categories').selectAll().where('org_id', '=', orgId);
  if (q.active !== undefined) query = query.where('active', '=', q.active ? 1 : 0);
  if (q.shape === 'flat' && q.parentId === 'root') query = query.where('parent_id', 'is', null);
  else if (q.shape === 'flat' && q.parentId) query = query.where('parent_id', '=', q.parentId);
  const [rows, counts] = await Promise.all([
    query.orderBy('sort_order').orderBy('code').execute(),
    liveAssetCounts(db, orgId),
  ]);
  if (q.shape === 'flat') return rows.map((r) => categoryFromRow(r, counts.get(r.id) ?? 0));
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, Row[]>();
  for (const r of rows) {
    // A parent filtered out (inactive) leaves its children at the top.
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: Category[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push(categoryFromRow(r, counts.get(r.id) ?? 0, depth));
      if (depth < 50) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const codeTaken = (code: string) =>
  conflict({ zh: `分类编码 ${code} 已存在`, en: `Category code ${code} already exists` });

async function checkParent(tx: DbOrTx, orgId: string, parentId: string, selfId?: string) {
  const parent = await findCategoryRow(tx, orgId, parentId);
  if (!parent) throw badRequest({ zh: '上级分类不存在', en: 'The parent category does not exist' });
  if (!selfId) return;
  // Walk up from the new parent: meeting the category itself means a loop.
  let at: Row | undefined = parent;
  for (let depth = 0; at && depth < 100; depth++) {
    if (at.id === selfId)
      throw badRequest({
        zh: '不能把分类移到它自己或它的下级分类之下',
        en: 'A category cannot move under itself or one of its sub-categories',
      });
    at = at.parent_id ? await findCategoryRow(tx, orgId, at.parent_id) : undefined;
  }
}

export async function createCategory(db: Db, actor: Actor, input: CategoryCreate) {
  return db.transaction().execute(async (tx) => {
    if (input.parentId) await checkParent(tx, actor.orgId, input.parentId);
    const at = new Date().toISOString();
    // `fields` as written (a string), which also reads back as the stored row.
    const row: Row & { fields: string } = {
      id: newId(),
      org_id: actor.orgId,
      parent_id: input.parentId ?? null,
      code: input.code,
      name: input.name,
      tracking: input.tracking,
      unit: input.unit ?? null,
      depreciation_method: input.depreciationMethod,
      life_months: input.lifeMonths ?? null,
      residual_bp: input.residualBp,
      fields: writeJson(input.fields),
      sort_order: input.sortOrder,
      active: 1,
      created_at: at,
      updated_at: at,
    };
    try {
      await tx.insertInto('ast_categories').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(input.code);
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'asset_category',
      entityId: row.id,
      after: row,
    });
    return categoryFromRow(row);
  });
}

export async function updateCategory(db: Db, actor: Actor, id: string, patch: CategoryUpdate) {
  return db.transaction().execute(async (tx) => {
    const before = await findCategoryRow(tx, actor.orgId, id);
    if (!before) throw notFound(CATEGORY);
    if (patch.parentId) await checkParent(tx, actor.orgId, patch.parentId, id);
    const counts = await liveAssetCounts(tx, actor.orgId, id);
    const live = counts.get(id) ?? 0;
    if (patch.active === false && before.active === 1) {
      if (live > 0)
        throw conflict({
          zh: `分类「${before.name}」下还有 ${live} 项未处置的资产，不能停用；请先把它们调整到其他分类或处置`,
          en: `Category "${before.name}" still holds ${live} asset(s) not disposed of; move or dispose of them first`,
        });
      const child = await tx
        .selectFrom('ast_categories')
        .select('name')
        .where('org_id', '=', actor.orgId)
        .where('parent_id', '=', id)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (child)
        throw conflict({
          zh: `请先停用下级分类「${child.name}」`,
          en: `Deactivate its sub-category "${child.name}" first`,
        });
    }
    if (patch.tracking && patch.tracking !== before.tracking && live > 0)
      throw conflict({
        zh: '分类下已有资产，不能更改管理方式（按件/按批）',
        en: 'The category already holds assets; its tracking (unit/bulk) cannot change',
      });
    const set = {
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.tracking !== undefined && { tracking: patch.tracking }),
      ...(patch.unit !== undefined && { unit: patch.unit }),
      ...(patch.depreciationMethod !== undefined && {
        depreciation_method: patch.depreciationMethod,
      }),
      ...(patch.lifeMonths !== undefined && { life_months: patch.lifeMonths }),
      ...(patch.residualBp !== undefined && { residual_bp: patch.residualBp }),
      ...(patch.fields !== undefined && { fields: writeJson(patch.fields) }),
      ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      updated_at: new Date().toISOString(),
    };
    try {
      await tx
        .updateTable('ast_categories')
        .set(set)
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(patch.code ?? before.code);
      throw err;
    }
    const after = { ...before, ...set };
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'asset_category',
      entityId: id,
      before,
      after,
    });
    return categoryFromRow(after, live);
  });
}

import type { Selectable } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { containsText } from '../../../platform/db/dialect.ts';
import { conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { StoresP } from '../policy.ts';
import type { StItemsTable } from '../tables.ts';
import { ITEM, STORE } from './document-core.ts';
import type {
  Item,
  ItemCreate,
  ItemListFilter,
  ItemPatch,
  Store,
  StoreCreate,
  StorePatch,
} from './schema.ts';

/*
 * The catalogue: items (物资, organisation-wide) and stores (仓库, one site
 * each, with a keeper). Items are stopped, never deleted, once they have
 * moved: the ledger keeps naming them.
 */

export function itemFromRow(r: Selectable<StItemsTable>): Item {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    category: r.category,
    minStock: r.min_stock,
    active: r.active === 1,
  };
}

const duplicateCode = (code: string) =>
  conflict({ zh: `编码「${code}」已被使用`, en: `Code "${code}" is already taken` });

export async function listItems(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  f: ItemListFilter,
) {
  let q = db.selectFrom('st_items').where('org_id', '=', orgId);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'code', text), containsText(dialect, 'name', text)]),
    );
  }
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map(itemFromRow),
    total: Number(count.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function createItem(
  db: DbOrTx,
  actor: Actor,
  input: ItemCreate,
  now = new Date(),
): Promise<Item> {
  const at = now.toISOString();
  const row = {
    id: newId(),
    org_id: actor.orgId,
    code: input.code,
    name: input.name,
    spec: input.spec ?? null,
    unit: input.unit,
    category: input.category ?? null,
    min_stock: input.minStock,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  try {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('st_items').values(row).execute();
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'stock_item',
        entityId: row.id,
        after: row,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateCode(input.code);
    throw err;
  }
  return itemFromRow(row);
}

export async function updateItem(
  db: DbOrTx,
  actor: Actor,
  id: string,
  patch: ItemPatch,
): Promise<Item> {
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('st_items')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw notFound(ITEM);
      const after = {
        ...before,
        ...(patch.code !== undefined && { code: patch.code }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.spec !== undefined && { spec: patch.spec }),
        ...(patch.unit !== undefined && { unit: patch.unit }),
        ...(patch.category !== undefined && { category: patch.category }),
        ...(patch.minStock !== undefined && { min_stock: patch.minStock }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: new Date().toISOString(),
      };
      await tx
        .updateTable('st_items')
        .set(after)
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'stock_item',
        entityId: id,
        before,
        after,
      });
      return itemFromRow(after);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateCode(patch.code ?? '');
    throw err;
  }
}

function storesQuery(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('st_stores as s')
    .innerJoin('sites', 'sites.id', 's.site_id')
    .leftJoin('users as k', 'k.id', 's.keeper_user_id')
    .selectAll('s')
    .select(['sites.name as site_name', 'k.display_name as keeper_name'])
    .where('s.org_id', '=', orgId);
}

type StoreJoined = Awaited<ReturnType<ReturnType<typeof storesQuery>['executeTakeFirstOrThrow']>>;

function storeFromRow(r: StoreJoined): Store {
  return {
    id: r.id,
    site: { id: r.site_id, name: r.site_name },
    code: r.code,
    name: r.name,
    keeper:
      r.keeper_user_id && r.keeper_name !== null
        ? { id: r.keeper_user_id, name: r.keeper_name }
        : null,
    active: r.active === 1,
  };
}

/** Stores of the sites where the user may read, request or draw from stores. */
export async function listStores(
  db: DbOrTx,
  actor: Actor,
  f: { siteId?: string | undefined; active?: boolean | undefined },
): Promise<Store[]> {
  const scopes = [StoresP.read, StoresP.manage, StoresP.request, StoresP.work].map((p) =>
    actor.access.siteScope(p),
  );
  const all = scopes.includes('all');
  const sites = [...new Set(scopes.flatMap((s) => (s === 'all' ? [] : s)))];
  if (!all && sites.length === 0) return [];
  let q = storesQuery(db, actor.orgId);
  if (!all) q = q.where('s.site_id', 'in', sites);
  if (f.siteId) q = q.where('s.site_id', '=', f.siteId);
  if (f.active !== undefined) q = q.where('s.active', '=', f.active ? 1 : 0);
  return (await q.orderBy('s.code').execute()).map(storeFromRow);
}

async function requireKeeper(tx: DbOrTx, orgId: string, userId: string | null | undefined) {
  if (!userId) return;
  const u = await tx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) throw notFound({ zh: '保管员', en: 'Keeper' });
}

export async function createStore(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: StoreCreate,
  now = new Date(),
): Promise<Store> {
  if (!actor.access.hasAt(StoresP.manage, input.siteId)) throw notFound({ zh: '院区', en: 'Site' });
  const at = now.toISOString();
  const row = {
    id: newId(),
    org_id: actor.orgId,
    site_id: input.siteId,
    code: input.code,
    name: input.name,
    keeper_user_id: input.keeperUserId ?? null,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  try {
    await deps.db.transaction().execute(async (tx) => {
      const site = await tx
        .selectFrom('sites')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.siteId)
        .executeTakeFirst();
      if (!site) throw notFound({ zh: '院区', en: 'Site' });
      await requireKeeper(tx, actor.orgId, input.keeperUserId);
      await tx.insertInto('st_stores').values(row).execute();
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'store',
        entityId: row.id,
        siteId: row.site_id,
        after: row,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateCode(input.code);
    throw err;
  }
  return storeFromRow(
    await storesQuery(deps.db, actor.orgId).where('s.id', '=', row.id).executeTakeFirstOrThrow(),
  );
}

export async function updateStore(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  patch: StorePatch,
): Promise<Store> {
  try {
    await deps.db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('st_stores')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before || !actor.access.hasAt(StoresP.manage, before.site_id)) throw notFound(STORE);
      await requireKeeper(tx, actor.orgId, patch.keeperUserId);
      const after = {
        ...before,
        ...(patch.code !== undefined && { code: patch.code }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.keeperUserId !== undefined && { keeper_user_id: patch.keeperUserId }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: new Date().toISOString(),
      };
      await tx
        .updateTable('st_stores')
        .set(after)
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'store',
        entityId: id,
        siteId: before.site_id,
        before,
        after,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateCode(patch.code ?? '');
    throw err;
  }
  return storeFromRow(
    await storesQuery(deps.db, actor.orgId).where('s.id', '=', id).executeTakeFirstOrThrow(),
  );
}

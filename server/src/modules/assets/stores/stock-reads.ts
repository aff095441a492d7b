import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import { containsText } from '../../../platform/db/dialect.ts';
import { forbidden } from '../../../platform/errors.ts';
import { getOrganization } from '../../org/index.ts';
import { StoresP } from '../policy.ts';
import type { DocumentKind, Movement, MovementFilter, StockFilter, StockRow } from './schema.ts';
import { readSites, startOfDayIn } from './scope.ts';
import { averageCost } from './stock-ledger.ts';

/*
 * Stock on hand and the ledger, limited to the sites where the user reads or
 * keeps the stores; one query per page, names joined from the reference
 * tables (ADR 0005).
 */

const empty = <T>(f: { page: number; pageSize: number }) => ({
  items: [] as T[],
  total: 0,
  page: f.page,
  pageSize: f.pageSize,
});

function stockQuery(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  f: Omit<StockFilter, 'page' | 'pageSize'>,
) {
  const sites = readSites(actor);
  let q = db
    .selectFrom('st_stock as k')
    .innerJoin('st_stores as s', 's.id', 'k.store_id')
    .innerJoin('sites', 'sites.id', 's.site_id')
    .innerJoin('st_items as i', 'i.id', 'k.item_id')
    .where('k.org_id', '=', actor.orgId);
  if (sites !== 'all') q = q.where('s.site_id', 'in', sites.length ? sites : ['']);
  if (f.siteId) q = q.where('s.site_id', '=', f.siteId);
  if (f.storeId) q = q.where('k.store_id', '=', f.storeId);
  if (f.itemId) q = q.where('k.item_id', '=', f.itemId);
  if (f.belowMinimum)
    q = q.where('i.min_stock', '>', 0).whereRef('k.quantity', '<=', 'i.min_stock');
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'i.code', text), containsText(dialect, 'i.name', text)]),
    );
  }
  return q;
}

/** Stock on hand per store × item, with its value and average cost. */
export async function listStock(db: DbOrTx, dialect: DialectName, actor: Actor, f: StockFilter) {
  const sites = readSites(actor);
  if (sites !== 'all' && sites.length === 0) return empty<StockRow>(f);
  const q = stockQuery(db, dialect, actor, f);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .select([
        'k.store_id',
        'k.item_id',
        'k.quantity',
        'k.value_fen',
        's.name as store_name',
        's.site_id',
        'sites.name as site_name',
        'i.code',
        'i.name',
        'i.spec',
        'i.unit',
        'i.category',
        'i.min_stock',
      ])
      .orderBy('s.code')
      .orderBy('i.code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map((r): StockRow => ({
      store: { id: r.store_id, name: r.store_name },
      site: { id: r.site_id, name: r.site_name },
      item: {
        id: r.item_id,
        code: r.code,
        name: r.name,
        spec: r.spec,
        unit: r.unit,
        category: r.category,
      },
      quantity: r.quantity,
      valueFen: Number(r.value_fen),
      averageCostFen: averageCost(Number(r.value_fen), r.quantity),
      minStock: r.min_stock,
      belowMinimum: r.min_stock > 0 && r.quantity <= r.min_stock,
    })),
    total: Number(count.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** What a technician may pick on a completion form: items on hand in the site's open stores. */
export async function pickableStock(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  f: { siteId: string; q?: string | undefined },
) {
  const may = [StoresP.work, StoresP.read, StoresP.manage].some((p) =>
    actor.access.hasAt(p, f.siteId),
  );
  if (!may) throw forbidden();
  let q = db
    .selectFrom('st_stock as k')
    .innerJoin('st_stores as s', 's.id', 'k.store_id')
    .innerJoin('st_items as i', 'i.id', 'k.item_id')
    .where('k.org_id', '=', actor.orgId)
    .where('s.site_id', '=', f.siteId)
    .where('s.active', '=', 1)
    .where('i.active', '=', 1)
    .where('k.quantity', '>', 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'i.code', text), containsText(dialect, 'i.name', text)]),
    );
  }
  const rows = await q
    .select([
      'k.store_id',
      's.name as store_name',
      'k.item_id',
      'i.code',
      'i.name',
      'i.spec',
      'i.unit',
      'k.quantity',
      'k.value_fen',
    ])
    .orderBy('i.name')
    .orderBy('s.code')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    storeId: r.store_id,
    storeName: r.store_name,
    itemId: r.item_id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    quantity: r.quantity,
    averageCostFen: averageCost(Number(r.value_fen), r.quantity) ?? 0,
  }));
}

/** The ledger: every movement, newest first, with the balance it left. */
export async function listMovements(db: DbOrTx, actor: Actor, f: MovementFilter) {
  const sites = readSites(actor);
  if (sites !== 'all' && sites.length === 0) return empty<Movement>(f);
  const { timezone } = await getOrganization(db, actor.orgId);
  let q = db
    .selectFrom('st_movements as m')
    .innerJoin('st_stores as s', 's.id', 'm.store_id')
    .innerJoin('st_items as i', 'i.id', 'm.item_id')
    .innerJoin('st_documents as d', 'd.id', 'm.document_id')
    .leftJoin('departments as dep', 'dep.id', 'm.department_id')
    .where('m.org_id', '=', actor.orgId);
  if (sites !== 'all') q = q.where('s.site_id', 'in', sites);
  if (f.siteId) q = q.where('s.site_id', '=', f.siteId);
  if (f.storeId) q = q.where('m.store_id', '=', f.storeId);
  if (f.itemId) q = q.where('m.item_id', '=', f.itemId);
  if (f.departmentId) q = q.where('m.department_id', '=', f.departmentId);
  if (f.workOrderId) q = q.where('m.work_order_id', '=', f.workOrderId);
  if (f.from) q = q.where('m.at', '>=', startOfDayIn(timezone, f.from));
  if (f.to) q = q.where('m.at', '<', startOfDayIn(timezone, f.to, 1));
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('m')
      .select([
        's.name as store_name',
        'i.code as item_code',
        'i.name as item_name',
        'i.unit as item_unit',
        'd.number as document_number',
        'd.work_order_number',
        'dep.name as department_name',
      ])
      .orderBy('m.at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map((r): Movement => ({
      id: r.id,
      at: r.at,
      kind: r.kind as DocumentKind,
      document: { id: r.document_id, number: r.document_number },
      store: { id: r.store_id, name: r.store_name },
      item: { id: r.item_id, code: r.item_code, name: r.item_name, unit: r.item_unit },
      quantity: r.quantity,
      valueFen: Number(r.value_fen),
      balanceQuantity: r.balance_quantity,
      balanceValueFen: Number(r.balance_value_fen),
      department:
        r.department_id && r.department_name !== null
          ? { id: r.department_id, name: r.department_name }
          : null,
      workOrder: r.work_order_id ? { id: r.work_order_id, number: r.work_order_number } : null,
    })),
    total: Number(count.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

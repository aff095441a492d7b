import type { Actor } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { StoresP } from '../policy.ts';
import {
  insertDocument,
  itemsFor,
  requireDepartment,
  requireOpen,
  STORE,
  storeFor,
  type NewDocument,
  type StoreRow,
} from './document-core.ts';
import { postDocument } from './post-document.ts';
import type { Requisition, StockIn, Stocktake, Transfer } from './schema.ts';

/**
 * The documents a person writes: stock in (入库), requisition (领用),
 * transfer (调拨) and stock-take (盘点). Each is one transaction: the
 * numbered record, its lines, the stock movements and the audit row commit
 * together or not at all. `now` dates the document, its posting and its
 * ledger rows (the demo seed writes a year of history; routes pass nothing).
 */

type Created = { id: string };

/** A store the actor may act on: another site's store is a 404, so ids leak nothing. */
function visibleStore(actor: Actor, store: StoreRow, ...perms: string[]): void {
  if (!perms.some((p) => actor.access.hasAt(p, store.site_id))) throw notFound(STORE);
}

async function create(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  doc: NewDocument,
  stores: { from: StoreRow; to?: StoreRow | null },
  now: Date,
): Promise<Created> {
  return deps.db.transaction().execute(async (tx) => {
    await itemsFor(
      tx,
      actor.orgId,
      doc.lines.map((l) => l.itemId),
    );
    if (doc.departmentId) await requireDepartment(tx, actor.orgId, doc.departmentId);
    const row = await insertDocument(tx, actor, doc, now);
    if (doc.status === 'done') await postDocument(tx, deps, row, stores, now.toISOString());
    await recordAudit(tx, actor, {
      action: `create_${doc.kind}`,
      entityType: 'stock_document',
      entityId: row.id,
      siteId: doc.siteId,
      after: { number: row.number, status: doc.status, lines: doc.lines },
    });
    return { id: row.id };
  });
}

/** 入库: the price paid per unit moves the store's average. */
export async function createStockIn(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: StockIn,
  now = new Date(),
): Promise<Created> {
  const store = await storeFor(deps.db, actor.orgId, input.storeId);
  visibleStore(actor, store, StoresP.manage);
  requireOpen(store);
  return create(
    deps,
    actor,
    {
      kind: 'stock_in',
      status: 'done',
      siteId: store.site_id,
      storeId: store.id,
      supplier: input.supplier ?? null,
      note: input.note ?? null,
      lines: input.lines,
    },
    { from: store },
    now,
  );
}

/**
 * 领用: a department takes consumables. A storekeeper (stores:manage) hands
 * them out at once; a request by anyone else (stores:request) waits for
 * stores:approve at the site, and the stock leaves only when approved.
 */
export async function createRequisition(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: Requisition,
  now = new Date(),
): Promise<Created> {
  const store = await storeFor(deps.db, actor.orgId, input.storeId);
  visibleStore(actor, store, StoresP.manage, StoresP.request);
  requireOpen(store);
  const direct = actor.access.hasAt(StoresP.manage, store.site_id);
  return create(
    deps,
    actor,
    {
      kind: 'requisition',
      status: direct ? 'done' : 'pending_approval',
      siteId: store.site_id,
      storeId: store.id,
      departmentId: input.departmentId,
      note: input.note ?? null,
      lines: input.lines,
    },
    { from: store },
    now,
  );
}

/** 调拨: out of one store at its average, into the other at the same value. */
export async function createTransfer(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: Transfer,
  now = new Date(),
): Promise<Created> {
  const [from, to] = await Promise.all([
    storeFor(deps.db, actor.orgId, input.storeId),
    storeFor(deps.db, actor.orgId, input.toStoreId),
  ]);
  visibleStore(actor, from, StoresP.manage);
  if (!actor.access.hasAt(StoresP.manage, to.site_id)) throw forbidden();
  requireOpen(from);
  requireOpen(to);
  return create(
    deps,
    actor,
    {
      kind: 'transfer',
      status: 'done',
      siteId: from.site_id,
      storeId: from.id,
      toStoreId: to.id,
      note: input.note ?? null,
      lines: input.lines,
    },
    { from, to },
    now,
  );
}

/**
 * 盘点: counted quantities against the book. The adjustment (counted − book
 * at the time of counting) waits for stores:approve; approval applies it at
 * the average cost, whatever moved in between.
 */
export async function createStocktake(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: Stocktake,
  now = new Date(),
): Promise<Created> {
  const store = await storeFor(deps.db, actor.orgId, input.storeId);
  visibleStore(actor, store, StoresP.manage);
  requireOpen(store);
  const book = await deps.db
    .selectFrom('st_stock')
    .select(['item_id', 'quantity'])
    .where('org_id', '=', actor.orgId)
    .where('store_id', '=', store.id)
    .where(
      'item_id',
      'in',
      input.lines.map((l) => l.itemId),
    )
    .execute();
  const onBook = new Map(book.map((b) => [b.item_id, b.quantity]));
  return create(
    deps,
    actor,
    {
      kind: 'stocktake',
      status: 'pending_approval',
      siteId: store.site_id,
      storeId: store.id,
      note: input.note ?? null,
      lines: input.lines.map((l) => ({
        itemId: l.itemId,
        countedQuantity: l.countedQuantity,
        quantity: l.countedQuantity - (onBook.get(l.itemId) ?? 0),
      })),
    },
    { from: store },
    now,
  );
}

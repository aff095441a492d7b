import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notifyLowStock, type LowStock } from './low-stock-alert.ts';
import { itemsFor, type DocumentRow, type StoreRow } from './document-core.ts';
import type { DocumentKind } from './schema.ts';
import { moveStock } from './stock-ledger.ts';

/** A posted line: what moved and what it was worth. */
export type PostedLine = {
  lineId: string;
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
  unitCostFen: number;
  valueFen: number;
};

const OUT_KINDS: readonly DocumentKind[] = ['requisition', 'work_order'];

/**
 * Moves the stock a document describes, fills each line's cost and value,
 * totals the document and marks it done — at creation when no approval is
 * needed, or when it is approved. Stock leaves at the moving average of this
 * moment, never of the moment it was requested. Any line short of stock
 * throws 409 and the caller's transaction takes everything back.
 */
export async function postDocument(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  doc: DocumentRow,
  stores: { from: StoreRow; to?: StoreRow | null },
  at: string,
  approvedBy?: string | null,
): Promise<PostedLine[]> {
  const lines = await tx
    .selectFrom('st_document_lines')
    .select(['id', 'item_id', 'quantity', 'unit_cost_fen', 'value_fen'])
    .where('org_id', '=', doc.org_id)
    .where('document_id', '=', doc.id)
    .orderBy('id')
    .execute();
  const items = await itemsFor(
    tx,
    doc.org_id,
    lines.map((l) => l.item_id),
    { activeOnly: false },
  );
  const low: LowStock[] = [];
  const posted: PostedLine[] = [];
  const base = {
    orgId: doc.org_id,
    kind: doc.kind as DocumentKind,
    documentId: doc.id,
    departmentId: doc.department_id,
    workOrderId: doc.work_order_id,
    at,
  };
  for (const line of lines) {
    const item = items.get(line.item_id)!;
    const q = line.quantity;
    let value: number;
    if (doc.kind === 'stock_in' || doc.kind === 'work_order_return') {
      value =
        line.value_fen !== null ? Number(line.value_fen) : q * Number(line.unit_cost_fen ?? 0);
      const m = await moveStock(tx, {
        ...base,
        storeId: stores.from.id,
        item,
        quantity: q,
        valueFen: value,
      });
      if (m.lowStock) low.push({ store: stores.from, item, quantity: m.balanceQuantity });
    } else if (OUT_KINDS.includes(doc.kind as DocumentKind) || doc.kind === 'transfer') {
      const m = await moveStock(tx, { ...base, storeId: stores.from.id, item, quantity: -q });
      value = -m.valueFen;
      if (m.lowStock) low.push({ store: stores.from, item, quantity: m.balanceQuantity });
      if (doc.kind === 'transfer' && stores.to) {
        // The receiving store takes the units at the value they left with.
        const n = await moveStock(tx, {
          ...base,
          storeId: stores.to.id,
          item,
          quantity: q,
          valueFen: value,
        });
        if (n.lowStock) low.push({ store: stores.to, item, quantity: n.balanceQuantity });
      }
    } else {
      // Stock-take: the signed adjustment, at the average cost (surplus on an
      // empty shelf at the last price paid for the item).
      if (q === 0) value = 0;
      else {
        const fallback = q > 0 ? await lastPriceOf(tx, doc.org_id, item.id) : 0;
        const m = await moveStock(tx, {
          ...base,
          storeId: stores.from.id,
          item,
          quantity: q,
          ...(q > 0 && { fallbackUnitCostFen: fallback }),
        });
        value = m.valueFen;
        if (m.lowStock) low.push({ store: stores.from, item, quantity: m.balanceQuantity });
      }
    }
    const unitCostFen = q === 0 ? 0 : Math.round(Math.abs(value) / Math.abs(q));
    posted.push({
      lineId: line.id,
      itemId: item.id,
      name: item.name,
      unit: item.unit,
      quantity: q,
      unitCostFen,
      valueFen: value,
    });
    await tx
      .updateTable('st_document_lines')
      .set({ unit_cost_fen: unitCostFen, value_fen: value })
      .where('id', '=', line.id)
      .where('org_id', '=', doc.org_id)
      .execute();
  }
  const totalFen = posted.reduce((sum, l) => sum + l.valueFen, 0);
  await tx
    .updateTable('st_documents')
    .set({
      status: 'done',
      total_fen: totalFen,
      completed_at: at,
      ...(approvedBy !== undefined && { approved_by: approvedBy, approved_at: at }),
      version: (eb) => eb('version', '+', 1),
      updated_at: at,
    })
    .where('org_id', '=', doc.org_id)
    .where('id', '=', doc.id)
    .execute();
  if (low.length) await notifyLowStock(tx, deps, doc.org_id, low);
  return posted;
}

/** The last price paid for an item anywhere in the organisation (0 if never bought). */
async function lastPriceOf(tx: DbOrTx, orgId: string, itemId: string): Promise<number> {
  const row = await tx
    .selectFrom('st_movements')
    .select(['quantity', 'value_fen'])
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .where('kind', '=', 'stock_in')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && row.quantity > 0 ? Math.round(Number(row.value_fen) / row.quantity) : 0;
}

import type { DbOrTx } from '../../../platform/db/connect.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { DocumentKind } from './schema.ts';

/**
 * The one place stock changes: a signed movement on a store × item at
 * moving-average cost, with its ledger row and the balance after it.
 *
 * - In: value += the value brought (quantity × price paid, or the average of
 *   the store it came from); the average becomes (value + q×cost)/(quantity + q).
 * - Out: value leaves at the average of the moment, round(value × q / quantity);
 *   the last unit takes whatever value is left, so the value never drifts
 *   from zero when the shelf is empty.
 *
 * The stock row is updated only if nobody changed it since it was read
 * (version) and it still holds enough: of two requests for the same last
 * unit, one gets it and the other a 409 naming the item and what is on hand.
 */

export type LedgerItem = { id: string; name: string; unit: string; minStock: number };

export type Move = {
  orgId: string;
  storeId: string;
  item: LedgerItem;
  /** Positive in, negative out. */
  quantity: number;
  /** In only: the value brought in (分). Omitted: at the store's average (stock-take surplus). */
  valueFen?: number;
  /** In at the average with nothing on hand: the price to use instead (last price paid). */
  fallbackUnitCostFen?: number;
  kind: DocumentKind;
  documentId: string;
  departmentId?: string | null;
  workOrderId?: string | null;
  at: string;
};

export type Moved = {
  /** Signed, like the quantity. */
  valueFen: number;
  balanceQuantity: number;
  balanceValueFen: number;
  /** The store just fell to or below the item's minimum (and had not been told yet). */
  lowStock: boolean;
};

/** Optimistic retries before answering 409: only busy PostgreSQL rows ever need one. */
const ATTEMPTS = 5;

/** 409 "not enough on hand", in words a storekeeper understands. */
export function shortOf(
  item: { id?: string; name: string; unit: string },
  wanted: number,
  onHand: number,
) {
  return conflict(
    {
      zh: `「${item.name}」库存不足：需要 ${wanted}${item.unit}，现有 ${onHand}${item.unit}`,
      en: `Not enough "${item.name}" in store: ${wanted} ${item.unit} wanted, ${onHand} on hand`,
    },
    { itemId: item.id, wanted, onHand },
  );
}

/** Value leaving with `q` units out of `quantity` worth `value`: the last unit takes the rest. */
export function valueOut(value: number, quantity: number, q: number): number {
  if (q >= quantity) return value;
  return Math.round((value * q) / quantity);
}

/** The average cost of one unit, rounded to the 分; null when nothing is on hand. */
export function averageCost(value: number, quantity: number): number | null {
  return quantity > 0 ? Math.round(value / quantity) : null;
}

async function readStock(tx: DbOrTx, orgId: string, storeId: string, itemId: string) {
  return tx
    .selectFrom('st_stock')
    .select(['quantity', 'value_fen', 'alerted_at', 'version'])
    .where('org_id', '=', orgId)
    .where('store_id', '=', storeId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
}

/** Applies one movement and writes its ledger row, in the caller's transaction. */
export async function moveStock(tx: DbOrTx, m: Move): Promise<Moved> {
  if (m.quantity > 0) {
    // Both dialects take ON CONFLICT DO NOTHING: a first stock-in racing another never fails.
    await tx
      .insertInto('st_stock')
      .values({
        store_id: m.storeId,
        item_id: m.item.id,
        org_id: m.orgId,
        quantity: 0,
        value_fen: 0,
        alerted_at: null,
        version: 1,
        updated_at: m.at,
      })
      .onConflict((oc) => oc.columns(['store_id', 'item_id']).doNothing())
      .execute();
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await readStock(tx, m.orgId, m.storeId, m.item.id);
    const onHand = row?.quantity ?? 0;
    if (m.quantity < 0 && (!row || onHand < -m.quantity))
      throw shortOf(m.item, -m.quantity, onHand);
    if (!row) throw new Error('stock row missing after insert');
    const value = Number(row.value_fen);
    const delta =
      m.quantity < 0
        ? -valueOut(value, onHand, -m.quantity)
        : (m.valueFen ??
          (onHand > 0
            ? Math.round((value * m.quantity) / onHand)
            : m.quantity * (m.fallbackUnitCostFen ?? 0)));
    const balanceQuantity = onHand + m.quantity;
    const balanceValueFen = value + delta;
    const low = m.item.minStock > 0 && balanceQuantity <= m.item.minStock;
    // Told once until the stock rises above the minimum again.
    const lowStock = low && row.alerted_at === null;
    const alertedAt = low ? (row.alerted_at ?? m.at) : null;
    const updated = await tx
      .updateTable('st_stock')
      .set({
        quantity: balanceQuantity,
        value_fen: balanceValueFen,
        alerted_at: alertedAt,
        version: row.version + 1,
        updated_at: m.at,
      })
      .where('org_id', '=', m.orgId)
      .where('store_id', '=', m.storeId)
      .where('item_id', '=', m.item.id)
      .where('version', '=', row.version)
      .where('quantity', '>=', m.quantity < 0 ? -m.quantity : 0)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) continue;
    await tx
      .insertInto('st_movements')
      .values({
        id: newId(),
        org_id: m.orgId,
        store_id: m.storeId,
        item_id: m.item.id,
        document_id: m.documentId,
        kind: m.kind,
        quantity: m.quantity,
        value_fen: delta,
        balance_quantity: balanceQuantity,
        balance_value_fen: balanceValueFen,
        department_id: m.departmentId ?? null,
        work_order_id: m.workOrderId ?? null,
        at: m.at,
      })
      .execute();
    return { valueFen: delta, balanceQuantity, balanceValueFen, lowStock };
  }
  throw conflict({
    zh: `「${m.item.name}」库存正被频繁变动，请稍后重试`,
    en: `The stock of "${m.item.name}" is changing fast; try again`,
  });
}

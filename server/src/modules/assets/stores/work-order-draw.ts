import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { insertDocument, itemsFor, requireOpen, STORE, type StoreRow } from './document-core.ts';
import { postDocument, type PostedLine } from './post-document.ts';

/** What a completed work order takes from the stores (the maintenance hook's input). */
export type WorkOrderDrawInput = {
  siteId: string;
  workOrderId: string;
  workOrderNumber: string;
  /** The order's category name, kept for "consumption by work-order category". */
  categoryName: string;
  departmentId: string | null;
  lines: { storeId: string; itemId: string; quantity: number }[];
};

export type WorkOrderDrawn = {
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
  unitCostFen: number;
  valueFen: number;
};

async function storesOfSite(tx: DbOrTx, orgId: string, siteId: string, ids: string[]) {
  const rows = await tx
    .selectFrom('st_stores')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  // A technician draws from the stores of the order's site only.
  const stores = new Map(rows.filter((s) => s.site_id === siteId).map((s) => [s.id, s]));
  if (stores.size !== ids.length) throw notFound(STORE);
  return stores;
}

/**
 * Spare parts used on a work order (维修领料), drawn when the technician
 * completes it: one 'work_order' document per store, stock out at the moving
 * average of the moment, in the caller's transaction — a short line throws
 * 409 and the completion rolls back with it. The actor's right to complete
 * the order was checked by the maintenance module; the stores do not ask
 * for a stores permission of their own. Returns the cost per line, in the
 * order of the input lines, for the order's material lines. `now` dates the
 * documents and movements (the completion's moment; the hook passes none).
 */
export async function drawStockForWorkOrder(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  input: WorkOrderDrawInput,
  now = new Date(),
): Promise<WorkOrderDrawn[]> {
  if (input.lines.length === 0) return [];
  const keys = input.lines.map((l) => `${l.storeId}:${l.itemId}`);
  if (new Set(keys).size !== keys.length)
    throw badRequest({
      zh: '同一仓库的同一物资只能填写一行',
      en: 'Each item of a store may appear on one line only',
    });
  const storeIds = [...new Set(input.lines.map((l) => l.storeId))];
  const stores = await storesOfSite(tx, actor.orgId, input.siteId, storeIds);
  stores.forEach(requireOpen);
  await itemsFor(
    tx,
    actor.orgId,
    input.lines.map((l) => l.itemId),
  );
  const posted = new Map<string, PostedLine>();
  for (const storeId of storeIds) {
    const store = stores.get(storeId) as StoreRow;
    const lines = input.lines.filter((l) => l.storeId === storeId);
    const doc = await insertDocument(
      tx,
      actor,
      {
        kind: 'work_order',
        status: 'done',
        siteId: store.site_id,
        storeId,
        departmentId: input.departmentId,
        workOrderId: input.workOrderId,
        workOrderNumber: input.workOrderNumber,
        workOrderCategory: input.categoryName,
        note: `工单 ${input.workOrderNumber}`,
        lines: lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
      },
      now,
    );
    for (const p of await postDocument(tx, deps, doc, { from: store }, now.toISOString()))
      posted.set(`${storeId}:${p.itemId}`, p);
    await recordAudit(tx, actor, {
      action: 'create_work_order',
      entityType: 'stock_document',
      entityId: doc.id,
      siteId: store.site_id,
      after: { number: doc.number, workOrderId: input.workOrderId, lines },
    });
  }
  return keys.map((k) => {
    const p = posted.get(k)!;
    return {
      itemId: p.itemId,
      name: p.name,
      unit: p.unit,
      quantity: p.quantity,
      unitCostFen: p.unitCostFen,
      valueFen: p.valueFen,
    };
  });
}

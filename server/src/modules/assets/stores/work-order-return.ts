import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { insertDocument } from './document-core.ts';
import { postDocument } from './post-document.ts';
import type { WorkOrderDrawn } from './work-order-draw.ts';

/**
 * Puts back what a work order still holds from the stores (drawn minus
 * already returned), when its completion is undone: one 'work_order_return'
 * document per store, each line entering at exactly the value it left with,
 * so the store's value is what it was before the draw (whatever the average
 * has done since). In the caller's transaction; nothing to return → [].
 */
export async function returnStockForWorkOrder(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  actor: Actor,
  input: { workOrderId: string },
  now = new Date(),
): Promise<WorkOrderDrawn[]> {
  const held = await tx
    .selectFrom('st_movements as m')
    .innerJoin('st_stores as s', 's.id', 'm.store_id')
    .innerJoin('st_items as i', 'i.id', 'm.item_id')
    .select(['m.store_id', 'm.item_id', 'i.name', 'i.unit'])
    .select((eb) => [
      eb.fn.sum<number>('m.quantity').as('quantity'),
      eb.fn.sum<number>('m.value_fen').as('value'),
    ])
    .where('m.org_id', '=', actor.orgId)
    .where('m.work_order_id', '=', input.workOrderId)
    .where('m.kind', 'in', ['work_order', 'work_order_return'])
    .groupBy(['m.store_id', 'm.item_id', 'i.name', 'i.unit'])
    .execute();
  const open = held.filter((h) => Number(h.quantity) < 0);
  if (open.length === 0) return [];
  const drawn = await tx
    .selectFrom('st_documents')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('work_order_id', '=', input.workOrderId)
    .where('kind', '=', 'work_order')
    .orderBy('requested_at')
    .executeTakeFirstOrThrow();
  const out: WorkOrderDrawn[] = [];
  for (const storeId of [...new Set(open.map((h) => h.store_id))]) {
    const store = await tx
      .selectFrom('st_stores')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('id', '=', storeId)
      .executeTakeFirstOrThrow();
    const lines = open
      .filter((h) => h.store_id === storeId)
      .map((h) => {
        const quantity = -Number(h.quantity);
        const valueFen = -Number(h.value);
        return {
          itemId: h.item_id,
          quantity,
          valueFen,
          unitCostFen: Math.round(valueFen / quantity),
        };
      });
    const doc = await insertDocument(
      tx,
      actor,
      {
        kind: 'work_order_return',
        status: 'done',
        siteId: store.site_id,
        storeId,
        departmentId: drawn.department_id,
        workOrderId: input.workOrderId,
        workOrderNumber: drawn.work_order_number,
        workOrderCategory: drawn.work_order_category,
        note: `工单 ${drawn.work_order_number ?? ''} 退料`,
        lines,
      },
      now,
    );
    const posted = await postDocument(tx, deps, doc, { from: store }, now.toISOString());
    await recordAudit(tx, actor, {
      action: 'create_work_order_return',
      entityType: 'stock_document',
      entityId: doc.id,
      siteId: store.site_id,
      after: { number: doc.number, workOrderId: input.workOrderId, lines },
    });
    out.push(
      ...posted.map((p) => ({
        itemId: p.itemId,
        name: p.name,
        unit: p.unit,
        quantity: p.quantity,
        unitCostFen: p.unitCostFen,
        valueFen: p.valueFen,
      })),
    );
  }
  return out;
}

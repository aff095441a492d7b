import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { ActionBody } from './transition-work-order.ts';
import { stockDraw } from './stock-hook.ts';
import type { MntWorkOrdersTable } from './tables.ts';

/**
 * The technician's report on completion: labour per person, materials with
 * their cost (quantity × unit cost, rounded to the 分), outside costs, cause
 * and action. Lines add to those of earlier completions (a reopened order
 * keeps the first visit's work); the order's totals are recomputed from them.
 */
export async function completionPatch(
  tx: DbOrTx,
  actor: Actor,
  row: Selectable<MntWorkOrdersTable>,
  body: ActionBody<'complete'>,
) {
  const userIds = [...new Set(body.labour.map((l) => l.userId).filter((u): u is string => !!u))];
  const users = userIds.length
    ? await tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('org_id', '=', actor.orgId)
        .where('id', 'in', userIds)
        .execute()
    : [];
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  if (names.size !== userIds.length) throw notFound({ zh: '维修人员', en: 'Worker' });
  // Only labour with minutes is stored: a completion that recorded none adds no labour line
  // (a "0 分钟" line said nothing; who completed it is in the events). The schema refuses 0.
  const labourRows = body.labour
    .filter((l) => l.minutes > 0)
    .map((l) => ({
      id: newId(),
      org_id: actor.orgId,
      work_order_id: row.id,
      user_id: l.userId ?? null,
      worker_name: l.workerName ?? (l.userId ? (names.get(l.userId) ?? actor.name) : actor.name),
      minutes: l.minutes,
    }));
  const materialRows = body.materials.map((m) => ({
    id: newId(),
    org_id: actor.orgId,
    work_order_id: row.id,
    item_ref: m.itemRef ?? null,
    name: m.name,
    unit: m.unit ?? null,
    quantity: m.quantity,
    unit_cost_fen: m.unitCostFen,
    amount_fen: Math.round(m.quantity * m.unitCostFen),
  }));
  materialRows.push(...(await drawFromStores(tx, actor, row, body.stockLines)));
  if (labourRows.length) await tx.insertInto('mnt_labour').values(labourRows).execute();
  if (materialRows.length) await tx.insertInto('mnt_materials').values(materialRows).execute();
  const [lab, mat] = await Promise.all([
    tx
      .selectFrom('mnt_labour')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), eb.lit(0)).as('total'))
      .where('work_order_id', '=', row.id)
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom('mnt_materials')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('total'))
      .where('work_order_id', '=', row.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    patch: {
      labour_minutes: Number(lab.total),
      materials_fen: Number(mat.total),
      outside_fen: Number(row.outside_fen) + body.outsideFen,
      cause: body.cause ?? row.cause,
      action_taken: body.actionTaken,
    },
    data: {
      labour: labourRows.map((l) => ({ name: l.worker_name, minutes: l.minutes })),
      materials: materialRows.map((m) => ({
        name: m.name,
        quantity: m.quantity,
        amountFen: m.amount_fen,
      })),
      outsideFen: body.outsideFen,
    },
  };
}

/** Spare parts from the stores, at their moving-average cost, in this transaction. */
async function drawFromStores(
  tx: DbOrTx,
  actor: Actor,
  row: Selectable<MntWorkOrdersTable>,
  lines: ActionBody<'complete'>['stockLines'],
) {
  if (lines.length === 0) return [];
  const draw = stockDraw();
  if (!draw)
    throw badRequest({
      zh: '未启用物资库存，请按非库存材料登记',
      en: 'Stores are not enabled; record the materials as non-stock lines',
    });
  const category = await tx
    .selectFrom('mnt_categories')
    .select('name')
    .where('org_id', '=', actor.orgId)
    .where('id', '=', row.category_id)
    .executeTakeFirstOrThrow();
  const drawn = await draw(tx, actor, {
    siteId: row.site_id,
    workOrderId: row.id,
    workOrderNumber: row.number,
    categoryName: category.name,
    departmentId: row.department_id,
    lines,
  });
  return drawn.map((d) => ({
    id: newId(),
    org_id: actor.orgId,
    work_order_id: row.id,
    item_ref: d.itemId,
    name: d.name,
    unit: d.unit,
    quantity: d.quantity,
    unit_cost_fen: d.unitCostFen,
    amount_fen: d.valueFen,
  }));
}

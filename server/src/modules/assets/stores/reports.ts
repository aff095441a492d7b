import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { getOrganization } from '../../org/index.ts';
import type {
  ConsumptionFilter,
  ConsumptionRow,
  MovementSummaryRow,
  PeriodFilter,
} from './schema.ts';
import { readSites, startOfDayIn } from './scope.ts';

/*
 * Stock reports from the ledger (st_movements), over days of the
 * organisation's calendar: movement per item (opening, in, out, closing) and
 * consumption by department or work-order category. One grouped query each.
 */

async function period(db: DbOrTx, orgId: string, f: { from: string; to: string }) {
  const { timezone } = await getOrganization(db, orgId);
  return { fromIso: startOfDayIn(timezone, f.from), toIso: startOfDayIn(timezone, f.to, 1) };
}

function scoped(
  db: DbOrTx,
  actor: Actor,
  f: { siteId?: string | undefined; storeId?: string | undefined },
) {
  const sites = readSites(actor);
  let q = db
    .selectFrom('st_movements as m')
    .innerJoin('st_stores as s', 's.id', 'm.store_id')
    .where('m.org_id', '=', actor.orgId);
  if (sites !== 'all') q = q.where('s.site_id', 'in', sites.length ? sites : ['']);
  if (f.siteId) q = q.where('s.site_id', '=', f.siteId);
  if (f.storeId) q = q.where('m.store_id', '=', f.storeId);
  return q;
}

/**
 * 收发存: per item, what was there at the start, what came in and went out
 * during the period, and what was left. Without a store filter, a transfer
 * between two stores shows as both in and out.
 */
export async function movementSummary(
  db: DbOrTx,
  actor: Actor,
  f: PeriodFilter,
): Promise<MovementSummaryRow[]> {
  const { fromIso, toIso } = await period(db, actor.orgId, f);
  const before = (col: 'quantity' | 'value_fen') =>
    sql<number>`coalesce(sum(case when m.at < ${fromIso} then ${sql.ref(`m.${col}`)} else 0 end), 0)`;
  const during = (col: 'quantity' | 'value_fen', sign: '>' | '<') =>
    sql<number>`coalesce(sum(case when m.at >= ${fromIso} and m.quantity ${sql.raw(sign)} 0 then ${sql.ref(`m.${col}`)} else 0 end), 0)`;
  const rows = await scoped(db, actor, f)
    .innerJoin('st_items as i', 'i.id', 'm.item_id')
    .where('m.at', '<', toIso)
    .select([
      'm.item_id',
      'i.code',
      'i.name',
      'i.unit',
      before('quantity').as('open_q'),
      before('value_fen').as('open_v'),
      during('quantity', '>').as('in_q'),
      during('value_fen', '>').as('in_v'),
      during('quantity', '<').as('out_q'),
      during('value_fen', '<').as('out_v'),
    ])
    .groupBy(['m.item_id', 'i.code', 'i.name', 'i.unit'])
    .orderBy('i.code')
    .execute();
  return rows.map((r) => {
    const open = { q: Number(r.open_q), v: Number(r.open_v) };
    const inn = { q: Number(r.in_q), v: Number(r.in_v) };
    const out = { q: -Number(r.out_q), v: -Number(r.out_v) };
    return {
      item: { id: r.item_id, code: r.code, name: r.name, unit: r.unit },
      openingQuantity: open.q,
      openingValueFen: open.v,
      inQuantity: inn.q,
      inValueFen: inn.v,
      outQuantity: out.q,
      outValueFen: out.v,
      closingQuantity: open.q + inn.q - out.q,
      closingValueFen: open.v + inn.v - out.v,
    };
  });
}

/**
 * 消耗: what was taken out for use — requisitions and work-order draws, less
 * what work orders gave back — by
 * the department charged, or by the work order's category (kept on the
 * document when drawn). Transfers and stock-take losses are not consumption.
 */
export async function consumption(
  db: DbOrTx,
  actor: Actor,
  f: ConsumptionFilter,
): Promise<ConsumptionRow[]> {
  const { fromIso, toIso } = await period(db, actor.orgId, f);
  const base = scoped(db, actor, f)
    .innerJoin('st_documents as d', 'd.id', 'm.document_id')
    .where('m.at', '>=', fromIso)
    .where('m.at', '<', toIso);
  const totals = {
    quantity: sql<number>`coalesce(sum(-m.quantity), 0)`,
    value: sql<number>`coalesce(sum(-m.value_fen), 0)`,
    documents: sql<number>`count(distinct m.document_id)`,
  };
  const rows =
    f.by === 'department'
      ? await base
          .leftJoin('departments as dep', 'dep.id', 'm.department_id')
          .where('m.kind', 'in', ['requisition', 'work_order', 'work_order_return'])
          .select([
            'm.department_id as key',
            'dep.name as name',
            totals.quantity.as('quantity'),
            totals.value.as('value'),
            totals.documents.as('documents'),
          ])
          .groupBy(['m.department_id', 'dep.name'])
          .execute()
      : await base
          .where('m.kind', 'in', ['work_order', 'work_order_return'])
          .select([
            'd.work_order_category as key',
            'd.work_order_category as name',
            totals.quantity.as('quantity'),
            totals.value.as('value'),
            totals.documents.as('documents'),
          ])
          .groupBy('d.work_order_category')
          .execute();
  return rows
    .map((r) => ({
      key: r.key,
      name: r.name,
      quantity: Number(r.quantity),
      valueFen: Number(r.value),
      documents: Number(r.documents),
    }))
    .sort((a, b) => b.valueFen - a.valueFen);
}

import type { Transaction } from 'kysely';
import type { Actor } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import {
  createItem,
  createRequisition,
  createStockIn,
  createStore,
  decideDocument,
  drawStockForWorkOrder,
} from '../modules/assets/stores/index.ts';
import {
  ITEMS,
  OPENING_STOCK,
  ROUTINE_REQUISITIONS,
  SUPPLIER_OF,
  type StoreKey,
} from './demo-assets-data.ts';
import { rng } from './names.ts';

/*
 * The demo's stores over the year before the seeding moment: a central store
 * per campus stocked about twelve months ago, departments' monthly
 * requisitions, the storekeeper's reorders when an item would fall under
 * one and a half times its minimum, lighting repairs that drew LED tubes
 * (one a month), and, in the last days, a department head's approved
 * request, a member of staff's request still waiting and a filter change
 * that leaves the filters under their minimum (an alert). Everything goes
 * through the stores' services with its own `now`, in date order, so the
 * ledger's balances and moving averages are the ones the pages would have
 * produced and the movement report shows a year. Quantities come from a
 * seeded generator: the same documents every time.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Line = [code: string, quantity: number];

/** One stores document of the plan (a requisition by `by`, approved at `approvedAt` if given). */
export type StoresEvent =
  | {
      kind: 'stock_in';
      at: Date;
      store: StoreKey;
      supplier: string;
      lines: [code: string, quantity: number, unitCostFen: number][];
    }
  | {
      kind: 'requisition';
      at: Date;
      store: StoreKey;
      department: string;
      note: string;
      by: 'manager' | 'keshi' | 'zhigong';
      lines: Line[];
      approvedAt?: Date;
      /** Still waiting for an approver: no stock leaves. */
      pending?: boolean;
      /** Takes whatever leaves this many on the shelf (the lines' quantities are filled in). */
      leave?: number;
    }
  | { kind: 'draw'; at: Date; store: StoreKey; order: DrawOrder; lines: Line[] };

/** A completed lighting order of the maintenance demo that fitted LED tubes. */
export type DrawOrder = {
  materialId: string;
  orderId: string;
  number: string;
  category: string;
  departmentId: string | null;
  quantity: number;
  amountFen: number;
  completedAt: Date;
};

const ITEM_MIN = new Map(ITEMS.map((i) => [i.code, i.minStock]));
/** Store × item → its first delivery: the level reorders restore, the price they drift from. */
const OPENING = new Map<string, { q: number; cost: number }>();
for (const d of OPENING_STOCK)
  for (const [code, q, cost] of d.lines)
    if (!OPENING.has(`${d.store}:${code}`)) OPENING.set(`${d.store}:${code}`, { q, cost });

/** The storekeeper reorders when an item would fall under this. */
const reorderPoint = (code: string) => Math.ceil((ITEM_MIN.get(code) ?? 0) * 1.5);
const roundUp10 = (n: number) => Math.ceil(n / 10) * 10;

/**
 * The year's stores documents, in the order their stock moves (a request
 * when it is approved), every one before `now`:
 * openings, routine requisitions (one per department in each 30-day period),
 * the scripted last days, the given work-order draws, and the reorders the
 * simulated balances call for. Pure: the same `now` and draws give the same
 * plan, and the routine quantities do not depend on `now` at all.
 */
export function planStoresYear(now: Date, draws: readonly DrawOrder[] = []): StoresEvent[] {
  const r = rng(20261125);
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR);
  const draw = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  const events: StoresEvent[] = OPENING_STOCK.map((d) => ({
    kind: 'stock_in' as const,
    at: ago(d.daysAgo, 3),
    store: d.store,
    supplier: d.supplier,
    lines: d.lines,
  }));
  for (let month = 11; month >= 0; month--)
    for (const routine of ROUTINE_REQUISITIONS) {
      const day = draw(2, 27);
      const hour = draw(0, 8);
      const lines = routine.lines
        .map(([code, min, max]): Line => [code, draw(min, max)])
        .filter(([, q]) => q > 0);
      if (routine.months && !routine.months.includes(month)) continue;
      events.push({
        kind: 'requisition',
        at: ago(month * 30 + day, hour),
        store: routine.store,
        department: routine.department,
        note: routine.note,
        by: 'manager',
        lines,
      });
    }
  // The last days: a department head asks and the leader approves; a member of
  // staff's request waits; the filter change leaves fewer than the minimum.
  events.push(
    {
      kind: 'requisition',
      at: ago(6, 2),
      store: 'MAIN',
      department: '后勤保障部',
      note: '办公耗材',
      by: 'keshi',
      lines: [
        ['BG-001', 10],
        ['BG-002', 2],
      ],
      approvedAt: ago(5, 5),
    },
    {
      kind: 'requisition',
      at: ago(3, 4),
      store: 'MAIN',
      department: '空调组',
      note: '住院楼空调季节保养更换滤网',
      by: 'manager',
      // What leaves 16 filters on the shelf (minimum 20): the alert.
      lines: [['KT-001', 0]],
      leave: 16,
    },
    {
      kind: 'requisition',
      at: ago(1, 2),
      store: 'MAIN',
      department: '后勤保障部',
      note: '仓库洗手间补充',
      by: 'zhigong',
      lines: [['XH-003', 4]],
      pending: true,
    },
  );
  for (const order of draws)
    events.push({
      kind: 'draw',
      at: order.completedAt,
      store: 'MAIN',
      order,
      lines: [['DJ-001', order.quantity]],
    });
  const outAt = (e: StoresEvent) => (e.kind === 'requisition' && e.approvedAt) || e.at;
  events.sort((a, b) => outAt(a).getTime() - outAt(b).getTime());
  return withReorders(events, r);
}

/** Walks the plan with the stock balances, adding a reorder before any line that would go under its reorder point. */
function withReorders(events: StoresEvent[], r: () => number): StoresEvent[] {
  const balance = new Map<string, number>();
  const have = (store: StoreKey, code: string) => balance.get(`${store}:${code}`) ?? 0;
  const add = (store: StoreKey, code: string, q: number) =>
    balance.set(`${store}:${code}`, have(store, code) + q);
  const out: StoresEvent[] = [];
  let last = -Infinity;
  for (const e of events) {
    if (e.kind === 'stock_in') {
      for (const [code, q] of e.lines) add(e.store, code, q);
      out.push(e);
      last = e.at.getTime();
      continue;
    }
    if (e.kind === 'requisition' && e.pending) {
      out.push(e);
      continue;
    }
    const at = ((e.kind === 'requisition' && e.approvedAt) || e.at).getTime();
    const leave = e.kind === 'requisition' ? e.leave : undefined;
    // A line that would leave less than the reorder point (or, for `leave`, take fewer than 10).
    const need = (q: number) => (leave === undefined ? q : leave + 10);
    const short = e.lines.filter(
      ([code, q]) => have(e.store, code) - need(q) < (leave === undefined ? reorderPoint(code) : 0),
    );
    // One delivery from each supplier concerned, the day before (or between the
    // two events), of everything of theirs running low.
    for (const supplier of new Set(short.map(([code]) => SUPPLIER_OF(code)))) {
      const lines: [string, number, number][] = [];
      for (const [key, first] of OPENING) {
        const [store, code] = key.split(':') as [StoreKey, string];
        if (store !== e.store || SUPPLIER_OF(code) !== supplier) continue;
        const line = e.lines.find(([c]) => c === code);
        const wanted = line ? need(line[1]) : 0;
        const onHand = have(store, code);
        const isShort = line !== undefined && short.includes(line);
        // Whatever of theirs is under twice its minimum comes along.
        if (!isShort && onHand - wanted >= 2 * (ITEM_MIN.get(code) ?? 0)) continue;
        const target = Math.max(first.q, reorderPoint(code) + 2 * Math.max(wanted, 10));
        const quantity = roundUp10(target - onHand + wanted);
        if (quantity <= 0) continue;
        // Prices drift a little, from 3% under to 5% over the first one, to the 角.
        const price = Math.round((first.cost * (0.97 + r() * 0.08)) / 10) * 10;
        lines.push([code, quantity, price]);
        add(store, code, quantity);
      }
      const deliveredAt = new Date(at - Math.min(DAY, (at - last) / 2));
      out.push({ kind: 'stock_in', at: deliveredAt, store: e.store, supplier, lines });
    }
    const lines =
      leave === undefined
        ? e.lines
        : e.lines.map(([code]): Line => [code, have(e.store, code) - leave]);
    for (const [code, q] of lines) add(e.store, code, -q);
    out.push(e.kind === 'requisition' ? { ...e, lines } : e);
    last = at;
  }
  return out;
}

type SeedDeps = Pick<Deps, 'db' | 'config'>;

/**
 * The latest completed lighting order of the main campus that fitted LED
 * tubes in each of the last twelve 30-day periods: the technicians took them
 * from the central store.
 */
async function lightingDraws(
  tx: Transaction<Database>,
  orgId: string,
  siteId: string,
  now: Date,
): Promise<DrawOrder[]> {
  const rows = await tx
    .selectFrom('mnt_materials as m')
    .innerJoin('mnt_work_orders as w', 'w.id', 'm.work_order_id')
    .innerJoin('mnt_categories as c', 'c.id', 'w.category_id')
    .select(['m.id', 'm.quantity', 'm.amount_fen', 'w.id as order_id', 'w.number'])
    .select(['w.department_id', 'w.completed_at', 'c.name as category'])
    .where('m.org_id', '=', orgId)
    .where('m.name', '=', 'LED灯管 T8 1.2m')
    .where('w.site_id', '=', siteId)
    .where('w.completed_at', 'is not', null)
    .where('w.completed_at', '>', new Date(now.getTime() - 355 * DAY).toISOString())
    .where('w.completed_at', '<=', now.toISOString())
    .orderBy('w.completed_at', 'desc')
    .orderBy('m.id')
    .execute();
  const latest = new Map<number, DrawOrder>();
  for (const row of rows) {
    const completedAt = new Date(row.completed_at!);
    const period = Math.floor((now.getTime() - completedAt.getTime()) / (30 * DAY));
    if (latest.has(period)) continue;
    latest.set(period, {
      materialId: row.id,
      orderId: row.order_id,
      number: row.number,
      category: row.category,
      departmentId: row.department_id,
      quantity: row.quantity,
      amountFen: Number(row.amount_fen),
      completedAt,
    });
  }
  return [...latest.values()];
}

/**
 * Seeds the stores (see the comment at the top); `dept` names a department's
 * id, `siteId` a campus's. Returns what the audit row of the seed records.
 */
export async function seedStores(
  deps: SeedDeps,
  tx: Transaction<Database>,
  ctx: { siteId: (code: string) => string; dept: (name: string) => string },
  who: Record<'manager' | 'leader' | 'keshi' | 'zhigong' | 'technician', Actor>,
  now: Date,
) {
  const { manager } = who;
  const opened = new Date(now.getTime() - 365 * DAY);
  const item = new Map<string, string>();
  for (const i of ITEMS) {
    const created = await createItem(
      deps.db,
      manager,
      {
        code: i.code,
        name: i.name,
        spec: i.spec ?? null,
        unit: i.unit,
        category: i.category,
        minStock: i.minStock,
      },
      opened,
    );
    item.set(i.code, created.id);
  }
  const newStore = async (site: StoreKey, code: string, name: string) =>
    (
      await createStore(
        deps,
        manager,
        { siteId: ctx.siteId(site), code, name, keeperUserId: manager.userId },
        opened,
      )
    ).id;
  const store: Record<StoreKey, string> = {
    MAIN: await newStore('MAIN', 'ZK-MAIN', '本部中心库房'),
    EAST: await newStore('EAST', 'ZK-EAST', '东院库房'),
  };
  const draws = await lightingDraws(tx, manager.orgId, ctx.siteId('MAIN'), now);
  // Written in date order (a request is approved when its turn comes), so the
  // numbers and the ledger's balances follow the calendar.
  const plan = planStoresYear(now, draws).sort((a, b) => a.at.getTime() - b.at.getTime());
  const lines = (xs: Line[]) =>
    xs.map(([code, quantity]) => ({ itemId: item.get(code)!, quantity }));
  const approvals: { at: Date; id: string }[] = [];
  const approve = (a: { at: Date; id: string }) =>
    decideDocument(deps, who.leader, a.id, 'approve', '同意', a.at);
  for (const e of plan) {
    if (e.at > now) throw new Error(`demo stores: ${e.kind} planned after the seeding moment`);
    while (approvals[0] && approvals[0].at <= e.at) await approve(approvals.shift()!);
    if (e.kind === 'stock_in')
      await createStockIn(
        deps,
        manager,
        {
          storeId: store[e.store],
          supplier: e.supplier,
          note: null,
          lines: e.lines.map(([code, quantity, unitCostFen]) => ({
            itemId: item.get(code)!,
            quantity,
            unitCostFen,
          })),
        },
        e.at,
      );
    else if (e.kind === 'requisition') {
      const { id } = await createRequisition(
        deps,
        who[e.by],
        {
          storeId: store[e.store],
          departmentId: ctx.dept(e.department),
          note: e.note,
          lines: lines(e.lines),
        },
        e.at,
      );
      if (e.approvedAt) approvals.push({ at: e.approvedAt, id });
    } else
      await drawFor(deps, tx, who.technician, {
        siteId: ctx.siteId('MAIN'),
        storeId: store.MAIN,
        itemId: item.get('DJ-001')!,
        order: e.order,
      });
  }
  for (const a of approvals) await approve(a);
  return { items: ITEMS.length, stores: 2, workOrderDraws: draws.length };
}

/**
 * A lighting order's LED tubes leave the central store when it was
 * completed, as the completion would have with stores in use: a work-order
 * document, and the order's material line then names the item at its
 * moving-average cost.
 */
async function drawFor(
  deps: SeedDeps,
  tx: Transaction<Database>,
  technician: Actor,
  {
    siteId,
    storeId,
    itemId,
    order,
  }: { siteId: string; storeId: string; itemId: string; order: DrawOrder },
) {
  const [drawn] = await drawStockForWorkOrder(
    deps,
    tx,
    technician,
    {
      siteId,
      workOrderId: order.orderId,
      workOrderNumber: order.number,
      categoryName: order.category,
      departmentId: order.departmentId,
      lines: [{ storeId, itemId, quantity: order.quantity }],
    },
    order.completedAt,
  );
  await tx
    .updateTable('mnt_materials')
    .set({ item_ref: itemId, unit_cost_fen: drawn!.unitCostFen, amount_fen: drawn!.valueFen })
    .where('org_id', '=', technician.orgId)
    .where('id', '=', order.materialId)
    .execute();
  await tx
    .updateTable('mnt_work_orders')
    .set((eb) => ({
      materials_fen: eb('materials_fen', '+', drawn!.valueFen - order.amountFen),
    }))
    .where('org_id', '=', technician.orgId)
    .where('id', '=', order.orderId)
    .execute();
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildLocation, buildSite, buildUser } from '../../../test/factories.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';
import { systemActor } from '../../../platform/context.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import type { ConsumptionRow, DocumentDetail, MovementSummaryRow, Store } from './schema.ts';
import { buildItem, buildStore, stockIn, stockOf } from './test-support.ts';
import { returnStockForWorkOrder } from './work-order-return.ts';

let t: TestApp;
let site: { id: string };
let west: { id: string };
let room: { id: string };
let ward: { id: string };
let water: string;
let keeper: Agent;
let staff: Agent;
let tech: Agent;
let dispatcher: Agent;
let store: Store;

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin, { name: '本部' });
  west = await buildSite(t.admin, { name: '西院' });
  const building = await buildLocation(t.admin, { siteId: site.id, name: '住院楼' });
  room = await buildLocation(t.admin, {
    siteId: site.id,
    parentId: building.id,
    type: 'room',
    name: '301',
  });
  ward = await buildDepartment(t.admin, { name: '外科病房' });
  const cats = (await t.admin.get('/api/maintenance/categories')).json<
    { id: string; code: string }[]
  >();
  water = cats.find((c) => c.code === 'water')!.id;
  keeper = await buildUser(t, { roleKey: 'manager', siteId: site.id });
  staff = await buildUser(t, { roleKey: 'staff', siteId: site.id });
  tech = await buildUser(t, { roleKey: 'technician', siteId: site.id });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
  store = await buildStore(keeper, {
    siteId: site.id,
    name: '维修备件库',
    keeperUserId: keeper.userId,
  });
});
afterAll(() => t.close());

type Order = { id: string; number: string; status: string; materialsFen: number };

/** A water order of the ward, assigned to the technician and started. */
async function startedOrder(): Promise<Order> {
  const res = await staff.post('/api/maintenance/work-orders', {
    locationId: room.id,
    categoryId: water,
    description: '洗手池漏水',
    departmentId: ward.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  const wo = res.json<Order>();
  const act = (a: Agent, action: string, body: unknown = {}) =>
    a.post(`/api/maintenance/work-orders/${wo.id}/${action}`, body);
  expect((await act(dispatcher, 'assign', { assigneeUserId: tech.userId })).statusCode).toBe(200);
  expect((await act(tech, 'accept')).statusCode).toBe(200);
  expect((await act(tech, 'start')).statusCode).toBe(200);
  return wo;
}

const complete = (wo: Order, stockLines: unknown[], materials: unknown[] = []) =>
  tech.post(`/api/maintenance/work-orders/${wo.id}/complete`, {
    actionTaken: '更换阀芯',
    materials,
    stockLines,
  });

describe('work-order use', () => {
  it('draws spare parts at the moving average when the order is completed; the cost flows into it', async () => {
    const valve = await buildItem(keeper, { name: '阀芯', unit: '个' });
    await stockIn(keeper, store.id, [{ itemId: valve.id, quantity: 3, unitCostFen: 1000 }]);
    await stockIn(keeper, store.id, [{ itemId: valve.id, quantity: 1, unitCostFen: 1400 }]);

    const pick = await tech.get(`/api/stores/stock/pickable?siteId=${site.id}&q=阀芯`);
    expect(pick.statusCode, pick.body).toBe(200);
    expect(pick.json()).toEqual([
      expect.objectContaining({
        storeId: store.id,
        itemId: valve.id,
        quantity: 4,
        averageCostFen: 1100,
      }),
    ]);

    const wo = await startedOrder();
    const res = await complete(
      wo,
      [{ storeId: store.id, itemId: valve.id, quantity: 2 }],
      [{ name: '生料带', unit: '卷', quantity: 1, unitCostFen: 300 }],
    );
    expect(res.statusCode, res.body).toBe(200);
    // Two valves at 11.00 plus the non-stock tape.
    expect(res.json<Order>().materialsFen).toBe(2200 + 300);
    expect(await stockOf(keeper, store.id, valve.id)).toMatchObject({
      quantity: 2,
      valueFen: 2200,
    });

    const docs = await keeper.get('/api/stores/documents?kind=work_order');
    const doc = docs
      .json<{ items: DocumentDetail[] }>()
      .items.find((d) => d.workOrder?.id === wo.id)!;
    expect(doc).toMatchObject({
      status: 'done',
      totalFen: 2200,
      workOrder: { id: wo.id, number: wo.number },
      workOrderCategory: '水',
      department: { id: ward.id },
      requestedBy: { id: tech.userId },
    });
    const moves = await keeper.get(`/api/stores/movements?workOrderId=${wo.id}`);
    expect(moves.json<{ total: number }>().total).toBe(1);
  });

  it('refuses the completion when a store is short, and nothing is drawn', async () => {
    const gasket = await buildItem(keeper, { name: '密封圈', unit: '个' });
    await stockIn(keeper, store.id, [{ itemId: gasket.id, quantity: 1, unitCostFen: 80 }]);
    const wo = await startedOrder();
    const res = await complete(wo, [{ storeId: store.id, itemId: gasket.id, quantity: 2 }]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('「密封圈」库存不足');
    const order = await tech.get(`/api/maintenance/work-orders/${wo.id}`);
    expect(order.json<Order>().status).toBe('in_progress');
    expect((await stockOf(keeper, store.id, gasket.id))?.quantity).toBe(1);
    const moves = await keeper.get(`/api/stores/movements?workOrderId=${wo.id}`);
    expect(moves.json<{ total: number }>().total).toBe(0);
  });

  it('draws only from the stores of the order’s site', async () => {
    const item = await buildItem(t.admin);
    const westStore = await buildStore(t.admin, { siteId: west.id });
    await stockIn(t.admin, westStore.id, [{ itemId: item.id, quantity: 5, unitCostFen: 10 }]);
    const wo = await startedOrder();
    const res = await complete(wo, [{ storeId: westStore.id, itemId: item.id, quantity: 1 }]);
    expect(res.statusCode).toBe(404);
    const pick = await tech.get(`/api/stores/stock/pickable?siteId=${west.id}`);
    expect(pick.statusCode).toBe(403);
  });
});

describe('work-order return', () => {
  it('puts back what an order drew at the value it left with, once', async () => {
    const motor = await buildItem(keeper, { name: '排风扇电机', unit: '台' });
    await stockIn(keeper, store.id, [{ itemId: motor.id, quantity: 3, unitCostFen: 1000 }]);
    const wo = await startedOrder();
    expect(
      (await complete(wo, [{ storeId: store.id, itemId: motor.id, quantity: 2 }])).statusCode,
    ).toBe(200);
    // The average moves after the draw: (1000 + 1600) / 2.
    await stockIn(keeper, store.id, [{ itemId: motor.id, quantity: 1, unitCostFen: 1600 }]);
    const giveBack = () =>
      t.db
        .transaction()
        .execute((tx) =>
          returnStockForWorkOrder(t, tx, systemActor(t.orgId), { workOrderId: wo.id }),
        );
    expect(await giveBack()).toEqual([
      expect.objectContaining({ itemId: motor.id, quantity: 2, unitCostFen: 1000, valueFen: 2000 }),
    ]);
    expect(await stockOf(keeper, store.id, motor.id)).toMatchObject({
      quantity: 4,
      valueFen: 4600,
    });
    expect(await giveBack()).toEqual([]);
    const moves = await keeper.get(`/api/stores/movements?workOrderId=${wo.id}`);
    expect(
      moves
        .json<{ items: { kind: string; quantity: number }[] }>()
        .items.map((m) => [m.kind, m.quantity]),
    ).toEqual([
      ['work_order_return', 2],
      ['work_order', -2],
    ]);
  });
});

describe('minimum-stock alerts', () => {
  it('tells the keeper once when stock falls to the minimum, and again after it was restocked', async () => {
    const tape = await buildItem(keeper, { name: '绝缘胶带', unit: '卷', minStock: 2 });
    await stockIn(keeper, store.id, [{ itemId: tape.id, quantity: 5, unitCostFen: 100 }]);
    const alerts = async () =>
      (await keeper.get('/api/notifications?pageSize=100'))
        .json<{ items: { title: string; body: string }[] }>()
        .items.filter((n) => n.body.includes('绝缘胶带'));
    const take = async (quantity: number) => {
      const res = await keeper.post('/api/stores/documents/requisitions', {
        storeId: store.id,
        departmentId: ward.id,
        lines: [{ itemId: tape.id, quantity }],
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await take(2);
    expect(await alerts()).toHaveLength(0);
    await take(1); // 2 left: at the minimum
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]!.body).toContain('现有 2卷，下限 2卷');
    await take(1); // still low: no second alert
    expect(await alerts()).toHaveLength(1);
    const low = await keeper.get(`/api/stores/stock?belowMinimum=true&storeId=${store.id}`);
    expect(low.json<{ items: { item: { id: string } }[] }>().items.map((r) => r.item.id)).toContain(
      tape.id,
    );
    await stockIn(keeper, store.id, [{ itemId: tape.id, quantity: 5, unitCostFen: 100 }]);
    await take(4); // 6 → 2 again
    expect(await alerts()).toHaveLength(2);
  });
});

describe('reports', () => {
  it('sums opening, in, out and closing per item, and consumption by department and category', async () => {
    const pipe = await buildItem(keeper, { name: 'PPR 管', unit: '米' });
    await stockIn(keeper, store.id, [{ itemId: pipe.id, quantity: 10, unitCostFen: 500 }]);
    const req = await keeper.post('/api/stores/documents/requisitions', {
      storeId: store.id,
      departmentId: ward.id,
      lines: [{ itemId: pipe.id, quantity: 3 }],
    });
    expect(req.statusCode).toBe(201);
    const wo = await startedOrder();
    expect(
      (await complete(wo, [{ storeId: store.id, itemId: pipe.id, quantity: 2 }])).statusCode,
    ).toBe(200);

    // The organisation's calendar day (Asia/Shanghai), not UTC's.
    const today = todayIn('Asia/Shanghai');
    const summary = await keeper.get(
      `/api/stores/reports/movement-summary?from=${today}&to=${today}&storeId=${store.id}`,
    );
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json<MovementSummaryRow[]>().find((r) => r.item.id === pipe.id)).toMatchObject({
      openingQuantity: 0,
      inQuantity: 10,
      inValueFen: 5000,
      outQuantity: 5,
      outValueFen: 2500,
      closingQuantity: 5,
      closingValueFen: 2500,
    });
    const later = '2999-01-01';
    const opening = await keeper.get(
      `/api/stores/reports/movement-summary?from=${later}&to=${later}&storeId=${store.id}`,
    );
    expect(opening.json<MovementSummaryRow[]>().find((r) => r.item.id === pipe.id)).toMatchObject({
      openingQuantity: 5,
      openingValueFen: 2500,
      inQuantity: 0,
      closingQuantity: 5,
    });

    const byDept = await keeper.get(
      `/api/stores/reports/consumption?from=${today}&to=${today}&by=department`,
    );
    const wardRow = byDept.json<ConsumptionRow[]>().find((r) => r.key === ward.id)!;
    expect(wardRow.name).toBe('外科病房');
    expect(wardRow.valueFen).toBeGreaterThanOrEqual(2500);
    const byCategory = await keeper.get(
      `/api/stores/reports/consumption?from=${today}&to=${today}&by=work_order_category`,
    );
    const waterRow = byCategory.json<ConsumptionRow[]>().find((r) => r.name === '水')!;
    expect(waterRow.valueFen).toBeGreaterThanOrEqual(1000);

    const bad = await keeper.get(`/api/stores/reports/consumption?from=${today}&to=2000-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('开始日期不能晚于结束日期');
    for (const path of ['movement-summary', 'consumption']) {
      const x = await keeper.get(
        `/api/stores/reports/${path}/export.xlsx?from=${today}&to=${today}`,
      );
      expect(x.statusCode, x.body).toBe(200);
      expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect(
      (await staff.get(`/api/stores/reports/consumption?from=${today}&to=${today}`)).statusCode,
    ).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import type { DocumentDetail, Movement, Store } from './schema.ts';
import { buildItem, buildStore, otherOrganization, stockIn, stockOf } from './test-support.ts';

let t: TestApp;
let east: { id: string };
let west: { id: string };
let keeper: Agent;
let westManager: Agent;
let staff: Agent;
let other: Agent;
let store: Store;
let ward: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  east = await buildSite(t.admin, { name: '东院' });
  west = await buildSite(t.admin, { name: '西院' });
  keeper = await buildUser(t, { roleKey: 'manager', siteId: east.id });
  westManager = await buildUser(t, { roleKey: 'manager', siteId: west.id });
  staff = await buildUser(t, { roleKey: 'staff', siteId: east.id });
  other = await otherOrganization(t, 'stores-docs');
  store = await buildStore(keeper, { siteId: east.id, name: '东院总库' });
  ward = await buildDepartment(t.admin, { name: '内科病房' });
});
afterAll(() => t.close());

const requisition = (agent: Agent, lines: { itemId: string; quantity: number }[], s = store) =>
  agent.post('/api/stores/documents/requisitions', {
    storeId: s.id,
    departmentId: ward.id,
    lines,
  });

describe('moving-average cost', () => {
  it('moves the average on stock in and lets the last unit take the rest of the value', async () => {
    const item = await buildItem(keeper, { name: '灯管' });
    const first = await stockIn(keeper, store.id, [
      { itemId: item.id, quantity: 3, unitCostFen: 100 },
    ]);
    expect(first.number).toMatch(/^WZ-\d{4}-\d{6}$/);
    expect(first).toMatchObject({ kind: 'stock_in', status: 'done', totalFen: 300 });
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 4, unitCostFen: 101 }]);
    // (300 + 4×101) / 7 = 100.57…
    expect(await stockOf(keeper, store.id, item.id)).toMatchObject({
      quantity: 7,
      valueFen: 704,
      averageCostFen: 101,
    });
    const outs: number[] = [];
    for (const q of [2, 2, 3]) {
      const res = await requisition(keeper, [{ itemId: item.id, quantity: q }]);
      expect(res.statusCode, res.body).toBe(201);
      const doc = res.json<DocumentDetail>();
      expect(doc.status).toBe('done');
      outs.push(doc.lines[0]!.valueFen!);
    }
    // round(704×2/7)=201, round(503×2/5)=201, then the last three take the 302 left.
    expect(outs).toEqual([201, 201, 302]);
    expect(await stockOf(keeper, store.id, item.id)).toMatchObject({
      quantity: 0,
      valueFen: 0,
      averageCostFen: null,
    });
    const ledger = (await keeper.get(`/api/stores/movements?itemId=${item.id}`)).json<{
      items: Movement[];
      total: number;
    }>();
    expect(ledger.total).toBe(5);
    expect(
      ledger.items.map((m) => [m.quantity, m.valueFen, m.balanceQuantity, m.balanceValueFen]),
    ).toEqual([
      [-3, -302, 0, 0],
      [-2, -201, 3, 302],
      [-2, -201, 5, 503],
      [4, 404, 7, 704],
      [3, 300, 3, 300],
    ]);
    expect(ledger.items[0]!.department?.id).toBe(ward.id);
  });

  it('never goes below zero: 409 names the item and what is on hand', async () => {
    const item = await buildItem(keeper, { name: '水龙头', unit: '个' });
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 2, unitCostFen: 3500 }]);
    const res = await requisition(keeper, [{ itemId: item.id, quantity: 3 }]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('「水龙头」库存不足');
    expect(res.json().error.message).toContain('现有 2个');
    // Nothing of the refused document remains.
    expect((await stockOf(keeper, store.id, item.id))?.quantity).toBe(2);
    const docs = await keeper.get(`/api/stores/documents?kind=requisition&storeId=${store.id}`);
    expect(docs.json<{ items: DocumentDetail[] }>().items.every((d) => d.status === 'done')).toBe(
      true,
    );
  });

  it('gives the last unit to one of two simultaneous requisitions; the other gets 409', async () => {
    const item = await buildItem(keeper, { name: '保险丝' });
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 1, unitCostFen: 50 }]);
    const results = await Promise.all([
      requisition(keeper, [{ itemId: item.id, quantity: 1 }]),
      requisition(keeper, [{ itemId: item.id, quantity: 1 }]),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await stockOf(keeper, store.id, item.id)).toMatchObject({ quantity: 0, valueFen: 0 });
    const ledger = (await keeper.get(`/api/stores/movements?itemId=${item.id}`)).json<{
      total: number;
    }>();
    expect(ledger.total).toBe(2);
  });
});

describe('requisitions', () => {
  it('waits for stores:approve when a staff member asks, and moves stock only then', async () => {
    const item = await buildItem(keeper, { name: '打印纸' });
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 10, unitCostFen: 2000 }]);
    const res = await requisition(staff, [{ itemId: item.id, quantity: 4 }]);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentDetail>();
    expect(doc).toMatchObject({
      status: 'pending_approval',
      totalFen: 0,
      canApprove: false,
      canCancel: true,
    });
    expect((await stockOf(keeper, store.id, item.id))?.quantity).toBe(10);

    expect((await staff.post(`/api/stores/documents/${doc.id}/approve`, {})).statusCode).toBe(403);
    expect((await westManager.post(`/api/stores/documents/${doc.id}/approve`, {})).statusCode).toBe(
      404,
    );
    const mine = (await staff.get('/api/stores/documents?mine=true')).json<{
      items: { id: string }[];
    }>();
    expect(mine.items.map((d) => d.id)).toContain(doc.id);

    const approved = await keeper.post(`/api/stores/documents/${doc.id}/approve`, { note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<DocumentDetail>()).toMatchObject({
      status: 'done',
      totalFen: 8000,
      approvedBy: { id: keeper.userId },
    });
    expect(approved.json<DocumentDetail>().lines[0]).toMatchObject({
      unitCostFen: 2000,
      valueFen: 8000,
    });
    expect((await stockOf(keeper, store.id, item.id))?.quantity).toBe(6);
    const again = await keeper.post(`/api/stores/documents/${doc.id}/approve`, {});
    expect(again.statusCode).toBe(409);
  });

  it('lets the requester cancel and an approver reject; neither moves stock', async () => {
    const item = await buildItem(keeper);
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 5, unitCostFen: 100 }]);
    const a = (await requisition(staff, [{ itemId: item.id, quantity: 1 }])).json<DocumentDetail>();
    const b = (await requisition(staff, [{ itemId: item.id, quantity: 1 }])).json<DocumentDetail>();
    const cancelled = await staff.post(`/api/stores/documents/${a.id}/cancel`, {});
    expect(cancelled.json<DocumentDetail>().status).toBe('cancelled');
    const rejected = await keeper.post(`/api/stores/documents/${b.id}/reject`, {
      note: '库存留作急用',
    });
    expect(rejected.json<DocumentDetail>()).toMatchObject({ status: 'rejected' });
    expect(rejected.json<DocumentDetail>().note).toContain('库存留作急用');
    expect((await stockOf(keeper, store.id, item.id))?.quantity).toBe(5);
  });

  it('answers 409 at approval when the stock has gone meanwhile', async () => {
    const item = await buildItem(keeper);
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 2, unitCostFen: 100 }]);
    const doc = (
      await requisition(staff, [{ itemId: item.id, quantity: 2 }])
    ).json<DocumentDetail>();
    await requisition(keeper, [{ itemId: item.id, quantity: 1 }]);
    const res = await keeper.post(`/api/stores/documents/${doc.id}/approve`, {});
    expect(res.statusCode).toBe(409);
    const still = await keeper.get(`/api/stores/documents/${doc.id}`);
    expect(still.json<DocumentDetail>().status).toBe('pending_approval');
  });

  it('rejects bad lines with readable messages', async () => {
    const item = await buildItem(keeper);
    const dup = await requisition(keeper, [
      { itemId: item.id, quantity: 1 },
      { itemId: item.id, quantity: 2 },
    ]);
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('同一物资只能填写一行');
    const frac = await requisition(keeper, [{ itemId: item.id, quantity: 1.5 }]);
    expect(frac.statusCode).toBe(400);
    expect(frac.body).toContain('数量须为整数');
    const none = await requisition(keeper, []);
    expect(none.body).toContain('至少填写一行物资');
  });
});

describe('site and organisation boundaries', () => {
  it('hides a site’s stock, ledger and documents from other sites and organisations', async () => {
    const item = await buildItem(keeper);
    const doc = await stockIn(keeper, store.id, [
      { itemId: item.id, quantity: 1, unitCostFen: 100 },
    ]);
    expect((await westManager.get(`/api/stores/stock?itemId=${item.id}`)).json().total).toBe(0);
    expect((await westManager.get(`/api/stores/movements?itemId=${item.id}`)).json().total).toBe(0);
    expect((await westManager.get(`/api/stores/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/stores/documents/${doc.id}`)).statusCode).toBe(404);
    const into = await westManager.post('/api/stores/documents/stock-in', {
      storeId: store.id,
      lines: [{ itemId: item.id, quantity: 1, unitCostFen: 1 }],
    });
    expect(into.statusCode).toBe(404);
    const theirItem = await other.post('/api/stores/documents/stock-in', {
      storeId: store.id,
      lines: [{ itemId: item.id, quantity: 1, unitCostFen: 1 }],
    });
    expect(theirItem.statusCode).toBe(404);
    expect((await staff.get('/api/stores/stock')).statusCode).toBe(403);
  });
});

describe('transfers and stock-takes', () => {
  it('moves stock between stores at the average, the receiving store at the same value', async () => {
    const item = await buildItem(keeper);
    const second = await buildStore(keeper, { siteId: east.id, name: '东院二库' });
    await stockIn(keeper, store.id, [{ itemId: item.id, quantity: 3, unitCostFen: 333 }]);
    const res = await keeper.post('/api/stores/documents/transfers', {
      storeId: store.id,
      toStoreId: second.id,
      lines: [{ itemId: item.id, quantity: 2 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DocumentDetail>()).toMatchObject({ kind: 'transfer', totalFen: 666 });
    expect(await stockOf(keeper, second.id, item.id)).toMatchObject({ quantity: 2, valueFen: 666 });
    expect(await stockOf(keeper, store.id, item.id)).toMatchObject({ quantity: 1, valueFen: 333 });
    const westStore = await buildStore(westManager, { siteId: west.id });
    const across = await keeper.post('/api/stores/documents/transfers', {
      storeId: store.id,
      toStoreId: westStore.id,
      lines: [{ itemId: item.id, quantity: 1 }],
    });
    expect(across.statusCode).toBe(403);
    const same = await keeper.post('/api/stores/documents/transfers', {
      storeId: store.id,
      toStoreId: store.id,
      lines: [{ itemId: item.id, quantity: 1 }],
    });
    expect(same.statusCode).toBe(400);
  });

  it('records counted quantities and applies the difference at average cost when approved', async () => {
    const short = await buildItem(keeper, { name: '螺丝' });
    const extra = await buildItem(keeper, { name: '垫片' });
    const fresh = await buildItem(keeper, { name: '胶带' });
    await stockIn(keeper, store.id, [
      { itemId: short.id, quantity: 10, unitCostFen: 20 },
      { itemId: extra.id, quantity: 4, unitCostFen: 50 },
    ]);
    // Bought once before into another store: a surplus on an empty shelf takes that price.
    const second = await buildStore(keeper, { siteId: east.id });
    await stockIn(keeper, second.id, [{ itemId: fresh.id, quantity: 1, unitCostFen: 120 }]);
    const res = await keeper.post('/api/stores/documents/stocktakes', {
      storeId: store.id,
      lines: [
        { itemId: short.id, countedQuantity: 7 },
        { itemId: extra.id, countedQuantity: 6 },
        { itemId: fresh.id, countedQuantity: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentDetail>();
    expect(doc.status).toBe('pending_approval');
    const byItem = (d: DocumentDetail) => new Map(d.lines.map((l) => [l.item.id, l]));
    expect(byItem(doc).get(short.id)).toMatchObject({ countedQuantity: 7, quantity: -3 });
    expect((await stockOf(keeper, store.id, short.id))?.quantity).toBe(10);

    const approved = await keeper.post(`/api/stores/documents/${doc.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const lines = byItem(approved.json<DocumentDetail>());
    expect(lines.get(short.id)).toMatchObject({ quantity: -3, valueFen: -60 });
    expect(lines.get(extra.id)).toMatchObject({ quantity: 2, valueFen: 100 });
    expect(lines.get(fresh.id)).toMatchObject({ quantity: 2, valueFen: 240 });
    expect(approved.json<DocumentDetail>().totalFen).toBe(280);
    expect(await stockOf(keeper, store.id, short.id)).toMatchObject({ quantity: 7, valueFen: 140 });
    expect(await stockOf(keeper, store.id, extra.id)).toMatchObject({ quantity: 6, valueFen: 300 });
  });

  it('lets only stores:approve holders approve a stock-take', async () => {
    const item = await buildItem(keeper);
    const clerk = await buildUser(t, { roleKey: 'manager', siteId: east.id });
    const res = await clerk.post('/api/stores/documents/stocktakes', {
      storeId: store.id,
      lines: [{ itemId: item.id, countedQuantity: 1 }],
    });
    const doc = res.json<DocumentDetail>();
    expect((await staff.post(`/api/stores/documents/${doc.id}/approve`, {})).statusCode).toBe(404);
    const leader = await buildUser(t, { roleKey: 'leader', siteId: east.id });
    const ok = await leader.post(`/api/stores/documents/${doc.id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await stockOf(keeper, store.id, item.id))?.quantity).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { buildDepartment, buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import {
  createRequisition,
  createStockIn,
  decideDocument,
  drawStockForWorkOrder,
} from './index.ts';
import type { DocumentDetail, Movement, MovementSummaryRow, Store } from './schema.ts';
import { buildItem, buildStore, stockOf } from './test-support.ts';

/*
 * The stores' services take the moment they act at (`now`), as the demo seed
 * uses them to write a year of history: the document's dates, its posting
 * and its ledger rows carry that moment, and the reports place it there.
 * Routes pass none and act now (the other stores tests).
 */

let t: TestApp;
let site: { id: string };
let store: Store;
let ward: { id: string };
let staff: Agent;
/** The administrator as the services see them. */
let admin: Actor;

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin, { name: '本部' });
  store = await buildStore(t.admin, { siteId: site.id, name: '中心库房' });
  ward = await buildDepartment(t.admin, { name: '内科病房' });
  staff = await buildUser(t, { roleKey: 'staff', siteId: site.id });
  admin = { ...systemActor(t.orgId, '系统管理员'), userId: t.admin.userId };
});
afterAll(() => t.close());

const ledgerOf = async (itemId: string) => {
  const res = await t.admin.get(`/api/stores/movements?itemId=${itemId}`);
  expect(res.statusCode, res.body).toBe(200);
  // Newest first.
  return res.json<{ items: Movement[] }>().items;
};
const documentOf = async (id: string) => {
  const res = await t.admin.get(`/api/stores/documents/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DocumentDetail>();
};

describe('documents dated by the caller', () => {
  it('posts a stock-in with a past `now`: the document, its number and the ledger carry that date', async () => {
    const item = await buildItem(t.admin, { name: '灯管' });
    const past = new Date('2025-03-14T02:30:00.000Z');
    const { id } = await createStockIn(
      t,
      admin,
      {
        storeId: store.id,
        supplier: '五金商行',
        note: null,
        lines: [{ itemId: item.id, quantity: 10, unitCostFen: 1650 }],
      },
      past,
    );
    const doc = await documentOf(id);
    expect(doc).toMatchObject({
      status: 'done',
      requestedAt: past.toISOString(),
      completedAt: past.toISOString(),
      totalFen: 16_500,
    });
    // Numbered in the year of the document, not of the day it was written.
    expect(doc.number).toMatch(/^WZ-2025-\d{6}$/);
    const [move] = await ledgerOf(item.id);
    expect(move).toMatchObject({
      at: past.toISOString(),
      quantity: 10,
      valueFen: 16_500,
      balanceQuantity: 10,
    });
    // The movement report of that month has the delivery; the month after opens with it.
    const summary = async (from: string, to: string) => {
      const res = await t.admin.get(
        `/api/stores/reports/movement-summary?from=${from}&to=${to}&storeId=${store.id}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MovementSummaryRow[]>().find((r) => r.item.id === item.id);
    };
    expect(await summary('2025-03-01', '2025-03-31')).toMatchObject({
      openingQuantity: 0,
      inQuantity: 10,
      inValueFen: 16_500,
      closingQuantity: 10,
    });
    expect(await summary('2025-04-01', '2025-04-30')).toMatchObject({
      openingQuantity: 10,
      inQuantity: 0,
      closingQuantity: 10,
    });
  });

  it('approves a request at the given moment, and the stock leaves then, at that moment’s average', async () => {
    const item = await buildItem(t.admin, { name: '消毒液' });
    await createStockIn(
      t,
      admin,
      {
        storeId: store.id,
        supplier: null,
        note: null,
        lines: [{ itemId: item.id, quantity: 4, unitCostFen: 3500 }],
      },
      new Date('2025-05-02T01:00:00.000Z'),
    );
    const asked = await staff.post('/api/stores/documents/requisitions', {
      storeId: store.id,
      departmentId: ward.id,
      lines: [{ itemId: item.id, quantity: 3 }],
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json<DocumentDetail>();
    expect(request.status).toBe('pending_approval');
    // Asked today (the route passes no moment); approved on a day of the past.
    expect(Date.now() - Date.parse(request.requestedAt)).toBeLessThan(60_000);
    const approvedAt = new Date('2025-05-06T08:15:00.000Z');
    await decideDocument(t, admin, request.id, 'approve', '同意', approvedAt);
    expect(await documentOf(request.id)).toMatchObject({
      status: 'done',
      approvedAt: approvedAt.toISOString(),
      completedAt: approvedAt.toISOString(),
      totalFen: 10_500,
    });
    const [out, delivered] = await ledgerOf(item.id);
    expect(out).toMatchObject({ at: approvedAt.toISOString(), quantity: -3, valueFen: -10_500 });
    expect(delivered!.at).toBe('2025-05-02T01:00:00.000Z');
    expect(await stockOf(t.admin, store.id, item.id)).toMatchObject({
      quantity: 1,
      valueFen: 3500,
    });
  });

  it('dates a requisition and a work-order draw by their `now`', async () => {
    const item = await buildItem(t.admin, { name: '阀芯' });
    await createStockIn(
      t,
      admin,
      {
        storeId: store.id,
        supplier: null,
        note: null,
        lines: [{ itemId: item.id, quantity: 5, unitCostFen: 1000 }],
      },
      new Date('2025-06-01T00:00:00.000Z'),
    );
    const handedOut = new Date('2025-06-03T03:00:00.000Z');
    const { id } = await createRequisition(
      t,
      admin,
      {
        storeId: store.id,
        departmentId: ward.id,
        note: null,
        lines: [{ itemId: item.id, quantity: 2 }],
      },
      handedOut,
    );
    expect(await documentOf(id)).toMatchObject({
      status: 'done',
      requestedAt: handedOut.toISOString(),
      completedAt: handedOut.toISOString(),
    });
    const completed = new Date('2025-06-20T09:45:00.000Z');
    const drawn = await t.db.transaction().execute((tx) =>
      drawStockForWorkOrder(
        t,
        tx,
        admin,
        {
          siteId: site.id,
          workOrderId: newId(),
          workOrderNumber: 'WX-2025-000042',
          categoryName: '给排水',
          departmentId: ward.id,
          lines: [{ storeId: store.id, itemId: item.id, quantity: 1 }],
        },
        completed,
      ),
    );
    expect(drawn).toMatchObject([{ quantity: 1, unitCostFen: 1000, valueFen: 1000 }]);
    const ledger = await ledgerOf(item.id);
    expect(ledger.map((m) => [m.kind, m.at, m.balanceQuantity])).toEqual([
      ['work_order', completed.toISOString(), 2],
      ['requisition', handedOut.toISOString(), 3],
      ['stock_in', '2025-06-01T00:00:00.000Z', 5],
    ]);
  });
});

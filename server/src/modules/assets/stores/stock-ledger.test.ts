import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { buildSite } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { averageCost, moveStock, valueOut, type LedgerItem } from './stock-ledger.ts';
import { buildItem, buildStore, stockIn } from './test-support.ts';

describe('moving-average arithmetic', () => {
  it('takes value out in proportion, rounded to the 分, and the last unit takes the rest', () => {
    expect(valueOut(1000, 3, 1)).toBe(333);
    expect(valueOut(1000, 3, 2)).toBe(667);
    expect(valueOut(667, 2, 2)).toBe(667);
    expect(valueOut(5, 10, 1)).toBe(1); // 0.5 rounds up
    expect(averageCost(704, 7)).toBe(101);
    expect(averageCost(0, 0)).toBeNull();
  });
});

describe('concurrent movements on one stock row', () => {
  let t: TestApp;
  let storeId: string;
  let item: LedgerItem;

  beforeAll(async () => {
    t = await createTestApp();
    const site = await buildSite(t.admin);
    storeId = (await buildStore(t.admin, { siteId: site.id })).id;
    const built = await buildItem(t.admin, { name: '电池' });
    item = { id: built.id, name: built.name, unit: built.unit, minStock: 0 };
    await stockIn(t.admin, storeId, [{ itemId: item.id, quantity: 1, unitCostFen: 700 }]);
  });
  afterAll(() => t.close());

  it('lets one of two overlapping transactions take the last unit; the other is told what is on hand', async () => {
    const doc = await t.db
      .selectFrom('st_documents')
      .select('id')
      .where('org_id', '=', t.orgId)
      .executeTakeFirstOrThrow();
    // Each transaction reads, updates, then holds its lock a moment before
    // committing, so on PostgreSQL the second one's update waits for the
    // first and then finds the row changed (SQLite runs them one after the other).
    const take = () =>
      t.db.transaction().execute(async (tx) => {
        const moved = await moveStock(tx, {
          orgId: t.orgId,
          storeId,
          item,
          quantity: -1,
          kind: 'requisition',
          documentId: doc.id,
          at: new Date().toISOString(),
        });
        await new Promise((r) => setTimeout(r, 50));
        return moved;
      });
    const results = await Promise.allSettled([take(), take()]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(ok[0]!.value).toMatchObject({ valueFen: -700, balanceQuantity: 0, balanceValueFen: 0 });
    expect(refused).toHaveLength(1);
    const err = refused[0]!.reason as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.text.zh).toContain('现有 0个');
    const row = await t.db
      .selectFrom('st_stock')
      .select(['quantity', 'value_fen'])
      .where('store_id', '=', storeId)
      .where('item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect({ q: row.quantity, v: Number(row.value_fen) }).toEqual({ q: 0, v: 0 });
  });
});

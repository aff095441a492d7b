import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { assetNetValue } from './operations/index.ts';
import { buildAssets, buildCategory } from './operations/test-support.ts';
import { netValueSql } from './net-value-sql.ts';

let t: TestApp;
const ids: string[] = [];

/** Terms that reach every branch of depreciation.ts: no plan, before, during, after, rounding. */
const CASES: {
  original: number;
  method: string;
  life: number | null;
  residualBp: number;
  inService: string | null;
  purchase: string | null;
}[] = [
  {
    original: 100_000,
    method: 'none',
    life: 60,
    residualBp: 0,
    inService: '2020-01-01',
    purchase: null,
  },
  {
    original: 60_000,
    method: 'straight_line',
    life: 60,
    residualBp: 0,
    inService: '2024-03-31',
    purchase: null,
  },
  {
    original: 60_000,
    method: 'straight_line',
    life: 60,
    residualBp: 0,
    inService: null,
    purchase: '2023-11-02',
  },
  {
    original: 60_000,
    method: 'straight_line',
    life: 60,
    residualBp: 0,
    inService: null,
    purchase: null,
  },
  {
    original: 12_345,
    method: 'straight_line',
    life: 36,
    residualBp: 500,
    inService: '2023-06-15',
    purchase: '2023-05-01',
  },
  // residual 5000.5 分 rounds up to 5001, as Math.round does.
  {
    original: 10_001,
    method: 'straight_line',
    life: 12,
    residualBp: 5000,
    inService: '2024-01-01',
    purchase: null,
  },
  {
    original: 100_003,
    method: 'straight_line',
    life: 7,
    residualBp: 0,
    inService: '2024-02-29',
    purchase: null,
  },
  {
    original: 50_000,
    method: 'straight_line',
    life: 0,
    residualBp: 0,
    inService: '2024-02-01',
    purchase: null,
  },
  {
    original: 50_000,
    method: 'straight_line',
    life: null,
    residualBp: 0,
    inService: '2024-02-01',
    purchase: null,
  },
  {
    original: 0,
    method: 'straight_line',
    life: 24,
    residualBp: 300,
    inService: '2022-12-31',
    purchase: null,
  },
  {
    original: 99_999_999,
    method: 'straight_line',
    life: 600,
    residualBp: 10_000,
    inService: '2010-07-07',
    purchase: null,
  },
  {
    original: 80_000,
    method: 'straight_line',
    life: 120,
    residualBp: 300,
    inService: '2031-01-01',
    purchase: null,
  },
];

beforeAll(async () => {
  t = await createTestApp();
  const site = (await buildSite(t.admin)).id;
  const categoryId = await buildCategory(t);
  for (const c of CASES) {
    const [id] = await buildAssets(t, site, 1, { categoryId, originalValueFen: c.original });
    await t.db
      .updateTable('ast_assets')
      .set({
        depreciation_method: c.method,
        life_months: c.life,
        residual_bp: c.residualBp,
        in_service_date: c.inService,
        purchase_date: c.purchase,
      })
      .where('id', '=', id!)
      .execute();
    ids.push(id!);
  }
});
afterAll(() => t.close());

describe('net value in SQL', () => {
  it('equals depreciation.ts card by card, on every date', async () => {
    const rows = await t.db
      .selectFrom('ast_assets')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    let depreciatedSome = 0;
    for (const asOf of ['2023-12-31', '2024-03-31', '2024-04-01', '2026-11-25', '2060-01-01']) {
      const sqlNet = await t.db
        .selectFrom('ast_assets as a')
        .select(['a.id', netValueSql(asOf).as('net')])
        .where('a.id', 'in', ids)
        .orderBy('a.id')
        .execute();
      const expected = rows.map((r) => ({ id: r.id, net: assetNetValue(r, asOf) }));
      expect(sqlNet.map((r) => ({ id: r.id, net: Number(r.net) }))).toEqual(expected);
      depreciatedSome += expected.filter(
        (e, i) => e.net !== Number(rows[i]!.original_value_fen),
      ).length;
    }
    // The cases are not all trivially "no depreciation".
    expect(depreciatedSome).toBeGreaterThan(10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/context.ts';
import { buildDepartment, buildSite, type Site } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addDays, createOperation, localToday, orgTimeZone } from '../operations/index.ts';
import type { Category } from './schema.ts';
import { buildAsset, buildCategory, setApprovalKinds, sheetRows, userFor } from './test-kit.ts';

/*
 * 资产增减变动表 of 2025 (the organisation's calendar, UTC+8): for each
 * category, opening + added − removed = closing, with cards that enter,
 * leave, enter and leave within the year, enter after it, left before it,
 * and a disposal exactly at the year's first local midnight.
 */

type Sum = { count: number; quantity: number; originalValueFen: number };
type Columns = { opening: Sum; added: Sum; removed: Sum; closing: Sum };
type Report = {
  from: string;
  to: string;
  rows: ({ category: { id: string; code: string; name: string } } & Columns)[];
  totals: Columns;
  addedBySource: (Sum & { source: string })[];
  removedByKind: (Sum & { kind: string })[];
};

const COLUMNS = ['opening', 'added', 'removed', 'closing'] as const;
const FIELDS = ['count', 'quantity', 'originalValueFen'] as const;

let t: TestApp;
let site: Site;
let other: Site;
let catA: Category;
let catB: Category;

async function disposeAt(assetId: string, at: string) {
  await createOperation(
    { db: t.db, config: t.config },
    systemActor(t.orgId),
    { kind: 'dispose', assetIds: [assetId], reason: '报废' },
    new Date(at),
  );
}

/** The report; its totals are the sums of its rows, and every row closes as it opened plus changes. */
async function report(query: string, agent = t.admin): Promise<Report> {
  const res = await agent.get(`/api/assets/reports/changes?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json<Report>();
  for (const row of [...r.rows, { category: { code: '合计' }, ...r.totals }]) {
    for (const f of FIELDS)
      expect(row.closing[f], `${row.category.code} ${f}`).toBe(
        row.opening[f] + row.added[f] - row.removed[f],
      );
  }
  for (const c of COLUMNS)
    for (const f of FIELDS)
      expect(r.totals[c][f], `${c} ${f}`).toBe(r.rows.reduce((s, row) => s + row[c][f], 0));
  for (const f of FIELDS)
    expect(
      r.addedBySource.reduce((s, x) => s + x[f], 0),
      `by source ${f}`,
    ).toBe(r.totals.added[f]);
  for (const f of FIELDS)
    expect(
      r.removedByKind.reduce((s, x) => s + x[f], 0),
      `by kind ${f}`,
    ).toBe(r.totals.removed[f]);
  return r;
}

const rowOf = (r: Report, c: Category) => r.rows.find((row) => row.category.id === c.id);

beforeAll(async () => {
  t = await createTestApp();
  await setApprovalKinds(t, []);
  site = await buildSite(t.admin);
  other = await buildSite(t.admin);
  // Tracked in bulk: one of its cards holds 40 chairs.
  catA = await buildCategory(t.admin, { lifeMonths: 60, tracking: 'bulk' });
  catB = await buildCategory(t.admin, { lifeMonths: 120 });
  const card = (categoryId: string, input: Record<string, unknown>, at = site) =>
    buildAsset(t.admin, { siteId: at.id, categoryId, ...input });

  // A: on the books all year.
  await card(catA.id, { unitPriceFen: 100_000, inServiceDate: '2024-03-01' });
  // A: donated in May, 40 chairs on one card.
  await card(catA.id, {
    unitPriceFen: 5_000,
    quantity: 40,
    inServiceDate: '2025-05-10',
    source: 'donation',
  });
  // A: on the books since 2024, scrapped in July.
  const scrapped = await card(catA.id, { unitPriceFen: 30_000, inServiceDate: '2024-06-01' });
  await disposeAt(scrapped.id, '2025-07-01T02:00:00.000Z');
  // A: disposed at 00:00 on 1 January 2025 local time: on the books at the start, removed in the year.
  const atMidnight = await card(catA.id, { unitPriceFen: 7_000, inServiceDate: '2020-01-01' });
  await disposeAt(atMidnight.id, '2024-12-31T16:00:00.000Z');
  // A: disposed one minute earlier (23:59 on 31 December local): in no column.
  const before = await card(catA.id, { unitPriceFen: 9_000, inServiceDate: '2020-01-01' });
  await disposeAt(before.id, '2024-12-31T15:59:00.000Z');
  // B: bought in February and lost for good in March (both within the year).
  const brief = await card(catB.id, { unitPriceFen: 20_000, inServiceDate: '2025-02-01' });
  await disposeAt(brief.id, '2025-03-01T03:00:00.000Z');
  // B: in service on 5 January 2026: after the period.
  await card(catB.id, { unitPriceFen: 50_000, inServiceDate: '2026-01-05' });
  // B: bought (no in-service date) on the year's last day.
  await card(catB.id, { unitPriceFen: 11_000, purchaseDate: '2025-12-31', source: 'transfer_in' });
  // Another campus: not in this campus's report.
  await card(catA.id, { unitPriceFen: 999_000, inServiceDate: '2025-02-02' }, other);
});
afterAll(() => t.close());

describe('资产增减变动表', () => {
  it('opens, adds, removes and closes each category by the organisation calendar', async () => {
    const r = await report(`from=2025-01-01&to=2025-12-31&siteId=${site.id}`);
    expect(r.from).toBe('2025-01-01');
    expect(r.to).toBe('2025-12-31');
    expect(rowOf(r, catA)).toMatchObject({
      opening: { count: 3, quantity: 3, originalValueFen: 137_000 },
      added: { count: 1, quantity: 40, originalValueFen: 200_000 },
      removed: { count: 2, quantity: 2, originalValueFen: 37_000 },
      closing: { count: 2, quantity: 41, originalValueFen: 300_000 },
    });
    expect(rowOf(r, catB)).toMatchObject({
      opening: { count: 0, quantity: 0, originalValueFen: 0 },
      added: { count: 2, quantity: 2, originalValueFen: 31_000 },
      removed: { count: 1, quantity: 1, originalValueFen: 20_000 },
      closing: { count: 1, quantity: 1, originalValueFen: 11_000 },
    });
    expect(r.rows).toHaveLength(2);
    expect(r.addedBySource).toEqual([
      { source: 'donation', count: 1, quantity: 40, originalValueFen: 200_000 },
      { source: 'purchase', count: 1, quantity: 1, originalValueFen: 20_000 },
      { source: 'transfer_in', count: 1, quantity: 1, originalValueFen: 11_000 },
    ]);
  });

  it("a period's closing is the next period's opening", async () => {
    const h1 = await report(`from=2025-01-01&to=2025-06-30&siteId=${site.id}`);
    const h2 = await report(`from=2025-07-01&to=2025-12-31&siteId=${site.id}`);
    const year = await report(`from=2025-01-01&to=2025-12-31&siteId=${site.id}`);
    expect(h2.totals.opening).toEqual(h1.totals.closing);
    expect(h1.totals.opening).toEqual(year.totals.opening);
    expect(h2.totals.closing).toEqual(year.totals.closing);
    for (const f of FIELDS) {
      expect(h1.totals.added[f] + h2.totals.added[f]).toBe(year.totals.added[f]);
      expect(h1.totals.removed[f] + h2.totals.removed[f]).toBe(year.totals.removed[f]);
    }
    // The July scrapping falls in the second half.
    expect(rowOf(h2, catA)!.removed.originalValueFen).toBe(30_000);
  });

  it('shows a campus reader only their campus, and refuses a reversed period', async () => {
    const reader = await userFor(t, { roleKey: 'auditor', siteId: other.id });
    const theirs = await report('from=2025-01-01&to=2025-12-31', reader);
    expect(theirs.totals.closing).toEqual({ count: 1, quantity: 1, originalValueFen: 999_000 });
    const all = await report('from=2025-01-01&to=2025-12-31');
    expect(all.totals.closing.originalValueFen).toBe(300_000 + 11_000 + 999_000);
    const bad = await t.admin.get('/api/assets/reports/changes?from=2025-12-31&to=2025-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain(
      '开始日期不能晚于结束日期',
    );
  });

  it('exports the same figures to Excel, with additions by source', async () => {
    const res = await t.admin.get(
      `/api/assets/reports/changes.xlsx?from=2025-01-01&to=2025-12-31&siteId=${site.id}`,
    );
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual([
      '分类编码',
      '资产分类（2025-01-01至2025-12-31）',
      '期初卡片数',
      '期初数量',
      '期初原值（元）',
    ]);
    const a = rows.find((row) => row[0] === catA.code)!;
    expect(a.slice(2).map(Number)).toEqual([3, 3, 1370, 1, 40, 2000, 2, 2, 370, 2, 41, 3000]);
    const total = rows.find((row) => row[1] === '合计')!;
    expect(total.slice(2).map(Number)).toEqual([3, 3, 1370, 3, 42, 2310, 3, 3, 570, 3, 42, 3110]);
    expect(
      rows
        .find((row) => row[1] === '其中：捐赠')!
        .slice(5)
        .map(Number),
    ).toEqual([1, 40, 2000]);
  });

  it('adds a card registered without any date in the period of its registration', async () => {
    const campus = await buildSite(t.admin);
    const desks = await buildCategory(t.admin, { lifeMonths: 180 });
    // No purchase or in-service date: on the books from its registration (today).
    await buildAsset(t.admin, { siteId: campus.id, categoryId: desks.id, unitPriceFen: 45_000 });
    const today = localToday(await orgTimeZone(t.db, t.orgId));
    const r = await report(`from=${today.slice(0, 4)}-01-01&to=${today}&siteId=${campus.id}`);
    const one = { count: 1, quantity: 1, originalValueFen: 45_000 };
    expect(rowOf(r, desks)).toMatchObject({ added: one, closing: one });
    expect(r.addedBySource).toEqual([{ source: 'purchase', ...one }]);
  });

  it('counts a move between campuses as removed at one and added at the other, and a past period as it was', async () => {
    const east = await buildSite(t.admin);
    const west = await buildSite(t.admin);
    const beds = await buildCategory(t.admin, { lifeMonths: 96 });
    const ward = await buildDepartment(t.admin, { name: '西院病区' });
    const bed = await buildAsset(t.admin, {
      siteId: east.id,
      categoryId: beds.id,
      unitPriceFen: 100_000,
      inServiceDate: '2025-03-01',
    });
    await buildAsset(t.admin, {
      siteId: west.id,
      categoryId: beds.id,
      unitPriceFen: 60_000,
      inServiceDate: '2025-03-01',
    });
    const eastYear = await report(`from=2025-01-01&to=2025-12-31&siteId=${east.id}`);

    // Today the bed goes to the west campus's ward (an idle request does the same).
    const move = await t.admin.post('/api/assets/operations', {
      kind: 'transfer',
      assetIds: [bed.id],
      toSiteId: west.id,
      toDepartmentId: ward.id,
    });
    expect(move.statusCode, move.body).toBe(201);
    const confirmed = await t.admin.post(
      `/api/assets/operations/${move.json<{ id: string }>().id}/confirm`,
      { note: '已签收' },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const today = localToday(await orgTimeZone(t.db, t.orgId));
    const period = `from=${addDays(today, -10)}&to=${today}`;

    // 2025 at the east campus reads as before the move.
    expect(await report(`from=2025-01-01&to=2025-12-31&siteId=${east.id}`)).toEqual(eastYear);
    expect(rowOf(eastYear, beds)!.closing.originalValueFen).toBe(100_000);

    const moved = { count: 1, quantity: 1, originalValueFen: 100_000 };
    const nothing = { count: 0, quantity: 0, originalValueFen: 0 };
    const eastNow = await report(`${period}&siteId=${east.id}`);
    expect(rowOf(eastNow, beds)).toMatchObject({
      opening: moved,
      added: nothing,
      removed: moved,
      closing: nothing,
    });
    expect(eastNow.removedByKind).toEqual([{ kind: 'site_transfer', ...moved }]);
    const westNow = await report(`${period}&siteId=${west.id}`);
    expect(rowOf(westNow, beds)).toMatchObject({
      opening: { count: 1, quantity: 1, originalValueFen: 60_000 },
      added: moved,
      removed: nothing,
      closing: { count: 2, quantity: 2, originalValueFen: 160_000 },
    });
    expect(westNow.addedBySource).toEqual([{ source: 'site_transfer', ...moved }]);
    // The organisation as a whole: the bed neither came nor went.
    const whole = rowOf(await report(period), beds)!;
    expect(whole.added).toEqual(nothing);
    expect(whole.removed).toEqual(nothing);
    expect(whole.closing.originalValueFen).toBe(160_000);

    // The east campus's reader gets the east campus's view without asking for it.
    const reader = await userFor(t, { roleKey: 'auditor', siteId: east.id });
    const theirs = await report(period, reader);
    expect(rowOf(theirs, beds)).toEqual(rowOf(eastNow, beds));

    const xlsx = await t.admin.get(`/api/assets/reports/changes.xlsx?${period}&siteId=${east.id}`);
    const sheet = await sheetRows(xlsx.rawPayload);
    expect(
      sheet
        .find((row) => row[1] === '其中：院区调出')!
        .slice(8)
        .map(Number),
    ).toEqual([1, 1, 1000]);
  });
});

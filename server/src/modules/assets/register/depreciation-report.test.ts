import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/context.ts';
import { buildSite, type Site } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { monthIndex, monthLabel, monthlyCharge } from '../depreciation.ts';
import { createOperation, localToday, orgTimeZone } from '../operations/index.ts';
import { depreciableOf } from './repository.ts';
import type { Category } from './schema.ts';
import { buildAsset, buildCategory, setApprovalKinds, sheetRows, userFor } from './test-kit.ts';

/*
 * 折旧明细 of a year: the report groups cards by the terms of their charges
 * and computes each group once, so it must equal the sum of the cards' own
 * charges (depreciation.ts, card by card) — for identical batches, other
 * methods and lives, a disposal in the small hours of a month's first day
 * (a local month that is still the previous one in UTC) and a card without
 * dates. Disposals and months are the organisation's calendar (UTC+8 here).
 */

type Row = {
  category: { id: string; code: string; name: string };
  count: number;
  months: number[];
  totalFen: number;
};
type Report = {
  year: number;
  months: string[];
  rows: Row[];
  totals: { count: number; months: number[]; totalFen: number };
};

const YEAR = 2025;
const MONTHS = Array.from({ length: 12 }, (_, i) => monthLabel(YEAR * 12 + i));
const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]!);

let t: TestApp;
let site: Site;
let other: Site;
let catA: Category;
let catB: Category;
let timeZone: string;

/** An operation that takes effect at once (dispose), on a past instant. */
async function disposeAt(assetId: string, at: string) {
  await createOperation(
    { db: t.db, config: t.config },
    systemActor(t.orgId),
    { kind: 'dispose', assetIds: [assetId], reason: '报废' },
    new Date(at),
  );
  const row = await t.db
    .selectFrom('ast_assets')
    .select(['status', 'disposed_at'])
    .where('id', '=', assetId)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('disposed');
  expect(new Date(row.disposed_at!).toISOString()).toBe(at);
}

/** The report; every answer's totals are the sums of its rows. */
async function report(query: string, agent = t.admin): Promise<Report> {
  const res = await agent.get(`/api/assets/reports/depreciation?year=${YEAR}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json<Report>();
  expect(r.year).toBe(YEAR);
  expect(r.months).toEqual(MONTHS);
  expect(r.totals.count).toBe(r.rows.reduce((s, row) => s + row.count, 0));
  expect(r.totals.months).toEqual(r.rows.reduce((s, row) => add(s, row.months), Array(12).fill(0)));
  expect(r.totals.totalFen).toBe(r.totals.months.reduce((s, v) => s + v, 0));
  for (const row of r.rows) expect(row.totalFen).toBe(row.months.reduce((s, v) => s + v, 0));
  return r;
}

/**
 * The schedule computed card by card from the database: each card's charges
 * by depreciation.ts, through the local month of its disposal; category id →
 * count of cards charged and the month sums.
 */
async function perCard(siteId: string) {
  const cards = await t.db
    .selectFrom('ast_assets')
    .selectAll()
    .where('org_id', '=', t.orgId)
    .where('site_id', '=', siteId)
    .where('status', 'not in', ['pending', 'void'])
    .execute();
  const sums = new Map<string, { count: number; months: number[] }>();
  for (const card of cards) {
    const last = card.disposed_at
      ? monthIndex(localToday(timeZone, new Date(card.disposed_at)))
      : Infinity;
    const dep = depreciableOf(card);
    const charges = MONTHS.map((m) => (monthIndex(m) <= last ? monthlyCharge(dep, m) : 0));
    if (charges.every((c) => c === 0)) continue;
    const s = sums.get(card.category_id) ?? { count: 0, months: Array(12).fill(0) };
    s.count += 1;
    s.months = add(s.months, charges);
    sums.set(card.category_id, s);
  }
  return sums;
}

beforeAll(async () => {
  t = await createTestApp();
  // Registration and disposal take effect at once; approval is not what is tested here.
  await setApprovalKinds(t, []);
  timeZone = await orgTimeZone(t.db, t.orgId);
  site = await buildSite(t.admin);
  other = await buildSite(t.admin);
  catA = await buildCategory(t.admin, { lifeMonths: 60 });
  catB = await buildCategory(t.admin, { lifeMonths: 120 });
  const card = (categoryId: string, input: Record<string, unknown>) =>
    buildAsset(t.admin, { siteId: site.id, categoryId, ...input });

  // Two identical batches of three (one group of six): 5 years from July 2024, 2,000 a month.
  for (let b = 0; b < 2; b++) {
    const res = await t.admin.post('/api/assets/batch', {
      siteId: site.id,
      categoryId: catA.id,
      name: '病床',
      unitPriceFen: 120_000,
      inServiceDate: '2024-06-10',
      count: 3,
      tagPrefix: `BED${b}-`,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Its own life (3 years from February 2023, through January 2026): 10,000 a month.
  await card(catA.id, { unitPriceFen: 360_000, inServiceDate: '2023-01-05', lifeMonths: 36 });
  // Not depreciated.
  await card(catA.id, {
    unitPriceFen: 500_000,
    inServiceDate: '2024-01-01',
    depreciationMethod: 'none',
  });
  // Registered without dates: on the books from today, never depreciated.
  await card(catA.id, { unitPriceFen: 80_000 });
  // As the batches, disposed at 00:30 on 1 January 2025 local time (still 2024 in UTC):
  // charged for January.
  const newYear = await card(catA.id, { unitPriceFen: 120_000, inServiceDate: '2024-06-10' });
  await disposeAt(newYear.id, '2024-12-31T16:30:00.000Z');
  // Disposed in November 2024: off the books all year.
  const gone = await card(catA.id, { unitPriceFen: 120_000, inServiceDate: '2024-06-10' });
  await disposeAt(gone.id, '2024-11-15T02:00:00.000Z');

  // 10 years from May 2025: 2,000 a month.
  await card(catB.id, { unitPriceFen: 240_000, inServiceDate: '2025-04-20' });
  // Bought 2015-06-15, 5 % residual: 950,000 over July 2015 – June 2025, 7,916 a month and
  // the remainder, 7,996, in June.
  await card(catB.id, { unitPriceFen: 1_000_000, purchaseDate: '2015-06-15', residualBp: 500 });
  // 5,000 a month, disposed at 00:30 on 1 July local time (30 June in UTC): charged
  // January–July.
  const july = await card(catB.id, { unitPriceFen: 600_000, inServiceDate: '2020-01-10' });
  await disposeAt(july.id, '2025-06-30T16:30:00.000Z');

  // Another site's card, left out by the site filter.
  await buildAsset(t.admin, {
    siteId: other.id,
    categoryId: catA.id,
    unitPriceFen: 120_000,
    inServiceDate: '2024-06-10',
  });
});
afterAll(() => t.close());

describe('the depreciation schedule of a year', () => {
  it('equals the sum of the cards’ own charges, by the organisation’s calendar months', async () => {
    expect(timeZone).toBe('Asia/Shanghai');
    const r = await report(`&siteId=${site.id}`);
    const expected = await perCard(site.id);
    expect(
      Object.fromEntries(
        r.rows.map((row) => [row.category.id, { count: row.count, months: row.months }]),
      ),
    ).toEqual(Object.fromEntries(expected));

    // The same figures by hand. A: six batch cards, the 3-year card, January of the one
    // disposed on New Year's night; not the undepreciated one, the undated one or the one
    // disposed in 2024.
    const a = r.rows.find((row) => row.category.id === catA.id)!;
    expect(a.category).toEqual({ id: catA.id, code: catA.code, name: catA.name });
    expect(a.count).toBe(8);
    expect(a.months).toEqual([24_000, ...Array(11).fill(22_000)]);
    // B: from May; through June, the last month the remainder; January–July (local).
    const b = r.rows.find((row) => row.category.id === catB.id)!;
    expect(b.count).toBe(3);
    expect(b.months).toEqual([
      12_916, 12_916, 12_916, 12_916, 14_916, 14_996, 7_000, 2_000, 2_000, 2_000, 2_000, 2_000,
    ]);
    expect(r.rows.map((row) => row.category.code)).toEqual([catA.code, catB.code].sort());
    expect(r.totals.count).toBe(11);
    expect(r.totals.totalFen).toBe(
      24_000 + 11 * 22_000 + 4 * 12_916 + 14_916 + 14_996 + 7_000 + 5 * 2_000,
    );
  });

  it('keeps to the site, the category and what the reader sees', async () => {
    const whole = await report('');
    const aWhole = whole.rows.find((row) => row.category.id === catA.id)!;
    // The other site's card (2,000 a month) is in the organisation's schedule.
    expect(aWhole.count).toBe(9);
    expect(aWhole.months).toEqual([26_000, ...Array(11).fill(24_000)]);

    const onlyB = await report(`&siteId=${site.id}&categoryId=${catB.id}`);
    const b = (await report(`&siteId=${site.id}`)).rows.find((row) => row.category.id === catB.id)!;
    expect(onlyB.rows).toEqual([b]);
    expect(onlyB.totals).toEqual({ count: b.count, months: b.months, totalFen: b.totalFen });

    // A reader at the other site sees its one card only.
    const reader = await userFor(t, { roleKey: 'auditor', siteId: other.id });
    const theirs = await report('', reader);
    expect(theirs.rows.map((row) => [row.category.id, row.count])).toEqual([[catA.id, 1]]);
    expect(theirs.totals.months).toEqual(Array(12).fill(2_000));
  });

  it('exports the same figures to Excel, in 元', async () => {
    const r = await report(`&siteId=${site.id}`);
    const res = await t.admin.get(
      `/api/assets/reports/depreciation.xlsx?year=${YEAR}&siteId=${site.id}`,
    );
    expect(res.statusCode).toBe(200);
    // An empty cell (the totals line's code) reads as a hole in sheetRows' array.
    const sheet = (await sheetRows(res.rawPayload)).map((row) => Array.from(row, (v) => v ?? ''));
    expect(sheet[0]).toEqual([
      '分类编码',
      '资产分类',
      '卡片数',
      ...MONTHS.map((m) => `${Number(m.slice(5))}月`),
      '全年合计（元）',
    ]);
    const line = (code: string, name: string, count: number, months: number[], total: number) =>
      [code, name, count, ...months, total].map((v, i) =>
        i >= 3 ? String((v as number) / 100) : String(v),
      );
    expect(sheet.slice(1)).toEqual([
      ...r.rows.map((row) =>
        line(row.category.code, row.category.name, row.count, row.months, row.totalFen),
      ),
      line('', '合计', r.totals.count, r.totals.months, r.totals.totalFen),
    ]);
  });

  it('charges each month to the campus the card was at when the month ended', async () => {
    const east = await buildSite(t.admin);
    const west = await buildSite(t.admin);
    const beds = await buildCategory(t.admin, { lifeMonths: 60 });
    // 1,000.00 a month from February 2025.
    const bed = await buildAsset(t.admin, {
      siteId: east.id,
      categoryId: beds.id,
      unitPriceFen: 60_000,
      inServiceDate: '2025-01-15',
    });
    const move = await t.admin.post('/api/assets/operations', {
      kind: 'transfer',
      assetIds: [bed.id],
      toSiteId: west.id,
    });
    expect(move.statusCode, move.body).toBe(201);
    const op = move.json<{ id: string; status: string }>();
    if (op.status !== 'done') {
      const confirmed = await t.admin.post(`/api/assets/operations/${op.id}/confirm`, {
        note: '已签收',
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    const today = localToday(timeZone);
    const year = Number(today.slice(0, 4));
    // Today's month ends after the move: from it on, the west campus bears the charge.
    const moved = Number(today.slice(5, 7)) - 1;
    const schedule = async (siteId: string, y: number) => {
      const res = await t.admin.get(
        `/api/assets/reports/depreciation?year=${y}&siteId=${siteId}&categoryId=${beds.id}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Report>().rows.find((r) => r.category.id === beds.id);
    };
    const monthsOf = (from: number, to: number) =>
      Array.from({ length: 12 }, (_, i) => (i >= from && i < to ? 1_000 : 0));

    // A campus with no month charged has no row (in January the east campus has none this year).
    const expectMonths = async (siteId: string, y: number, months: number[]) => {
      const row = await schedule(siteId, y);
      if (months.every((v) => v === 0)) expect(row).toBeUndefined();
      else expect(row?.months).toEqual(months);
    };
    await expectMonths(east.id, year, monthsOf(0, moved));
    await expectMonths(west.id, year, monthsOf(moved, 12));
    expect((await schedule(west.id, year))?.count).toBe(1);
    // Last year it was all at the east campus, as it was then.
    await expectMonths(east.id, year - 1, monthsOf(1, 12));
    await expectMonths(west.id, year - 1, monthsOf(0, 0));
    // The organisation as a whole: every month, once.
    const whole = await t.admin.get(
      `/api/assets/reports/depreciation?year=${year}&categoryId=${beds.id}`,
    );
    expect(whole.json<Report>().rows[0]!.months).toEqual(monthsOf(0, 12));
    // The east campus's reader sees the east campus's months only.
    const reader = await userFor(t, { roleKey: 'auditor', siteId: east.id });
    const theirs = await reader.get(
      `/api/assets/reports/depreciation?year=${year}&categoryId=${beds.id}`,
    );
    const eastRows = theirs.json<Report>().rows;
    if (moved === 0) expect(eastRows).toEqual([]);
    else expect(eastRows[0]!.months).toEqual(monthsOf(0, moved));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { monthIndex, monthLabel } from '../depreciation.ts';
import { localToday } from '../operations/index.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import { buildAssets, buildCategory, buildLinkedUser } from '../operations/test-support.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import { otherOrganization, sheetRows } from '../register/test-kit.ts';

type Figures = { count: number; quantity: number; netValueFen: number; originalValueFen: number };
type Group = Figures & { category: { id: string; name: string }; condition: string };
type Pool = { groups: Group[]; total: number; page: number; pageSize: number; totals: Figures };

let t: TestApp;
let siteA: string;
let siteB: string;
let beds: string;
let singleBeds: string;
let cabinets: string;
let manager: Agent;
let staff: Agent;
let other: Agent;

const key = (g: Group) => `${g.category.name}/${g.condition}`;

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  siteB = (await buildSite(t.admin)).id;
  beds = await buildCategory(t, { name: '床' });
  singleBeds = await buildCategory(t, { name: '单人床', parentId: beds });
  cabinets = await buildCategory(t, { name: '床头柜' });
  // Twelve months of straight-line depreciation booked by now: 60,000 over 60 months = 12,000.
  const start = `${monthLabel(monthIndex(localToday('Asia/Shanghai')) - 12)}-10`;
  await buildAssets(t, siteA, 3, {
    categoryId: singleBeds,
    condition: 'good',
    originalValueFen: 45_000,
  });
  await buildAssets(t, siteA, 2, {
    categoryId: singleBeds,
    condition: 'fair',
    originalValueFen: 60_000,
    depreciationMethod: 'straight_line',
    lifeMonths: 60,
    inServiceDate: start,
  });
  await buildAssets(t, siteA, 1, {
    categoryId: singleBeds,
    condition: 'poor',
    originalValueFen: 10_000,
  });
  // Not in the pool: in use, or held by an operation under way.
  await buildAssets(t, siteA, 1, { categoryId: singleBeds, status: 'in_use' });
  const [held] = await buildAssets(t, siteA, 1, { categoryId: singleBeds });
  const op = await t.db
    .selectFrom('ast_operations')
    .select('id')
    .where('org_id', '=', t.orgId)
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('ast_assets')
    .set({ open_operation_id: op.id })
    .where('id', '=', held!)
    .execute();
  await buildAssets(t, siteA, 2, {
    categoryId: cabinets,
    condition: 'good',
    originalValueFen: 20_000,
  });
  await buildAssets(t, siteB, 2, {
    categoryId: singleBeds,
    condition: 'good',
    originalValueFen: 45_000,
  });
  // A bulk card: three cabinets on one card.
  const [bulk] = await buildAssets(t, siteB, 1, {
    categoryId: cabinets,
    condition: 'damaged',
    originalValueFen: 5_000,
  });
  await t.db.updateTable('ast_assets').set({ quantity: 3 }).where('id', '=', bulk!).execute();
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  staff = await buildLinkedUser(t, { roleKey: 'staff', siteId: siteA });
  // Another organisation's idle beds never show.
  other = await otherOrganization(t, 'idle-pool');
  const otherOrgId = (
    await t.db
      .selectFrom('users')
      .select('org_id')
      .where('username', '=', 'reg-other-idle-pool')
      .executeTakeFirstOrThrow()
  ).org_id;
  const otherT = { ...t, orgId: otherOrgId };
  const otherSite = (await buildSite(other)).id;
  await buildAssets(otherT, otherSite, 4, {
    categoryId: await buildCategory(otherT, { name: '他院病床' }),
    originalValueFen: 99_900,
  });
});
afterAll(() => t.close());

const pool = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/assets/idle${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Pool>();
};

describe('idle pool, grouped and paged in SQL', () => {
  it('groups by category and condition with exact counts, items, net and original values, and overall totals', async () => {
    const all = await pool(t.admin);
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(Object.fromEntries(all.groups.map((g) => [key(g), g]))).toEqual({
      '单人床/good': {
        category: { id: singleBeds, name: '单人床' },
        condition: 'good',
        count: 5,
        quantity: 5,
        netValueFen: 225_000,
        originalValueFen: 225_000,
      },
      '单人床/fair': {
        category: { id: singleBeds, name: '单人床' },
        condition: 'fair',
        count: 2,
        quantity: 2,
        netValueFen: 96_000,
        originalValueFen: 120_000,
      },
      '单人床/poor': expect.objectContaining({ count: 1, netValueFen: 10_000 }),
      '床头柜/good': expect.objectContaining({ count: 2, quantity: 2, netValueFen: 40_000 }),
      '床头柜/damaged': expect.objectContaining({ count: 1, quantity: 3, netValueFen: 5_000 }),
    });
    expect(all.totals).toEqual({
      count: 11,
      quantity: 13,
      netValueFen: 376_000,
      originalValueFen: 400_000,
    });
    // The default order: the category tree's order, then good → damaged within a category.
    const conditions = all.groups
      .filter((g) => g.category.id === singleBeds)
      .map((g) => g.condition);
    expect(conditions).toEqual(['good', 'fair', 'poor']);
    // A category filter takes its sub-categories.
    const parent = await pool(t.admin, `?categoryId=${beds}`);
    expect(parent).toMatchObject({ total: 3, totals: { count: 8 } });
    expect((await pool(t.admin, `?categoryId=${cabinets}`)).totals.count).toBe(3);
  });

  it('pages and sorts the groups on the server, totals always of every group', async () => {
    const byNet = await pool(t.admin, '?sort=netValue&order=desc');
    expect(byNet.groups.map(key)).toEqual([
      '单人床/good',
      '单人床/fair',
      '床头柜/good',
      '单人床/poor',
      '床头柜/damaged',
    ]);
    const byOriginal = await pool(t.admin, '?sort=originalValue&order=asc');
    expect(byOriginal.groups.map((g) => g.originalValueFen)).toEqual([
      5_000, 10_000, 40_000, 120_000, 225_000,
    ]);
    const byQuantity = await pool(t.admin, '?sort=quantity&order=desc');
    expect(byQuantity.groups.map((g) => g.quantity)).toEqual([5, 3, 2, 2, 1]);
    const byCondition = await pool(t.admin, '?sort=condition');
    expect(byCondition.groups.map((g) => g.condition)).toEqual([
      'good',
      'good',
      'fair',
      'poor',
      'damaged',
    ]);
    const byCount = await pool(t.admin, '?sort=count&order=asc');
    expect(byCount.groups.map((g) => g.count)).toEqual([1, 1, 2, 2, 5]);
    // Pages of two in the same order: every group once, totals of all five on every page.
    const pages = [1, 2, 3].map((p) => pool(t.admin, `?sort=count&order=asc&pageSize=2&page=${p}`));
    const got = await Promise.all(pages);
    expect(got.map((p) => p.groups.length)).toEqual([2, 2, 1]);
    expect(got.flatMap((p) => p.groups.map(key))).toEqual(byCount.groups.map(key));
    for (const p of got) expect(p).toMatchObject({ total: 5, totals: byCount.totals });
    const past = await pool(t.admin, '?pageSize=2&page=9');
    expect(past).toMatchObject({ groups: [], total: 5, page: 9, totals: byCount.totals });
    const bad = await t.admin.get('/api/assets/idle?sort=price');
    expect(bad.statusCode).toBe(400);
    expect((await t.admin.get('/api/assets/idle?pageSize=500')).statusCode).toBe(400);
  });

  it('shows a campus manager only their site, and never another organisation’s assets', async () => {
    const mine = await pool(manager);
    expect(mine.groups.map(key).sort()).toEqual(
      ['单人床/fair', '单人床/good', '单人床/poor', '床头柜/good'].sort(),
    );
    expect(mine.totals).toEqual({
      count: 8,
      quantity: 8,
      netValueFen: 281_000,
      originalValueFen: 305_000,
    });
    // Asking for the other site shows nothing of it.
    expect((await pool(manager, `?siteId=${siteB}`)).total).toBe(0);
    const b = await pool(t.admin, `?siteId=${siteB}`);
    expect(b.groups.map(key).sort()).toEqual(['单人床/good', '床头柜/damaged'].sort());
    expect((await staff.get('/api/assets/idle')).statusCode).toBe(403);
    const theirs = await pool(other);
    expect(theirs.groups.map((g) => g.category.name)).toEqual(['他院病床']);
    expect(theirs.totals).toMatchObject({ count: 4, originalValueFen: 399_600 });
    // Our category filter in their organisation: nothing.
    expect((await pool(other, `?categoryId=${beds}`)).total).toBe(0);
  });

  it('exports every group in the asked order with a totals line', async () => {
    const res = await manager.get('/api/assets/idle/export.xlsx?sort=netValue&order=desc');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('idle-assets');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['资产分类', '使用状况', '卡片数', '数量']);
    expect(rows[0]![4]).toMatch(/^净值（元，\d{4}-\d{2}-\d{2}）$/);
    expect(rows.slice(1)).toEqual([
      ['单人床', '良好', '3', '3', '1350', '1350'],
      ['单人床', '一般', '2', '2', '960', '1200'],
      ['床头柜', '良好', '2', '2', '400', '400'],
      ['单人床', '较差', '1', '1', '100', '100'],
      // The totals line leaves the condition empty (a hole in sheetRows' array).
      // eslint-disable-next-line no-sparse-arrays
      ['合计', , '8', '8', '2810', '3050'],
    ]);
    const filtered = await sheetRows(
      (await t.admin.get(`/api/assets/idle/export.xlsx?siteId=${siteB}`)).rawPayload,
    );
    expect(filtered.map((r) => r[0])).toEqual(['资产分类', '单人床', '床头柜', '合计']);
    expect((await staff.get('/api/assets/idle/export.xlsx')).statusCode).toBe(403);
  });
});

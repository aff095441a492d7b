import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDepartment,
  buildLocation,
  buildPerson,
  buildSite,
  buildUser,
  type DepartmentDto,
  type Site,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Asset, AssetDetail, Category } from './schema.ts';
import { buildAsset, buildCategory, next, sheetRows } from './test-kit.ts';

let t: TestApp;
let site: Site;
let parent: Category;
let child: Category;
let dept: DepartmentDto;
let building: { id: string };
let room: { id: string };
const ids: Record<string, string> = {};
const tag = next();

type Page = { items: Asset[]; total: number; totalCapped: boolean };
const list = async (query: string) => (await t.admin.get(`/api/assets?${query}`)).json<Page>();

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  parent = await buildCategory(t.admin, { lifeMonths: 120 });
  child = await buildCategory(t.admin, { parentId: parent.id, lifeMonths: 60 });
  dept = await buildDepartment(t.admin);
  building = await buildLocation(t.admin, { siteId: site.id, type: 'building' });
  room = await buildLocation(t.admin, { siteId: site.id, type: 'room', parentId: building.id });
  const person = await buildPerson(t.admin, { departmentId: dept.id });
  ids.bed = (
    await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: child.id,
      name: `病床${tag}`,
      model: 'DJ-3',
      tagNo: `B-${tag}`,
      unitPriceFen: 1_200_000,
      purchaseDate: '2024-12-10',
      warrantyEnd: '2026-06-30',
      departmentId: dept.id,
      custodianPersonId: person.id,
      locationId: room.id,
    })
  ).id;
  ids.cabinet = (
    await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: parent.id,
      name: `文件柜${tag}`,
      tagNo: `C-${tag}`,
      unitPriceFen: 120_000,
      purchaseDate: '2025-05-01',
      locationId: building.id,
    })
  ).id;
});
afterAll(async () => t.close());

describe('the register list', () => {
  it('filters by text, category subtree, place subtree, status, department and dates', async () => {
    expect((await list(`q=${tag}`)).items.map((a) => a.id).sort()).toEqual(
      [ids.bed, ids.cabinet].sort(),
    );
    expect((await list(`q=DJ-3`)).items.map((a) => a.id)).toEqual([ids.bed]);
    expect((await list(`categoryId=${parent.id}&sort=name`)).total).toBe(2);
    expect((await list(`categoryId=${child.id}`)).items.map((a) => a.id)).toEqual([ids.bed]);
    expect((await list(`locationId=${building.id}`)).total).toBe(2);
    expect((await list(`locationId=${room.id}`)).items.map((a) => a.id)).toEqual([ids.bed]);
    expect((await list(`q=${tag}&status=idle`)).items.map((a) => a.id)).toEqual([ids.cabinet]);
    expect((await list(`q=${tag}&status=idle,in_use`)).total).toBe(2);
    expect((await list(`departmentId=${dept.id}`)).items.map((a) => a.id)).toEqual([ids.bed]);
    expect((await list(`q=${tag}&purchasedFrom=2025-01-01`)).items.map((a) => a.id)).toEqual([
      ids.cabinet,
    ]);
    expect((await list(`q=${tag}&warrantyBefore=2026-12-31`)).items.map((a) => a.id)).toEqual([
      ids.bed,
    ]);
    const byValue = await list(`q=${tag}&sort=value&order=desc`);
    expect(byValue.items.map((a) => a.id)).toEqual([ids.bed, ids.cabinet]);
    const bed = byValue.items[0]!;
    expect(bed.category.name).toBe(child.name);
    expect(bed.department?.name).toBe(dept.name);
    expect(bed.location?.id).toBe(room.id);
    expect(bed.netValueFen).toBeLessThan(bed.originalValueFen);
  });

  it('finds a scanned tag or typed code alone, codes and tags by their start, names by any part', async () => {
    const mark = next();
    const labelled = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: parent.id,
      name: '监护仪',
      tagNo: `T-${mark}`,
    });
    const namesake = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: parent.id,
      name: `备用 T-${mark}`,
      tagNo: `U-${mark}`,
    });
    // The exact tag: that card only, though another card's name contains it.
    const exact = await list(`q=T-${mark}`);
    expect(exact.items.map((a) => a.id)).toEqual([labelled.id]);
    expect(exact).toMatchObject({ total: 1, totalCapped: false });
    expect((await list(`q=${labelled.code}`)).items.map((a) => a.id)).toEqual([labelled.id]);
    // The exact tag outside the other filters: nothing, not the namesake.
    expect((await list(`q=T-${mark}&status=lent`)).total).toBe(0);
    // A tag's start: both (one by its tag, one by its name).
    const start = await list(`q=T-${mark.slice(0, -1)}&sort=tagNo`);
    expect(start.items.map((a) => a.id)).toEqual([labelled.id, namesake.id]);
    expect(start).toMatchObject({ total: 2, totalCapped: false });
    // The middle of a tag is no match for the tag itself; the name still matches.
    expect((await list(`q=${mark}`)).items.map((a) => a.id)).toEqual([namesake.id]);
  });

  it('pages a department in code order', async () => {
    // A department of its own: the report tests below count `dept`'s cards.
    const ward = await buildDepartment(t.admin);
    for (let i = 0; i < 3; i++)
      await buildAsset(t.admin, { siteId: site.id, categoryId: child.id, departmentId: ward.id });
    const all = await list(`departmentId=${ward.id}&status=in_use&sort=code`);
    const one = await list(`departmentId=${ward.id}&status=in_use&sort=code&pageSize=1&page=1`);
    const two = await list(`departmentId=${ward.id}&status=in_use&sort=code&pageSize=1&page=2`);
    expect(all.total).toBe(3);
    expect(all.items.map((a) => a.code)).toEqual(all.items.map((a) => a.code).sort());
    expect([...one.items, ...two.items].map((a) => a.id)).toEqual(
      all.items.slice(0, 2).map((a) => a.id),
    );
    expect(one.total).toBe(all.total);
  });

  it('answers 400 with a readable message for a bad filter', async () => {
    const res = await t.admin.get('/api/assets?status=broken');
    expect(res.statusCode).toBe(400);
    const sort = await t.admin.get('/api/assets?sort=colour');
    expect(sort.statusCode).toBe(400);
  });

  it('finds a card by tag and by QR token', async () => {
    const byTag = await t.admin.get(`/api/assets/by-tag/B-${tag}`);
    expect(byTag.statusCode).toBe(200);
    const d = byTag.json<AssetDetail>();
    expect(d.id).toBe(ids.bed);
    const byQr = await t.admin.get(`/api/assets/qr/${d.qrToken}`);
    expect(byQr.json<AssetDetail>().id).toBe(ids.bed);
    expect((await t.admin.get('/api/assets/by-tag/NOPE-1')).statusCode).toBe(404);
  });
});

describe('labels, custody agreement and reports', () => {
  it('gives the label sheet its data, by ids or by filter', async () => {
    const res = await t.admin.get(`/api/assets/labels?ids=${ids.bed},${ids.cabinet}`);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<{
      items: { tagNo: string; qrPath: string; department: string }[];
    }>();
    expect(items.map((l) => l.tagNo)).toEqual([`B-${tag}`, `C-${tag}`]);
    expect(items[0]!.qrPath).toMatch(/^\/a\/[A-Za-z0-9_-]{16,}$/);
    expect(items[0]!.department).toBe(dept.name);
    const filtered = (await t.admin.get(`/api/assets/labels?q=${tag}&status=idle`)).json();
    expect(filtered.items).toHaveLength(1);
  });

  it('prints the custody agreement of a department with totals and its attachment key', async () => {
    const res = await t.admin.get(`/api/assets/custody/${dept.id}?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.organization.name).toBe('测试医院');
    expect(c.items.map((i: { id: string }) => i.id)).toEqual([ids.bed]);
    expect(c.totals.originalValueFen).toBe(1_200_000);
    expect(c.custodians).toHaveLength(1);
    expect(c.attachment.entityType).toBe('asset_custody');
    // The signed scan attaches to that key; the list of its files answers.
    const files = await t.admin.get(
      `/api/attachments?entityType=asset_custody&entityId=${c.attachment.entityId}`,
    );
    expect(files.statusCode, files.body).toBe(200);
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await staff.get(`/api/assets/custody/${dept.id}`)).statusCode).toBe(404);
  });

  it('sums the register by department on a date, and the depreciation of a year', async () => {
    const res = await t.admin.get(`/api/assets/reports/register?siteId=${site.id}&asOf=2025-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const row = r.rows.find(
      (x: { department: { id: string } | null }) => x.department?.id === dept.id,
    );
    expect(row.count).toBe(1);
    expect(row.originalValueFen).toBe(1_200_000);
    // Bed: 5 years from January 2025, 20000 a month → 12 months booked by 2025-12-31.
    expect(row.netValueFen).toBe(1_200_000 - 12 * 20_000);
    expect(r.totals.count).toBe(2);
    expect(r.totals.originalValueFen).toBe(1_320_000);

    const dep = (
      await t.admin.get(`/api/assets/reports/depreciation?year=2025&siteId=${site.id}`)
    ).json();
    const bedRow = dep.rows.find((x: { category: { id: string } }) => x.category.id === child.id);
    expect(bedRow.months).toEqual(Array(12).fill(20_000));
    // Cabinet: 10 years from June 2025, 1000 a month.
    const cabinetRow = dep.rows.find(
      (x: { category: { id: string } }) => x.category.id === parent.id,
    );
    expect(cabinetRow.months).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    expect(dep.totals.totalFen).toBe(240_000 + 7000);

    const xlsx = await t.admin.get(
      `/api/assets/reports/register.xlsx?siteId=${site.id}&asOf=2025-12-31`,
    );
    expect(xlsx.statusCode).toBe(200);
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows.at(-1)![0]).toBe('合计');
    const depXlsx = await t.admin.get(`/api/assets/reports/depreciation.xlsx?year=2025`);
    expect(depXlsx.statusCode).toBe(200);
  });

  it('exports the filtered register to Excel', async () => {
    const res = await t.admin.get(`/api/assets/export.xlsx?q=${tag}&sort=tagNo`);
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 3)).toEqual(['资产编码', '标签号', '资产名称']);
    expect(rows.slice(1).map((r) => r[1])).toEqual([`B-${tag}`, `C-${tag}`]);
  });

  it('keeps reports to the sites a reader holds', async () => {
    const other = await buildSite(t.admin);
    const reader = await buildUser(t, { roleKey: 'auditor', siteId: other.id });
    const r = (await reader.get('/api/assets/reports/register?asOf=2026-01-01')).json();
    expect(r.totals.count).toBe(0);
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await staff.get('/api/assets/reports/register')).statusCode).toBe(403);
  });
});

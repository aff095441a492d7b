import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDepartment,
  buildLocation,
  buildPerson,
  buildSite,
  buildUser,
  type DepartmentDto,
  type LocationDto,
  type PersonDto,
  type Site,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Category } from './schema.ts';
import { buildAsset, buildCategory, next, sheetRows, upload, xlsxOf } from './test-kit.ts';

let t: TestApp;
let site: Site;
let unit: Category;
let bulk: Category;
let dept: DepartmentDto;
let room: LocationDto;
let person: PersonDto;

const HEADER = [
  '资产分类*',
  '资产名称*',
  '资产编码',
  '标签号',
  '规格型号',
  '数量',
  '单价（元）',
  '购置日期',
  '存放位置编码',
  '使用部门',
  '保管人工号',
  '使用状况',
  '来源',
];

const countAssets = async () =>
  Number(
    (
      await t.db
        .selectFrom('ast_assets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', t.orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  unit = await buildCategory(t.admin, { name: `电脑${next()}`, lifeMonths: 72 });
  bulk = await buildCategory(t.admin, { tracking: 'bulk', lifeMonths: 180 });
  dept = await buildDepartment(t.admin);
  room = await buildLocation(t.admin, { siteId: site.id });
  person = await buildPerson(t.admin, { departmentId: dept.id });
});
afterAll(async () => t.close());

describe('asset import', () => {
  it('offers a template with the columns and rules', async () => {
    const res = await t.admin.get('/api/assets/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toContain('资产分类*');
    expect(rows[0]).toContain('标签号');
  });

  it('imports every row as one register operation, resolving references by code and name', async () => {
    const tag = next();
    const file = await xlsxOf([
      HEADER,
      [
        unit.code,
        '台式电脑',
        '',
        `PC-${tag}-1`,
        'M720',
        '',
        '5600.5',
        '2025/3/1',
        room.code,
        dept.name,
        person.employeeNo,
        '良好',
        '购置',
      ],
      [
        unit.name,
        '笔记本',
        `CODE-${tag}`,
        '',
        '',
        1,
        7000,
        '2025-04-01',
        '',
        dept.code,
        '',
        '一般',
        '',
      ],
      [bulk.code, '礼堂座椅', '', `CH-${tag}`, '', 200, 150, '', '', '', '', '', '捐赠'],
    ]);
    const res = await upload(t.admin, `/api/assets/import?siteId=${site.id}`, file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ created: 3, total: 3 });
    expect(result.operationNumber).toMatch(/^YW-/);

    const rows = await t.db
      .selectFrom('ast_assets')
      .selectAll()
      .where('org_id', '=', t.orgId)
      .where('site_id', '=', site.id)
      .orderBy('name')
      .execute();
    const pc = rows.find((r) => r.tag_no === `PC-${tag}-1`)!;
    expect(pc.code).toMatch(/^ZC-/);
    expect(Number(pc.unit_price_fen)).toBe(560050);
    expect(pc.purchase_date).toBe('2025-03-01');
    expect(pc.location_id).toBe(room.id);
    expect(pc.department_id).toBe(dept.id);
    expect(pc.custodian_person_id).toBe(person.id);
    expect(pc.status).toBe('in_use');
    const laptop = rows.find((r) => r.code === `CODE-${tag}`)!;
    expect(laptop.tag_no).toBe(`CODE-${tag}`);
    expect(laptop.condition).toBe('fair');
    const chairs = rows.find((r) => r.tag_no === `CH-${tag}`)!;
    expect(chairs.quantity).toBe(200);
    expect(Number(chairs.original_value_fen)).toBe(3_000_000);
    expect(chairs.source).toBe('donation');
    expect(chairs.status).toBe('idle');

    const ops = await t.db
      .selectFrom('ast_operations')
      .select(['id', 'kind'])
      .where('number', '=', result.operationNumber)
      .execute();
    expect(ops).toHaveLength(1);
    const lines = await t.db
      .selectFrom('ast_operation_lines')
      .select('asset_id')
      .where('operation_id', '=', ops[0]!.id)
      .execute();
    expect(lines).toHaveLength(3);
  });

  it('imports nothing when any row is invalid, and says which row and column', async () => {
    const existing = await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id });
    const before = await countAssets();
    const file = await xlsxOf([
      HEADER,
      [bulk.code, '好的一行', '', '', '', '', '100', '', '', '', '', '', ''],
      [
        'NO-SUCH',
        '',
        '',
        '',
        '',
        '',
        'abc',
        '2025-13-40',
        'NOWHERE',
        '无此部门',
        'E-NONE',
        '很好',
        '',
      ],
      [unit.code, '电脑', '', existing.tagNo, '', 3, '', '', '', '', '', '', ''],
      [bulk.code, '重复', '', 'DUP-1', '', '', '', '', '', '', '', '', ''],
      [bulk.code, '重复', '', 'DUP-1', '', '', '', '', '', '', '', '', ''],
    ]);
    const res = await upload(t.admin, `/api/assets/import?siteId=${site.id}`, file);
    expect(res.statusCode).toBe(422);
    const { rows } = res.json().error.details as {
      rows: { row: number; column: string; message: string }[];
    };
    const at = (row: number) => rows.filter((r) => r.row === row).map((r) => r.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(
      expect.arrayContaining([
        '资产分类',
        '资产名称',
        '单价（元）',
        '购置日期',
        '存放位置编码',
        '使用部门',
        '保管人工号',
        '使用状况',
      ]),
    );
    expect(rows.find((r) => r.row === 4 && r.column === '资产分类')!.message).toContain(
      '每张卡片数量只能为 1',
    );
    expect(rows.find((r) => r.row === 6)!.message).toContain('第 5 行重复');
    expect(await countAssets()).toBe(before);
  });

  it('refuses a tag already in the register (row error) and checks the site and permission', async () => {
    const existing = await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id });
    const file = await xlsxOf([
      HEADER,
      [bulk.code, '椅子', '', existing.tagNo, '', '', '', '', '', '', '', '', ''],
    ]);
    const res = await upload(t.admin, `/api/assets/import?siteId=${site.id}`, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows[0].message).toContain(existing.tagNo);

    const other = await buildSite(t.admin);
    const manager = await buildUser(t, { roleKey: 'manager', siteId: other.id });
    const denied = await upload(manager, `/api/assets/import?siteId=${site.id}`, file);
    expect(denied.statusCode).toBe(404);
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await upload(staff, `/api/assets/import?siteId=${site.id}`, file)).statusCode).toBe(
      403,
    );
    const notXlsx = await upload(
      t.admin,
      `/api/assets/import?siteId=${site.id}`,
      Buffer.from('a,b'),
    );
    expect(notXlsx.statusCode).toBe(415);
  });

  it('imports 2,000 rows in one go', async () => {
    const prefix = `BULK${next()}-`;
    const rows: (string | number)[][] = [HEADER];
    for (let i = 1; i <= 2000; i++)
      rows.push([
        bulk.code,
        '课桌',
        '',
        `${prefix}${i}`,
        '',
        1,
        380,
        '2025-08-20',
        room.code,
        dept.code,
        '',
        '',
        '',
      ]);
    const started = Date.now();
    const res = await upload(t.admin, `/api/assets/import?siteId=${site.id}`, await xlsxOf(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(2000);
    // Not a benchmark: a guard against a per-row query creeping back in.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

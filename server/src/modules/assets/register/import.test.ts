import ExcelJS from 'exceljs';
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

describe('custom fields in the Excel export and import', () => {
  let beds: Category;
  let screens: Category;
  let plain: Category;
  let from: Site;
  let to: Site;
  const BED_FIELDS = [
    { key: 'bedNo', label: '床位号', type: 'text', required: true },
    { key: 'screen', label: '屏幕尺寸', type: 'number' },
    { key: 'calibrated', label: '校准日期', type: 'date' },
    { key: 'kind', label: '床型', type: 'select', options: ['普通床', '电动床'] },
  ];

  const exportOf = async (siteId: string) => {
    const res = await t.admin.get(`/api/assets/export.xlsx?siteId=${siteId}&sort=tagNo`);
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = await sheetRows(res.rawPayload);
    const col = (name: string) => header!.indexOf(name);
    return { header: header!, rows, col };
  };

  beforeAll(async () => {
    beds = await buildCategory(t.admin, { name: `病床${next()}`, fields: BED_FIELDS });
    // The same label in another category: one column for both.
    screens = await buildCategory(t.admin, {
      name: `显示器${next()}`,
      fields: [
        { key: 'size', label: '屏幕尺寸', type: 'number', required: true },
        { key: 'panel', label: '面板', type: 'select', options: ['IPS', 'VA'] },
      ],
    });
    plain = await buildCategory(t.admin, { name: `桌子${next()}` });
    // A category none of the files below uses: its field's column is left out with a warning.
    await buildCategory(t.admin, {
      name: `车辆${next()}`,
      fields: [{ key: 'plate', label: '车牌号', type: 'text' }],
    });
    from = await buildSite(t.admin);
    to = await buildSite(t.admin);
    const tag = next();
    await buildAsset(t.admin, {
      siteId: from.id,
      categoryId: beds.id,
      name: '病床',
      tagNo: `BED-${tag}-1`,
      custom: { bedNo: '3-12', screen: 15.6, calibrated: '2025-06-30', kind: '电动床' },
    });
    await buildAsset(t.admin, {
      siteId: from.id,
      categoryId: beds.id,
      name: '病床',
      tagNo: `BED-${tag}-2`,
      custom: { bedNo: '3-13' },
    });
    await buildAsset(t.admin, {
      siteId: from.id,
      categoryId: screens.id,
      name: '显示器',
      tagNo: `SCR-${tag}`,
      custom: { size: 27, panel: 'IPS' },
    });
    await buildAsset(t.admin, {
      siteId: from.id,
      categoryId: plain.id,
      name: '桌子',
      tagNo: `TBL-${tag}`,
    });
  });

  it('exports one column per custom field of the exported categories, with readable values', async () => {
    const { header, rows, col } = await exportOf(from.id);
    const custom = header.slice(header.indexOf('备注') + 1);
    expect(custom).toEqual(
      expect.arrayContaining(['床位号', '屏幕尺寸', '校准日期', '床型', '面板']),
    );
    expect(custom).toHaveLength(5); // 屏幕尺寸 once; 车牌号 has no card here
    const byTag = (prefix: string) => rows.find((r) => r[col('标签号')]!.startsWith(prefix))!;
    const bed = byTag('BED-');
    expect(bed[col('床位号')]).toBe('3-12');
    expect(bed[col('屏幕尺寸')]).toBe('15.6');
    expect(bed[col('校准日期')]).toBe('2025-06-30');
    expect(bed[col('床型')]).toBe('电动床');
    expect(bed[col('面板')] ?? '').toBe('');
    const screen = byTag('SCR-');
    expect(screen[col('屏幕尺寸')]).toBe('27');
    expect(screen[col('面板')]).toBe('IPS');
    expect(screen[col('床位号')] ?? '').toBe('');
    expect(byTag('TBL-')[col('床位号')] ?? '').toBe('');

    // An export without any card of a category with fields has no custom column.
    const desks = await t.admin.get(`/api/assets/export.xlsx?categoryId=${plain.id}`);
    const [deskHeader] = await sheetRows(desks.rawPayload);
    expect(deskHeader!.at(-1)).toBe('备注');
  });

  it('imports an exported sheet at another site with the same custom values', async () => {
    const exported = await exportOf(from.id);
    const tag = next();
    const file = await xlsxOf([
      exported.header,
      ...exported.rows.map((r, i) =>
        r.map((v, j) =>
          j === exported.col('资产编码') ? '' : j === exported.col('标签号') ? `RT-${tag}-${i}` : v,
        ),
      ),
    ]);
    const res = await upload(t.admin, `/api/assets/import?siteId=${to.id}`, file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ created: exported.rows.length });
    // The unused category's field was not in this file: no warning for it.
    expect(result.warnings).toEqual([]);

    const stored = await t.db
      .selectFrom('ast_assets')
      .select(['tag_no', 'custom'])
      .where('org_id', '=', t.orgId)
      .where('site_id', '=', to.id)
      .execute();
    const customOf = (prefix: string, i: number) => {
      const raw = stored.find((s) => s.tag_no === `${prefix}-${i}`)!.custom;
      return typeof raw === 'string' ? JSON.parse(raw) : raw;
    };
    const first = exported.rows.findIndex((r) => r[exported.col('床位号')] === '3-12');
    expect(customOf(`RT-${tag}`, first)).toEqual({
      bedNo: '3-12',
      screen: 15.6,
      calibrated: '2025-06-30',
      kind: '电动床',
    });

    const again = await exportOf(to.id);
    const customColumns = (e: typeof exported) =>
      e.rows.map((r) => r.slice(e.header.indexOf('备注') + 1).join('|'));
    expect(again.header).toEqual(exported.header);
    expect(customColumns(again)).toEqual(customColumns(exported));
  });

  it('checks every custom value against its field, by row and column, and imports nothing on an error', async () => {
    const before = await countAssets();
    const header = ['资产分类', '资产名称', '标签号', '床位号', '屏幕尺寸*', '校准日期', '床型'];
    const file = await xlsxOf([
      header,
      [beds.code, '病床', `OK-${next()}`, '5-01', 14, '2025/7/1', '普通床'],
      [beds.code, '病床', `E1-${next()}`, '', '十四寸', '2025-13-45', '沙发床'],
      [screens.code, '显示器', `E2-${next()}`, '5-02', '', '', ''],
      [plain.code, '桌子', `E3-${next()}`, '', '', '', ''],
    ]);
    const res = await upload(t.admin, `/api/assets/import?siteId=${to.id}`, file);
    expect(res.statusCode).toBe(422);
    const { rows } = res.json().error.details as {
      rows: { row: number; column: string; message: string }[];
    };
    const at = (row: number, column: string) =>
      rows.find((r) => r.row === row && r.column === column)?.message;
    expect(rows.filter((r) => r.row === 2)).toEqual([]);
    expect(at(3, '床位号')).toBe('床位号不能为空');
    expect(at(3, '屏幕尺寸')).toBe('屏幕尺寸应为数字');
    expect(at(3, '校准日期')).toContain('应为日期');
    expect(at(3, '床型')).toBe('床型只能选择：普通床、电动床');
    // A monitor: its own 屏幕尺寸 is required; 床位号 is no field of its category.
    expect(at(4, '屏幕尺寸')).toBe('屏幕尺寸不能为空');
    expect(at(4, '床位号')).toBe('该分类没有自定义字段「床位号」');
    expect(rows.filter((r) => r.row === 5)).toEqual([]);
    expect(await countAssets()).toBe(before);
  });

  it('answers the registration with its id for the labels, and says which column it left out', async () => {
    const tag = next();
    const file = await xlsxOf([
      ['资产分类', '资产名称', '标签号', '床位号', '车牌号'],
      [beds.name, '病床', `OP-${tag}-1`, '7-01', '京A12345'],
      [beds.code, '病床', `OP-${tag}-2`, '7-02', ''],
    ]);
    const res = await upload(t.admin, `/api/assets/import?siteId=${to.id}`, file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.operationId).toEqual(expect.any(String));
    expect(result.warnings).toEqual(['列「车牌号」不是本次导入的资产分类的自定义字段，已忽略']);
    const op = await t.db
      .selectFrom('ast_operations')
      .select(['number', 'kind'])
      .where('org_id', '=', t.orgId)
      .where('id', '=', result.operationId)
      .executeTakeFirstOrThrow();
    expect(op).toEqual({ number: result.operationNumber, kind: 'register' });
    const labels = await t.admin.get(`/api/assets/labels?operationId=${result.operationId}`);
    expect(labels.statusCode, labels.body).toBe(200);
    expect(
      labels
        .json()
        .items.map((l: { tagNo: string }) => l.tagNo)
        .sort(),
    ).toEqual([`OP-${tag}-1`, `OP-${tag}-2`]);
  });

  it('documents the custom-field columns in the template', async () => {
    const res = await t.admin.get('/api/assets/import/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const notes: string[] = [];
    workbook.getWorksheet('说明')!.eachRow((r) => notes.push(String(r.getCell(1).value ?? '')));
    expect(
      notes.some((n) => n.includes('自定义字段') && n.includes('列名与该分类中的字段名称相同')),
    ).toBe(true);
  });
});

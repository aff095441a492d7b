import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser, type Site } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { countRows, readXlsx, upload, xlsxOf } from './excel-test-kit.ts';

let t: TestApp;
let east: Site;
let west: Site;
let eastManager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  east = await buildSite(t.admin, { code: 'E', name: '东院' });
  west = await buildSite(t.admin, { code: 'W', name: '西院' });
  eastManager = await buildUser(t, { roleKey: 'manager', siteId: east.id });
});
afterAll(() => t.close());

const HEADER = ['院区编码', '位置编码', '名称', '类型', '上级位置编码', '面积(m²)'];

type Loc = { id: string; code: string; path: string; parentId: string | null; areaM2: number };

async function locationsAt(siteId: string): Promise<Loc[]> {
  return (await t.admin.get(`/api/locations?siteId=${siteId}&pageSize=200`)).json().items;
}

describe('locations import', () => {
  it('builds a tree listed children first, and updates existing codes', async () => {
    const auditBefore = await countRows(t.db, 'audit_log', t.orgId);
    const file = await xlsxOf([
      ['院区编码*', '位置编码*', '名称*', '类型*', '上级位置编码', '面积（m²）'],
      ['E', 'MZ-301', '301', '房间', 'MZ-3F', 35.5],
      ['E', 'MZ-3F', '3F', '楼层', 'MZ', null],
      ['E', 'MZ', '门诊楼', '楼栋', null, '12,000'],
      ['W', 'MZ', '西院门诊楼', 'building', null, null],
    ]);
    const res = await upload(t.admin, '/api/locations/import', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 4, updated: 0, unchanged: 0, total: 4 });
    const room = (await locationsAt(east.id)).find((l) => l.code === 'MZ-301')!;
    expect(room).toMatchObject({ path: '门诊楼 / 3F / 301', areaM2: 35.5 });
    expect((await locationsAt(west.id)).map((l) => l.code)).toEqual(['MZ']);
    expect((await countRows(t.db, 'audit_log', t.orgId)) - auditBefore).toBe(5);

    const update = await upload(
      t.admin,
      '/api/locations/import',
      await xlsxOf([
        HEADER,
        ['E', 'MZ-301', '301 诊室', '房间', 'MZ-3F', 40],
        ['E', 'MZ', '门诊楼', '楼栋', null, 12000],
      ]),
    );
    expect(update.json()).toEqual({ created: 0, updated: 1, unchanged: 1, total: 2 });
    expect((await locationsAt(east.id)).find((l) => l.code === 'MZ-301')).toMatchObject({
      path: '门诊楼 / 3F / 301 诊室',
      areaM2: 40,
    });
  });

  it('lists every bad row (type rules, unknown parent, site, type word) and writes nothing', async () => {
    const before = await countRows(t.db, 'locations', t.orgId);
    const res = await upload(
      t.admin,
      '/api/locations/import',
      await xlsxOf([
        HEADER,
        ['E', 'OK-B', '好楼', '楼栋', null, null],
        ['E', 'F1', '一层', '楼层', null, null],
        ['E', 'R1', '房间', '房间', 'NOPE', null],
        ['X', 'R2', '房间', '房间', null, null],
        ['E', 'G1', '车库', '车库', null, 'abc'],
        ['E', 'MZ-3F', '3F', '房间', 'MZ', null],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const rows = res.json().error.details.rows as {
      row: number;
      column: string;
      message: string;
    }[];
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [3, '类型'],
      [4, '上级位置编码'],
      [5, '院区编码'],
      [6, '类型'],
      [6, '面积(m²)'],
      [7, '类型'],
    ]);
    expect(rows[0]!.message).toBe('楼层不能放在院区下');
    expect(rows[5]!.message).toContain('不能通过导入修改类型');
    expect(res.json().error.message).toContain('共 5 行有误');
    expect(await countRows(t.db, 'locations', t.orgId)).toBe(before);
  });

  it('accepts only sites the user may manage', async () => {
    const res = await upload(
      eastManager,
      '/api/locations/import',
      await xlsxOf([
        HEADER,
        ['E', 'EM-1', '东院新楼', '楼栋', null, null],
        ['W', 'WM-1', '西院新楼', '楼栋', null, null],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows).toEqual([
      { row: 3, column: '院区编码', message: '院区编码 W 不存在，或您无权管理该院区的位置' },
    ]);
  });
});

describe('locations export', () => {
  it('exports only the sites a site-scoped user may read', async () => {
    await buildLocation(t.admin, { siteId: east.id, code: 'EXP-E', name: '东院导出楼' });
    await buildLocation(t.admin, { siteId: west.id, code: 'EXP-W', name: '西院导出楼' });
    const mine = await eastManager.get('/api/locations/export.xlsx?q=EXP');
    expect(mine.statusCode).toBe(200);
    const [sheet] = await readXlsx(mine.rawPayload);
    expect(sheet!.rows[0]).toEqual([...HEADER, '完整路径', '状态']);
    expect(sheet!.rows.slice(1)).toEqual([
      ['E', 'EXP-E', '东院导出楼', '楼栋', '', '', '东院导出楼', '启用'],
    ]);

    const all = await t.admin.get('/api/locations/export.xlsx?q=EXP');
    const [allSheet] = await readXlsx(all.rawPayload);
    expect(allSheet!.rows.slice(1).map((r) => r[0])).toEqual(['E', 'W']);
  });

  it('applies the list filters (type) and names the file in Chinese', async () => {
    const res = await t.admin.get(`/api/locations/export.xlsx?siteId=${east.id}&type=floor`);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('位置-')}`,
    );
    const [sheet] = await readXlsx(res.rawPayload);
    expect(sheet!.rows.slice(1).map((r) => [r[1], r[3], r[4]])).toEqual([['MZ-3F', '楼层', 'MZ']]);
  });

  it('exports a file that imports back unchanged', async () => {
    const exported = await t.admin.get(`/api/locations/export.xlsx?siteId=${east.id}`);
    const res = await upload(t.admin, '/api/locations/import', exported.rawPayload);
    const [sheet] = await readXlsx(exported.rawPayload);
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: sheet!.rows.length - 1,
      total: sheet!.rows.length - 1,
    });
  });

  it('serves the template with a type drop-down explained in 说明', async () => {
    const res = await t.admin.get('/api/locations/import-template.xlsx');
    const [data, notes] = await readXlsx(res.rawPayload);
    expect(data!.rows[0]).toEqual([
      '院区编码*',
      '位置编码*',
      '名称*',
      '类型*',
      '上级位置编码',
      '面积(m²)',
    ]);
    expect(notes!.rows.find((r) => r[0] === '类型')![2]).toContain('楼栋、楼层、房间 或 区域');
  });

  it('refuses users without locations:read or locations:manage', async () => {
    const vendor = await buildUser(t, { roleKey: 'vendor' });
    expect((await vendor.get('/api/locations/export.xlsx')).statusCode).toBe(403);
    const technician = await buildUser(t, { roleKey: 'technician' });
    expect((await technician.get('/api/locations/import-template.xlsx')).statusCode).toBe(403);
    const file = await xlsxOf([HEADER, ['E', 'T1', '某楼', '楼栋', null, null]]);
    expect((await upload(technician, '/api/locations/import', file)).statusCode).toBe(403);
  });
});

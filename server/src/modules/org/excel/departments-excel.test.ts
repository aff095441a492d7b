import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { countRows, readXlsx, upload, xlsxOf } from './excel-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = ['部门编码', '部门名称', '上级部门编码', '院区编码'];

type Dept = {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  siteId: string | null;
};

async function department(code: string): Promise<Dept> {
  const list = (await t.admin.get(`/api/departments?q=${code}&pageSize=200`)).json();
  return list.items.find((d: Dept) => d.code === code);
}

describe('departments import', () => {
  it('creates a tree whose parents come later in the file, in one audited transaction', async () => {
    const site = await buildSite(t.admin, { code: 'EAST', name: '东院区' });
    const auditBefore = await countRows(t.db, 'audit_log', t.orgId);
    const file = await xlsxOf([
      ['部门编码*', '部门名称*', '上级部门编码', '院区编码'],
      ['WXB', '维修班', 'ZWK', 'EAST'],
      ['ZWK', '总务科', 'HQ', null],
      ['HQ', '后勤保障部', null, null],
    ]);
    const res = await upload(t.admin, '/api/departments/import', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0, total: 3 });
    const [hq, zwk, wxb] = await Promise.all(['HQ', 'ZWK', 'WXB'].map(department));
    expect(hq!.parentId).toBeNull();
    expect(zwk!.parentId).toBe(hq!.id);
    expect(wxb).toMatchObject({ parentId: zwk!.id, siteId: site.id, name: '维修班' });
    expect((await countRows(t.db, 'audit_log', t.orgId)) - auditBefore).toBe(4);
  });

  it('updates existing codes, and moving a department under its own child is a row error', async () => {
    const top = await buildDepartment(t.admin, { code: 'TOP', name: '顶级' });
    await buildDepartment(t.admin, { code: 'KID', name: '下级', parentId: top.id });
    const ok = await upload(
      t.admin,
      '/api/departments/import',
      await xlsxOf([HEADER, ['TOP', '顶级（改名）', null, null]]),
    );
    expect(ok.json()).toEqual({ created: 0, updated: 1, unchanged: 0, total: 1 });
    expect((await department('TOP')).name).toBe('顶级（改名）');

    const before = await countRows(t.db, 'departments', t.orgId);
    const loop = await upload(
      t.admin,
      '/api/departments/import',
      await xlsxOf([
        HEADER,
        ['TOP', '顶级', 'KID', null],
        ['NEW-1', '新部门', 'NOWHERE', 'NO-SITE'],
      ]),
    );
    expect(loop.statusCode).toBe(422);
    expect(
      loop.json().error.details.rows.map((r: { row: number; column: string }) => [r.row, r.column]),
    ).toEqual([
      [2, '上级部门编码'],
      [3, '院区编码'],
      [3, '上级部门编码'],
    ]);
    expect(await countRows(t.db, 'departments', t.orgId)).toBe(before);
    expect((await department('TOP')).parentId).toBeNull();
  });
});

describe('departments export and template', () => {
  it('exports the filtered list with parent codes, and the template explains each column', async () => {
    const parent = await buildDepartment(t.admin, { code: 'FLT-P', name: '筛选上级' });
    await buildDepartment(t.admin, { code: 'FLT-C', name: '筛选下级', parentId: parent.id });
    const res = await t.admin.get('/api/departments/export.xlsx?q=FLT');
    expect(res.statusCode).toBe(200);
    const [sheet] = await readXlsx(res.rawPayload);
    expect(sheet!.rows).toEqual([
      ['部门编码', '部门名称', '上级部门编码', '院区编码', '状态'],
      ['FLT-C', '筛选下级', 'FLT-P', '', '启用'],
      ['FLT-P', '筛选上级', '', '', '启用'],
    ]);

    const template = await t.admin.get('/api/departments/import-template.xlsx');
    const [data, notes] = await readXlsx(template.rawPayload);
    expect(data!.rows[0]).toEqual(['部门编码*', '部门名称*', '上级部门编码', '院区编码']);
    expect(notes!.rows.find((r) => r[0] === '上级部门编码')![1]).toBe('选填');
  });

  it('needs departments:read to export and departments:manage to import', async () => {
    const driver = await buildUser(t, { roleKey: 'driver' });
    expect((await driver.get('/api/departments/export.xlsx')).statusCode).toBe(403);
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await staff.get('/api/departments/export.xlsx')).statusCode).toBe(200);
    const file = await xlsxOf([HEADER, ['S1', '某科', null, null]]);
    expect((await upload(staff, '/api/departments/import', file)).statusCode).toBe(403);
  });
});

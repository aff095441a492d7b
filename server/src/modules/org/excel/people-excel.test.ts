import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../../platform/db/dialect.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { buildDepartment, buildPerson, buildUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  countRows,
  deflatedZeros,
  multipartBody,
  rawZip,
  readXlsx,
  upload,
  withDeclaredSize,
  xlsxOf,
} from './excel-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = ['工号', '姓名', '部门编码', '职务', '手机', '邮箱', '状态'];

describe('people export', () => {
  it('exports every row of a filtered list with Chinese headers and a frozen header row', async () => {
    const dept = await buildDepartment(t.admin, { code: 'EXP-D', name: '导出科' });
    await buildPerson(t.admin, { employeeNo: 'X001', name: '导出甲', departmentId: dept.id });
    await buildPerson(t.admin, { employeeNo: 'X002', name: '导出乙', departmentId: dept.id });
    await buildPerson(t.admin, { employeeNo: 'Y001', name: '别的人' });

    const res = await t.admin.get(`/api/people/export.xlsx?departmentId=${dept.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="people-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E4%BA%BA%E5%91%98-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const [sheet] = await readXlsx(res.rawPayload);
    expect(sheet!.frozen).toBe(true);
    expect(sheet!.rows[0]).toEqual([
      '工号',
      '姓名',
      '部门编码',
      '部门名称',
      '职务',
      '手机',
      '邮箱',
      '状态',
    ]);
    expect(sheet!.rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['X001', '导出甲', 'EXP-D', '导出科'],
      ['X002', '导出乙', 'EXP-D', '导出科'],
    ]);
  });

  it('covers more rows than one batch', async () => {
    const dept = await buildDepartment(t.admin, { code: 'BIG-D' });
    const now = new Date().toISOString();
    const rows = Array.from({ length: 2345 }, (_, i) => ({
      id: `0190f3a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
      org_id: t.orgId,
      employee_no: `B${String(i).padStart(5, '0')}`,
      name: `批量${i}`,
      phone: null,
      email: null,
      department_id: dept.id,
      position: null,
      active: 1,
      deleted_at: null,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await t.db
        .insertInto('people')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    const res = await t.admin.get(`/api/people/export.xlsx?departmentId=${dept.id}&sort=name`);
    const [sheet] = await readXlsx(res.rawPayload);
    expect(sheet!.rows).toHaveLength(2346);
    expect(new Set(sheet!.rows.slice(1).map((r) => r[0])).size).toBe(2345);
  });

  it('needs people:export (a dispatcher may read people but not export them)', async () => {
    const dispatcher = await buildUser(t, { roleKey: 'dispatcher' });
    expect((await dispatcher.get('/api/people')).statusCode).toBe(200);
    expect((await dispatcher.get('/api/people/export.xlsx')).statusCode).toBe(403);
    expect((await dispatcher.get('/api/people/import-template.xlsx')).statusCode).toBe(403);
    const file = await xlsxOf([HEADER, ['N001', '某人', null, null, null, null, null]]);
    expect((await upload(dispatcher, '/api/people/import', file)).statusCode).toBe(403);
  });
});

describe('people import template', () => {
  it('has the headers, an example row and a 说明 sheet', async () => {
    const res = await t.admin.get('/api/people/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
    );
    const [data, notes] = await readXlsx(res.rawPayload);
    expect(data!.rows[0]).toEqual(['工号*', '姓名*', '部门编码', '职务', '手机', '邮箱', '状态']);
    expect(data!.rows[1]![0]).toBe('E0001');
    expect(notes!.name).toBe('说明');
    expect(notes!.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['工号', '状态']));
    expect(notes!.rows.find((r) => r[0] === '状态')![2]).toContain('在职 或 离职');
  });
});

describe('people import', () => {
  it('creates new people, updates existing ones by 工号, and audits every change', async () => {
    const dept = await buildDepartment(t.admin, { code: 'IMP-D', name: '导入科' });
    const old = await buildPerson(t.admin, { employeeNo: 'P-OLD', name: '老名字' });
    const auditBefore = await countRows(t.db, 'audit_log', t.orgId);
    const file = await xlsxOf([
      [...HEADER, '备注'],
      ['P001', '王五', 'IMP-D', '电工', 13800138000, 'wangwu@example.com', '在职', '多余列忽略'],
      [null, null, null, null, null, null, null, null],
      ['P002', '赵六', null, null, null, null, '离职', null],
      ['P-OLD', '新名字', 'IMP-D', null, null, null, null, null],
    ]);
    const res = await upload(t.admin, '/api/people/import', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 0, total: 3 });

    const list = (await t.admin.get(`/api/people?departmentId=${dept.id}`)).json();
    expect(list.items.map((p: { employeeNo: string }) => p.employeeNo)).toEqual(['P-OLD', 'P001']);
    const p001 = list.items[1];
    expect(p001).toMatchObject({ phone: '13800138000', email: 'wangwu@example.com', active: true });
    const updated = (await t.admin.get(`/api/people/${old.id}`)).json();
    expect(updated).toMatchObject({ name: '新名字', departmentId: dept.id });
    const p002 = (await t.admin.get('/api/people?q=P002')).json().items[0];
    expect(p002.active).toBe(false);
    // 2 creates + 1 update + 1 for the import itself.
    expect((await countRows(t.db, 'audit_log', t.orgId)) - auditBefore).toBe(4);

    const again = await upload(t.admin, '/api/people/import', file);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 3, total: 3 });
  });

  it('takes its own export back unchanged (export, edit in Excel, import)', async () => {
    const exported = await t.admin.get('/api/people/export.xlsx?q=P0');
    const [sheet] = await readXlsx(exported.rawPayload);
    expect(sheet!.rows.length).toBeGreaterThan(1);
    const res = await upload(t.admin, '/api/people/import', exported.rawPayload);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: sheet!.rows.length - 1 });
  });

  it('rejects the whole file with every bad row and column, and writes nothing', async () => {
    await buildPerson(t.admin, { employeeNo: 'DUP-1', name: '已有' });
    const peopleBefore = await countRows(t.db, 'people', t.orgId);
    const auditBefore = await countRows(t.db, 'audit_log', t.orgId);
    const file = await xlsxOf([
      HEADER,
      ['OK-1', '正常', null, null, null, null, null],
      ['', '缺工号', 'NO-SUCH-DEPT', null, null, null, null],
      ['OK-2', '正常二', null, null, null, 'not-an-email', '退休'],
      ['OK-1', '重复', null, null, null, null, null],
    ]);
    const res = await upload(t.admin, '/api/people/import', file);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toContain('共 3 行有误，未导入任何数据');
    expect(error.details.total).toBe(4);
    const cells = error.details.rows.map((r: { row: number; column: string }) => [r.row, r.column]);
    expect(cells).toEqual([
      [3, '工号'],
      [3, '部门编码'],
      [4, '状态'],
      [4, '邮箱'],
      [5, '工号'],
    ]);
    expect(error.details.rows[0].message).toBe('工号不能为空');
    expect(error.details.rows[4].message).toBe('工号 OK-1 与第 2 行重复');
    expect(await countRows(t.db, 'people', t.orgId)).toBe(peopleBefore);
    expect(await countRows(t.db, 'audit_log', t.orgId)).toBe(auditBefore);
  });

  it('words row errors in English when asked', async () => {
    const file = await xlsxOf([HEADER, ['E-1', '某', 'NOPE', null, null, null, null]]);
    const { payload, headers } = multipartBody(file);
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/people/import',
      payload,
      headers: { ...headers, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^Import failed: 1 row/);
    expect(res.json().error.details.rows[0].message).toMatch(/Department code NOPE does not exist/);
  });

  it('refuses a file without the required columns', async () => {
    const res = await upload(t.admin, '/api/people/import', await xlsxOf([['姓名'], ['张三']]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows[0]).toMatchObject({ row: 1, column: '工号' });
  });

  it('answers 415 to a file that is not .xlsx, 400 without a file, 422 to an empty sheet', async () => {
    const csv = Buffer.from('工号,姓名\nE1,张三\n');
    const notXlsx = await upload(t.admin, '/api/people/import', csv, 'people.xlsx');
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().error.message).toContain('.xlsx');

    const noFile = await t.admin.request({ method: 'POST', url: '/api/people/import' });
    expect(noFile.statusCode).toBe(400);

    const empty = await upload(t.admin, '/api/people/import', await xlsxOf([HEADER]));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('IMPORT_EMPTY');
  });

  it('answers 413 past 20,000 rows', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [`R${i}`, '某']);
    const res = await upload(
      t.admin,
      '/api/people/import',
      await xlsxOf([['工号', '姓名'], ...rows]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('20000');
  });

  it('answers 413 at once to a small zip that unzips to 200 MB while declaring 1 KB', async () => {
    // ~200 KB on the wire. exceljs's JSZip would inflate all of it before
    // noticing the size is not the declared one.
    const bomb = rawZip([
      { name: '[Content_Types].xml', stored: Buffer.from('<Types/>'), size: 8, method: 0 },
      {
        name: 'xl/worksheets/sheet1.xml',
        stored: await deflatedZeros(200 * 1024 * 1024),
        size: 1024,
      },
    ]);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const memoryBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const res = await upload(t.admin, '/api/people/import', bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - memoryBefore).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a workbook whose zip lies about an entry size, and writes nothing', async () => {
    const peopleBefore = await countRows(t.db, 'people', t.orgId);
    const file = await xlsxOf([HEADER, ['LIE-1', '某人', null, null, null, null, null]]);
    expect((await upload(t.admin, '/api/people/import', file)).statusCode).toBe(200);
    const sheet = 'xl/worksheets/sheet1.xml';
    const understated = withDeclaredSize(file, sheet, (n) => n - 1);
    expect((await upload(t.admin, '/api/people/import', understated)).statusCode).toBe(413);
    const overstated = withDeclaredSize(file, sheet, (n) => n + 1);
    const res = await upload(t.admin, '/api/people/import', overstated);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('无法读取');
    expect(await countRows(t.db, 'people', t.orgId)).toBe(peopleBefore + 1);
  });

  it('updates a row as it is when the import writes it, and audits that as "before"', async () => {
    const person = await buildPerson(t.admin, { employeeNo: 'RACE-1', name: '原名' });
    const file = await xlsxOf([HEADER, ['RACE-1', '导入名', null, null, null, null, null]]);
    // Someone renames the person and keeps the transaction open meanwhile.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let renamed!: () => void;
    const isRenamed = new Promise<void>((resolve) => (renamed = resolve));
    const other = t.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('people')
        .set({ name: '并发改名' })
        .where('id', '=', person.id)
        .execute();
      renamed();
      await held;
    });
    await isRenamed;
    const importing = upload(t.admin, '/api/people/import', file);
    // PostgreSQL: the import reads the old row, then waits for the renamer's
    // lock on it. SQLite runs one transaction at a time: the import waits.
    if (t.dialect === 'postgres') await untilSomeoneWaitsForALock(t.db);
    commit();
    await other;
    const res = await importing;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ updated: 1 });
    expect((await t.admin.get(`/api/people/${person.id}`)).json().name).toBe('导入名');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('before')
      .where('org_id', '=', t.orgId)
      .where('entity_id', '=', person.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(readJson<{ name: string }>(audit.before).name).toBe('并发改名');
  });
});

async function untilSomeoneWaitsForALock(db: Db): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody waited for a lock');
}

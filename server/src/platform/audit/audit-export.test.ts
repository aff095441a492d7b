import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { cellText } from '../excel/workbook.ts';
import { auditExport } from './export.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The first sheet of an .xlsx as rows of text. */
async function rowsOf(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const ws = workbook.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(cellText(row.getCell(c).value));
    rows.push(values);
  });
  return rows;
}

describe('audit log export', () => {
  it('exports the rows of the filter, newest first, with Chinese headers', async () => {
    const a = await buildDepartment(t.admin, { code: 'AUD-A', name: '审计甲科' });
    const b = await buildDepartment(t.admin, { code: 'AUD-B', name: '审计乙科' });

    const res = await t.admin.get('/api/audit/export.xlsx?entityType=department&action=create');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual(['时间', '操作人', '动作', '对象类型', '对象编号']);
    // Named as the page names them; the codes the filters take in their own columns.
    expect(rows[0]!.slice(8, 10)).toEqual(['动作代码', '对象类型代码']);
    expect(rows.slice(1).map((r) => [r[2], r[3], r[4], r[8], r[9]])).toEqual([
      ['创建', '部门', b.id, 'create', 'department'],
      ['创建', '部门', a.id, 'create', 'department'],
    ]);
    expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(JSON.parse(rows[1]![12]!)).toMatchObject({ code: 'AUD-B' });

    const one = await rowsOf(
      (await t.admin.get(`/api/audit/export.xlsx?entityType=department&entityId=${a.id}`))
        .rawPayload,
    );
    expect(one.slice(1).map((r) => r[4])).toEqual([a.id]);

    // A time window after every row: the header alone.
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await rowsOf(
      (await t.admin.get(`/api/audit/export.xlsx?from=${encodeURIComponent(future)}`)).rawPayload,
    );
    expect(none).toHaveLength(1);
  });

  it('refuses a malformed filter and callers without audit:read', async () => {
    expect((await t.admin.get('/api/audit/export.xlsx?from=2026-01-01')).statusCode).toBe(400);
    expect((await t.admin.get('/api/audit/export.xlsx?page=2')).statusCode).toBe(400);
    const leader = await buildUser(t, { roleKey: 'leader' });
    expect((await leader.get('/api/audit/export.xlsx')).statusCode).toBe(403);
    expect((await leader.get('/api/audit/facets')).statusCode).toBe(403);
  });

  it('cuts the file at the cap and says so in its last row', async () => {
    for (const code of ['CAP-1', 'CAP-2', 'CAP-3']) await buildDepartment(t.admin, { code });
    const sheet = auditExport(t.db, t.orgId, 'Asia/Shanghai', { entityType: 'department' }, 2);
    const rows: unknown[][] = [];
    for await (const batch of sheet.batches) rows.push(...batch);
    expect(rows).toHaveLength(3);
    expect(String(rows[2]![0])).toContain('仅导出了最新的 2 行');

    // Exactly at the cap: no note.
    const exact = auditExport(t.db, t.orgId, 'UTC', { entityType: 'department' }, 100);
    const all: unknown[][] = [];
    for await (const batch of exact.batches) all.push(...batch);
    expect(all.every((r) => !String(r[0]).startsWith('仅导出'))).toBe(true);
  });

  it('lists the entity types and actions that occur, and names the site of a row', async () => {
    const facets = (await t.admin.get('/api/audit/facets')).json();
    expect(facets.entityTypes).toContain('department');
    expect(facets.actions).toContain('create');
    const list = (await t.admin.get('/api/audit?entityType=department&pageSize=1')).json();
    expect(list.items[0]).toHaveProperty('siteName', null);
  });
});

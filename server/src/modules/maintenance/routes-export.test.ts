import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/context.ts';
import { resolveAccess } from '../../platform/access/resolve.ts';
import { cellText } from '../../platform/excel/workbook.ts';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { workOrderExport } from './routes-export.ts';

let t: TestApp;
let cats: Record<string, string>;
let siteId: string;
let otherSiteId: string;

beforeAll(async () => {
  t = await createTestApp();
  siteId = (await buildSite(t.admin)).id;
  otherSiteId = (await buildSite(t.admin)).id;
  const room = await buildLocation(t.admin, { siteId, type: 'building' });
  const otherRoom = await buildLocation(t.admin, { siteId: otherSiteId, type: 'building' });
  const list = (await t.admin.get('/api/maintenance/categories')).json<
    { id: string; code: string }[]
  >();
  cats = Object.fromEntries(list.map((c) => [c.code, c.id]));
  const orders: [string, string, string][] = [
    [room.id, cats.lighting!, '导出-灯一'],
    [room.id, cats.lighting!, '导出-灯二'],
    [room.id, cats.water!, '导出-水管'],
    [otherRoom.id, cats.lighting!, '导出-别处的灯'],
  ];
  for (const [locationId, categoryId, description] of orders) {
    const res = await t.admin.post('/api/maintenance/work-orders', {
      locationId,
      categoryId,
      description,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

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

describe('work-order export', () => {
  it('exports exactly the rows of the list filter, in its order', async () => {
    const query = `categoryId=${cats.lighting}&siteId=${siteId}&sort=number&order=asc`;
    const res = await t.admin.get(`/api/maintenance/work-orders/export.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /filename="work-orders-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]!.slice(0, 3)).toEqual(['工单号', '状态', '院区']);
    const list = (await t.admin.get(`/api/maintenance/work-orders?${query}`)).json<{
      items: { number: string; description: string }[];
    }>();
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((o) => o.number));
    expect(rows.slice(1).map((r) => r[8])).toEqual(['导出-灯一', '导出-灯二']);
    expect(rows[1]![1]).toBe('待派工');
  });

  it('cuts the file at the cap and says so', async () => {
    const admin: Actor = {
      orgId: t.orgId,
      userId: t.admin.userId,
      name: 'admin',
      access: await resolveAccess(t.db, t.orgId, t.admin.userId),
      requestId: null,
      ip: null,
      lang: 'zh',
      audit: { count: 0 },
    };
    const read = async (cap: number, batch: number) => {
      const sheet = workOrderExport(
        t.db,
        t.dialect,
        admin,
        'Asia/Shanghai',
        { siteId, sort: 'submittedAt', order: 'desc' },
        cap,
        batch,
      );
      const rows: unknown[][] = [];
      for await (const b of sheet.batches) rows.push(...b);
      return rows;
    };
    expect(await read(10, 2)).toHaveLength(3);
    const cut = await read(2, 2);
    expect(cut).toHaveLength(3);
    expect(String(cut[2]![0])).toContain('仅导出了前 2 行');
    const cutInside = await read(2, 5);
    expect(cutInside).toHaveLength(3);
    expect(String(cutInside[2]![0])).toContain('仅导出了前 2 行');
  });

  it('refuses callers without maintenance:export and malformed filters', async () => {
    const dispatcher = await buildUser(t, { roleKey: 'dispatcher' });
    expect((await dispatcher.get('/api/maintenance/work-orders/export.xlsx')).statusCode).toBe(403);
    expect((await t.admin.get('/api/maintenance/work-orders/export.xlsx?page=2')).statusCode).toBe(
      400,
    );
    expect(
      (await t.admin.get('/api/maintenance/work-orders/export.xlsx?status=nope')).statusCode,
    ).toBe(400);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../../platform/excel/workbook.ts';
import { buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import type { Item } from './schema.ts';
import { buildItem } from './test-support.ts';

let t: TestApp;
let staff: Agent;
let siteManager: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const site = await buildSite(t.admin);
  staff = await buildUser(t, { roleKey: 'staff', siteId: site.id });
  siteManager = await buildUser(t, { roleKey: 'manager', siteId: site.id });
});
afterAll(() => t.close());

async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('物资');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a browser sends: multipart/form-data with one file field. */
function upload(agent: Agent, file: Buffer) {
  const boundary = `----houqin${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="items.xlsx"\r\n` +
      `Content-Type: ${XLSX_MIME}\r\n\r\n`,
  );
  const payload = Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return agent.request({
    method: 'POST',
    url: '/api/stores/items/import',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const HEADER = ['编码*', '名称*', '规格型号', '单位*', '类别', '最低库存'];

describe('item import', () => {
  it('offers a template, creates new codes and updates known ones', async () => {
    const template = await t.admin.get('/api/stores/items/import-template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const known = await buildItem(t.admin, { code: 'IMP-OLD', name: '旧名', unit: '个' });
    const res = await upload(
      t.admin,
      await xlsxOf([
        HEADER,
        ['IMP-001', '灯管', 'T8 1.2m', '根', '电料', 20],
        ['IMP-002', '开关面板', null, '个', '电料', null],
        ['IMP-OLD', '新名', null, '个', null, 5],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 0, total: 3 });
    const list = (await t.admin.get('/api/stores/items?q=IMP')).json<{ items: Item[] }>();
    const byCode = new Map(list.items.map((i) => [i.code, i]));
    expect(byCode.get('IMP-001')).toMatchObject({
      name: '灯管',
      spec: 'T8 1.2m',
      unit: '根',
      minStock: 20,
    });
    expect(byCode.get('IMP-OLD')).toMatchObject({ id: known.id, name: '新名', minStock: 5 });
  });

  it('imports nothing when any row is invalid, and says which row and column', async () => {
    const res = await upload(
      t.admin,
      await xlsxOf([
        HEADER,
        ['IMP-100', '好的一行', null, '个', null, 1],
        ['IMP-101', '', null, '个', null, null],
        ['IMP-100', '重复', null, '个', null, null],
        ['IMP-102', '负数', null, '个', null, -3],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const rows = res.json<{ error: { details: { rows: { row: number; column: string }[] } } }>()
      .error.details.rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '名称' }),
        expect.objectContaining({ row: 4, column: '编码' }),
        expect.objectContaining({ row: 5, column: '最低库存' }),
      ]),
    );
    const list = (await t.admin.get('/api/stores/items?q=IMP-10')).json<{ total: number }>();
    expect(list.total).toBe(0);
  });

  it("lets a site's manager add items but not change the shared ones", async () => {
    await buildItem(t.admin, { code: 'IMP-SHARED', name: '共用', unit: '个' });
    const res = await upload(
      siteManager,
      await xlsxOf([
        HEADER,
        ['IMP-SITE', '本院新物资', null, '个', null, null],
        ['IMP-SHARED', '改名', null, '个', null, null],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('全院的物资管理权限');
    const added = await upload(
      siteManager,
      await xlsxOf([HEADER, ['IMP-SITE', '本院新物资', null, '个', null, null]]),
    );
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ created: 1 });
  });

  it('is for storekeepers only', async () => {
    const res = await upload(staff, await xlsxOf([HEADER]));
    expect(res.statusCode).toBe(403);
  });
});

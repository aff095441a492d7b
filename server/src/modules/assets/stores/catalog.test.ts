import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import type { Item, Store } from './schema.ts';
import { buildItem, buildStore, otherOrganization, stockIn } from './test-support.ts';

let t: TestApp;
let east: { id: string };
let west: { id: string };
let eastManager: Agent;
let westManager: Agent;
let staff: Agent;
let dispatcher: Agent;
let other: Agent;

beforeAll(async () => {
  t = await createTestApp();
  east = await buildSite(t.admin, { name: '东院' });
  west = await buildSite(t.admin, { name: '西院' });
  eastManager = await buildUser(t, { roleKey: 'manager', siteId: east.id });
  westManager = await buildUser(t, { roleKey: 'manager', siteId: west.id });
  staff = await buildUser(t, { roleKey: 'staff', siteId: east.id });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: east.id });
  other = await otherOrganization(t, 'stores-catalog');
});
afterAll(() => t.close());

describe('items', () => {
  it('creates, finds, changes and stops an item; codes are unique', async () => {
    const item = await buildItem(t.admin, {
      code: 'WJ-001',
      name: '水龙头阀芯',
      unit: '个',
      minStock: 5,
    });
    expect(item).toMatchObject({ code: 'WJ-001', minStock: 5, active: true, spec: null });
    const dup = await t.admin.post('/api/stores/items', {
      code: 'WJ-001',
      name: '重复',
      unit: '个',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('WJ-001');

    const found = await staff.get('/api/stores/items?q=阀芯');
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<{ items: Item[]; total: number }>().items.map((i) => i.code)).toContain(
      'WJ-001',
    );

    // The catalogue is shared by every site: a site's manager may add items, not change them.
    const bySite = await eastManager.patch(`/api/stores/items/${item.id}`, { minStock: 1 });
    expect(bySite.statusCode, bySite.body).toBe(403);
    const patched = await t.admin.patch(`/api/stores/items/${item.id}`, {
      minStock: 10,
      spec: 'DN15',
      active: false,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Item>()).toMatchObject({ minStock: 10, spec: 'DN15', active: false });
    const active = await t.admin.get('/api/stores/items?active=true&q=WJ-001');
    expect(active.json<{ total: number }>().total).toBe(0);
  });

  it('answers 400 with a readable message to bad input', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/stores/items',
      payload: { code: '阀 芯', name: '', unit: '个', minStock: -1 },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('编码只能用字母、数字');
    const extra = await t.admin.post('/api/stores/items', {
      code: 'X1',
      name: 'x',
      unit: '个',
      price: 1,
    });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses the item list to people without a stores role, and other organisations see none', async () => {
    expect((await dispatcher.get('/api/stores/items')).statusCode).toBe(403);
    const mine = await buildItem(t.admin);
    const theirs = await other.get(`/api/stores/items?q=${mine.code}`);
    expect(theirs.json<{ total: number }>().total).toBe(0);
    const patch = await other.patch(`/api/stores/items/${mine.id}`, { name: '改' });
    expect(patch.statusCode).toBe(404);
    expect(
      (await staff.post('/api/stores/items', { code: 'S1', name: 'x', unit: '个' })).statusCode,
    ).toBe(403);
  });
});

describe('stores', () => {
  it('keeps a store at its site: managers elsewhere neither see nor change it', async () => {
    const store = await buildStore(eastManager, {
      siteId: east.id,
      name: '东院五金库',
      keeperUserId: eastManager.userId,
    });
    expect(store).toMatchObject({ name: '东院五金库', site: { id: east.id }, active: true });
    expect(store.keeper?.id).toBe(eastManager.userId);

    const atWest = await eastManager.post('/api/stores/stores', {
      siteId: west.id,
      code: 'X9',
      name: '越权',
    });
    expect(atWest.statusCode).toBe(404);
    const westList = (await westManager.get('/api/stores/stores')).json<Store[]>();
    expect(westList.map((s) => s.id)).not.toContain(store.id);
    const eastList = (await staff.get('/api/stores/stores')).json<Store[]>();
    expect(eastList.map((s) => s.id)).toContain(store.id);
    const rename = await westManager.patch(`/api/stores/stores/${store.id}`, { name: '改' });
    expect(rename.statusCode).toBe(404);
    const theirs = await other.patch(`/api/stores/stores/${store.id}`, { name: '改' });
    expect(theirs.statusCode).toBe(404);
  });

  it('takes no document in a closed store', async () => {
    const store = await buildStore(t.admin, { siteId: east.id });
    const item = await buildItem(t.admin);
    const closed = await t.admin.patch(`/api/stores/stores/${store.id}`, { active: false });
    expect(closed.json<Store>().active).toBe(false);
    const res = await t.admin.post('/api/stores/documents/stock-in', {
      storeId: store.id,
      lines: [{ itemId: item.id, quantity: 1, unitCostFen: 100 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已停用');
  });

  it('refuses a stopped item on a new document', async () => {
    const store = await buildStore(t.admin, { siteId: east.id });
    const item = await buildItem(t.admin);
    await t.admin.patch(`/api/stores/items/${item.id}`, { active: false });
    const res = await t.admin.post('/api/stores/documents/stock-in', {
      storeId: store.id,
      lines: [{ itemId: item.id, quantity: 1, unitCostFen: 100 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(item.name);
  });

  it('exports items and stock as .xlsx', async () => {
    const store = await buildStore(t.admin, { siteId: east.id });
    const item = await buildItem(t.admin);
    await stockIn(t.admin, store.id, [{ itemId: item.id, quantity: 2, unitCostFen: 150 }]);
    for (const path of ['items', 'stock', 'movements', 'documents']) {
      const res = await eastManager.get(`/api/stores/${path}/export.xlsx`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await staff.get('/api/stores/stock/export.xlsx')).statusCode).toBe(403);

    // A role that may export but not read the lists still exports its sites' rows.
    const role = await t.admin.post('/api/roles', {
      key: 'stores_exporter',
      name: '物资导出',
      permissions: ['stores:export'],
    });
    expect(role.statusCode, role.body).toBe(201);
    const exporter = await buildUser(t, { roleKey: 'stores_exporter', siteId: east.id });
    const file = await exporter.get('/api/stores/stock/export.xlsx');
    expect(file.statusCode, file.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain(item.name);
  });
});

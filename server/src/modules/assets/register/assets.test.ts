import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDepartment,
  buildLocation,
  buildPerson,
  buildSite,
  buildUser,
  type Site,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { AssetDetail, Category } from './schema.ts';
import {
  buildAsset,
  buildCategory,
  next,
  otherOrganization,
  setApprovalKinds,
  userFor,
  type Registered,
} from './test-kit.ts';

let t: TestApp;
let site: Site;
let unit: Category;
let bulk: Category;
beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  unit = await buildCategory(t.admin, {
    unit: '台',
    lifeMonths: 72,
    fields: [
      { key: 'serial', label: '出厂编号', type: 'text', required: true },
      { key: 'power', label: '功率', type: 'number' },
      { key: 'grade', label: '等级', type: 'select', options: ['甲', '乙'] },
    ],
  });
  bulk = await buildCategory(t.admin, { tracking: 'bulk', unit: '把', lifeMonths: 180 });
});
afterAll(async () => t.close());

const detail = async (id: string) => (await t.admin.get(`/api/assets/${id}`)).json<AssetDetail>();

describe('registering one card', () => {
  it('numbers the card, tags it with its code, and records the operation and event', async () => {
    const res = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: unit.id,
      name: '台式电脑',
      unitPriceFen: 560000,
      purchaseDate: '2026-01-15',
      custom: { serial: 'SN-001', power: '350' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Registered>();
    expect(r.operation.status).toBe('done');
    expect(r.operation.number).toMatch(/^YW-\d{4}-\d{6}$/);
    const a = r.assets[0]!;
    expect(a.code).toMatch(/^ZC-\d{4}-\d{6}$/);
    expect(a.tagNo).toBe(a.code);
    expect(a.status).toBe('idle');

    const d = await detail(a.id);
    expect(d.unit).toBe('台');
    expect(d.lifeMonths).toBe(72);
    expect(d.originalValueFen).toBe(560000);
    expect(d.custom).toEqual({ serial: 'SN-001', power: 350 });
    expect(d.events.map((e) => [e.action, e.toStatus])).toEqual([['register', 'idle']]);
    expect(d.operations).toEqual([
      expect.objectContaining({ kind: 'register', status: 'done', valueFen: 560000 }),
    ]);
    // Depreciation from February 2026: 560000 / 72 = 7777 a month.
    expect(d.monthlyDepreciationFen).toBe(7777);
    expect(d.netValueFen + d.accumulatedDepreciationFen).toBe(560000);
    expect(d.canManage).toBe(true);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a.id)
      .execute();
    expect(audit.map((x) => x.action)).toContain('register');
  });

  it('registers in use when a department is given, with the place checked against the site', async () => {
    const dept = await buildDepartment(t.admin);
    const person = await buildPerson(t.admin, { departmentId: dept.id });
    const room = await buildLocation(t.admin, { siteId: site.id, type: 'building' });
    const a = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: bulk.id,
      quantity: 40,
      unitPriceFen: 15000,
      departmentId: dept.id,
      custodianPersonId: person.id,
      locationId: room.id,
    });
    expect(a.status).toBe('in_use');
    const d = await detail(a.id);
    expect(d.originalValueFen).toBe(600000);
    expect(d.department?.id).toBe(dept.id);
    expect(d.custodian?.name).toBe(person.name);

    const elsewhere = await buildSite(t.admin);
    const farRoom = await buildLocation(t.admin, { siteId: elsewhere.id });
    const bad = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '椅子',
      locationId: farRoom.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不属于该院区');
  });

  it('refuses bad input with sentences: quantity in a unit category, custom fields, dates', async () => {
    const qty = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: unit.id,
      name: '电脑',
      quantity: 3,
      custom: { serial: 'x' },
    });
    expect(qty.statusCode).toBe(400);
    expect(qty.json().error.message).toContain('批量登记');

    const custom = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: unit.id,
      name: '电脑',
      custom: { power: 'abc', grade: '丙', colour: '红' },
    });
    expect(custom.statusCode).toBe(400);
    const message = custom.json().error.message as string;
    expect(message).toContain('出厂编号不能为空');
    expect(message).toContain('功率应为数字');
    expect(message).toContain('等级只能选择');
    expect(message).toContain('colour');

    const date = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '椅子',
      purchaseDate: '2026/01/01',
    });
    expect(date.statusCode).toBe(400);
    expect(date.body).toContain('YYYY-MM-DD');
  });

  it('answers 409 with a sentence for a tag or code in use', async () => {
    const tag = `TG-${next()}`;
    await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id, tagNo: tag });
    const again = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '椅子',
      tagNo: tag,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(tag);
    const code = `CD-${next()}`;
    await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id, code });
    const dup = await t.admin.post('/api/assets', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '椅子',
      code,
    });
    expect(dup.statusCode).toBe(409);
  });

  it('waits for approval when the organisation approves registrations', async () => {
    await setApprovalKinds(t, ['register']);
    try {
      const res = await t.admin.post('/api/assets', {
        siteId: site.id,
        categoryId: bulk.id,
        name: '待审批的椅子',
      });
      const r = res.json<Registered>();
      expect(r.operation.status).toBe('pending_approval');
      expect(r.assets[0]!.status).toBe('pending');
      const d = await detail(r.assets[0]!.id);
      expect(d.openOperationId).toBe(r.operation.id);
      // The registrar cannot approve their own; a leader can, and the card enters the pool.
      const own = await t.admin.post(`/api/assets/operations/${r.operation.id}/approve`, {});
      expect(own.statusCode).toBe(403);
      const leader = await buildUser(t, { roleKey: 'leader' });
      const ok = await leader.post(`/api/assets/operations/${r.operation.id}/approve`, {});
      expect(ok.statusCode, ok.body).toBe(200);
      const after = await detail(r.assets[0]!.id);
      expect(after.status).toBe('idle');
      expect(after.openOperationId).toBeNull();
    } finally {
      await setApprovalKinds(t, ['transfer', 'damage', 'loss', 'dispose', 'adjust']);
    }
  });
});

describe('batch registration', () => {
  it('makes 120 desks ZY-0001…ZY-0120 under one operation with 120 lines', async () => {
    const prefix = `ZY${next()}-`;
    const res = await t.admin.post('/api/assets/batch', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '学生课桌',
      unitPriceFen: 38000,
      count: 120,
      tagPrefix: prefix,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Registered>();
    expect(r.count).toBe(120);
    expect(r.assets[0]!.tagNo).toBe(`${prefix}0001`);
    expect(r.assets[119]!.tagNo).toBe(`${prefix}0120`);
    expect(new Set(r.assets.map((a) => a.code)).size).toBe(120);
    const lines = await t.db
      .selectFrom('ast_operation_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('operation_id', '=', r.operation.id)
      .executeTakeFirstOrThrow();
    expect(Number(lines.n)).toBe(120);
    const op = await t.db
      .selectFrom('ast_operations')
      .select(['total_value_fen', 'kind'])
      .where('id', '=', r.operation.id)
      .executeTakeFirstOrThrow();
    expect(Number(op.total_value_fen)).toBe(120 * 38000);

    // Overlapping the first batch: refused whole, naming the clashes.
    const clash = await t.admin.post('/api/assets/batch', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '学生课桌',
      count: 10,
      tagPrefix: prefix,
      tagStart: 115,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.tags).toEqual(
      [115, 116, 117, 118, 119, 120].map((n) => `${prefix}0${n}`),
    );
    const count = await t.db
      .selectFrom('ast_assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tag_no', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(120);
  });

  it('caps a batch at 2,000 cards', async () => {
    const res = await t.admin.post('/api/assets/batch', {
      siteId: site.id,
      categoryId: bulk.id,
      name: '椅子',
      count: 2001,
      tagPrefix: 'BIG-',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('editing and deleting a card', () => {
  it('changes descriptive fields only, versioned', async () => {
    const a = await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id });
    const before = await detail(a.id);
    const ok = await t.admin.patch(`/api/assets/${a.id}`, {
      version: before.version,
      name: '改名后的椅子',
      supplier: '某家具厂',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<AssetDetail>().name).toBe('改名后的椅子');
    expect(ok.json<AssetDetail>().events.map((e) => e.action)).toEqual(['register', 'edit']);

    const stale = await t.admin.patch(`/api/assets/${a.id}`, {
      version: before.version,
      name: '又改',
    });
    expect(stale.statusCode).toBe(409);

    const status = await t.admin.patch(`/api/assets/${a.id}`, {
      version: before.version + 1,
      status: 'lent',
    });
    expect(status.statusCode).toBe(400);
    expect(status.body).toContain('只能通过资产业务');
  });

  it('keeps the price once depreciation has started', async () => {
    const a = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: bulk.id,
      unitPriceFen: 10000,
      purchaseDate: '2020-01-01',
    });
    const res = await t.admin.patch(`/api/assets/${a.id}`, { version: 1, unitPriceFen: 20000 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('折旧');
  });

  it('deletes a card registered by mistake and cancels an emptied registration', async () => {
    const a = await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id });
    const opId = (await detail(a.id)).operations[0]!.id;
    const res = await t.admin.delete(`/api/assets/${a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.admin.get(`/api/assets/${a.id}`)).statusCode).toBe(404);
    const op = await t.db
      .selectFrom('ast_operations')
      .select('status')
      .where('id', '=', opId)
      .executeTakeFirstOrThrow();
    expect(op.status).toBe('cancelled');
  });
});

describe('who sees and changes which card', () => {
  it('limits site managers, department heads and custodians to their own', async () => {
    const siteB = await buildSite(t.admin);
    const dept = await buildDepartment(t.admin);
    const holder = await buildPerson(t.admin, { departmentId: dept.id });
    const head = await buildPerson(t.admin, { departmentId: dept.id });
    const mine = await buildAsset(t.admin, {
      siteId: siteB.id,
      categoryId: bulk.id,
      departmentId: dept.id,
      custodianPersonId: holder.id,
    });
    const deptOnly = await buildAsset(t.admin, {
      siteId: siteB.id,
      categoryId: bulk.id,
      departmentId: dept.id,
    });
    const elsewhere = await buildAsset(t.admin, { siteId: siteB.id, categoryId: bulk.id });

    const managerA = await buildUser(t, { roleKey: 'manager', siteId: site.id });
    expect((await managerA.get(`/api/assets/${mine.id}`)).statusCode).toBe(404);
    const listA = (await managerA.get(`/api/assets?siteId=${siteB.id}`)).json();
    expect(listA.items).toEqual([]);
    const edit = await managerA.patch(`/api/assets/${mine.id}`, { version: 1, name: 'x' });
    expect(edit.statusCode).toBe(404);
    const create = await managerA.post('/api/assets', {
      siteId: siteB.id,
      categoryId: bulk.id,
      name: '越权',
    });
    expect(create.statusCode).toBe(404);

    const staff = await userFor(t, { roleKey: 'staff', personId: holder.id });
    const staffList = (await staff.get('/api/assets')).json<{ items: { id: string }[] }>();
    expect(staffList.items.map((i) => i.id)).toEqual([mine.id]);
    expect((await staff.get(`/api/assets/${deptOnly.id}`)).statusCode).toBe(404);
    expect((await staff.patch(`/api/assets/${mine.id}`, { version: 1 })).statusCode).toBe(403);

    const deptHead = await userFor(t, { roleKey: 'dept_head', personId: head.id });
    const headList = (await deptHead.get('/api/assets?sort=code')).json<{
      items: { id: string }[];
    }>();
    expect(headList.items.map((i) => i.id).sort()).toEqual([mine.id, deptOnly.id].sort());
    expect((await deptHead.get(`/api/assets/${elsewhere.id}`)).statusCode).toBe(404);
  });

  it('hides every card from another organisation', async () => {
    const a = await buildAsset(t.admin, { siteId: site.id, categoryId: bulk.id });
    const other = await otherOrganization(t, 'assets');
    expect((await other.get(`/api/assets/${a.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/assets')).json().total).toBe(0);
    expect((await other.delete(`/api/assets/${a.id}`)).statusCode).toBe(404);
  });
});

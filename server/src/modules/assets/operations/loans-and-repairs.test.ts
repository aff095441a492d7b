import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildPerson, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { addDays, localToday } from './org-calendar.ts';
import { assetRow, buildAssets, buildLinkedUser, type OpDetail } from './test-support.ts';

let t: TestApp;
let siteA: string;
let siteB: string;
let classroom: string;
let office: string;
let custPerson: string;
let manager: Agent;
let managerB: Agent;
let approver: Agent;
let custodian: Agent;

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin, { name: '本部' })).id;
  siteB = (await buildSite(t.admin, { name: '西院' })).id;
  classroom = (await buildDepartment(t.admin, { name: '一年级教室' })).id;
  office = (await buildDepartment(t.admin, { name: '办公室' })).id;
  custPerson = (await buildPerson(t.admin, { name: '张老师', departmentId: classroom })).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  managerB = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteB });
  approver = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
  custodian = await buildLinkedUser(t, { roleKey: 'staff', siteId: siteA, personId: custPerson });
});
afterAll(() => t.close());

async function start(agent: Agent, body: Record<string, unknown>, status = 201) {
  const res = await agent.post('/api/assets/operations', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<OpDetail>();
}
const act = (agent: Agent, id: string, action: string, body: unknown = {}) =>
  agent.post(`/api/assets/operations/${id}/${action}`, body);

describe('loans', () => {
  it('lends until returned, with the default due date, and refuses to dispose a lent asset', async () => {
    const [a, b] = await buildAssets(t, siteA, 2, { status: 'in_use', departmentId: office });
    const op = await start(manager, { kind: 'lend', assetIds: [a, b], borrowerName: '外校王老师' });
    expect(op.status).toBe('open');
    expect(op.dueDate).toBe(addDays(localToday('Asia/Shanghai'), 30));
    expect((await assetRow(t, a!)).status).toBe('lent');
    const dispose = await manager.post('/api/assets/operations', {
      kind: 'dispose',
      assetIds: [a],
    });
    expect(dispose.statusCode).toBe(409);
    expect(dispose.json<{ error: { message: string } }>().error.message).toContain('借出');

    const ret = await start(manager, { kind: 'return', assetIds: [a], condition: 'fair' });
    expect(ret.status).toBe('done');
    expect(await assetRow(t, a!)).toMatchObject({
      status: 'in_use',
      condition: 'fair',
      open_operation_id: null,
    });
    let lend = (await manager.get(`/api/assets/operations/${op.id}`)).json<OpDetail>();
    expect(lend.status).toBe('open');
    expect(lend.lines.find((l) => l.assetId === a)!.returnedAt).not.toBeNull();
    await start(manager, { kind: 'return', assetIds: [b] });
    lend = (await manager.get(`/api/assets/operations/${op.id}`)).json<OpDetail>();
    expect(lend.status).toBe('done');
    // Returning what is not lent is refused.
    expect(
      (await manager.post('/api/assets/operations', { kind: 'return', assetIds: [b] })).statusCode,
    ).toBe(409);
  });

  it('lets staff ask to borrow for themselves only, always with approval', async () => {
    const [a] = await buildAssets(t, siteA);
    const other = await custodian.post('/api/assets/operations', {
      kind: 'lend',
      assetIds: [a],
      borrowerName: '别人',
    });
    expect(other.statusCode).toBe(403);
    const op = await start(custodian, { kind: 'lend', assetIds: [a] });
    expect(op.status).toBe('pending_approval');
    expect((await act(approver, op.id, 'approve')).json<OpDetail>().status).toBe('open');
    expect((await assetRow(t, a!)).status).toBe('lent');
    // Staff cannot start other kinds.
    const [b] = await buildAssets(t, siteA);
    expect(
      (await custodian.post('/api/assets/operations', { kind: 'dispose', assetIds: [b] }))
        .statusCode,
    ).toBe(403);
  });

  it('lists loans outstanding with days overdue', async () => {
    const [a] = await buildAssets(t, siteA);
    const op = await start(manager, { kind: 'lend', assetIds: [a], borrowerPersonId: custPerson });
    await t.db
      .updateTable('ast_operations')
      .set({ due_date: addDays(localToday('Asia/Shanghai'), -3) })
      .where('id', '=', op.id)
      .execute();
    const res = await manager.get(`/api/assets/reports/loans?siteId=${siteA}`);
    expect(res.statusCode).toBe(200);
    type Page = {
      items: { operationId: string; daysOverdue: number; borrower: { name: string } }[];
      total: number;
    };
    const line = res.json<Page>().items.find((l) => l.operationId === op.id);
    expect(line).toMatchObject({ daysOverdue: 3, borrower: { name: '张老师' } });
    // Paged and searchable: by the borrower, a page of one.
    const found = (
      await manager.get(`/api/assets/reports/loans?q=${encodeURIComponent('张老师')}&pageSize=1`)
    ).json<Page>();
    expect(found.items).toHaveLength(1);
    expect(found.total).toBeGreaterThanOrEqual(1);
    expect(found.items[0]!.borrower.name).toBe('张老师');
    const none = (
      await manager.get(`/api/assets/reports/loans?q=nobody-borrowed-this`)
    ).json<Page>();
    expect(none).toMatchObject({ items: [], total: 0 });
    expect((await managerB.get(`/api/assets/reports/loans`)).json<Page>()).toMatchObject({
      items: [],
      total: 0,
    });
    const xlsx = await manager.get('/api/assets/reports/loans.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('repair', () => {
  it('raises a maintenance work order and restores the asset when repaired', async () => {
    const [a] = await buildAssets(t, siteA, 1, { status: 'in_use', departmentId: office });
    const cats = (await t.admin.get('/api/maintenance/categories')).json<
      { id: string; code: string }[]
    >();
    const furniture = cats[0]!.id;
    const two = await buildAssets(t, siteA, 2, { status: 'in_use' });
    const many = await manager.post('/api/assets/operations', {
      kind: 'repair',
      assetIds: two,
      workOrder: { categoryId: furniture, description: '桌腿松动' },
    });
    expect(many.statusCode).toBe(400);
    const op = await start(manager, {
      kind: 'repair',
      assetIds: [a],
      workOrder: { categoryId: furniture, description: '桌腿松动' },
    });
    expect(op.status).toBe('open');
    expect(op.workOrderId).toBeTruthy();
    const wo = (await t.admin.get(`/api/maintenance/work-orders/${op.workOrderId}`)).json<{
      description: string;
      number: string;
    }>();
    expect(wo.description).toContain(op.number);
    const order = await t.db
      .selectFrom('mnt_work_orders')
      .select(['asset_ref', 'source'])
      .where('id', '=', op.workOrderId!)
      .executeTakeFirstOrThrow();
    expect(order.asset_ref).toBe((await assetRow(t, a!)).tag_no);
    expect((await assetRow(t, a!)).status).toBe('under_repair');
    const done = await start(manager, { kind: 'repaired', assetIds: [a] });
    expect(done.status).toBe('done');
    expect(await assetRow(t, a!)).toMatchObject({
      status: 'in_use',
      condition: 'good',
      open_operation_id: null,
    });
    expect((await manager.get(`/api/assets/operations/${op.id}`)).json<OpDetail>().status).toBe(
      'done',
    );
  });
});

describe('locks and loans under damage or loss', () => {
  it('lets only one of two operations started at once on the same asset through', async () => {
    // Several rounds: the race must be lost the same way whichever request reads first.
    for (let round = 0; round < 5; round++) {
      const [a] = await buildAssets(t, siteA, 1, { status: 'in_use' });
      const results = await Promise.all([
        manager.post('/api/assets/operations', { kind: 'lend', assetIds: [a], borrowerName: '甲' }),
        manager.post('/api/assets/operations', { kind: 'dispose', assetIds: [a] }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const ops = await t.db
        .selectFrom('ast_operation_lines as l')
        .innerJoin('ast_operations as o', 'o.id', 'l.operation_id')
        .select(['o.id', 'o.kind'])
        .where('l.asset_id', '=', a!)
        .where('o.kind', '!=', 'register')
        .execute();
      expect(ops).toHaveLength(1);
      expect((await assetRow(t, a!)).open_operation_id).toBe(ops[0]!.id);
    }
  });

  it('keeps a loan open over a damage report, and ends it when the asset is reported lost', async () => {
    const [a] = await buildAssets(t, siteA, 1, { status: 'in_use' });
    const lend = await start(manager, { kind: 'lend', assetIds: [a], borrowerName: '乙' });
    const damage = await start(manager, { kind: 'damage', assetIds: [a] });
    expect(damage.status).toBe('pending_approval');
    // A second report while the first waits is refused.
    expect(
      (await manager.post('/api/assets/operations', { kind: 'loss', assetIds: [a] })).statusCode,
    ).toBe(409);
    expect((await act(approver, damage.id, 'approve')).statusCode).toBe(200);
    expect(await assetRow(t, a!)).toMatchObject({
      status: 'lent',
      condition: 'damaged',
      open_operation_id: lend.id,
    });
    const loss = await start(manager, { kind: 'loss', assetIds: [a] });
    expect((await act(approver, loss.id, 'approve')).statusCode).toBe(200);
    expect(await assetRow(t, a!)).toMatchObject({ status: 'lost', open_operation_id: null });
    expect((await manager.get(`/api/assets/operations/${lend.id}`)).json<OpDetail>().status).toBe(
      'done',
    );
    // Found again, back to the pool.
    const found = await start(manager, { kind: 'recover', assetIds: [a] });
    expect(found.status).toBe('done');
    expect((await assetRow(t, a!)).status).toBe('idle');
  });

  it('leaves status, place and custody to operations: the card edit refuses them', async () => {
    const [a] = await buildAssets(t, siteA);
    const res = await manager.patch(`/api/assets/${a}`, { status: 'in_use', departmentId: office });
    expect(res.statusCode).toBe(400);
    expect((await assetRow(t, a!)).status).toBe('idle');
  });
});

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
let headPerson: string;
let manager: Agent;
let managerB: Agent;
let approver: Agent;
let custodian: Agent;
let head: Agent;
let stranger: Agent;

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin, { name: '本部' })).id;
  siteB = (await buildSite(t.admin, { name: '西院' })).id;
  classroom = (await buildDepartment(t.admin, { name: '一年级教室' })).id;
  office = (await buildDepartment(t.admin, { name: '办公室' })).id;
  custPerson = (await buildPerson(t.admin, { name: '张老师', departmentId: classroom })).id;
  headPerson = (await buildPerson(t.admin, { name: '李主任', departmentId: classroom })).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  managerB = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteB });
  approver = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
  custodian = await buildLinkedUser(t, { roleKey: 'staff', siteId: siteA, personId: custPerson });
  head = await buildLinkedUser(t, { roleKey: 'dept_head', siteId: siteA, personId: headPerson });
  stranger = await buildLinkedUser(t, { roleKey: 'staff', siteId: siteA });
});
afterAll(() => t.close());

async function start(agent: Agent, body: Record<string, unknown>, status = 201) {
  const res = await agent.post('/api/assets/operations', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<OpDetail>();
}
const act = (agent: Agent, id: string, action: string, body: unknown = {}) =>
  agent.post(`/api/assets/operations/${id}/${action}`, body);

describe('assign with receipt (责任到人)', () => {
  it('waits for the custodian, leaves the card unchanged and locked until they sign', async () => {
    const [desk] = await buildAssets(t, siteA);
    const op = await start(manager, {
      kind: 'assign',
      assetIds: [desk],
      toCustodianPersonId: custPerson,
    });
    expect(op.status).toBe('pending_receipt');
    expect(op.number).toMatch(/^YW/);
    let row = await assetRow(t, desk!);
    expect(row).toMatchObject({
      status: 'idle',
      custodian_person_id: null,
      open_operation_id: op.id,
    });

    // Locked: nothing else may happen to it meanwhile.
    const again = await manager.post('/api/assets/operations', {
      kind: 'lend',
      assetIds: [desk],
      borrowerName: '王',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain(op.number);

    // Someone else cannot sign; the custodian sees it waiting for them and signs.
    expect((await act(stranger, op.id, 'confirm')).statusCode).toBe(404);
    const waiting = (await custodian.get('/api/assets/operations?waitingForMe=true')).json<{
      items: { id: string }[];
    }>();
    expect(waiting.items.map((i) => i.id)).toContain(op.id);
    const done = await act(custodian, op.id, 'confirm');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<OpDetail>().status).toBe('done');
    row = await assetRow(t, desk!);
    expect(row).toMatchObject({
      status: 'in_use',
      custodian_person_id: custPerson,
      department_id: classroom, // the custodian's department
      open_operation_id: null,
    });
    const events = await t.db
      .selectFrom('ast_events')
      .selectAll()
      .where('asset_id', '=', desk!)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['assign']);
    expect(events[0]).toMatchObject({ from_status: 'idle', to_status: 'in_use' });
  });

  it('lets a manager confirm for the receiver only with a note (paper signature)', async () => {
    const [desk] = await buildAssets(t, siteA);
    const op = await start(manager, { kind: 'assign', assetIds: [desk], toDepartmentId: office });
    const bare = await act(manager, op.id, 'confirm');
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ error: { message: string } }>().error.message).toContain('签收');
    const ok = await act(manager, op.id, 'confirm', { note: '纸质签收单 2026-11-24' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await assetRow(t, desk!)).department_id).toBe(office);
  });

  it('lets a department head sign for their department', async () => {
    const [desk] = await buildAssets(t, siteA);
    const op = await start(manager, {
      kind: 'assign',
      assetIds: [desk],
      toDepartmentId: classroom,
    });
    const detail = (await head.get(`/api/assets/operations/${op.id}`)).json<OpDetail>();
    expect(detail.allowedActions).toEqual(['confirm']);
    expect((await act(head, op.id, 'confirm')).statusCode).toBe(200);
  });
});

describe('approval', () => {
  it('holds a transfer for an approver who is not the requester, then waits for receipt', async () => {
    const [desk] = await buildAssets(t, siteA, 1, { status: 'in_use', departmentId: office });
    const op = await start(manager, {
      kind: 'transfer',
      assetIds: [desk],
      toDepartmentId: classroom,
      reason: '调整',
    });
    expect(op.status).toBe('pending_approval');
    expect(op.allowedActions).toEqual(['cancel']);
    // The approver was told.
    const inbox = await t.db
      .selectFrom('notifications')
      .select(['title', 'user_id'])
      .where('user_id', '=', approver.userId)
      .execute();
    expect(inbox.map((n) => n.title)).toContain(`调拨待审批 ${op.number}`);
    // Not the requester, not a manager of another site.
    const self = await act(manager, op.id, 'approve');
    expect(self.statusCode).toBe(403);
    expect((await act(managerB, op.id, 'approve')).statusCode).toBe(404);
    const ok = await act(approver, op.id, 'approve', { note: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<OpDetail>().status).toBe('pending_receipt');
    expect((await assetRow(t, desk!)).department_id).toBe(office);
    expect((await act(head, op.id, 'confirm')).statusCode).toBe(200);
    expect(await assetRow(t, desk!)).toMatchObject({ department_id: classroom, status: 'in_use' });
  });

  it('lets only one of two approvals at once win', async () => {
    const [desk] = await buildAssets(t, siteA, 1, { status: 'in_use' });
    const op = await start(manager, { kind: 'dispose', assetIds: [desk], reason: '报废' });
    const approver2 = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
    const results = await Promise.all([
      act(approver, op.id, 'approve'),
      act(approver2, op.id, 'approve'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const row = await assetRow(t, desk!);
    expect(row.status).toBe('disposed');
    expect(row.disposed_at).not.toBeNull();
    const events = await t.db
      .selectFrom('ast_events')
      .select('action')
      .where('asset_id', '=', desk!)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('frees the assets when rejected or cancelled', async () => {
    const [desk] = await buildAssets(t, siteA, 1, { status: 'in_use' });
    const op = await start(manager, { kind: 'dispose', assetIds: [desk] });
    const noReason = await act(approver, op.id, 'reject', {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await act(approver, op.id, 'reject', { note: '还能用' });
    expect(rejected.json<OpDetail>().status).toBe('rejected');
    expect((await assetRow(t, desk!)).open_operation_id).toBeNull();
    // The requester was told.
    const told = await t.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', manager.userId)
      .execute();
    expect(told.map((n) => n.title)).toContain(`报废处置被驳回 ${op.number}`);
    const op2 = await start(manager, { kind: 'dispose', assetIds: [desk] });
    expect((await act(stranger, op2.id, 'cancel')).statusCode).toBe(404);
    expect((await act(manager, op2.id, 'cancel')).json<OpDetail>().status).toBe('cancelled');
    expect((await act(manager, op2.id, 'cancel')).statusCode).toBe(409);
    expect(await assetRow(t, desk!)).toMatchObject({ status: 'in_use', open_operation_id: null });
  });

  it('needs no approval below the threshold', async () => {
    const patched = await t.admin.patch('/api/assets/settings', { approvalThresholdFen: 50_000 });
    expect(patched.statusCode).toBe(200);
    try {
      const [cheap] = await buildAssets(t, siteA, 1, {
        status: 'in_use',
        originalValueFen: 20_000,
      });
      const op = await start(manager, { kind: 'dispose', assetIds: [cheap] });
      expect(op.status).toBe('done');
      expect(op.totalValueFen).toBe(20_000);
    } finally {
      await t.admin.patch('/api/assets/settings', { approvalThresholdFen: 0 });
    }
  });
});

describe('who may start what', () => {
  it('hides assets of other sites and refuses bad input with a sentence', async () => {
    const [a] = await buildAssets(t, siteA);
    expect(
      (
        await managerB.post('/api/assets/operations', {
          kind: 'lend',
          assetIds: [a],
          borrowerName: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const empty = await manager.post('/api/assets/operations', { kind: 'lend', assetIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { message: string } }>().error.message).toBeTruthy();
    expect(
      (await manager.post('/api/assets/operations', { kind: 'register', assetIds: [a] }))
        .statusCode,
    ).toBe(400);
    const noTarget = await manager.post('/api/assets/operations', {
      kind: 'assign',
      assetIds: [a],
    });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json<{ error: { message: string } }>().error.message).toContain('领用');
    const [b] = await buildAssets(t, siteB);
    const mixed = await t.admin.post('/api/assets/operations', {
      kind: 'lend',
      assetIds: [a, b],
      borrowerName: 'x',
    });
    expect(mixed.statusCode).toBe(400);
  });

  it('lets a department head hand their own department’s assets back to the pool', async () => {
    const [mine] = await buildAssets(t, siteA, 1, {
      status: 'in_use',
      departmentId: classroom,
      custodianPersonId: custPerson,
    });
    const [theirs] = await buildAssets(t, siteA, 1, { status: 'in_use', departmentId: office });
    expect(
      (await head.post('/api/assets/operations', { kind: 'release', assetIds: [theirs] }))
        .statusCode,
    ).toBe(403);
    const op = await start(head, { kind: 'release', assetIds: [mine], condition: 'fair' });
    expect(op.status).toBe('done');
    expect(await assetRow(t, mine!)).toMatchObject({
      status: 'idle',
      department_id: null,
      custodian_person_id: null,
      condition: 'fair',
    });
  });

  it('scopes the list by site and filters it', async () => {
    const [a] = await buildAssets(t, siteA);
    const op = await start(manager, { kind: 'lend', assetIds: [a], borrowerName: '甲' });
    const mine = (await manager.get(`/api/assets/operations?kind=lend&assetId=${a}`)).json<{
      items: { id: string }[];
      total: number;
    }>();
    expect(mine.items.map((i) => i.id)).toEqual([op.id]);
    expect(mine.total).toBe(1);
    const b = (await managerB.get(`/api/assets/operations?assetId=${a}`)).json<{ total: number }>();
    expect(b.total).toBe(0);
    expect((await managerB.get(`/api/assets/operations/${op.id}`)).statusCode).toBe(404);
    const today = localToday('Asia/Shanghai');
    const dated = (await manager.get(`/api/assets/operations?from=${addDays(today, 1)}`)).json<{
      total: number;
    }>();
    expect(dated.total).toBe(0);
    expect((await manager.get('/api/assets/operations?from=2026-13-01')).statusCode).toBe(400);
  });
});

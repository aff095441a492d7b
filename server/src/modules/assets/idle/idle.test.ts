import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildLocation, buildPerson, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { DEFAULT_APPROVAL_KINDS } from '../operation-kinds.ts';
import { localToday } from '../operations/index.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import {
  assetRow,
  buildAssets,
  buildCategory,
  buildLinkedUser,
  type OpDetail,
} from '../operations/test-support.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import { setApprovalKinds } from '../register/test-kit.ts';
import { findReusable } from './find-reusable.ts';

let t: TestApp;
let siteA: string;
let siteB: string;
let dorm: string;
let office: string;
let beds: string;
let singleBeds: string;
let head: Agent;
let headB: Agent;
let manager: Agent;
let approver: Agent;
let staff: Agent;

type IdleOp = OpDetail & {
  site: { id: string };
  requestingDepartment: { id: string };
  toSite: { id: string } | null;
  toLocation: { id: string } | null;
  data: { idleRequest?: boolean; idleRequestId?: string };
};

type Pool = {
  groups: { category: { id: string }; condition: string; count: number; netValueFen: number }[];
};

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  siteB = (await buildSite(t.admin)).id;
  dorm = (await buildDepartment(t.admin, { name: '宿舍管理科' })).id;
  office = (await buildDepartment(t.admin, { name: '办公室' })).id;
  beds = await buildCategory(t, { name: '床' });
  singleBeds = await buildCategory(t, { name: '单人床', parentId: beds });
  // Summary 4: beds for the new staff were taken from stock instead of bought.
  await buildAssets(t, siteA, 3, {
    categoryId: singleBeds,
    condition: 'good',
    originalValueFen: 45_000,
  });
  await buildAssets(t, siteA, 1, {
    categoryId: singleBeds,
    condition: 'fair',
    originalValueFen: 45_000,
  });
  await buildAssets(t, siteA, 1, { categoryId: singleBeds, condition: 'poor' });
  await buildAssets(t, siteA, 2, { categoryId: singleBeds, status: 'in_use' });
  await buildAssets(t, siteB, 2, { categoryId: singleBeds });
  const headPerson = (await buildPerson(t.admin, { departmentId: dorm })).id;
  const headBPerson = (await buildPerson(t.admin, { departmentId: office })).id;
  head = await buildLinkedUser(t, { roleKey: 'dept_head', siteId: siteA, personId: headPerson });
  headB = await buildLinkedUser(t, { roleKey: 'dept_head', siteId: siteB, personId: headBPerson });
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  approver = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
  staff = await buildLinkedUser(t, { roleKey: 'staff', siteId: siteA });
});
afterAll(() => t.close());

describe('idle pool', () => {
  it('groups idle assets by category and condition for department heads, within their sites', async () => {
    const res = await head.get(`/api/assets/idle?categoryId=${beds}`);
    expect(res.statusCode, res.body).toBe(200);
    const pool = res.json<Pool>();
    const by = Object.fromEntries(pool.groups.map((g) => [g.condition, g]));
    expect(by.good).toMatchObject({ count: 3, netValueFen: 135_000 });
    expect(by.fair).toMatchObject({ count: 1 });
    expect(by.poor).toMatchObject({ count: 1 });
    const all = (await t.admin.get(`/api/assets/idle?categoryId=${beds}`)).json<Pool>();
    expect(all.groups.reduce((s, g) => s + g.count, 0)).toBe(7);
    expect((await staff.get('/api/assets/idle')).statusCode).toBe(403);
  });

  it('finds reusable assets of a category subtree, good before fair, never poor', async () => {
    const found = await findReusable(t.db, t.orgId, {
      categoryId: beds,
      quantity: 4,
      siteId: siteA,
    });
    expect(found).toMatchObject({ available: 4, enough: true });
    expect(found.assets.map((a) => a.condition)).toEqual(['good', 'good', 'good', 'fair']);
    expect(found.netValueFen).toBe(180_000);
    const many = await findReusable(t.db, t.orgId, { categoryId: beds, quantity: 10 });
    expect(many).toMatchObject({ available: 6, enough: false });
  });
});

describe('idle requests (reuse before buying)', () => {
  it('turns a department head’s request into a transfer the department signs for, and counts the saving', async () => {
    const bad = await head.post('/api/assets/idle/requests', {
      departmentId: dorm,
      reason: '新员工入住',
    });
    expect(bad.statusCode).toBe(400);
    const other = await head.post('/api/assets/idle/requests', {
      categoryId: beds,
      quantity: 1,
      departmentId: office,
      reason: '新员工入住',
    });
    expect(other.statusCode).toBe(403);
    const tooMany = await head.post('/api/assets/idle/requests', {
      categoryId: beds,
      quantity: 5,
      departmentId: dorm,
      reason: '新员工入住',
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json<{ error: { message: string } }>().error.message).toContain('4');
    const res = await head.post('/api/assets/idle/requests', {
      categoryId: beds,
      quantity: 2,
      departmentId: dorm,
      reason: '新员工入住需单人床',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [op, ...more] = res.json<{ operations: IdleOp[] }>().operations;
    expect(more).toEqual([]);
    if (!op) throw new Error('no operation');
    expect(op).toMatchObject({
      kind: 'transfer',
      status: 'pending_approval',
      requestingDepartment: { id: dorm },
    });
    expect(op.data.idleRequest).toBe(true);
    // Held: the pool no longer offers them.
    const found = await findReusable(t.db, t.orgId, {
      categoryId: beds,
      quantity: 1,
      siteId: siteA,
    });
    expect(found.available).toBe(2);
    expect((await approver.post(`/api/assets/operations/${op.id}/approve`, {})).statusCode).toBe(
      200,
    );
    const confirmed = await head.post(`/api/assets/operations/${op.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    for (const line of op.lines)
      expect(await assetRow(t, line.assetId)).toMatchObject({
        status: 'in_use',
        department_id: dorm,
      });
    const year = localToday('Asia/Shanghai').slice(0, 4);
    const report = (await manager.get(`/api/assets/reports/reuse?year=${year}`)).json<{
      requests: number;
      assets: number;
      savedFen: number;
    }>();
    expect(report).toEqual({ year: Number(year), requests: 1, assets: 2, savedFen: 90_000 });
  });

  it('refuses named assets that are not idle, and heads of other sites', async () => {
    const [inUse] = await buildAssets(t, siteA, 1, { categoryId: singleBeds, status: 'in_use' });
    const res = await head.post('/api/assets/idle/requests', {
      assetIds: [inUse],
      departmentId: dorm,
      reason: '需要',
    });
    expect(res.statusCode).toBe(409);
    const [idleA] = await buildAssets(t, siteA, 1, { categoryId: singleBeds });
    const far = await headB.post('/api/assets/idle/requests', {
      assetIds: [idleA],
      departmentId: office,
      reason: '需要',
    });
    expect(far.statusCode).toBe(404);
  });
});

describe('idle requests across sites', () => {
  let siteC: string;
  let head2: Agent;

  /** A department head of the dormitory at sites A and B (not C). */
  async function headAt(sites: string[]): Promise<Agent> {
    const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
    const role = roles.find((r) => r.key === 'dept_head')!;
    const person = (await buildPerson(t.admin, { departmentId: dorm })).id;
    const username = `head-${sites.length}-${Date.now().toString(36)}`;
    const res = await t.admin.post('/api/users', {
      username,
      password: 'user-pass-123',
      displayName: username,
      personId: person,
      grants: sites.map((siteId) => ({ roleId: role.id, siteId })),
    });
    expect(res.statusCode, res.body).toBe(201);
    return t.login(username, 'user-pass-123');
  }

  const ask = (agent: Agent, body: Record<string, unknown>) =>
    agent.post('/api/assets/idle/requests', { departmentId: dorm, reason: '新病区开科', ...body });

  const requestCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('ast_operations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', t.orgId)
          .where('requesting_department_id', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    siteC = (await buildSite(t.admin)).id;
    head2 = await headAt([siteA, siteB]);
  });

  it('takes what one site lacks from another: one transfer per site, all held, never a site the head may not use', async () => {
    const cabinets = await buildCategory(t, { name: '床头柜' });
    const atA = await buildAssets(t, siteA, 3, { categoryId: cabinets });
    const atB = await buildAssets(t, siteB, 2, { categoryId: cabinets });
    // Site C alone could serve all four, but the head works at A and B only.
    const atC = await buildAssets(t, siteC, 5, { categoryId: cabinets });
    const res = await ask(head2, { categoryId: cabinets, quantity: 4 });
    expect(res.statusCode, res.body).toBe(201);
    const ops = res.json<{ operations: IdleOp[] }>().operations;
    expect(ops.map((o) => [o.site.id, o.lines.length])).toEqual([
      [siteA, 3],
      [siteB, 1],
    ]);
    expect(new Set(ops.map((o) => o.number)).size).toBe(2);
    for (const o of ops) {
      expect(o).toMatchObject({
        kind: 'transfer',
        status: 'pending_approval',
        requestingDepartment: { id: dorm },
        data: { idleRequest: true },
      });
      for (const line of o.lines)
        expect(await assetRow(t, line.assetId)).toMatchObject({
          status: 'idle',
          open_operation_id: o.id,
        });
    }
    expect(ops.flatMap((o) => o.lines.map((l) => l.assetId)).sort()).toEqual(
      [...atA, atB[0]!].sort(),
    );
    for (const id of atC) expect((await assetRow(t, id)).open_operation_id).toBeNull();
    // Not enough anywhere the head may ask: 409 naming what there is (one left at B), nothing written.
    const before = await requestCount();
    const short = await ask(head2, { categoryId: cabinets, quantity: 2 });
    expect(short.statusCode).toBe(409);
    expect(short.json<{ error: { message: string } }>().error.message).toContain('只有 1 件');
    expect(await requestCount()).toBe(before);
  });

  it('takes effect at once at every site when the settings ask no approval', async () => {
    const lamps = await buildCategory(t, { name: '台灯' });
    await buildAssets(t, siteA, 1, { categoryId: lamps });
    await buildAssets(t, siteB, 1, { categoryId: lamps });
    await setApprovalKinds(t, ['dispose']);
    try {
      const res = await ask(head2, { categoryId: lamps, quantity: 2 });
      expect(res.statusCode, res.body).toBe(201);
      const ops = res.json<{ operations: IdleOp[] }>().operations;
      expect(ops.map((o) => [o.site.id, o.status])).toEqual([
        [siteA, 'pending_receipt'],
        [siteB, 'pending_receipt'],
      ]);
      // Signed for at both sites: the reuse report counts one request of two assets.
      const year = localToday('Asia/Shanghai').slice(0, 4);
      const reuse = async () =>
        (await t.admin.get(`/api/assets/reports/reuse?year=${year}`)).json<{
          requests: number;
          assets: number;
        }>();
      const before = await reuse();
      for (const o of ops) {
        const signed = await head2.post(`/api/assets/operations/${o.id}/confirm`, {});
        expect(signed.statusCode, signed.body).toBe(200);
      }
      expect(ops[0]!.data.idleRequestId).toBeTruthy();
      expect(ops[1]!.data.idleRequestId).toBe(ops[0]!.data.idleRequestId);
      const after = await reuse();
      expect(after.requests - before.requests).toBe(1);
      expect(after.assets - before.assets).toBe(2);
    } finally {
      await setApprovalKinds(t, [...DEFAULT_APPROVAL_KINDS]);
    }
  });

  it('decides approval on the whole request, not on each site’s part', async () => {
    const beds = await buildCategory(t, { name: '陪护床' });
    await buildAssets(t, siteA, 1, { categoryId: beds });
    await buildAssets(t, siteB, 1, { categoryId: beds });
    const pool = await findReusable(t.db, t.orgId, { categoryId: beds, quantity: 2 });
    const [one, two] = pool.assets.map((a) => a.netValueFen);
    expect(one).toBe(two);
    // Each site's part (one bed) is under the threshold; the request (two beds) is not.
    const threshold = (one: number) =>
      t.db
        .updateTable('ast_settings')
        .set({ approval_threshold_fen: one })
        .where('org_id', '=', t.orgId)
        .execute();
    await threshold(one! + 1);
    try {
      const res = await ask(head2, { categoryId: beds, quantity: 2 });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ operations: IdleOp[] }>().operations.map((o) => o.status)).toEqual([
        'pending_approval',
        'pending_approval',
      ]);
    } finally {
      await threshold(0);
    }
  });

  it('uses as few sites as it can without giving up condition', async () => {
    // One good chair at A; three good at B: B alone serves three good ones.
    const chairs = await buildCategory(t, { name: '椅子' });
    await buildAssets(t, siteA, 1, { categoryId: chairs, condition: 'good' });
    await buildAssets(t, siteA, 2, { categoryId: chairs, condition: 'fair' });
    const goodAtB = await buildAssets(t, siteB, 3, { categoryId: chairs, condition: 'good' });
    const one = await ask(head2, { categoryId: chairs, quantity: 3 });
    expect(one.statusCode, one.body).toBe(201);
    const [only, ...none] = one.json<{ operations: IdleOp[] }>().operations;
    expect(none).toEqual([]);
    expect(only!.site.id).toBe(siteB);
    expect(only!.lines.map((l) => l.assetId).sort()).toEqual([...goodAtB].sort());
    // One good desk at A, three fair at B: B alone would give a fair desk for the good one.
    const desks = await buildCategory(t, { name: '书桌' });
    const [goodAtA] = await buildAssets(t, siteA, 1, { categoryId: desks, condition: 'good' });
    await buildAssets(t, siteB, 3, { categoryId: desks, condition: 'fair' });
    const two = await ask(head2, { categoryId: desks, quantity: 3 });
    expect(two.statusCode, two.body).toBe(201);
    const ops = two.json<{ operations: IdleOp[] }>().operations;
    expect(ops.map((o) => [o.site.id, o.lines.length])).toEqual([
      [siteA, 1],
      [siteB, 2],
    ]);
    expect(ops[0]!.lines[0]!.assetId).toBe(goodAtA);
  });

  it('moves every part of the request to the place, and to its site, taking from that site first', async () => {
    const beds2 = await buildCategory(t, { name: '陪护床' });
    const atA = await buildAssets(t, siteA, 2, { categoryId: beds2 });
    const atB = await buildAssets(t, siteB, 2, { categoryId: beds2 });
    const ward = (await buildLocation(t.admin, { siteId: siteB })).id;
    await setApprovalKinds(t, ['dispose']);
    try {
      // Taken from site A only (the pool's site filter), for a ward at B: allowed, the beds move.
      const fromA = await ask(head2, {
        categoryId: beds2,
        quantity: 1,
        siteId: siteA,
        toLocationId: ward,
      });
      expect(fromA.statusCode, fromA.body).toBe(201);
      const [onlyA] = fromA.json<{ operations: IdleOp[] }>().operations;
      expect([onlyA!.site.id, onlyA!.toSite?.id, onlyA!.toLocation?.id]).toEqual([
        siteA,
        siteB,
        ward,
      ]);
      const res = await ask(head2, { categoryId: beds2, quantity: 3, toLocationId: ward });
      expect(res.statusCode, res.body).toBe(201);
      const ops = res.json<{ operations: IdleOp[] }>().operations;
      // B's own two first (they need no carrying), the third from A, moved to B's ward.
      expect(
        ops.map((o) => [o.site.id, o.lines.length, o.toSite?.id ?? null, o.toLocation?.id]),
      ).toEqual([
        [siteB, 2, null, ward],
        [siteA, 1, siteB, ward],
      ]);
      expect(ops[0]!.lines.map((l) => l.assetId).sort()).toEqual([...atB].sort());
      for (const o of [onlyA!, ...ops]) {
        const signed = await head2.post(`/api/assets/operations/${o.id}/confirm`, {});
        expect(signed.statusCode, signed.body).toBe(200);
      }
      // Registered where the ward uses them, so its stock-take expects them.
      for (const id of [...atA, ...atB])
        expect(await assetRow(t, id)).toMatchObject({
          site_id: siteB,
          location_id: ward,
          department_id: dorm,
          status: 'in_use',
        });
    } finally {
      await setApprovalKinds(t, [...DEFAULT_APPROVAL_KINDS]);
    }
    // A place at a site the head does not work at: refused, nothing written.
    const lamps = await buildCategory(t, { name: '落地灯' });
    await buildAssets(t, siteA, 1, { categoryId: lamps });
    const farPlace = (await buildLocation(t.admin, { siteId: siteC })).id;
    const before = await requestCount();
    const far = await ask(head2, { categoryId: lamps, quantity: 1, toLocationId: farPlace });
    expect(far.statusCode).toBe(403);
    expect(far.json<{ error: { message: string } }>().error.message).toContain('院区');
    expect(await requestCount()).toBe(before);
  });

  it('takes only the condition asked for: the pool group a department chose', async () => {
    const stools = await buildCategory(t, { name: '方凳' });
    await buildAssets(t, siteA, 2, { categoryId: stools, condition: 'good' });
    const fair = await buildAssets(t, siteA, 2, { categoryId: stools, condition: 'fair' });
    const res = await ask(head2, { categoryId: stools, quantity: 2, condition: 'fair' });
    expect(res.statusCode, res.body).toBe(201);
    const [op] = res.json<{ operations: IdleOp[] }>().operations;
    expect(op!.lines.map((l) => l.assetId).sort()).toEqual([...fair].sort());
    const more = await ask(head2, { categoryId: stools, quantity: 1, condition: 'fair' });
    expect(more.statusCode).toBe(409);
    const named = await ask(head2, { assetIds: [fair[0]], condition: 'fair' });
    expect(named.statusCode).toBe(400);
    expect(named.json<{ error: { message: string } }>().error.message).toContain('资产状况');
  });

  it('takes from the category alone when asked from its pool group, not from its sub-categories', async () => {
    const chairs = await buildCategory(t, { name: '椅子' });
    const stackChairs = await buildCategory(t, { name: '叠椅', parentId: chairs });
    // Tags sort the sub-category's chairs first: a subtree request would take them.
    const children = await buildAssets(t, siteA, 2, { categoryId: stackChairs });
    const own = await buildAssets(t, siteA, 2, { categoryId: chairs });
    const [sample] = await t.db
      .selectFrom('ast_assets')
      .select(['id', 'tag_no'])
      .where('id', 'in', [children[0]!, own[0]!])
      .orderBy('tag_no')
      .execute();
    expect(sample!.id).toBe(children[0]);

    const group = await ask(head2, { categoryId: chairs, quantity: 2, exactCategory: true });
    expect(group.statusCode, group.body).toBe(201);
    const [op] = group.json<{ operations: IdleOp[] }>().operations;
    expect(op!.lines.map((l) => l.assetId).sort()).toEqual([...own].sort());
    // The group is empty now, though its sub-category still has two.
    const more = await ask(head2, { categoryId: chairs, quantity: 1, exactCategory: true });
    expect(more.statusCode).toBe(409);
    const subtree = await ask(head2, { categoryId: chairs, quantity: 2 });
    expect(subtree.statusCode, subtree.body).toBe(201);
    const [op2] = subtree.json<{ operations: IdleOp[] }>().operations;
    expect(op2!.lines.map((l) => l.assetId).sort()).toEqual([...children].sort());
    const named = await ask(head2, { assetIds: [own[0]], exactCategory: true });
    expect(named.statusCode).toBe(400);
  });

  it('creates all the transfers or none: a failure at the second site leaves no first', async () => {
    const [a1, a2] = await buildAssets(t, siteA, 2, { categoryId: singleBeds });
    // Named assets at two sites; the one at B is in use, which the second transfer refuses.
    const [usedAtB] = await buildAssets(t, siteB, 1, { categoryId: singleBeds, status: 'in_use' });
    const before = await requestCount();
    const numbers = await t.db
      .selectFrom('ast_operations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', t.orgId)
      .executeTakeFirstOrThrow();
    const res = await ask(head2, { assetIds: [a1, a2, usedAtB] });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('已不在闲置库中');
    expect(await requestCount()).toBe(before);
    expect(
      await t.db
        .selectFrom('ast_operations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', t.orgId)
        .executeTakeFirstOrThrow(),
    ).toEqual(numbers);
    for (const id of [a1!, a2!])
      expect(await assetRow(t, id)).toMatchObject({ status: 'idle', open_operation_id: null });
    // The same two idle ones alone go through.
    const ok = await ask(head2, { assetIds: [a1, a2] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ operations: IdleOp[] }>().operations).toHaveLength(1);
  });
});

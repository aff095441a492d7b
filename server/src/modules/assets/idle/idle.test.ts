import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildPerson, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { localToday } from '../operations/index.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import {
  assetRow,
  buildAssets,
  buildCategory,
  buildLinkedUser,
  type OpDetail,
} from '../operations/test-support.ts';
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
    const op = res.json<
      OpDetail & { requestingDepartment: { id: string }; data: { idleRequest?: boolean } }
    >();
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

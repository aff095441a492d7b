import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildPerson, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { assetNetValue, localToday, compensationAmount } from '../operations/index.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import {
  assetRow,
  buildAssets,
  buildLinkedUser,
  buildRole,
  type OpDetail,
} from '../operations/test-support.ts';

let t: TestApp;
let siteA: string;
let siteB: string;
let classroom: string;
let student: string;
let manager: Agent;
let managerB: Agent;
let approver: Agent;
let clerk: Agent;
const year = Number(localToday('Asia/Shanghai').slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  siteB = (await buildSite(t.admin)).id;
  classroom = (await buildDepartment(t.admin, { name: '三年级二班' })).id;
  student = (await buildPerson(t.admin, { name: '学生甲', departmentId: classroom })).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  managerB = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteB });
  approver = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
  await buildRole(t, 'asset_clerk', ['assets:read', 'assets:manage']);
  clerk = await buildLinkedUser(t, { roleKey: 'asset_clerk', siteId: siteA });
});
afterAll(() => t.close());

async function damaged(valueFen: number, extra: Record<string, unknown> = {}) {
  const [desk] = await buildAssets(t, siteA, 1, {
    status: 'in_use',
    departmentId: classroom,
    originalValueFen: valueFen,
    ...extra,
  });
  const res = await manager.post('/api/assets/operations', {
    kind: 'damage',
    assetIds: [desk],
    reason: '桌面断裂',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { desk: desk!, op: res.json<OpDetail>() };
}

describe('compensation arithmetic', () => {
  it('rounds net value × share to the nearest fen', () => {
    expect(compensationAmount(12_345, 5_000)).toBe(6_173);
    expect(compensationAmount(10_000, 3_333)).toBe(3_333);
    expect(compensationAmount(99_999, 10_000)).toBe(99_999);
    expect(compensationAmount(50_000, 0)).toBe(0);
  });
});

describe('damage with compensation (计价挂帐，按比例赔偿)', () => {
  it('lets the approver decide a 50% share of the net value on the report date', async () => {
    const { desk, op } = await damaged(60_000, {
      depreciationMethod: 'straight_line',
      lifeMonths: 60,
      inServiceDate: '2025-01-10',
    });
    expect(op.status).toBe('pending_approval');
    const net = assetNetValue(await assetRow(t, desk), localToday('Asia/Shanghai'));
    expect(net).toBeLessThan(60_000);
    expect(op.totalValueFen).toBe(net);
    const bad = await approver.post(`/api/assets/operations/${op.id}/approve`, {
      compensations: [{ partyType: 'person', personId: student, shareBp: 12_000 }],
    });
    expect(bad.statusCode).toBe(400);
    const noName = await approver.post(`/api/assets/operations/${op.id}/approve`, {
      compensations: [{ partyType: 'vendor', shareBp: 5_000 }],
    });
    expect(noName.statusCode).toBe(400);
    const over = await approver.post(`/api/assets/operations/${op.id}/approve`, {
      compensations: [
        { partyType: 'person', personId: student, shareBp: 6_000 },
        { partyType: 'vendor', partyName: '家具厂', shareBp: 5_000 },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json<{ error: { message: string } }>().error.message).toContain('100%');
    const ok = await approver.post(`/api/assets/operations/${op.id}/approve`, {
      compensations: [{ partyType: 'person', personId: student, shareBp: 5_000 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = ok.json<OpDetail>();
    expect(detail.status).toBe('done');
    expect(detail.compensations).toEqual([
      expect.objectContaining({
        partyName: '学生甲',
        shareBp: 5_000,
        amountFen: Math.round(net / 2),
        status: 'owed',
      }),
    ]);
    expect(await assetRow(t, desk)).toMatchObject({ status: 'in_use', condition: 'damaged' });
  });

  it('records payments and waivers, never beyond what is owed, and settles', async () => {
    const { op } = await damaged(10_000);
    const detail = (
      await approver.post(`/api/assets/operations/${op.id}/approve`, {
        compensations: [{ partyType: 'person', personId: student, shareBp: 5_000 }],
      })
    ).json<OpDetail>();
    const comp = detail.compensations[0]!;
    expect(comp.amountFen).toBe(5_000);
    const url = `/api/assets/compensations/${comp.id}`;
    const tooMuch = await manager.post(`${url}/payments`, { amountFen: 5_001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json<{ error: { message: string } }>().error.message).toContain('50.00');
    expect((await manager.post(`${url}/payments`, { amountFen: 0 })).statusCode).toBe(400);
    expect(
      (await manager.post(`${url}/payments`, { amountFen: 3_000, receiptNo: 'SJ-001' })).statusCode,
    ).toBe(200);
    // A waiver is a decision: approvers only, with a reason.
    expect(
      (await clerk.post(`${url}/waivers`, { amountFen: 2_000, note: '家庭困难' })).statusCode,
    ).toBe(403);
    expect((await approver.post(`${url}/waivers`, { amountFen: 2_000 })).statusCode).toBe(400);
    expect((await managerB.post(`${url}/payments`, { amountFen: 1 })).statusCode).toBe(404);
    // Two last payments at once: one fits, the other is refused.
    const both = await Promise.all([
      manager.post(`${url}/payments`, { amountFen: 1_500 }),
      manager.post(`${url}/payments`, { amountFen: 1_500 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(
      (await approver.post(`${url}/waivers`, { amountFen: 500, note: '家庭困难' })).statusCode,
    ).toBe(200);
    const list = (
      await manager.get(`/api/assets/compensations?status=settled&departmentId=${classroom}`)
    ).json<{
      items: { id: string; paidFen: number; waivedFen: number; outstandingFen: number }[];
    }>();
    expect(list.items.find((c) => c.id === comp.id)).toMatchObject({
      paidFen: 4_500,
      waivedFen: 500,
      outstandingFen: 0,
    });
    const entries = await t.db
      .selectFrom('ast_compensation_entries')
      .select(['kind', 'amount_fen'])
      .where('compensation_id', '=', comp.id)
      .execute();
    expect(entries).toHaveLength(3);
  });

  it('lets a loss applied at once carry the decision of an approver only', async () => {
    await t.admin.patch('/api/assets/settings', { approvalKinds: ['transfer', 'dispose'] });
    try {
      const [a] = await buildAssets(t, siteA, 1, {
        status: 'in_use',
        departmentId: classroom,
        originalValueFen: 8_000,
      });
      const refused = await clerk.post('/api/assets/operations', {
        kind: 'loss',
        assetIds: [a],
        compensations: [{ partyType: 'other', partyName: '学生家长', shareBp: 10_000 }],
      });
      expect(refused.statusCode).toBe(403);
      const res = await t.admin.post('/api/assets/operations', {
        kind: 'loss',
        assetIds: [a],
        compensations: [{ partyType: 'other', partyName: '学生家长', shareBp: 10_000 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<OpDetail>().compensations[0]).toMatchObject({
        amountFen: 8_000,
        partyName: '学生家长',
      });
      expect((await assetRow(t, a!)).status).toBe('lost');
    } finally {
      await t.admin.patch('/api/assets/settings', {
        approvalKinds: ['transfer', 'damage', 'loss', 'dispose', 'adjust'],
      });
    }
  });

  it('reports per department and year, in JSON and Excel, within the caller’s sites', async () => {
    const res = await manager.get(`/api/assets/reports/compensation?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{
      rows: {
        department: { id: string } | null;
        count: number;
        owedFen: number;
        outstandingFen: number;
      }[];
      totals: { count: number };
    }>();
    const row = report.rows.find((r) => r.department?.id === classroom)!;
    expect(row.count).toBe(3);
    expect(report.totals.count).toBe(3);
    expect(row.owedFen - row.outstandingFen).toBe(5_000 + 0 + 0); // the settled one
    const other = (await managerB.get(`/api/assets/reports/compensation?year=${year}`)).json<{
      rows: unknown[];
    }>();
    expect(other.rows).toEqual([]);
    const xlsx = await manager.get(`/api/assets/reports/compensation.xlsx?year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await manager.get('/api/assets/reports/compensation')).statusCode).toBe(400);
    const lastYear = (await manager.get(`/api/assets/reports/compensation?year=${year - 1}`)).json<{
      rows: unknown[];
    }>();
    expect(lastYear.rows).toEqual([]);
  });
});

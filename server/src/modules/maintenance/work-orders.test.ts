import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { pngBytes, upload } from '../../platform/files/testing.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let site: { id: string };
let otherSite: { id: string };
let room: { id: string };
let water: string;
let lamp: string;
let staff: Agent;
let tech: Agent;
let dispatcher: Agent;

type Detail = {
  id: string;
  number: string;
  status: string;
  allowedActions: string[];
  building: { id: string } | null;
  events: { action: string; toStatus: string; note: string | null }[];
  materialsFen: number;
  labourMinutes: number;
  responseMinutes: number | null;
  completionMinutes: number | null;
  rating: number | null;
};

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin, { code: 'MAIN', name: '本部' });
  otherSite = await buildSite(t.admin, { code: 'WEST', name: '西院' });
  const building = await buildLocation(t.admin, { siteId: site.id, name: '门诊楼' });
  const floor = await buildLocation(t.admin, {
    siteId: site.id,
    parentId: building.id,
    type: 'floor',
    name: '3F',
  });
  room = await buildLocation(t.admin, {
    siteId: site.id,
    parentId: floor.id,
    type: 'room',
    name: '301',
  });
  const cats = (await t.admin.get('/api/maintenance/categories')).json<
    { id: string; code: string }[]
  >();
  water = cats.find((c) => c.code === 'water')!.id;
  lamp = cats.find((c) => c.code === 'lighting')!.id;
  staff = await buildUser(t, { roleKey: 'staff' });
  tech = await buildUser(t, { roleKey: 'technician', siteId: site.id });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
});
afterAll(() => t.close());

async function report(agent: Agent, body: Record<string, unknown> = {}) {
  const res = await agent.post('/api/maintenance/work-orders', {
    locationId: room.id,
    categoryId: water,
    description: '水龙头漏水',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail & { probableDuplicates: { number: string }[] }>();
}

const act = (agent: Agent, id: string, action: string, body: unknown = {}) =>
  agent.post(`/api/maintenance/work-orders/${id}/${action}`, body);

describe('work orders', () => {
  it('seeds the categories and priorities of the seed for a new organisation', async () => {
    const cats = (await t.admin.get('/api/maintenance/categories')).json<{ name: string }[]>();
    expect(cats.map((c) => c.name)).toEqual([
      '水',
      '电',
      '空调',
      '电梯',
      '管道疏通',
      '灯具',
      '开关插座',
      '传呼系统',
      '小家电',
      '锁具',
      '家具座椅',
      '木工',
      '其他',
    ]);
    const prios = (await t.admin.get('/api/maintenance/priorities')).json<{ name: string }[]>();
    expect(prios.map((p) => p.name)).toEqual(['紧急', '高', '普通', '低']);
  });

  it('runs the whole loop: report, assign, accept, start, pause, resume, complete, rate', async () => {
    const wo = await report(staff);
    expect(wo.number).toMatch(/^WX-\d{4}-\d{6}$/);
    expect(wo.status).toBe('submitted');
    expect(wo.building).not.toBeNull(); // the building above the room, for the filter
    expect(wo.allowedActions).toEqual(['cancel']);

    const assigned = await act(dispatcher, wo.id, 'assign', { assigneeUserId: tech.userId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<Detail>().status).toBe('assigned');

    for (const [action, body, status] of [
      ['accept', {}, 'accepted'],
      ['start', {}, 'in_progress'],
      ['pause', { note: '等配件' }, 'paused'],
      ['resume', {}, 'in_progress'],
    ] as const) {
      const res = await act(tech, wo.id, action, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      expect(res.json<Detail>().status).toBe(status);
    }
    const done = await act(tech, wo.id, 'complete', {
      cause: '阀芯老化',
      actionTaken: '更换阀芯',
      labour: [{ userId: tech.userId, minutes: 45 }],
      materials: [{ name: '阀芯', unit: '个', quantity: 2, unitCostFen: 1250 }],
      outsideFen: 0,
    });
    expect(done.statusCode, done.body).toBe(200);
    const completed = done.json<Detail>();
    expect(completed.status).toBe('completed');
    expect(completed.materialsFen).toBe(2500);
    expect(completed.labourMinutes).toBe(45);
    expect(completed.responseMinutes).not.toBeNull();
    expect(completed.completionMinutes).not.toBeNull();

    const mine = (await staff.get(`/api/maintenance/work-orders/${wo.id}`)).json<Detail>();
    expect(mine.allowedActions.sort()).toEqual(['confirm', 'rate', 'reopen']);
    const rated = await act(staff, wo.id, 'rate', { rating: 5, comment: '很及时' });
    expect(rated.statusCode, rated.body).toBe(200);
    const closed = rated.json<Detail>();
    expect(closed.status).toBe('closed');
    expect(closed.rating).toBe(5);
    expect(closed.events.map((e) => e.action)).toEqual([
      'create',
      'assign',
      'accept',
      'start',
      'pause',
      'resume',
      'complete',
      'rate',
    ]);
    expect(closed.events.find((e) => e.action === 'pause')?.note).toBe('等配件');
  });

  it('answers 409 to an action the state does not allow, and 403 to the wrong person', async () => {
    const wo = await report(staff);
    const early = await act(tech, wo.id, 'complete', { actionTaken: 'x' });
    // The technician cannot see an order not assigned to them: 404, not a hint it exists.
    expect(early.statusCode).toBe(404);
    await act(dispatcher, wo.id, 'assign', { assigneeUserId: tech.userId });
    const notYet = await act(tech, wo.id, 'complete', { actionTaken: 'x' });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.message).toContain('已派工');
    const staffAccepts = await act(staff, wo.id, 'accept');
    expect(staffAccepts.statusCode).toBe(403);
  });

  it('asks a reason for pausing, rejecting, reopening and reassigning', async () => {
    const wo = await report(staff);
    await act(dispatcher, wo.id, 'assign', { assigneeUserId: tech.userId });
    expect((await act(tech, wo.id, 'reject', {})).statusCode).toBe(400);
    const other = await buildUser(t, { roleKey: 'technician', siteId: site.id });
    expect(
      (await act(dispatcher, wo.id, 'assign', { assigneeUserId: other.userId })).statusCode,
    ).toBe(400);
    const re = await act(dispatcher, wo.id, 'assign', {
      assigneeUserId: other.userId,
      note: '换人',
    });
    expect(re.statusCode, re.body).toBe(200);
    const rejected = await act(other, wo.id, 'reject', { note: '不是我的工种' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toBeNull(); // handed back: no longer theirs to see
    expect(
      (await dispatcher.get(`/api/maintenance/work-orders/${wo.id}`)).json<Detail>().status,
    ).toBe('submitted');
  });

  it('lets only one of two simultaneous actions win', async () => {
    const wo = await report(staff);
    await act(dispatcher, wo.id, 'assign', { assigneeUserId: tech.userId });
    const [a, b] = await Promise.all([act(tech, wo.id, 'accept'), act(tech, wo.id, 'accept')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = (await tech.get(`/api/maintenance/work-orders/${wo.id}`))
      .json<Detail>()
      .events.filter((e) => e.action === 'accept');
    expect(events).toHaveLength(1);
  });

  it('warns about a probable duplicate of the same place and category', async () => {
    const first = await report(staff, { categoryId: lamp, description: '灯不亮' });
    const second = await report(staff, { categoryId: lamp, description: '灯又不亮' });
    expect(second.probableDuplicates.map((d) => d.number)).toContain(first.number);
    const check = await staff.get(
      `/api/maintenance/work-orders/duplicates?locationId=${room.id}&categoryId=${lamp}`,
    );
    expect(check.json<{ number: string }[]>().length).toBeGreaterThanOrEqual(2);
  });

  it('scopes what each person sees', async () => {
    const wo = await report(staff, { description: '只给自己看' });
    const stranger = await buildUser(t, { roleKey: 'staff' });
    expect((await stranger.get(`/api/maintenance/work-orders/${wo.id}`)).statusCode).toBe(404);
    const list = (await stranger.get('/api/maintenance/work-orders')).json<{
      items: { id: string }[];
    }>();
    expect(list.items.some((i) => i.id === wo.id)).toBe(false);
    const westDispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: otherSite.id });
    expect((await westDispatcher.get(`/api/maintenance/work-orders/${wo.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await act(westDispatcher, wo.id, 'assign', { assigneeUserId: tech.userId })).statusCode,
    ).toBe(404);
    const seen = (await dispatcher.get('/api/maintenance/work-orders?pageSize=200')).json<{
      items: { id: string }[];
      totalCapped: boolean;
    }>();
    expect(seen.items.some((i) => i.id === wo.id)).toBe(true);
    expect(seen.totalCapped).toBe(false);
  });

  it('refuses bad input with a readable message', async () => {
    const res = await staff.post('/api/maintenance/work-orders', {
      categoryId: water,
      description: 'x',
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json<{ error: { details: { path: string }[] } }>()
      .error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['description', 'locationId']));
    const rating = await staff.post(
      `/api/maintenance/work-orders/${'0'.repeat(8)}-0000-7000-8000-000000000000/rate`,
      {
        rating: 9,
      },
    );
    expect(rating.statusCode).toBe(400);
  });

  it('keeps photos with the order: its people add them, strangers do not see them', async () => {
    const wo = await report(staff, { description: '墙面渗水，附照片' });
    const target = { entityType: 'work_order', entityId: wo.id };
    const photo = [{ filename: 'before.png', data: pngBytes() }];
    expect((await upload(staff, target, photo)).statusCode).toBe(201);
    const list = `/api/attachments?entityType=work_order&entityId=${wo.id}`;
    expect((await dispatcher.get(list)).json()).toHaveLength(1);
    const stranger = await buildUser(t, { roleKey: 'staff' });
    expect((await stranger.get(list)).statusCode).toBe(404);
    expect((await upload(stranger, target, photo)).statusCode).toBe(404);
  });
});

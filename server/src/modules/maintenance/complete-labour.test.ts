import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';

/*
 * Labour on completion: a completion without labour minutes stores no labour
 * line (no "0 分钟" on the detail), and a labour line must have minutes.
 */

let t: TestApp;
let room: { id: string };
let water: string;
let staff: Agent;
let tech: Agent;
let dispatcher: Agent;

type Detail = {
  id: string;
  status: string;
  labourMinutes: number;
  labour: { workerName: string; minutes: number }[];
};
type Problem = { error: { code: string; message: string; details: { path: string }[] } };

beforeAll(async () => {
  t = await createTestApp();
  const site = await buildSite(t.admin);
  const building = await buildLocation(t.admin, { siteId: site.id, name: '综合楼' });
  room = await buildLocation(t.admin, {
    siteId: site.id,
    parentId: building.id,
    type: 'room',
    name: '101',
  });
  const cats = (await t.admin.get('/api/maintenance/categories')).json<
    { id: string; code: string }[]
  >();
  water = cats.find((c) => c.code === 'water')!.id;
  staff = await buildUser(t, { roleKey: 'staff' });
  tech = await buildUser(t, { roleKey: 'technician', siteId: site.id });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
});
afterAll(() => t.close());

const act = (agent: Agent, id: string, action: string, body: unknown = {}) =>
  agent.post(`/api/maintenance/work-orders/${id}/${action}`, body);

/** A reported order, assigned to the technician, who has started on it. */
async function startedOrder() {
  const res = await staff.post('/api/maintenance/work-orders', {
    locationId: room.id,
    categoryId: water,
    description: '水管滴水',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<Detail>().id;
  expect((await act(dispatcher, id, 'assign', { assigneeUserId: tech.userId })).statusCode).toBe(
    200,
  );
  for (const action of ['accept', 'start'])
    expect((await act(tech, id, action)).statusCode, action).toBe(200);
  return id;
}
const labourRows = (id: string) =>
  t.db.selectFrom('mnt_labour').select(['minutes']).where('work_order_id', '=', id).execute();

describe('labour on completion', () => {
  it('stores no labour line when the completion gives no minutes', async () => {
    const id = await startedOrder();
    const res = await act(tech, id, 'complete', { actionTaken: '拧紧接头', labour: [] });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<Detail>();
    expect(done.status).toBe('completed');
    expect(done.labour).toEqual([]);
    expect(done.labourMinutes).toBe(0);
    expect(await labourRows(id)).toEqual([]);
    // The body may leave labour out altogether.
    const other = await startedOrder();
    const res2 = await act(tech, other, 'complete', { actionTaken: '更换垫片' });
    expect(res2.statusCode, res2.body).toBe(200);
    expect(await labourRows(other)).toEqual([]);
  });

  it('refuses a labour line of 0 minutes, in Chinese, and stores nothing', async () => {
    const id = await startedOrder();
    const res = await act(tech, id, 'complete', {
      actionTaken: '拧紧接头',
      labour: [{ userId: tech.userId, minutes: 0 }],
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.error.message + JSON.stringify(problem.error.details)).toContain(
      '工时须大于 0 分钟',
    );
    expect(problem.error.details.map((d) => d.path)).toContain('labour.0.minutes');
    const still = (await tech.get(`/api/maintenance/work-orders/${id}`)).json<Detail>();
    expect(still.status).toBe('in_progress');
    expect(await labourRows(id)).toEqual([]);

    const missing = await act(tech, id, 'complete', {
      actionTaken: '拧紧接头',
      labour: [{ userId: tech.userId }],
    });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json<Problem>().error)).toContain('请填写工时');
  });

  it('stores the minutes given, and the order adds them up', async () => {
    const id = await startedOrder();
    const res = await act(tech, id, 'complete', {
      actionTaken: '更换水管',
      labour: [
        { userId: tech.userId, minutes: 40 },
        { workerName: '外包师傅', minutes: 20 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<Detail>();
    expect(done.labourMinutes).toBe(60);
    expect(done.labour.map((l) => l.minutes).sort()).toEqual([20, 40]);
    expect(done.labour.find((l) => l.minutes === 20)?.workerName).toBe('外包师傅');
  });
});

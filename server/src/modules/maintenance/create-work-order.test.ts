import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let room: { id: string };
let westRoom: { id: string };
let site: { id: string };
let categories: { id: string; code: string }[];
let staff: Agent;
let dispatcher: Agent;
let westDispatcher: Agent;
let tech: Agent;

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin, { code: 'N1', name: '本部' });
  const west = await buildSite(t.admin, { code: 'N2', name: '西院' });
  room = await buildLocation(t.admin, { siteId: site.id });
  westRoom = await buildLocation(t.admin, { siteId: west.id });
  categories = (await t.admin.get('/api/maintenance/categories')).json();
  staff = await buildUser(t, { roleKey: 'staff' });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
  westDispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: west.id });
  tech = await buildUser(t, { roleKey: 'technician', siteId: site.id });
});
afterAll(() => t.close());

const inboxTitles = async (agent: Agent) =>
  (await agent.get('/api/notifications'))
    .json<{ items: { title: string }[] }>()
    .items.map((n) => n.title);

async function report(agent: Agent, locationId: string, code: string) {
  const res = await agent.post('/api/maintenance/work-orders', {
    locationId,
    categoryId: categories.find((c) => c.code === code)!.id,
    description: '新报修提醒测试',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ number: string }>();
}

describe('new request alerts', () => {
  it("tells the site's dispatchers about an order no rule assigned, not those of other sites", async () => {
    const order = await report(staff, room.id, 'water');
    expect(await inboxTitles(dispatcher)).toContain(`新报修 ${order.number}`);
    expect(await inboxTitles(westDispatcher)).not.toContain(`新报修 ${order.number}`);
    const west = await report(staff, westRoom.id, 'water');
    expect(await inboxTitles(westDispatcher)).toContain(`新报修 ${west.number}`);
    expect(await inboxTitles(dispatcher)).not.toContain(`新报修 ${west.number}`);
  });

  it("tells the team when a rule puts the order in the team's queue, and not the reporter", async () => {
    const team = (
      await t.admin.post('/api/maintenance/teams', { name: '锁具班', siteId: site.id })
    ).json<{ id: string }>();
    const members = await t.admin.request({
      method: 'PUT',
      url: `/api/maintenance/teams/${team.id}/members`,
      payload: { members: [{ userId: tech.userId }, { userId: dispatcher.userId }] },
    });
    expect(members.statusCode, members.body).toBe(200);
    const lock = categories.find((c) => c.code === 'lock')!.id;
    const rule = await t.admin.post('/api/maintenance/dispatch-rules', {
      teamId: team.id,
      categoryId: lock,
      siteId: site.id,
      autoAssign: false,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const order = await report(staff, room.id, 'lock');
    expect(await inboxTitles(tech)).toContain(`班组待接单 ${order.number}`);
    // A dispatcher in the team hears it as a member; no second "new request".
    const titles = await inboxTitles(dispatcher);
    expect(titles).toContain(`班组待接单 ${order.number}`);
    expect(titles).not.toContain(`新报修 ${order.number}`);
    // The dispatcher who phones an order in is not told about it.
    const own = await report(dispatcher, room.id, 'water');
    expect(await inboxTitles(dispatcher)).not.toContain(`新报修 ${own.number}`);
  });
});

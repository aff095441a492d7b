import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { p90 } from './stats.ts';

// A range around now wide enough for any time zone's "today" (orders are
// dated in the organisation's zone, which may already be tomorrow in UTC terms).
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const FROM = day(-30);
const TO = day(2);

let t: TestApp;
let cats: Record<string, string>;
let tech: Agent;
let room: { id: string };
let west: { id: string };
let westRoom: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const site = await buildSite(t.admin);
  west = await buildSite(t.admin);
  room = await buildLocation(t.admin, { siteId: site.id, type: 'building' });
  westRoom = await buildLocation(t.admin, { siteId: west.id, type: 'building' });
  const list = (await t.admin.get('/api/maintenance/categories')).json<
    { id: string; code: string }[]
  >();
  cats = Object.fromEntries(list.map((c) => [c.code, c.id]));
  tech = await buildUser(t, { roleKey: 'technician' });
});
afterAll(() => t.close());

async function order(categoryId: string, locationId = room.id) {
  const res = await t.admin.post('/api/maintenance/work-orders', {
    locationId,
    categoryId,
    description: '统计测试',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function finish(id: string, rating: number) {
  const act = (agent: Agent, action: string, body: unknown = {}) =>
    agent.post(`/api/maintenance/work-orders/${id}/${action}`, body);
  expect((await act(t.admin, 'assign', { assigneeUserId: tech.userId })).statusCode).toBe(200);
  await act(tech, 'accept');
  await act(tech, 'start');
  expect((await act(tech, 'complete', { actionTaken: '修好' })).statusCode).toBe(200);
  expect((await act(t.admin, 'rate', { rating })).statusCode).toBe(200);
}

describe('statistics', () => {
  it('p90 is the nearest-rank 90th percentile', () => {
    expect(p90([])).toBeNull();
    expect(p90([5])).toBe(5);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toBe(10);
  });

  it('counts exactly what the records say, by category, with satisfaction and repeat faults', async () => {
    const lamps = [
      await order(cats.lighting!),
      await order(cats.lighting!),
      await order(cats.lighting!),
    ];
    await order(cats.lock!);
    await order(cats.lock!, westRoom.id);
    await finish(lamps[0]!, 5);
    await finish(lamps[1]!, 3);
    const res = await t.admin.get(`/api/maintenance/stats?from=${FROM}&to=${TO}&groupBy=category`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.totals.count).toBe(5);
    expect(s.totals.completed).toBe(2); // completed, confirmed and closed all count as done
    const byName = Object.fromEntries(
      s.byGroup.map((g: { name: string; count: number }) => [g.name, g]),
    );
    expect(byName['灯具'].count).toBe(3);
    expect(byName['锁具'].count).toBe(2);
    expect(byName['灯具'].ratingMean).toBe(4);
    expect(byName['灯具'].satisfiedShare).toBe(0.5);
    expect(s.repeatFaults).toEqual([expect.objectContaining({ locationId: room.id, count: 4 })]);

    const bySite = (
      await t.admin.get(
        `/api/maintenance/stats?from=${FROM}&to=${TO}&groupBy=site&siteId=${west.id}`,
      )
    ).json();
    expect(bySite.totals.count).toBe(1);
  });

  it('gives a site-scoped reader only that site', async () => {
    const westLeader = await buildUser(t, { roleKey: 'leader', siteId: west.id });
    const s = (await westLeader.get(`/api/maintenance/stats?from=${FROM}&to=${TO}`)).json();
    expect(s.totals.count).toBe(1);
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await staff.get(`/api/maintenance/stats?from=${FROM}&to=${TO}`)).statusCode).toBe(403);
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await t.admin.get('/api/maintenance/stats?from=2026-02-01&to=2026-01-01');
    expect(res.statusCode).toBe(400);
  });
});

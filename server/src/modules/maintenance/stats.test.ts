import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { clearStatsCache, figuresOf, p90 } from './stats.ts';

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

async function order(categoryId: string, locationId = room.id, assetRef?: string) {
  const res = await t.admin.post('/api/maintenance/work-orders', {
    locationId,
    categoryId,
    description: '统计测试',
    ...(assetRef && { assetRef }),
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
      await order(cats.lighting!, room.id, 'DJ-0001'),
      await order(cats.lighting!, room.id, 'DJ-0001'),
      await order(cats.lighting!, room.id, 'DJ-0001'),
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
    // The same lamp three times: a repeat fault of the asset, whatever room it is in.
    expect(s.repeatAssets).toEqual([expect.objectContaining({ assetRef: 'DJ-0001', count: 3 })]);

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

/**
 * The statistics are aggregated in SQL; figuresOf() is their definition in
 * memory. Several hundred orders with ties, gaps and every state must give
 * the same figures both ways, for every grouping, and the same repeat faults
 * as the sliding window over the sorted times.
 */
describe('figures kept between requests', () => {
  const stats = async () => {
    const res = await t.admin.get(`/api/maintenance/stats?from=${FROM}&to=${TO}&groupBy=category`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      totals: {
        count: number;
        completed: number;
        slaCompliance: number | null;
        ratingCount: number;
      };
    }>();
  };
  /** The answer with the months kept, checked against the answer computed afresh. */
  const warmEqualsCold = async () => {
    const warm = await stats();
    clearStatsCache();
    expect(await stats()).toEqual(warm);
    return warm;
  };

  it('follow every change of an order: a new one, its work, its rating, a breach the SLA job flags', async () => {
    const before = await warmEqualsCold();
    expect(await stats()).toEqual(before); // kept: the same answer again

    const id = await order(cats.lighting!);
    const reported = await warmEqualsCold();
    expect(reported.totals.count).toBe(before.totals.count + 1);

    await finish(id, 5);
    const done = await stats();
    expect(done.totals.completed).toBe(reported.totals.completed + 1);
    expect(done.totals.ratingCount).toBe(reported.totals.ratingCount + 1);
    expect(await warmEqualsCold()).toEqual(done);

    // The SLA job sets breach flags without bumping the version: the fingerprint still sees it.
    await t.db
      .updateTable('mnt_work_orders')
      .set({ completion_breached: 1 })
      .where('id', '=', id)
      .execute();
    const breached = await stats();
    expect(breached.totals.slaCompliance).not.toBe(done.totals.slaCompliance);
    expect(await warmEqualsCold()).toEqual(breached);
  });
});

describe('statistics aggregated in the database', () => {
  it('equal the in-memory definition for every grouping', async () => {
    const u = await createTestApp();
    try {
      const sites = [await buildSite(u.admin), await buildSite(u.admin)];
      const rooms = await Promise.all(
        [0, 1, 0, 1, 0].map((i) => buildLocation(u.admin, { siteId: sites[i]!.id })),
      );
      const list = (await u.admin.get('/api/maintenance/categories')).json<{ id: string }[]>();
      const priority = (await u.admin.get('/api/maintenance/priorities')).json<
        { id: string }[]
      >()[0]!;
      const { timezone } = (await u.admin.get('/api/me')).json<{
        organization: { timezone: string };
      }>().organization;
      let seed = 7;
      const r = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const statuses = [
        'submitted',
        'assigned',
        'in_progress',
        'paused',
        'completed',
        'confirmed',
        'closed',
        'closed',
        'cancelled',
      ];
      const start = Date.parse('2024-01-01T00:00:00Z');
      const rows = Array.from({ length: 600 }, (_, i) => {
        const status = pick(statuses);
        const room = pick(rooms);
        // Bursts in one room (repeat faults), equal instants, and minutes that repeat.
        const at = new Date(
          i % 50 < 4
            ? start + 40 * 86_400_000 + i * 3_600_000
            : start + Math.floor(r() * 365) * 86_400_000,
        ).toISOString();
        const done = ['completed', 'confirmed', 'closed'].includes(status);
        return {
          id: newId(),
          org_id: u.orgId,
          site_id: room.siteId,
          number: `T-${i}`,
          source: 'portal',
          status,
          category_id: pick(list).id,
          priority_id: priority.id,
          location_id: i % 50 < 4 ? rooms[0]!.id : r() < 0.1 ? null : room.id,
          department_id: null,
          requester_name: '测试',
          description: '统计一致性',
          assignee_user_id: r() < 0.3 ? null : u.admin.userId,
          submitted_at: at,
          response_due_at: at,
          completion_due_at: at,
          response_minutes: r() < 0.2 ? null : Math.floor(r() * 40),
          completion_minutes: done && r() < 0.9 ? Math.floor(r() * 30) * 10 : null,
          response_breached: r() < 0.3 ? 1 : 0,
          completion_breached: r() < 0.2 ? 1 : 0,
          rating: status === 'closed' && r() < 0.8 ? 1 + Math.floor(r() * 5) : null,
          paused_minutes: 0,
          response_warned: 0,
          completion_warned: 0,
          labour_minutes: 0,
          materials_fen: 0,
          outside_fen: 0,
          reopen_count: 0,
          version: 1,
          created_at: at,
          updated_at: at,
        };
      });
      await u.db.insertInto('mnt_work_orders').values(rows).execute();
      const monthOf = new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
      });
      const keyOf = {
        category: (o: (typeof rows)[number]) => o.category_id,
        site: (o: (typeof rows)[number]) => o.site_id,
        department: (o: (typeof rows)[number]) => o.department_id,
        technician: (o: (typeof rows)[number]) => o.assignee_user_id,
        month: (o: (typeof rows)[number]) => monthOf.format(new Date(o.submitted_at)),
      };
      const inYear = rows.filter((o) =>
        monthOf.format(new Date(o.submitted_at)).startsWith('2024'),
      );
      for (const groupBy of ['category', 'site', 'department', 'technician', 'month'] as const) {
        const res = await u.admin.get(
          `/api/maintenance/stats?from=2024-01-01&to=2024-12-31&groupBy=${groupBy}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const s = res.json<{
          totals: unknown;
          byGroup: ({ key: string | null; count: number } & object)[];
        }>();
        expect(s.totals).toEqual(figuresOf(inYear));
        const groups = new Map<string | null, typeof inYear>();
        for (const o of inYear)
          groups.set(keyOf[groupBy](o), [...(groups.get(keyOf[groupBy](o)) ?? []), o]);
        const got = s.byGroup.filter((g) => g.count > 0);
        expect(got.length).toBe(groups.size);
        for (const g of got)
          expect({ ...g, name: undefined }).toEqual({
            key: g.key,
            name: undefined,
            ...figuresOf(groups.get(g.key)!),
          });
        if (groupBy === 'month') expect(s.byGroup).toHaveLength(12);
        else
          expect(s.byGroup.map((g) => g.count)).toEqual(
            s.byGroup.map((g) => g.count).sort((a, b) => b - a),
          );
      }
      // Repeat faults: the longest run within 30 days per room, by the sliding window.
      const res = await u.admin.get('/api/maintenance/stats?from=2024-01-01&to=2024-12-31');
      const expected = rooms
        .map((room) => {
          const times = inYear
            .filter((o) => o.location_id === room.id && o.status !== 'cancelled')
            .map((o) => Date.parse(o.submitted_at))
            .sort((a, b) => a - b);
          let best = 0;
          let bestStart = 0;
          for (let a = 0, b = 0; b < times.length; b++) {
            while (times[b]! - times[a]! > 30 * 86_400_000) a++;
            if (b - a + 1 > best) [best, bestStart] = [b - a + 1, a];
          }
          return {
            locationId: room.id,
            name: room.name,
            count: best,
            windowStart: new Date(times[bestStart] ?? 0).toISOString(),
          };
        })
        .filter((x) => x.count >= 3)
        .sort((a, b) => b.count - a.count || a.locationId.localeCompare(b.locationId));
      expect(res.json<{ repeatFaults: unknown }>().repeatFaults).toEqual(expected);
    } finally {
      await u.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { runSlaClock } from './sla-job.ts';

let t: TestApp;
let room: { id: string };
let category: string;
let dispatcher: Agent;
let tech: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const site = await buildSite(t.admin);
  room = await buildLocation(t.admin, { siteId: site.id });
  category = (await t.admin.get('/api/maintenance/categories')).json<{ id: string }[]>()[0]!.id;
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
  tech = await buildUser(t, { roleKey: 'technician', siteId: site.id });
});
afterAll(() => t.close());

const deps = () => ({ db: t.db, config: t.config });
const HOUR = 3_600_000;

async function newOrder() {
  const res = await t.admin.post('/api/maintenance/work-orders', {
    locationId: room.id,
    categoryId: category,
    description: '超时测试',
  });
  return res.json<{ id: string; responseDueAt: string; completionDueAt: string }>();
}

describe('SLA clock job', () => {
  it('stores a response breach once and escalates to the dispatcher', async () => {
    const wo = await newOrder();
    const after = new Date(Date.parse(wo.responseDueAt) + HOUR);
    const first = await runSlaClock(deps(), after);
    expect(first).toMatch(/breached [1-9]/);
    const again = await runSlaClock(deps(), after);
    expect(again).toContain('breached 0');
    const breaches = await t.db
      .selectFrom('mnt_sla_breaches')
      .selectAll()
      .where('work_order_id', '=', wo.id)
      .execute();
    expect(breaches.map((b) => b.kind)).toEqual(['response']);
    const detail = (await t.admin.get(`/api/maintenance/work-orders/${wo.id}`)).json();
    expect(detail.responseBreached).toBe(true);
    const inbox = (await dispatcher.get('/api/notifications')).json<{
      items: { title: string }[];
    }>();
    expect(inbox.items.some((n) => n.title.includes('已超时'))).toBe(true);
  });

  it('warns before the due time, not after an acceptance', async () => {
    const wo = await newOrder();
    await t.admin.post(`/api/maintenance/work-orders/${wo.id}/assign`, {
      assigneeUserId: tech.userId,
    });
    const soon = new Date(Date.parse(wo.responseDueAt) - 10 * 60_000); // within the 30-minute lead
    await runSlaClock(deps(), soon);
    const inbox = (await tech.get('/api/notifications')).json<{ items: { title: string }[] }>();
    expect(inbox.items.some((n) => n.title.includes('即将超时'))).toBe(true);
  });

  it('confirms an order nobody confirmed after the set days, then closes it', async () => {
    const wo = await newOrder();
    const act = (a: Agent, action: string, body: unknown = {}) =>
      a.post(`/api/maintenance/work-orders/${wo.id}/${action}`, body);
    await act(t.admin, 'assign', { assigneeUserId: tech.userId });
    await act(tech, 'accept');
    await act(tech, 'start');
    expect((await act(tech, 'complete', { actionTaken: '已修' })).statusCode).toBe(200);
    const later = new Date(Date.now() + 4 * 24 * HOUR);
    await runSlaClock(deps(), later);
    let detail = (await t.admin.get(`/api/maintenance/work-orders/${wo.id}`)).json();
    expect(detail.status).toBe('confirmed');
    await runSlaClock(deps(), new Date(later.getTime() + 4 * 24 * HOUR));
    detail = (await t.admin.get(`/api/maintenance/work-orders/${wo.id}`)).json();
    expect(detail.status).toBe('closed');
    expect(detail.events.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'auto_confirm',
      'auto_close',
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { notify } from './notify.ts';

let t: TestApp;
let alice: Agent;
let bob: Agent;
beforeAll(async () => {
  t = await createTestApp();
  alice = await buildUser(t, { roleKey: 'staff' });
  bob = await buildUser(t, { roleKey: 'staff' });
});
afterAll(() => t.close());

type Item = { id: string; title: string; readAt: string | null; link: string | null };

const send = (userIds: string[], title: string, extra: { link?: string; category?: string } = {}) =>
  notify(t.db, t.config, { orgId: t.orgId, userIds, title, body: `${title}。`, ...extra });

describe('inbox', () => {
  it('lists my notifications newest first, with an unread filter and count', async () => {
    await send([alice.userId, bob.userId], '报修单 WX-2026-000001 已派工', {
      link: '/maintenance/orders/1',
      category: 'maintenance',
    });
    await send([alice.userId], '电梯年检将于 30 天后到期');
    const list = await alice.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    const body = list.json<{ items: Item[]; total: number; page: number }>();
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.title)).toEqual([
      '电梯年检将于 30 天后到期',
      '报修单 WX-2026-000001 已派工',
    ]);
    expect(body.items[1]).toMatchObject({ link: '/maintenance/orders/1', readAt: null });
    expect((await alice.get('/api/notifications/unread-count')).json()).toEqual({ count: 2 });
    expect((await bob.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    const paged = await alice.get('/api/notifications?page=2&pageSize=1');
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json().items).toHaveLength(1);
  });

  it('marks one read, keeps the first read time, and filters by read state', async () => {
    const [first] = (await alice.get('/api/notifications')).json<{ items: Item[] }>().items;
    const read = await alice.post(`/api/notifications/${first!.id}/read`);
    expect(read.statusCode).toBe(200);
    const readAt = read.json<Item>().readAt;
    expect(readAt).not.toBeNull();
    const again = await alice.post(`/api/notifications/${first!.id}/read`);
    expect(again.json<Item>().readAt).toBe(readAt);
    expect((await alice.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    const unread = (await alice.get('/api/notifications?unread=true')).json<{ items: Item[] }>();
    expect(unread.items.map((i) => i.id)).not.toContain(first!.id);
    const seen = (await alice.get('/api/notifications?unread=false')).json<{ items: Item[] }>();
    expect(seen.items.map((i) => i.id)).toEqual([first!.id]);
  });

  it('never shows or changes another user’s notification (404)', async () => {
    const [mine] = (await alice.get('/api/notifications')).json<{ items: Item[] }>().items;
    const res = await bob.post(`/api/notifications/${mine!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const bobs = (await bob.get('/api/notifications')).json<{ items: Item[] }>();
    expect(bobs.items.map((i) => i.id)).not.toContain(mine!.id);
  });

  it('read-all marks only my unread ones', async () => {
    const res = await alice.post('/api/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 1 });
    expect((await alice.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await bob.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('answers 400 for a malformed id or filter, 404 for an unknown one, 401 signed out', async () => {
    expect((await alice.post('/api/notifications/nope/read')).statusCode).toBe(400);
    const badFilter = await alice.get('/api/notifications?unread=maybe');
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await alice.post(
      '/api/notifications/01900000-0000-7000-8000-000000000000/read',
    );
    expect(unknown.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('notify()', () => {
  it('writes in the caller’s transaction: a rolled-back change leaves no notification', async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await notify(tx, t.config, {
          orgId: t.orgId,
          userIds: [bob.userId],
          title: '不会出现',
          body: '事务回滚',
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const titles = (await bob.get('/api/notifications')).json<{ items: Item[] }>().items;
    expect(titles.map((i) => i.title)).not.toContain('不会出现');
  });

  it('skips disabled accounts and ids from elsewhere, and queues nothing without channels', async () => {
    const carol = await buildUser(t, { roleKey: 'staff' });
    await t.admin.patch(`/api/users/${carol.userId}`, { active: false });
    const result = await notify(t.db, t.config, {
      orgId: t.orgId,
      userIds: [bob.userId, bob.userId, carol.userId, '01900000-0000-7000-8000-000000000001'],
      title: '巡检提醒',
      body: '今日巡检未完成',
    });
    expect(result.notificationIds).toHaveLength(1);
    // No SMTP_URL and no channels in this app: nothing leaves the inbox.
    expect(result.deliveryIds).toEqual([]);
  });
});

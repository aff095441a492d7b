import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../db/connect.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deliverPending } from './deliver.ts';
import { notify } from './notify.ts';
import { startHttpReceiver, type ReceivedRequest } from './test-receivers.ts';

let t: TestApp;
let robot: Awaited<ReturnType<typeof startHttpReceiver>>;
let closed: Awaited<ReturnType<typeof startHttpReceiver>>;
const ids = { wecom: '', dingtalk: '', feishu: '' };
const DING_SECRET = 'SEC000dingtalk-secret-for-tests';
const FEISHU_SECRET = 'feishu-secret-for-tests';
const PUBLIC_URL = 'https://hq.example.org';
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

const ok = (req: ReceivedRequest) =>
  req.url.startsWith('/open-apis')
    ? { status: 200, body: { code: 0, msg: 'success', data: {} } }
    : { status: 200, body: { errcode: 0, errmsg: 'ok' } };

beforeAll(async () => {
  robot = await startHttpReceiver();
  closed = await startHttpReceiver();
  await closed.close(); // its port now refuses connections
  // The local receivers stand in for the vendors' robots, so their exact
  // host:port is allowed (and may be the loopback address).
  t = await createTestApp({
    env: { PUBLIC_URL, WEBHOOK_ALLOWED_HOSTS: `${robot.host},${closed.host}` },
  });
  const make = async (body: object) => {
    const res = await t.admin.post('/api/notification-channels', body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json<{ id: string }>().id;
  };
  ids.wecom = await make({
    kind: 'wecom',
    name: '企业微信后勤群',
    webhookUrl: `${robot.base}/cgi-bin/webhook/send?key=wecom-key-0123456789abcdef`,
  });
  ids.dingtalk = await make({
    kind: 'dingtalk',
    name: '钉钉后勤群',
    webhookUrl: `${robot.base}/robot/send?access_token=dingtalk0123456789abcdef`,
    secret: DING_SECRET,
  });
  ids.feishu = await make({
    kind: 'feishu',
    name: '飞书后勤群',
    webhookUrl: `${robot.base}/open-apis/bot/v2/hook/feishu-token-0123456789abcdef`,
    secret: FEISHU_SECRET,
  });
});
afterAll(async () => {
  await t.close();
  await robot.close();
});
beforeEach(() => robot.answer(ok));

const deps = () => ({ db: t.db, config: t.config });
const message = (now: Date, title = '报修单 WX-2026-000123 超时未响应') =>
  notify(
    t.db,
    t.config,
    {
      orgId: t.orgId,
      userIds: [],
      title,
      body: '3号楼5层水管漏水，已超过响应时限 30 分钟。',
      link: '/maintenance/orders/123',
      category: 'maintenance',
    },
    now,
  );

type DeliveryDto = {
  id: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  target: string;
};
async function deliveryOf(channelId: string): Promise<DeliveryDto> {
  const res = await t.admin.get(`/api/notification-deliveries?channelId=${channelId}&pageSize=1`);
  return res.json<{ items: DeliveryDto[] }>().items[0]!;
}
const requestsTo = (prefix: string) => robot.requests.filter((r) => r.url.startsWith(prefix));

describe('group robot formats', () => {
  it('posts 企业微信, 钉钉 (signed query) and 飞书 (signed body) messages', async () => {
    const { deliveryIds } = await message(T0);
    expect(deliveryIds).toHaveLength(3);
    expect(await deliverPending(deps(), T0)).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const link = `${PUBLIC_URL}/maintenance/orders/123`;

    expect(requestsTo('/cgi-bin')[0]!.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: `**报修单 WX-2026-000123 超时未响应**\n3号楼5层水管漏水，已超过响应时限 30 分钟。\n[查看详情](${link})`,
      },
    });

    const ding = requestsTo('/robot/send')[0]!;
    const query = new URL(ding.url, robot.base).searchParams;
    const ts = String(T0.getTime());
    // DingTalk's documented algorithm: HmacSHA256(secret, `${timestamp}\n${secret}`), base64.
    const expected = createHmac('sha256', DING_SECRET)
      .update(`${ts}\n${DING_SECRET}`)
      .digest('base64');
    expect(query.get('access_token')).toBe('dingtalk0123456789abcdef');
    expect(query.get('timestamp')).toBe(ts);
    expect(query.get('sign')).toBe(expected);
    expect(ding.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '报修单 WX-2026-000123 超时未响应',
        text: `#### 报修单 WX-2026-000123 超时未响应\n\n3号楼5层水管漏水，已超过响应时限 30 分钟。\n\n[查看详情](${link})`,
      },
    });

    const seconds = String(T0.getTime() / 1000);
    // Feishu's documented algorithm: HmacSHA256(key = `${timestamp}\n${secret}`, data = ""), base64.
    const feishuSign = createHmac('sha256', `${seconds}\n${FEISHU_SECRET}`)
      .update('')
      .digest('base64');
    expect(requestsTo('/open-apis')[0]!.body).toEqual({
      timestamp: seconds,
      sign: feishuSign,
      msg_type: 'text',
      content: {
        text: `报修单 WX-2026-000123 超时未响应\n3号楼5层水管漏水，已超过响应时限 30 分钟。\n${link}`,
      },
    });

    const log = await t.admin.get('/api/notification-deliveries?status=sent');
    expect(log.json().total).toBe(3);
    expect(log.body).not.toContain('dingtalk0123456789abcdef');
    expect((await deliveryOf(ids.wecom)).target).toBe(`${robot.base}/cgi-bin/webhook/send?key=…`);
  });
});

describe('retries', () => {
  it('retries after an HTTP 500 with backoff, then succeeds', async () => {
    robot.answer(() => ({ status: 500, body: 'upstream down' }));
    await message(at(10 * MIN));
    expect(await deliverPending(deps(), at(10 * MIN))).toEqual({ sent: 0, retrying: 3, failed: 0 });
    const first = await deliveryOf(ids.feishu);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.nextAttemptAt).toBe(at(11 * MIN).toISOString());
    // The status only: a webhook's answer body is never kept.
    expect(first.lastError).toBe('HTTP 500');

    const before = robot.requests.length;
    expect(await deliverPending(deps(), at(10.5 * MIN))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(robot.requests.length).toBe(before);

    robot.answer(ok);
    expect(await deliverPending(deps(), at(11 * MIN))).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(await deliveryOf(ids.feishu)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
  });

  it('treats HTTP 200 with a non-zero errcode as a failure, and gives up after 5 attempts', async () => {
    robot.answer((req) =>
      req.url.startsWith('/robot/send')
        ? { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } }
        : ok(req),
    );
    const start = 20 * MIN;
    await message(at(start));
    await deliverPending(deps(), at(start));
    const waits = [1, 5, 30, 120].map((m) => m * MIN);
    let now = start;
    for (const [i, wait] of waits.entries()) {
      const d = await deliveryOf(ids.dingtalk);
      expect(d).toMatchObject({ status: 'pending', attempts: i + 1 });
      expect(d.lastError).toBe('errcode 310000: sign not match');
      expect(d.nextAttemptAt).toBe(at(now + wait).toISOString());
      now += wait;
      await deliverPending(deps(), at(now));
    }
    const last = await deliveryOf(ids.dingtalk);
    expect(last).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null });
    const calls = requestsTo('/robot/send').length;
    await deliverPending(deps(), at(now + 24 * 60 * MIN));
    expect(requestsTo('/robot/send').length).toBe(calls);
    expect((await deliveryOf(ids.wecom)).status).toBe('sent');
  });

  it('an unreachable robot is retried with the network error logged', async () => {
    const res = await t.admin.post('/api/notification-channels', {
      kind: 'wecom',
      name: '已下线的群',
      webhookUrl: `${closed.base}/cgi-bin/webhook/send?key=gone`,
      categories: ['nothing-else'],
    });
    const id = res.json<{ id: string }>().id;
    await notify(
      t.db,
      t.config,
      {
        orgId: t.orgId,
        userIds: [],
        title: '测试',
        body: '不可达',
        category: 'nothing-else',
      },
      at(300 * MIN),
    );
    await deliverPending(deps(), at(300 * MIN));
    const d = await deliveryOf(id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d.lastError).toBe('network error (ECONNREFUSED)');
    // Deleting the channel ends what it still had queued.
    await t.admin.delete(`/api/notification-channels/${id}`);
    const log = await t.admin.get('/api/notification-deliveries?status=failed');
    expect(log.json<{ items: DeliveryDto[] }>().items[0]).toMatchObject({
      id: d.id,
      lastError: 'the channel was deleted',
    });
  });
});

describe('routing', () => {
  it('skips disabled channels and channels subscribed to other categories', async () => {
    await t.admin.patch(`/api/notification-channels/${ids.wecom}`, { enabled: false });
    await t.admin.patch(`/api/notification-channels/${ids.feishu}`, { categories: ['security'] });
    const { deliveryIds } = await message(at(400 * MIN));
    expect(deliveryIds).toHaveLength(1);
    await deliverPending(deps(), at(400 * MIN));
    await t.admin.patch(`/api/notification-channels/${ids.wecom}`, { enabled: true });
    await t.admin.patch(`/api/notification-channels/${ids.feishu}`, { categories: [] });
  });

  it('two senders at once send each delivery exactly once', async () => {
    const other: DbHandle = connect({
      databaseUrl: t.testDb.databaseUrl,
      dataDir: t.testDb.dataDir,
      poolSize: 2,
    });
    try {
      await message(at(500 * MIN));
      const before = robot.requests.length;
      const [a, b] = await Promise.all([
        deliverPending(deps(), at(500 * MIN)),
        deliverPending({ db: other.db, config: t.config }, at(500 * MIN)),
      ]);
      expect(a.sent + b.sent).toBe(3);
      expect(robot.requests.length - before).toBe(3);
    } finally {
      await other.close();
    }
  });
});

describe('send a test', () => {
  it('sends now and answers with the outcome; a failed test is not retried', async () => {
    const good = await t.admin.post(`/api/notification-channels/${ids.feishu}/test`);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ ok: true, deliveries: [{ status: 'sent', attempts: 1 }] });
    const last = requestsTo('/open-apis').at(-1)!.body as { content: { text: string } };
    expect(last.content.text).toContain('测试消息');

    robot.answer(() => ({ status: 200, body: { code: 19021, msg: 'sign match fail' } }));
    const bad = await t.admin.post(`/api/notification-channels/${ids.feishu}/test`);
    expect(bad.json()).toMatchObject({
      ok: false,
      deliveries: [{ status: 'failed', attempts: 1, lastError: 'code 19021: sign match fail' }],
    });
    const calls = robot.requests.length;
    await deliverPending(deps(), new Date(Date.now() + 24 * 3600_000));
    expect(robot.requests.length).toBe(calls);
  });
});

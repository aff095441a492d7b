// The webhook allow-list and the internal-address guard, end to end: a
// channel is refused at create/update, or its delivery at connection time;
// and nothing a webhook answers reaches the delivery log or the caller.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { Config } from '../config.ts';
import { deliverPending } from './deliver.ts';
import { notify } from './notify.ts';
import { startHttpReceiver } from './test-receivers.ts';

let t: TestApp; // default configuration: official robot hosts only
let gw: TestApp; // WEBHOOK_ALLOWED_HOSTS='*,127.0.0.1:<receiver port>'
let robot: Awaited<ReturnType<typeof startHttpReceiver>>;
const SECRET = 'internal-secret';
// Later than the real clock, so queued deliveries sort after the /test ones (stamped now).
const T0 = new Date('2099-05-01T00:00:00.000Z');

beforeAll(async () => {
  // why: a real local HTTP server stands in for an internal service / a robot.
  robot = await startHttpReceiver();
  t = await createTestApp();
  gw = await createTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: `*,${robot.host}` } });
});
afterAll(async () => {
  await t.close();
  await gw.close();
  await robot.close();
});
beforeEach(() => robot.answer(() => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } })));

type DeliveryDto = { id: string; status: string; attempts: number; lastError: string | null };
type TestResult = { ok: boolean; deliveries: DeliveryDto[] };

async function makeChannel(app: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await app.admin.post('/api/notification-channels', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ id: string }>().id;
}

/** Queues one message for the channels subscribed to `category`, and sends the queue. */
async function sendQueued(
  app: TestApp,
  category: string,
  config: Config = app.config,
  now: Date = T0,
) {
  const input = { orgId: app.orgId, userIds: [], title: '测试', body: '…', category };
  await notify(app.db, app.config, input, now);
  return deliverPending({ db: app.db, config }, now);
}

async function lastDelivery(app: TestApp, channelId: string): Promise<DeliveryDto> {
  const res = await app.admin.get(`/api/notification-deliveries?channelId=${channelId}&pageSize=1`);
  return res.json<{ items: DeliveryDto[] }>().items[0]!;
}

describe('allowed hosts when a channel is saved', () => {
  it('refuses a non-robot host by default, saying which hosts are allowed and how to add one', async () => {
    for (const webhookUrl of [
      'https://example.org/cgi-bin/webhook/send?key=k',
      `${robot.base}/cgi-bin/webhook/send?key=k`,
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=k',
    ]) {
      const res = await t.admin.post('/api/notification-channels', {
        kind: 'wecom',
        name: '企业微信群',
        webhookUrl,
      });
      expect(res.statusCode, webhookUrl).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'BAD_REQUEST',
        details: { field: 'webhookUrl', allowedHosts: ['qyapi.weixin.qq.com'] },
      });
      expect(res.json().error.message).toContain('https://qyapi.weixin.qq.com');
      expect(res.json().error.message).toContain('WEBHOOK_ALLOWED_HOSTS');
    }
    const en = await t.admin.request({
      method: 'POST',
      url: '/api/notification-channels',
      headers: { 'accept-language': 'en' },
      payload: { kind: 'feishu', name: 'x', webhookUrl: 'https://example.org/hook' },
    });
    expect(en.json().error.message).toMatch(
      /^Webhook URL not allowed: a Feishu\/Lark \(飞书\) channel may only post to https:\/\/open\.feishu\.cn, https:\/\/open\.larksuite\.com\. .*WEBHOOK_ALLOWED_HOSTS/,
    );
  });

  it('refuses a 企业微信 channel with a 钉钉 host, and the other way round', async () => {
    const wecom = await t.admin.post('/api/notification-channels', {
      kind: 'wecom',
      name: '错配的群',
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
    });
    expect(wecom.statusCode).toBe(400);
    const ding = await t.admin.post('/api/notification-channels', {
      kind: 'dingtalk',
      name: '错配的群',
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    });
    expect(ding.statusCode).toBe(400);
    expect(ding.json().error.message).toContain('https://oapi.dingtalk.com');
  });

  it('accepts Lark; refuses an update to a host outside the list and keeps the old URL', async () => {
    const id = await makeChannel(t, {
      kind: 'feishu',
      name: 'Lark group',
      webhookUrl: 'https://open.larksuite.com/open-apis/bot/v2/hook/abc',
    });
    const res = await t.admin.patch(`/api/notification-channels/${id}`, {
      webhookUrl: 'http://169.254.169.254/latest/meta-data/',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
    const now = await t.admin.get(`/api/notification-channels/${id}`);
    expect(now.json().webhookUrlMasked).toBe(
      'https://open.larksuite.com/open-apis/bot/v2/hook/abc',
    );
  });
});

describe('internal addresses at send time', () => {
  it('with *, a name resolving to 127.0.0.1 is refused unless listed exactly', async () => {
    const id = await makeChannel(gw, {
      kind: 'wecom',
      name: 'localhost 群',
      webhookUrl: `http://localhost:${robot.port}/cgi-bin/webhook/send?key=k`,
      categories: ['via-localhost'],
    });
    const before = robot.requests.length;
    const test = await gw.admin.post(`/api/notification-channels/${id}/test`);
    expect(test.statusCode).toBe(200);
    const result = test.json<TestResult>();
    expect(result.ok).toBe(false);
    expect(result.deliveries[0]!.lastError).toMatch(/^refused: localhost .*internal address/);

    // Through the queue, with WEBHOOK_ALLOWED_HOSTS='*' alone: failed for good at once.
    const onlyStar = { ...gw.config, webhookAllowedHosts: ['*'] };
    expect(await sendQueued(gw, 'via-localhost', onlyStar)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(await lastDelivery(gw, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(robot.requests.length).toBe(before);

    // Listed exactly, the same name may reach the same address.
    const listed = { ...gw.config, webhookAllowedHosts: ['*', `localhost:${robot.port}`] };
    expect(await sendQueued(gw, 'via-localhost', listed)).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(robot.requests.length).toBe(before + 1);
  });

  it('refuses internal IP literals in any spelling', async () => {
    const before = robot.requests.length;
    // Port 9 (discard): 127.0.0.1:<receiver port> itself is listed in this app.
    for (const host of [
      '[::ffff:127.0.0.1]:9',
      '0x7f.0.0.1:9',
      '[::1]:9',
      '0.0.0.0:9',
      '10.0.0.1',
    ]) {
      const id = await makeChannel(gw, {
        kind: 'feishu',
        name: `literal ${host}`,
        webhookUrl: `http://${host}/open-apis/bot/v2/hook/x`,
        categories: ['literals'],
      });
      const result = (
        await gw.admin.post(`/api/notification-channels/${id}/test`)
      ).json<TestResult>();
      expect(result.ok, host).toBe(false);
      expect(result.deliveries[0]!.lastError, host).toMatch(/^refused: .*internal address/);
    }
    expect(robot.requests.length).toBe(before);
  });

  it('a queued delivery to a host no longer allowed fails for good without a request', async () => {
    const id = await makeChannel(gw, {
      kind: 'dingtalk',
      name: '网关群',
      webhookUrl: `${robot.base}/robot/send?access_token=t`,
      categories: ['shrunk'],
    });
    const before = robot.requests.length;
    const shrunk = { ...gw.config, webhookAllowedHosts: [] };
    expect(await sendQueued(gw, 'shrunk', shrunk)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const d = await lastDelivery(gw, id);
    expect(d).toMatchObject({ status: 'failed', attempts: 1 });
    expect(d.lastError).toContain('not allowed');
    expect(robot.requests.length).toBe(before);
  });
});

describe('what a webhook answers is never shown', () => {
  let id = '';
  beforeAll(async () => {
    id = await makeChannel(gw, {
      kind: 'wecom',
      name: '自建网关',
      webhookUrl: `${robot.base}/cgi-bin/webhook/send?key=k`,
      categories: ['answers'],
    });
  });

  it('keeps the status, not the body, of a failing receiver: log, lastError, /test', async () => {
    robot.answer(() => ({ status: 500, body: SECRET }));
    const test = await gw.admin.post(`/api/notification-channels/${id}/test`);
    expect(test.json<TestResult>().deliveries[0]).toMatchObject({
      status: 'failed',
      lastError: 'HTTP 500',
    });
    expect(test.body).not.toContain(SECRET);

    expect(await sendQueued(gw, 'answers')).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await lastDelivery(gw, id)).lastError).toBe('HTTP 500');

    for (const body of [SECRET, { data: SECRET }, { errcode: 'x', errmsg: SECRET }]) {
      robot.answer(() => ({ status: 200, body }));
      const res = await gw.admin.post(`/api/notification-channels/${id}/test`);
      expect(res.json<TestResult>().ok).toBe(false);
      expect(res.body).not.toContain(SECRET);
    }
    const log = await gw.admin.get('/api/notification-deliveries?pageSize=100');
    expect(log.body).not.toContain(SECRET);
    const audit = await gw.admin.get('/api/audit?entityType=notification_channel');
    expect(audit.body).not.toContain(SECRET);
  });

  it('keeps a robot-shaped error’s code and at most 100 characters of its message', async () => {
    robot.answer(() => ({
      status: 200,
      body: { errcode: 93000, errmsg: `${'m'.repeat(150)}${SECRET}`, detail: SECRET },
    }));
    const res = await gw.admin.post(`/api/notification-channels/${id}/test`);
    expect(res.json<TestResult>().deliveries[0]!.lastError).toBe(
      `errcode 93000: ${'m'.repeat(100)}…`,
    );
    expect(res.body).not.toContain(SECRET);
  });

  it('a 3xx is a failure and is not followed', async () => {
    robot.answer((req) =>
      req.url.startsWith('/cgi-bin')
        ? { status: 307, body: '', headers: { location: `${robot.base}/followed` } }
        : { status: 200, body: { errcode: 0, errmsg: 'ok' } },
    );
    const res = await gw.admin.post(`/api/notification-channels/${id}/test`);
    expect(res.json<TestResult>().deliveries[0]).toMatchObject({
      status: 'failed',
      lastError: 'HTTP 307: redirects are not followed',
    });
    // Through the queue: failed for good at the first attempt.
    // (The HTTP 500 above is due again only a minute after T0.)
    await sendQueued(gw, 'answers', gw.config, new Date(T0.getTime() + 10_000));
    expect(await lastDelivery(gw, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(robot.requests.filter((r) => r.url.startsWith('/followed'))).toEqual([]);
  });
});

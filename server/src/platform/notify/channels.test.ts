import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const WECOM_URL =
  'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const DING_URL = 'https://oapi.dingtalk.com/robot/send?access_token=a1b2c3d4e5f6a1b2c3d4e5f6';
const FEISHU_URL =
  'https://open.feishu.cn/open-apis/bot/v2/hook/2d6c0a2e-8f3b-4d59-9bb4-1f2a3b4c5d6e';
const DING_SECRET = 'SECb2a1c0ffee0123456789abcdef';

type ChannelDto = {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  webhookUrlMasked: string | null;
  hasSecret: boolean;
  addresses: string[] | null;
  categories: string[];
};

describe('notification channels', () => {
  let dingId = '';

  it('creates robots and e-mail lists; the URL key and the secret never come back', async () => {
    const wecom = await t.admin.post('/api/notification-channels', {
      kind: 'wecom',
      name: '后勤保障群',
      webhookUrl: WECOM_URL,
      categories: ['maintenance'],
    });
    expect(wecom.statusCode).toBe(201);
    expect(wecom.json()).toMatchObject({
      kind: 'wecom',
      enabled: true,
      hasSecret: false,
      addresses: null,
      categories: ['maintenance'],
      webhookUrlMasked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    });
    const ding = await t.admin.post('/api/notification-channels', {
      kind: 'dingtalk',
      name: '钉钉值班群',
      webhookUrl: DING_URL,
      secret: DING_SECRET,
    });
    expect(ding.statusCode).toBe(201);
    dingId = ding.json<ChannelDto>().id;
    expect(ding.json<ChannelDto>().hasSecret).toBe(true);
    expect(ding.body).not.toContain(DING_SECRET);
    expect(ding.body).not.toContain('a1b2c3d4e5f6');
    const feishu = await t.admin.post('/api/notification-channels', {
      kind: 'feishu',
      name: '飞书通知群',
      webhookUrl: FEISHU_URL,
    });
    expect(feishu.json<ChannelDto>().webhookUrlMasked).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/2d6c…',
    );
    const email = await t.admin.post('/api/notification-channels', {
      kind: 'email',
      name: '科长邮箱',
      addresses: ['kezhang@example.org'],
      enabled: false,
    });
    expect(email.json()).toMatchObject({
      addresses: ['kezhang@example.org'],
      enabled: false,
      webhookUrlMasked: null,
    });
    const list = await t.admin.get('/api/notification-channels');
    expect(list.json<ChannelDto[]>().map((c) => c.name)).toHaveLength(4);
    expect(list.body).not.toContain(DING_SECRET);
  });

  it('audits changes without the secret or the URL key', async () => {
    const audit = await t.admin.get(
      `/api/audit?entityType=notification_channel&entityId=${dingId}`,
    );
    expect(audit.json().total).toBe(1);
    expect(audit.body).not.toContain(DING_SECRET);
    expect(audit.body).not.toContain('a1b2c3d4e5f6');
  });

  it('refuses bad input with field errors', async () => {
    const ftp = await t.admin.post('/api/notification-channels', {
      kind: 'wecom',
      name: 'x',
      webhookUrl: 'ftp://example.org/hook',
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().error.code).toBe('VALIDATION_FAILED');
    expect(ftp.json().error.details).toContainEqual({
      path: 'webhookUrl',
      message: 'Webhook 地址须为 http:// 或 https:// 开头的网址',
    });
    const cases = [
      { kind: 'wecom', name: 'x', webhookUrl: WECOM_URL, secret: 'wecom robots do not sign' },
      { kind: 'sms', name: 'x', webhookUrl: WECOM_URL },
      { kind: 'email', name: 'x', addresses: ['not-an-address'] },
      { kind: 'email', name: 'x', addresses: [] },
      { kind: 'feishu', name: '', webhookUrl: FEISHU_URL },
      { kind: 'feishu', name: 'x', webhookUrl: FEISHU_URL, extra: 1 },
    ];
    for (const body of cases) {
      const res = await t.admin.post('/api/notification-channels', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const dup = await t.admin.post('/api/notification-channels', {
      kind: 'wecom',
      name: '后勤保障群',
      webhookUrl: WECOM_URL,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('后勤保障群');
  });

  it('updates name, state and secret; refuses fields of another kind', async () => {
    const res = await t.admin.patch(`/api/notification-channels/${dingId}`, {
      name: '钉钉夜班群',
      enabled: false,
      secret: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '钉钉夜班群', enabled: false, hasSecret: false });
    const wrong = await t.admin.patch(`/api/notification-channels/${dingId}`, {
      addresses: ['a@example.org'],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('BAD_REQUEST');
    const kind = await t.admin.patch(`/api/notification-channels/${dingId}`, { kind: 'feishu' });
    expect(kind.statusCode).toBe(400);
    const url = await t.admin.patch(`/api/notification-channels/${dingId}`, {
      webhookUrl: 'javascript:alert(1)',
    });
    expect(url.statusCode).toBe(400);
  });

  it('deletes, then answers 404', async () => {
    expect((await t.admin.delete(`/api/notification-channels/${dingId}`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/notification-channels/${dingId}`)).statusCode).toBe(404);
    expect((await t.admin.delete(`/api/notification-channels/${dingId}`)).statusCode).toBe(404);
  });

  it('a test e-mail without SMTP configured answers 422', async () => {
    const list = (await t.admin.get('/api/notification-channels')).json<ChannelDto[]>();
    const email = list.find((c) => c.kind === 'email')!;
    const res = await t.admin.post(`/api/notification-channels/${email.id}/test`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('SMTP_URL');
  });

  it('needs notify:manage; staff get 403', async () => {
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await staff.get('/api/notification-channels')).statusCode).toBe(403);
    expect((await staff.get('/api/notification-deliveries')).statusCode).toBe(403);
    const manager = await buildUser(t, { roleKey: 'manager' });
    expect((await manager.get('/api/notification-channels')).statusCode).toBe(200);
  });
});

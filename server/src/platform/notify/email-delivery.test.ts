import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { deliverPending } from './deliver.ts';
import { notify } from './notify.ts';
import { startSmtpServer } from './test-receivers.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const FROM = 'Houqin 后勤 <houqin@hospital.example>';
const T0 = new Date('2026-04-01T00:00:00.000Z');

/** A staff account linked to a person record with this e-mail (or none). */
async function staffWithEmail(email: string | undefined): Promise<Agent> {
  const person = await buildPerson(t.admin, email ? { email } : {});
  const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
  const staff = roles.find((r) => r.key === 'staff')!;
  const username = `p${person.employeeNo.toLowerCase()}`;
  const res = await t.admin.post('/api/users', {
    username,
    password: 'user-pass-123',
    displayName: person.name,
    personId: person.id,
    grants: [{ roleId: staff.id, siteId: null }],
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return t.login(username, 'user-pass-123');
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    env: { SMTP_URL: smtp.url, SMTP_FROM: FROM, PUBLIC_URL: 'https://hq.example.org' },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const deps = () => ({ db: t.db, config: t.config });

describe('e-mail', () => {
  it('mails each recipient’s person e-mail and the e-mail channels’ addresses', async () => {
    const wang = await staffWithEmail('wang.shifu@hospital.example');
    const noMail = await staffWithEmail(undefined);
    const channel = await t.admin.post('/api/notification-channels', {
      kind: 'email',
      name: '后勤科长',
      addresses: ['kezhang@hospital.example', 'WANG.SHIFU@hospital.example'],
    });
    expect(channel.statusCode).toBe(201);

    const result = await notify(
      t.db,
      t.config,
      {
        orgId: t.orgId,
        userIds: [wang.userId, noMail.userId],
        title: '您有新的维修工单：WX-2026-000042',
        body: '门诊楼2层卫生间水龙头漏水，请尽快处理。',
        link: '/maintenance/orders/42',
      },
      T0,
    );
    // Two inbox rows; two e-mails (the duplicate address is mailed once).
    expect(result.notificationIds).toHaveLength(2);
    expect(result.deliveryIds).toHaveLength(2);
    expect(await deliverPending(deps(), T0)).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(smtp.mails).toHaveLength(2);
    const toWang = smtp.mails.find((m) => m.to.includes('wang.shifu@hospital.example'))!;
    expect(toWang.subject).toBe('您有新的维修工单：WX-2026-000042');
    expect(toWang.from).toBe('houqin@hospital.example');
    expect(smtp.mails.map((m) => m.to)).toContainEqual(['kezhang@hospital.example']);

    const log = await t.admin.get('/api/notification-deliveries');
    const items = log.json<{ items: { kind: string; target: string; status: string }[] }>().items;
    expect(items.map((i) => [i.kind, i.status])).toEqual([
      ['email', 'sent'],
      ['email', 'sent'],
    ]);
  });

  it('a refused recipient stays pending with the server’s answer, for a retry', async () => {
    const reject = await staffWithEmail('reject-me@hospital.example');
    const at = new Date(T0.getTime() + 3600_000);
    const { deliveryIds } = await notify(
      t.db,
      t.config,
      { orgId: t.orgId, userIds: [reject.userId], title: '提醒', body: '…', channels: 'all' },
      at,
    );
    // The e-mail channel from the first test gets it too.
    expect(deliveryIds).toHaveLength(3);
    expect(await deliverPending(deps(), at)).toEqual({ sent: 2, retrying: 1, failed: 0 });
    const pending = await t.admin.get('/api/notification-deliveries?status=pending');
    const [row] = pending.json<{
      items: { target: string; lastError: string; nextAttemptAt: string }[];
    }>().items;
    expect(row!.target).toBe('reject-me@hospital.example');
    expect(row!.lastError).toContain('550');
    expect(row!.nextAttemptAt).toBe(new Date(at.getTime() + 60_000).toISOString());
  });

  it('channels: none keeps a notification to the inbox', async () => {
    const li = await staffWithEmail('li@hospital.example');
    const { deliveryIds } = await notify(t.db, t.config, {
      orgId: t.orgId,
      userIds: [li.userId],
      title: '仅站内',
      body: '…',
      channels: 'none',
    });
    expect(deliveryIds).toEqual([]);
    expect((await li.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('"send a test" mails every address of an e-mail channel at once', async () => {
    const before = smtp.mails.length;
    const channels = (await t.admin.get('/api/notification-channels')).json<{ id: string }[]>();
    const res = await t.admin.post(`/api/notification-channels/${channels[0]!.id}/test`);
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(smtp.mails.length - before).toBe(2);
    expect(smtp.mails.at(-1)!.subject).toBe('Houqin 测试消息 / Test message');
  });
});

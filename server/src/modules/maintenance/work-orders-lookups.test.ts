import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildPerson, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let site: { id: string };
let room: { id: string };
let dispatcher: Agent;
let staff: Agent;

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin, { code: 'CB1', name: '本部' });
  room = await buildLocation(t.admin, { siteId: site.id });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
  staff = await buildUser(t, { roleKey: 'staff', username: 'callerstaff' });
});
afterAll(() => t.close());

type Caller = {
  userId: string | null;
  personId: string | null;
  name: string;
  phone: string | null;
};

describe('lookups for dispatchers: callers (phone-in) and technicians (assign)', () => {
  it('finds staff records (with their account) and accounts by name or phone, for dispatchers only', async () => {
    const person = await buildPerson(t.admin, { name: '电话张三', phone: '13900001111' });
    // Link an account to the person: the order then reaches the caller's own list.
    const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
    const staffRole = roles.find((r) => r.key === 'staff')!;
    const account = await t.admin.post('/api/users', {
      username: 'zhangsan.phone',
      password: 'user-pass-123',
      displayName: '电话张三',
      personId: person.id,
      grants: [{ roleId: staffRole.id, siteId: null }],
    });
    expect(account.statusCode, account.body).toBe(201);
    const userId = account.json<{ id: string }>().id;

    const byName = await dispatcher.get('/api/maintenance/callers?q=张三');
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json<Caller[]>()).toEqual([
      expect.objectContaining({ personId: person.id, userId, phone: '13900001111' }),
    ]);
    const byPhone = (await dispatcher.get('/api/maintenance/callers?q=0000111')).json<Caller[]>();
    expect(byPhone.map((c) => c.personId)).toEqual([person.id]);
    // Accounts without a staff record are found by name too.
    const plain = (await dispatcher.get('/api/maintenance/callers?q=callerstaff')).json<Caller[]>();
    expect(plain).toEqual([expect.objectContaining({ personId: null, name: 'callerstaff' })]);

    // A member of staff may not look people up.
    expect((await staff.get('/api/maintenance/callers?q=张三')).statusCode).toBe(403);
    expect((await dispatcher.get('/api/maintenance/callers?q=')).statusCode).toBe(400);

    // The dispatcher phones it in on the caller's behalf; the caller sees it as theirs.
    const categories = (await t.admin.get('/api/maintenance/categories')).json<{ id: string }[]>();
    const created = await dispatcher.post('/api/maintenance/work-orders', {
      locationId: room.id,
      categoryId: categories[0]!.id,
      description: '电话报修：灯不亮',
      source: 'phone',
      requesterUserId: userId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json<{ source: string; requester: { userId: string; phone: string } }>();
    expect(order.source).toBe('phone');
    expect(order.requester).toMatchObject({ userId, phone: '13900001111' });
  });

  it('lists the technicians of a site with their open orders, for its dispatchers', async () => {
    const other = await buildSite(t.admin, { code: 'CB2', name: '西院' });
    const tech = await buildUser(t, {
      roleKey: 'technician',
      siteId: site.id,
      username: 'tech.cb1',
    });
    await buildUser(t, { roleKey: 'technician', siteId: other.id, username: 'tech.cb2' });
    const categories = (await t.admin.get('/api/maintenance/categories')).json<{ id: string }[]>();
    const order = (
      await staff.post('/api/maintenance/work-orders', {
        locationId: room.id,
        categoryId: categories[0]!.id,
        description: '门锁坏了',
      })
    ).json<{ id: string }>();
    const assigned = await dispatcher.post(`/api/maintenance/work-orders/${order.id}/assign`, {
      assigneeUserId: tech.userId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const res = await dispatcher.get(`/api/maintenance/technicians?siteId=${site.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<{ id: string; name: string; openOrders: number }[]>();
    expect(list.find((x) => x.name === 'tech.cb1')).toEqual({
      id: tech.userId,
      name: 'tech.cb1',
      openOrders: 1,
    });
    // Technicians of another site are not offered; nor may this dispatcher ask about it.
    expect(list.map((x) => x.name)).not.toContain('tech.cb2');
    expect(
      (await dispatcher.get(`/api/maintenance/technicians?siteId=${other.id}`)).statusCode,
    ).toBe(403);
    expect((await staff.get(`/api/maintenance/technicians?siteId=${site.id}`)).statusCode).toBe(
      403,
    );
  });
});

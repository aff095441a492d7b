import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildPerson, buildSite } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Role = { id: string; key: string; userCount: number };
type UserItem = { username: string; personName: string | null };
const names = (body: { items: UserItem[] }) => body.items.map((u) => u.username);

describe('the account list', () => {
  it('filters by role, site, status and text, sorts, and names the linked person', async () => {
    const west = await buildSite(t.admin, { name: '西院区' });
    const east = await buildSite(t.admin, { name: '东院区' });
    const roles = (await t.admin.get('/api/roles')).json<Role[]>();
    const tech = roles.find((r) => r.key === 'technician')!;
    const staff = roles.find((r) => r.key === 'staff')!;
    const person = await buildPerson(t.admin, { name: '王师傅' });
    const make = async (username: string, grants: unknown[], extra: object = {}) => {
      const res = await t.admin.post('/api/users', {
        username,
        password: 'list-pass-123',
        displayName: username.toUpperCase(),
        grants,
        ...extra,
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string }>();
    };
    await make('lst-west-tech', [{ roleId: tech.id, siteId: west.id }], { personId: person.id });
    await make('lst-east-tech', [{ roleId: tech.id, siteId: east.id }]);
    await make('lst-all-staff', [{ roleId: staff.id, siteId: null }]);
    const off = await make('lst-off', [{ roleId: staff.id, siteId: west.id }]);
    await t.admin.patch(`/api/users/${off.id}`, { active: false });

    const get = async (qs: string) => (await t.admin.get(`/api/users?q=lst-&${qs}`)).json();

    expect(names(await get(`roleId=${tech.id}`))).toEqual(['lst-east-tech', 'lst-west-tech']);
    // A site filter includes organisation-wide grants, which cover every site.
    expect(names(await get(`siteId=${west.id}`))).toEqual([
      'lst-all-staff',
      'lst-off',
      'lst-west-tech',
    ]);
    // Role and site together: one grant of that role covering that site.
    expect(names(await get(`roleId=${tech.id}&siteId=${west.id}`))).toEqual(['lst-west-tech']);
    expect(names(await get(`roleId=${staff.id}&siteId=${east.id}`))).toEqual(['lst-all-staff']);
    expect(names(await get('active=false'))).toEqual(['lst-off']);
    expect(names(await get('sort=username&order=desc'))).toEqual([
      'lst-west-tech',
      'lst-off',
      'lst-east-tech',
      'lst-all-staff',
    ]);
    const linked = (await get(`roleId=${tech.id}&siteId=${west.id}`)).items[0];
    expect(linked.personName).toBe('王师傅');
    expect((await get('active=true')).total).toBe(3);
    expect((await t.admin.get('/api/users?sort=password_hash')).statusCode).toBe(400);
    expect((await t.admin.get('/api/users?roleId=nope')).statusCode).toBe(400);

    // The role list says how many accounts hold each role (deleting it ends their grants).
    const after = (await t.admin.get('/api/roles')).json<Role[]>();
    expect(after.find((r) => r.key === 'technician')!.userCount).toBe(2);
    expect(after.find((r) => r.key === 'admin')!.userCount).toBe(1);
  });

  it('refuses a custom role without permissions or with a malformed key, in both languages', async () => {
    const empty = await t.admin.post('/api/roles', {
      key: 'empty_role',
      name: '空',
      permissions: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('请至少选择一项权限');
    const badKey = await t.admin.request({
      method: 'POST',
      url: '/api/roles',
      payload: { key: 'Bad Key', name: 'x', permissions: ['people:read'] },
      headers: { 'accept-language': 'en' },
    });
    expect(badKey.statusCode).toBe(400);
    expect(JSON.stringify(badKey.json())).toContain('must start with a lower-case letter');
  });
});

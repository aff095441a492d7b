import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../modules/org/index.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import {
  buildDepartment,
  buildLocation,
  buildPerson,
  buildSite,
  buildUser,
} from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const fillParams = (url: string) =>
  url
    .replace(/:token/g, 'AAAAAAAAAAAAAAAA')
    .replace(/:(\w+)/g, '0190f3a0-0000-7000-8000-000000000000');

describe('every route declares who may call it', () => {
  it('has an auth declaration on every /api route', () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(20);
    const undeclared = api.filter((r) => !r.auth);
    expect(undeclared).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const guarded = t.routes.filter(
      (r) => r.url.startsWith('/api/') && r.auth && r.auth !== 'public' && r.method !== 'HEAD',
    );
    for (const r of guarded) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fillParams(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
    }
  });

  it('answers 403 to a signed-in user without the permission on every permission route', async () => {
    const created = await t.admin.post('/api/users', {
      username: 'nobody',
      password: 'nobody-pass-1',
      displayName: '无权限',
    });
    expect(created.statusCode).toBe(201);
    const nobody = await t.login('nobody', 'nobody-pass-1');
    const guarded = t.routes.filter(
      (r) => r.url.startsWith('/api/') && r.auth?.includes(':') && r.method !== 'HEAD',
    );
    for (const r of guarded) {
      const res = await nobody.request({
        method: r.method as 'GET',
        url: fillParams(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 403,
      });
    }
    expect((await nobody.get('/api/me')).statusCode).toBe(200);
  });
});

describe('organisations are isolated', () => {
  let other: Agent;
  let ids: { site: string; location: string; department: string; person: string; user: string };

  beforeAll(async () => {
    await t.db.transaction().execute((tx) =>
      createOrganization(
        tx,
        {
          organization: { name: '另一家医院' },
          admin: { username: 'other-admin', password: 'other-pass-1', name: '他院管理员' },
        },
        { requestId: null, ip: null, audit: { count: 0 }, defaultTimeZone: 'Asia/Shanghai' },
      ),
    );
    other = await t.login('other-admin', 'other-pass-1');
    const site = await buildSite(other);
    const location = await buildLocation(other, { siteId: site.id });
    const department = await buildDepartment(other);
    const person = await buildPerson(other, { departmentId: department.id });
    ids = {
      site: site.id,
      location: location.id,
      department: department.id,
      person: person.id,
      user: other.userId,
    };
  });

  it('answers 404 when reading or changing another organisation’s records by id', async () => {
    const reads = [
      `/api/sites/${ids.site}`,
      `/api/locations/${ids.location}`,
      `/api/departments/${ids.department}`,
      `/api/people/${ids.person}`,
      `/api/users/${ids.user}`,
    ];
    for (const url of reads)
      expect({ url, status: (await t.admin.get(url)).statusCode }).toEqual({ url, status: 404 });
    expect((await t.admin.patch(`/api/people/${ids.person}`, { name: '改名' })).statusCode).toBe(
      404,
    );
    expect(
      (await t.admin.patch(`/api/locations/${ids.location}`, { name: '改名' })).statusCode,
    ).toBe(404);
    expect((await t.admin.delete(`/api/people/${ids.person}`)).statusCode).toBe(404);
    expect(
      (await t.admin.post(`/api/users/${ids.user}/reset-password`, { password: 'hijacked-1' }))
        .statusCode,
    ).toBe(404);
    // …and the other organisation's data is untouched.
    expect((await other.get(`/api/people/${ids.person}`)).json().name).not.toBe('改名');
  });

  it('refuses references into another organisation', async () => {
    expect(
      (
        await t.admin.post('/api/people', {
          employeeNo: 'X-1',
          name: '甲',
          departmentId: ids.department,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.admin.post('/api/locations', {
          siteId: ids.site,
          type: 'building',
          code: 'B1',
          name: '楼',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lists only its own records', async () => {
    const people = (await t.admin.get('/api/people?pageSize=200')).json();
    expect(people.items.map((p: { id: string }) => p.id)).not.toContain(ids.person);
    const sites = (await t.admin.get('/api/sites')).json();
    expect(sites.map((s: { id: string }) => s.id)).not.toContain(ids.site);
    const audit = (await t.admin.get('/api/audit?pageSize=200')).json();
    expect(audit.items.map((a: { entityId: string }) => a.entityId)).not.toContain(ids.person);
  });
});

describe('site-scoped grants', () => {
  it('lets a user see and change only their site’s locations', async () => {
    const west = await buildSite(t.admin, { name: '西院区' });
    const east = await buildSite(t.admin, { name: '东院区' });
    const westBuilding = await buildLocation(t.admin, { siteId: west.id });
    const eastBuilding = await buildLocation(t.admin, { siteId: east.id });

    const tech = await buildUser(t, { roleKey: 'technician', siteId: west.id });
    const list = (await tech.get('/api/locations?pageSize=200')).json();
    expect(list.items.map((l: { siteId: string }) => l.siteId)).toEqual(
      list.items.map(() => west.id),
    );
    expect(list.items.map((l: { id: string }) => l.id)).toContain(westBuilding.id);
    expect((await tech.get(`/api/locations/${eastBuilding.id}`)).statusCode).toBe(404);
    expect((await tech.get(`/api/locations/by-qr/${eastBuilding.qrToken}`)).statusCode).toBe(404);
    expect((await tech.get(`/api/locations/by-qr/${westBuilding.qrToken}`)).json().id).toBe(
      westBuilding.id,
    );
    expect((await tech.get('/api/sites')).json().map((s: { id: string }) => s.id)).toEqual([
      west.id,
    ]);

    // A manager granted at the west site only cannot build at the east site.
    const westManager = await buildUser(t, { roleKey: 'manager', siteId: west.id });
    expect(
      (
        await westManager.post('/api/locations', {
          siteId: east.id,
          type: 'building',
          code: 'E-NEW',
          name: '新楼',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await westManager.post('/api/locations', {
          siteId: west.id,
          type: 'building',
          code: 'W-NEW',
          name: '新楼',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await westManager.patch(`/api/locations/${eastBuilding.id}`, { name: '改' })).statusCode,
    ).toBe(404);
    // Creating a site is an organisation-level decision.
    expect(
      (await westManager.post('/api/sites', { code: 'NEWSITE', name: '新院区' })).statusCode,
    ).toBe(403);
  });

  it('stops access at once when a grant is revoked', async () => {
    const site = await buildSite(t.admin);
    const tech = await buildUser(t, { roleKey: 'technician', siteId: site.id });
    expect((await tech.get('/api/locations')).statusCode).toBe(200);
    const user = (await t.admin.get(`/api/users/${tech.userId}`)).json();
    const res = await t.admin.delete(`/api/users/${tech.userId}/grants/${user.grants[0].id}`);
    expect(res.statusCode).toBe(200);
    expect((await tech.get('/api/locations')).statusCode).toBe(403);
  });
});

describe('custom roles', () => {
  it('are data: create, grant, use, and unknown permissions are refused', async () => {
    const bad = await t.admin.post('/api/roles', {
      key: 'bad_role',
      name: '坏角色',
      permissions: ['nope:nothing'],
    });
    expect(bad.statusCode).toBe(400);
    const role = await t.admin.post('/api/roles', {
      key: 'hr_clerk',
      name: '人事专员',
      permissions: ['people:read', 'people:manage'],
    });
    expect(role.statusCode).toBe(201);
    await t.admin.post('/api/users', {
      username: 'clerk',
      password: 'clerk-pass-1',
      displayName: '专员',
      grants: [{ roleId: role.json().id, siteId: null }],
    });
    const clerk = await t.login('clerk', 'clerk-pass-1');
    expect(
      (await clerk.post('/api/people', { employeeNo: 'HR-1', name: '新员工' })).statusCode,
    ).toBe(201);
    expect((await clerk.get('/api/locations')).statusCode).toBe(403);
    const builtin = (await t.admin.get('/api/roles'))
      .json()
      .find((r: { key: string }) => r.key === 'admin');
    expect((await t.admin.patch(`/api/roles/${builtin.id}`, { name: 'x' })).statusCode).toBe(409);
  });
});

describe('no privilege escalation', () => {
  it('a site-level grant does not open organisation-wide records', async () => {
    const site = await buildSite(t.admin);
    const person = await buildPerson(t.admin);
    const siteManager = await buildUser(t, { roleKey: 'manager', siteId: site.id });
    expect((await siteManager.patch(`/api/people/${person.id}`, { name: '改' })).statusCode).toBe(
      403,
    );
    expect((await siteManager.delete(`/api/people/${person.id}`)).statusCode).toBe(403);
    const channel = await siteManager.post('/api/notification-channels', {
      kind: 'wecom',
      name: '群',
      config: { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' },
    });
    expect(channel.statusCode).toBe(403);
    const siteAuditor = await buildUser(t, { roleKey: 'auditor', siteId: site.id });
    expect((await siteAuditor.get('/api/audit')).statusCode).toBe(403);
    // …while the site's own locations are theirs to manage.
    const made = await siteManager.post('/api/locations', {
      siteId: site.id,
      type: 'building',
      code: 'SM-1',
      name: '楼',
    });
    expect(made.statusCode).toBe(201);
  });

  it('an account manager who is not an administrator cannot make themselves one', async () => {
    const role = await t.admin.post('/api/roles', {
      key: 'account_clerk',
      name: '账号管理员',
      permissions: ['users:read', 'users:manage', 'people:read'],
    });
    expect(role.statusCode).toBe(201);
    await t.admin.post('/api/users', {
      username: 'clerk2',
      password: 'clerk2-pass-1',
      displayName: '账号管理员',
      grants: [{ roleId: role.json().id, siteId: null }],
    });
    const clerk = await t.login('clerk2', 'clerk2-pass-1');
    const roles = (await clerk.get('/api/roles')).json();
    const admin = roles.find((r: { key: string }) => r.key === 'admin');
    const selfGrant = await clerk.post(`/api/users/${clerk.userId}/grants`, {
      roleId: admin.id,
      siteId: null,
    });
    expect(selfGrant.statusCode).toBe(403);
    expect(selfGrant.json().error.code).toBe('PRIVILEGE_ESCALATION');
    const bigRole = await clerk.post('/api/roles', {
      key: 'sneaky',
      name: '偷偷',
      permissions: ['audit:read'],
    });
    expect(bigRole.statusCode).toBe(403);
    const reset = await clerk.post(`/api/users/${t.admin.userId}/reset-password`, {
      password: 'taken-over-1',
    });
    expect(reset.statusCode).toBe(403);
    const token = await clerk.post(`/api/users/${t.admin.userId}/tokens`, { name: 'x' });
    expect(token.statusCode).toBe(403);
    // The admin's password still works.
    expect((await t.login('admin', 'admin-pass-1')).userId).toBe(t.admin.userId);
  });

  it('API tokens go to one’s own account or a service account, and a reset revokes them', async () => {
    const person = await buildPerson(t.admin, { name: '真人' });
    const human = await t.admin.post('/api/users', {
      username: 'human',
      password: 'human-pass-1',
      displayName: '真人',
      personId: person.id,
    });
    const forHuman = await t.admin.post(`/api/users/${human.json().id}/tokens`, { name: 'x' });
    expect(forHuman.statusCode).toBe(403);
    const service = await t.admin.post('/api/users', {
      username: 'energy-meter-sync',
      password: 'service-pass-1',
      displayName: '能耗接口',
    });
    const issued = await t.admin.post(`/api/users/${service.json().id}/tokens`, { name: '抄表' });
    expect(issued.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${issued.json().token}` };
    expect((await t.app.inject({ url: '/api/me', headers: bearer })).statusCode).toBe(200);
    await t.admin.post(`/api/users/${service.json().id}/reset-password`, {
      password: 'service-pass-2',
    });
    expect((await t.app.inject({ url: '/api/me', headers: bearer })).statusCode).toBe(401);
  });
});

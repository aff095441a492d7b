import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildPerson, buildSite } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('account administration', () => {
  it('creates an account linked to a person with a site grant, and lists it', async () => {
    const person = await buildPerson(t.admin, { name: '李师傅' });
    const site = await buildSite(t.admin);
    const roles = (await t.admin.get('/api/roles')).json();
    const tech = roles.find((r: { key: string }) => r.key === 'technician');
    expect(tech.builtin).toBe(true);
    expect(tech.permissions).toContain('locations:read');
    const res = await t.admin.post('/api/users', {
      username: 'Li.Shifu',
      password: 'li-pass-123',
      displayName: '李师傅',
      personId: person.id,
      grants: [{ roleId: tech.id, siteId: site.id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'li.shifu', personId: person.id, active: true });
    expect(res.json().grants[0]).toMatchObject({ roleKey: 'technician', siteId: site.id });
    const list = (await t.admin.get('/api/users?q=li.shi')).json();
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(['li.shifu']);
    // Usernames are case-insensitive and unique.
    const dup = await t.admin.post('/api/users', {
      username: 'LI.SHIFU',
      password: 'another-pass',
      displayName: 'x',
    });
    expect(dup.statusCode).toBe(409);
    // The user signs in with any case.
    const me = (await (await t.login('LI.shifu', 'li-pass-123')).get('/api/me')).json();
    expect(
      me.permissions.find((p: { permission: string }) => p.permission === 'locations:read'),
    ).toEqual({
      permission: 'locations:read',
      orgWide: false,
      sites: [site.id],
    });
  });

  it('disabling an account signs it out everywhere and blocks sign-in', async () => {
    await t.admin.post('/api/users', {
      username: 'leaver',
      password: 'leaver-pass-1',
      displayName: '离职',
    });
    const leaver = await t.login('leaver', 'leaver-pass-1');
    const res = await t.admin.patch(`/api/users/${leaver.userId}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect((await leaver.get('/api/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leaver', password: 'leaver-pass-1' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('an admin cannot disable their own account', async () => {
    const res = await t.admin.patch(`/api/users/${t.admin.userId}`, { active: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('不能停用自己的账号');
  });

  it('validates usernames and passwords with readable messages', async () => {
    const res = await t.admin.post('/api/users', {
      username: '张 三',
      password: 'short',
      displayName: 'x',
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toContain('用户名只能包含字母、数字和 _ . @ -');
    expect(messages).toContain('密码至少 8 位');
  });
});

describe('my own preferences', () => {
  it('changes my language and name, audited, and only mine', async () => {
    await t.admin.post('/api/users', {
      username: 'prefs',
      password: 'prefs-pass-1',
      displayName: '偏好',
    });
    const me = await t.login('prefs', 'prefs-pass-1');
    const res = await me.patch('/api/me', { locale: 'en-US', displayName: 'Prefs' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locale: 'en-US', displayName: 'Prefs' });
    expect((await me.get('/api/me')).json().user.locale).toBe('en-US');
    expect((await me.patch('/api/me', { locale: 'fr-FR' })).statusCode).toBe(400);
    expect((await me.patch('/api/me', { active: false })).statusCode).toBe(400);
    const audit = (
      await t.admin.get(`/api/audit?entityId=${me.userId}&action=update_profile`)
    ).json();
    expect(audit.items[0].after).toEqual({ locale: 'en-US', displayName: 'Prefs' });
  });
});

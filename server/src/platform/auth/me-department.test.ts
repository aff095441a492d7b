import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildDepartment, buildPerson, buildUser } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/me: the department of the account’s staff record', () => {
  it('answers the department of the linked person, and null without one', async () => {
    const dept = await buildDepartment(t.admin, { name: '总务科' });
    const person = await buildPerson(t.admin, { departmentId: dept.id });
    const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
    const res = await t.admin.post('/api/users', {
      username: 'me.dept',
      password: 'me-dept-123',
      displayName: '科长',
      personId: person.id,
      grants: [{ roleId: roles.find((r) => r.key === 'dept_head')!.id, siteId: null }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const me = (await (await t.login('me.dept', 'me-dept-123')).get('/api/me')).json();
    expect(me).toMatchObject({ departmentId: dept.id, departmentName: '总务科' });

    const unlinked = await buildUser(t, { roleKey: 'staff' });
    expect((await unlinked.get('/api/me')).json()).toMatchObject({
      departmentId: null,
      departmentName: null,
    });
  });
});

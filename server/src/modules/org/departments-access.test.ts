import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('department list for people of one site', () => {
  it('lets a member of staff granted at one site read the organisation’s departments', async () => {
    const site = await buildSite(t.admin);
    const ward = await buildDepartment(t.admin, { name: '心内科病区' });
    const staff = await buildUser(t, { roleKey: 'staff', siteId: site.id });
    const list = await staff.get('/api/departments?pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((d) => d.id)).toContain(ward.id);
    expect((await staff.get(`/api/departments/${ward.id}`)).statusCode).toBe(200);
    // Reading is all: creating one still needs departments:manage.
    expect((await staff.post('/api/departments', { name: '新科室' })).statusCode).toBe(403);
  });
});

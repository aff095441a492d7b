import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildSite, buildUser, type Site } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { next } from './test-kit.ts';

let t: TestApp;
let site: Site;
let elsewhere: Site;
beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  elsewhere = await buildSite(t.admin);
});
afterAll(async () => t.close());

type Person = { id: string; name: string; employeeNo: string; departmentName: string | null };

async function department(siteId: string | null) {
  const n = next();
  const res = await t.admin.post('/api/departments', { code: `PD${n}`, name: `科${n}`, siteId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; name: string }>();
}

describe('people lookup of asset operations (GET /api/assets/people)', () => {
  it("finds people of the approver's sites and of shared departments, not of other sites", async () => {
    const tag = next();
    const here = await department(site.id);
    const shared = await department(null);
    const there = await department(elsewhere.id);
    const a = await buildPerson(t.admin, { name: `赔偿甲${tag}`, departmentId: here.id });
    const b = await buildPerson(t.admin, { name: `赔偿乙${tag}`, departmentId: shared.id });
    const c = await buildPerson(t.admin, { name: `赔偿丙${tag}`, departmentId: null });
    await buildPerson(t.admin, { name: `赔偿丁${tag}`, departmentId: there.id });

    // The built-in leader role: *:read, *:approve — no people:read, granted at one site.
    const approver = await buildUser(t, { roleKey: 'leader', siteId: site.id });
    expect((await approver.get(`/api/people?q=${tag}`)).statusCode).toBe(403);
    const res = await approver.get(`/api/assets/people?q=${encodeURIComponent(tag)}`);
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json<Person[]>();
    expect(found.map((p) => p.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(found.find((p) => p.id === a.id)).toMatchObject({
      employeeNo: a.employeeNo,
      departmentName: here.name,
    });
    // By staff number too.
    const byNo = (await approver.get(`/api/assets/people?q=${a.employeeNo}`)).json<Person[]>();
    expect(byNo.map((p) => p.id)).toEqual([a.id]);
    // The organisation-wide administrator sees everyone.
    const all = (await t.admin.get(`/api/assets/people?q=${encodeURIComponent(tag)}`)).json();
    expect(all).toHaveLength(4);
  });

  it('refuses users who neither manage nor approve assets', async () => {
    const staff = await buildUser(t, { roleKey: 'staff', siteId: site.id });
    expect((await staff.get('/api/assets/people?q=赔偿')).statusCode).toBe(403);
    const head = await buildUser(t, { roleKey: 'dept_head', siteId: site.id });
    expect((await head.get('/api/assets/people')).statusCode).toBe(403);
  });
});

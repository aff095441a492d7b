import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildDepartment, buildLocation, buildPerson, buildSite } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('location tree', () => {
  it('builds site → building → floor → room with paths and QR tokens', async () => {
    const site = await buildSite(t.admin, { code: 'WEST', name: '西院区' });
    const building = await buildLocation(t.admin, {
      siteId: site.id,
      type: 'building',
      code: 'MZ',
      name: '门诊楼',
    });
    const floor = await buildLocation(t.admin, {
      siteId: site.id,
      parentId: building.id,
      type: 'floor',
      code: 'MZ-3F',
      name: '3F',
    });
    const room = await buildLocation(t.admin, {
      siteId: site.id,
      parentId: floor.id,
      type: 'room',
      code: 'MZ-301',
      name: '301',
      areaM2: 24.5,
    });
    expect(room.path).toBe('门诊楼 / 3F / 301');
    expect(room.qrToken).toMatch(/^[\w-]{20,}$/);
    const children = (await t.admin.get(`/api/locations?parentId=${floor.id}`)).json();
    expect(children.items.map((l: { code: string }) => l.code)).toEqual(['MZ-301']);
    const search = (
      await t.admin.get(`/api/locations?q=${encodeURIComponent('门诊')}&siteId=${site.id}`)
    ).json();
    expect(search.items.map((l: { code: string }) => l.code)).toEqual(['MZ']);
    const byQr = await t.admin.get(`/api/locations/by-qr/${room.qrToken}`);
    expect(byQr.json().id).toBe(room.id);
    const renewed = (await t.admin.post(`/api/locations/${room.id}/regenerate-qr`)).json();
    expect(renewed.qrToken).not.toBe(room.qrToken);
    expect((await t.admin.get(`/api/locations/by-qr/${room.qrToken}`)).statusCode).toBe(404);
  });

  it('enforces the tree rules: types, same site, no loops, unique codes', async () => {
    const site = await buildSite(t.admin);
    const other = await buildSite(t.admin);
    const b = await buildLocation(t.admin, { siteId: site.id, type: 'building', code: 'B' });
    const f = await buildLocation(t.admin, {
      siteId: site.id,
      parentId: b.id,
      type: 'floor',
      code: 'F',
    });
    const floorAtRoot = await t.admin.post('/api/locations', {
      siteId: site.id,
      type: 'floor',
      code: 'F2',
      name: '2F',
    });
    expect(floorAtRoot.statusCode).toBe(400);
    expect(floorAtRoot.json().error.message).toBe('楼层不能放在院区下');
    const crossSite = await t.admin.post('/api/locations', {
      siteId: other.id,
      parentId: b.id,
      type: 'floor',
      code: 'X',
      name: 'x',
    });
    expect(crossSite.statusCode).toBe(404);
    const dup = await t.admin.post('/api/locations', {
      siteId: site.id,
      type: 'building',
      code: 'B',
      name: '重复',
    });
    expect(dup.statusCode).toBe(409);
    const area = await buildLocation(t.admin, {
      siteId: site.id,
      parentId: f.id,
      type: 'area',
      code: 'A1',
    });
    const inner = await buildLocation(t.admin, {
      siteId: site.id,
      parentId: area.id,
      type: 'area',
      code: 'A2',
    });
    const loop = await t.admin.patch(`/api/locations/${area.id}`, { parentId: inner.id });
    expect(loop.statusCode).toBe(400);
    const deactivateParent = await t.admin.patch(`/api/locations/${b.id}`, { active: false });
    expect(deactivateParent.statusCode).toBe(409);
  });
});

describe('departments and people', () => {
  it('keeps a department tree and people in it', async () => {
    const parent = await buildDepartment(t.admin, { code: 'HQ', name: '后勤保障部' });
    const child = await buildDepartment(t.admin, {
      code: 'HQ-SD',
      name: '水电班',
      parentId: parent.id,
    });
    const person = await buildPerson(t.admin, {
      employeeNo: 'H0001',
      name: '王师傅',
      departmentId: child.id,
      phone: '138-0000-0001',
    });
    const got = (await t.admin.get(`/api/people/${person.id}`)).json();
    expect(got.departmentName).toBe('水电班');
    const loop = await t.admin.patch(`/api/departments/${parent.id}`, { parentId: child.id });
    expect(loop.statusCode).toBe(400);
    const list = (await t.admin.get(`/api/people?departmentId=${child.id}`)).json();
    expect(list.total).toBe(1);
    expect(
      (await t.admin.post('/api/people', { employeeNo: 'H0001', name: '重复' })).statusCode,
    ).toBe(409);
  });

  it('soft-deletes people: gone from lists, history kept in the audit log', async () => {
    const person = await buildPerson(t.admin, { name: '离职员工' });
    expect((await t.admin.delete(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    const audit = (await t.admin.get(`/api/audit?entityType=person&entityId=${person.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
    expect(audit.items[0].before.name).toBe('离职员工');
  });

  it('paginates and sorts on the server', async () => {
    const dep = await buildDepartment(t.admin);
    for (let i = 0; i < 5; i++)
      await buildPerson(t.admin, { employeeNo: `P-SORT-${i}`, departmentId: dep.id });
    const page = (
      await t.admin.get(
        `/api/people?departmentId=${dep.id}&pageSize=2&page=2&sort=employeeNo&order=desc`,
      )
    ).json();
    expect(page.total).toBe(5);
    expect(page.items.map((p: { employeeNo: string }) => p.employeeNo)).toEqual([
      'P-SORT-2',
      'P-SORT-1',
    ]);
  });
});

describe('organisation settings', () => {
  it('updates the calendar and validates time zones', async () => {
    const res = await t.admin.patch('/api/organization', {
      timezone: 'Asia/Urumqi',
      settings: {
        calendar: {
          workingDays: [1, 2, 3, 4, 5, 6],
          workStart: '08:00',
          workEnd: '18:00',
          holidays: ['2026-10-01'],
          extraWorkdays: [],
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings.calendar.workingDays).toHaveLength(6);
    expect(res.json().settings.fiscalYearStartMonth).toBe(1);
    const bad = await t.admin.patch('/api/organization', { timezone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('不是有效的时区');
  });
});

describe('precision', () => {
  it('keeps areas exactly on both databases', async () => {
    const site = await buildSite(t.admin);
    const room = await buildLocation(t.admin, {
      siteId: site.id,
      type: 'area',
      areaM2: 1234567.89,
    });
    expect((await t.admin.get(`/api/locations/${room.id}`)).json().areaM2).toBe(1234567.89);
  });
});

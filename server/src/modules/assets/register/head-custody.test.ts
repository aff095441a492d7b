import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes, upload } from '../../../platform/files/testing.ts';
import {
  buildDepartment,
  buildPerson,
  buildSite,
  type DepartmentDto,
  type Site,
} from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import type { Category } from './schema.ts';
import { buildAsset, buildCategory, userFor } from './test-kit.ts';

let t: TestApp;
let site: Site;
let cat: Category;
let own: DepartmentDto;
let other: DepartmentDto;
let head: Agent;

type Custody = {
  department: { id: string };
  items: { id: string }[];
  attachment: { entityType: string; entityId: string };
};

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  cat = await buildCategory(t.admin);
  own = await buildDepartment(t.admin);
  other = await buildDepartment(t.admin);
  const person = await buildPerson(t.admin, { departmentId: own.id });
  // A department head (built-in dept_head: *:request, *:sign) at the site, no assets:read.
  head = await userFor(t, { roleKey: 'dept_head', siteId: site.id, personId: person.id });
});
afterAll(async () => t.close());

describe('the custody agreement for a department head (财物管理责任书)', () => {
  it("opens the head's own department's agreement and takes its signed scan", async () => {
    const mine = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: cat.id,
      departmentId: own.id,
    });
    await buildAsset(t.admin, { siteId: site.id, categoryId: cat.id, departmentId: other.id });

    const me = (await head.get('/api/me')).json<{ departmentId: string; departmentName: string }>();
    expect(me).toMatchObject({ departmentId: own.id, departmentName: own.name });

    const res = await head.get(`/api/assets/custody/${own.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const agreement = res.json<Custody>();
    expect(agreement.items.map((i) => i.id)).toEqual([mine.id]);

    const scan = await upload(head, agreement.attachment, [
      { filename: '责任书.png', data: pngBytes() },
    ]);
    expect(scan.statusCode, scan.body).toBe(201);
    const files = await head.get(
      `/api/attachments?entityType=asset_custody&entityId=${agreement.attachment.entityId}`,
    );
    expect(files.statusCode, files.body).toBe(200);
    expect(files.json()).toHaveLength(1);
  });

  it("does not show another department's agreement, nor take a scan for it", async () => {
    expect((await head.get(`/api/assets/custody/${other.id}`)).statusCode).toBe(404);
    // The key of the other department's agreement, as its reader would get it.
    const theirs = (await t.admin.get(`/api/assets/custody/${other.id}`)).json<Custody>();
    const listed = await head.get(
      `/api/attachments?entityType=asset_custody&entityId=${theirs.attachment.entityId}`,
    );
    expect(listed.statusCode).toBe(404);
    const denied = await upload(head, theirs.attachment, [{ filename: 'x.png', data: pngBytes() }]);
    expect(denied.statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes, upload } from '../../../platform/files/testing.ts';
import {
  buildDepartment,
  buildPerson,
  buildSite,
  buildUser,
  type Site,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { AssetDetail, Category } from './schema.ts';
import { buildAsset, buildCategory, userFor } from './test-kit.ts';

let t: TestApp;
let site: Site;
let cat: Category;
beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  cat = await buildCategory(t.admin, { tracking: 'bulk' });
});
afterAll(async () => t.close());

describe('photos of an asset', () => {
  it('lets a manager of its site add photos and whoever sees the card view them', async () => {
    const dept = await buildDepartment(t.admin);
    const holder = await buildPerson(t.admin, { departmentId: dept.id });
    const a = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: cat.id,
      departmentId: dept.id,
      custodianPersonId: holder.id,
    });
    const target = { entityType: 'asset', entityId: a.id };
    const added = await upload(t.admin, target, [{ filename: '照片.png', data: pngBytes() }]);
    expect(added.statusCode, added.body).toBe(201);

    const staff = await userFor(t, { roleKey: 'staff', personId: holder.id });
    const seen = await staff.get(`/api/attachments?entityType=asset&entityId=${a.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toHaveLength(1);
    const denied = await upload(staff, target, [{ filename: 'x.png', data: pngBytes() }]);
    expect(denied.statusCode).toBe(404);

    const otherSite = await buildSite(t.admin);
    const stranger = await buildUser(t, { roleKey: 'manager', siteId: otherSite.id });
    const hidden = await stranger.get(`/api/attachments?entityType=asset&entityId=${a.id}`);
    expect(hidden.statusCode).toBe(404);
  });
});

describe('concurrent edits', () => {
  it('lets one of two edits of the same version win; the other is told (409)', async () => {
    const a = await buildAsset(t.admin, { siteId: site.id, categoryId: cat.id });
    const results = await Promise.all(
      ['甲', '乙'].map((n) => t.admin.patch(`/api/assets/${a.id}`, { version: 1, name: n })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const d = (await t.admin.get(`/api/assets/${a.id}`)).json<AssetDetail>();
    expect(d.version).toBe(2);
  });

  it('gives concurrent batches distinct codes and refuses the second use of a tag range', async () => {
    const body = (prefix: string) => ({
      siteId: site.id,
      categoryId: cat.id,
      name: '课桌',
      count: 30,
      tagPrefix: prefix,
    });
    const [x, y, z] = await Promise.all([
      t.admin.post('/api/assets/batch', body('PA-')),
      t.admin.post('/api/assets/batch', body('PB-')),
      t.admin.post('/api/assets/batch', body('PA-')),
    ]);
    expect(y!.statusCode).toBe(201);
    expect([x!.statusCode, z!.statusCode].sort()).toEqual([201, 409]);
    const codes = await t.db
      .selectFrom('ast_assets')
      .select('code')
      .where('org_id', '=', t.orgId)
      .where('tag_no', 'like', 'P%')
      .execute();
    expect(new Set(codes.map((c) => c.code)).size).toBe(60);
  });
});

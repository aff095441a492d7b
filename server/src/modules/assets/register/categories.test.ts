import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Category } from './schema.ts';
import { buildAsset, buildCategory, otherOrganization } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('asset categories', () => {
  it('builds a tree, refuses a taken code (409) and a loop (400)', async () => {
    const root = await buildCategory(t.admin, { code: 'T-ROOT', name: '家具' });
    const child = await buildCategory(t.admin, { code: 'T-DESK', parentId: root.id });
    const grand = await buildCategory(t.admin, { code: 'T-DESK-S', parentId: child.id });

    const taken = await t.admin.post('/api/assets/categories', { code: 'T-ROOT', name: 'x' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('T-ROOT');

    const loop = await t.admin.patch(`/api/assets/categories/${root.id}`, { parentId: grand.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toContain('下级');

    const tree = (await t.admin.get('/api/assets/categories')).json<Category[]>();
    const at = tree.findIndex((c) => c.id === root.id);
    expect(tree.slice(at, at + 3).map((c) => [c.id, c.depth])).toEqual([
      [root.id, 0],
      [child.id, 1],
      [grand.id, 2],
    ]);

    const flat = (await t.admin.get(`/api/assets/categories?shape=flat&parentId=${root.id}`)).json<
      Category[]
    >();
    expect(flat.map((c) => c.id)).toEqual([child.id]);
  });

  it('checks custom field definitions with readable messages', async () => {
    const res = await t.admin.post('/api/assets/categories', {
      code: 'T-BAD',
      name: '坏的',
      fields: [{ key: 'ward', label: '病区', type: 'select' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('选项');
    const dup = await t.admin.post('/api/assets/categories', {
      code: 'T-BAD2',
      name: '坏的',
      fields: [
        { key: 'sn', label: '序列号', type: 'text' },
        { key: 'sn', label: '序列号2', type: 'text' },
      ],
    });
    expect(dup.statusCode).toBe(400);
  });

  it('deactivates only a category without live assets, saying why otherwise', async () => {
    const site = await buildSite(t.admin);
    const cat = await buildCategory(t.admin);
    await buildAsset(t.admin, { siteId: site.id, categoryId: cat.id });
    const res = await t.admin.patch(`/api/assets/categories/${cat.id}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('1 项');
    const empty = await buildCategory(t.admin);
    const ok = await t.admin.patch(`/api/assets/categories/${empty.id}`, { active: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toBe(false);
    const tracking = await t.admin.patch(`/api/assets/categories/${cat.id}`, { tracking: 'bulk' });
    expect(tracking.statusCode).toBe(409);
  });

  it('adds a starter catalogue once (codes that exist are skipped)', async () => {
    const first = await t.admin.post('/api/assets/categories/starter', { catalogue: 'school' });
    expect(first.statusCode).toBe(200);
    const { created } = first.json<{ created: number; skipped: number }>();
    expect(created).toBeGreaterThan(20);
    const again = await t.admin.post('/api/assets/categories/starter', { catalogue: 'school' });
    expect(again.json()).toEqual({ created: 0, skipped: created });
    // The hospital tree shares the common branches and adds its own.
    const hospital = (
      await t.admin.post('/api/assets/categories/starter', { catalogue: 'hospital' })
    ).json<{ created: number; skipped: number }>();
    expect(hospital.created).toBeGreaterThan(0);
    expect(hospital.skipped).toBeGreaterThan(0);
    const flat = (await t.admin.get('/api/assets/categories?shape=flat')).json<Category[]>();
    const desks = flat.find((c) => c.code === 'JJ-KZY')!;
    expect(desks.lifeMonths).toBe(180);
    expect(flat.find((c) => c.code === 'TS-TS')!.depreciationMethod).toBe('none');
    expect(flat.find((c) => c.code === 'ZY-YL-BC')!.parentId).toBe(
      flat.find((c) => c.code === 'ZY-YL')!.id,
    );
  });

  it('needs assets:manage organisation-wide to change categories; another org sees none', async () => {
    const site = await buildSite(t.admin);
    const staff = await buildUser(t, { roleKey: 'staff' });
    expect((await staff.post('/api/assets/categories', { code: 'X1', name: 'x' })).statusCode).toBe(
      403,
    );
    const siteManager = await buildUser(t, { roleKey: 'manager', siteId: site.id });
    expect(
      (await siteManager.post('/api/assets/categories', { code: 'X2', name: 'x' })).statusCode,
    ).toBe(403);
    const other = await otherOrganization(t, 'cat');
    expect((await other.get('/api/assets/categories')).json()).toEqual([]);
    const mine = (await t.admin.get('/api/assets/categories?shape=flat')).json<Category[]>();
    const patch = await other.patch(`/api/assets/categories/${mine[0]!.id}`, { name: '偷改' });
    expect(patch.statusCode).toBe(404);
  });
});

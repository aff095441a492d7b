import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildLocation, buildSite } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Page = { items: { id: string; code: string }[]; total: number };
const codes = (p: Page) => p.items.map((l) => l.code);

/** A building with two floors and three rooms, and a second building. */
async function tree() {
  const site = await buildSite(t.admin);
  const at = (type: string, code: string, parentId: string | null = null) =>
    buildLocation(t.admin, { siteId: site.id, type, code, name: code, parentId });
  const b1 = await at('building', 'B1');
  const f1 = await at('floor', 'B1-1F', b1.id);
  const f2 = await at('floor', 'B1-2F', b1.id);
  const r101 = await at('room', 'B1-101', f1.id);
  const r102 = await at('room', 'B1-102', f1.id);
  // Dragged in the tree: 102 before 101.
  expect((await t.admin.patch(`/api/locations/${r101.id}`, { sortOrder: 20 })).statusCode).toBe(
    200,
  );
  expect((await t.admin.patch(`/api/locations/${r102.id}`, { sortOrder: 10 })).statusCode).toBe(
    200,
  );
  const r201 = await at('room', 'B1-201', f2.id);
  const b2 = await at('building', 'B2');
  const r2 = await at('room', 'B2-001', b2.id);
  return { site, b1, f1, f2, r101, r102, r201, b2, r2 };
}

describe('location list filters for the tree and label sheets', () => {
  it('under: every descendant at any depth, not the node itself', async () => {
    const { site, b1, f1 } = await tree();
    const all = (await t.admin.get(`/api/locations?siteId=${site.id}&under=${b1.id}`)).json<Page>();
    expect(codes(all)).toEqual(['B1-101', 'B1-102', 'B1-1F', 'B1-201', 'B1-2F']);
    const rooms = (
      await t.admin.get(`/api/locations?under=${b1.id}&type=room&sort=name`)
    ).json<Page>();
    expect(codes(rooms)).toEqual(['B1-101', 'B1-102', 'B1-201']);
    expect(rooms.total).toBe(3);
    const floor = (await t.admin.get(`/api/locations?under=${f1.id}`)).json<Page>();
    expect(codes(floor)).toEqual(['B1-101', 'B1-102']);
  });

  it('ids: exactly the listed locations; at most 200; only UUIDs', async () => {
    const { r101, r201, r2 } = await tree();
    const some = (
      await t.admin.get(`/api/locations?ids=${[r101.id, r201.id, r2.id].join(',')}`)
    ).json<Page>();
    expect(codes(some)).toEqual(['B1-101', 'B1-201', 'B2-001']);

    const tooMany = Array.from({ length: 201 }, () => crypto.randomUUID()).join(',');
    const refused = await t.admin.get(`/api/locations?ids=${tooMany}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('200');
    expect((await t.admin.get('/api/locations?ids=not-a-uuid')).statusCode).toBe(400);
  });

  it('sort=sortOrder: the tree order, then codes', async () => {
    const { f1 } = await tree();
    const rooms = (
      await t.admin.get(`/api/locations?parentId=${f1.id}&sort=sortOrder`)
    ).json<Page>();
    expect(codes(rooms)).toEqual(['B1-102', 'B1-101']);
  });

  it('the export takes the same filters', async () => {
    const { b1 } = await tree();
    const res = await t.admin.get(`/api/locations/export.xlsx?under=${b1.id}&type=room`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('location audit', () => {
  it('records a change with the same field names before and after', async () => {
    const { r101, f2 } = await tree();
    const res = await t.admin.patch(`/api/locations/${r101.id}`, {
      name: '护士站',
      parentId: f2.id,
    });
    expect(res.statusCode).toBe(200);
    const audit = (
      await t.admin.get(`/api/audit?entityType=location&entityId=${r101.id}&action=update`)
    ).json<{ items: { before: Record<string, unknown>; after: Record<string, unknown> }[] }>();
    const last = audit.items[0]!;
    expect(last.after).toEqual({ name: '护士站', parentId: f2.id });
    expect(last.before).toMatchObject({ name: 'B1-101', parentId: r101.parentId, sortOrder: 20 });
  });
});

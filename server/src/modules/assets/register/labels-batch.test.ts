import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildUser, type Site } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Category } from './schema.ts';
import { buildCategory, next, type Registered } from './test-kit.ts';

let t: TestApp;
let site: Site;
let cat: Category;
beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  cat = await buildCategory(t.admin);
});
afterAll(async () => t.close());

type LabelPage = {
  items: { id: string; tagNo: string }[];
  truncated: boolean;
  nextPage: number | null;
};

async function batch(prefix: string, count: number): Promise<Registered> {
  const res = await t.admin.post('/api/assets/batch', {
    siteId: site.id,
    categoryId: cat.id,
    name: '学生课桌',
    count,
    tagPrefix: prefix,
    tagDigits: 4,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Registered>();
}

describe('labels of a whole registration (operationId)', () => {
  it('prints all 2,000 desks of a batch, in tag order, page after page', async () => {
    const prefix = `LB${next()}-`;
    const desks = await batch(prefix, 2000);
    // Another batch with a similar prefix is not part of it.
    await batch(`${prefix}X`, 3);

    const tags: string[] = [];
    let page: number | null = 1;
    let pages = 0;
    while (page !== null) {
      const res = await t.admin.get(
        `/api/assets/labels?operationId=${desks.operation.id}&page=${page}&pageSize=500`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body: LabelPage = res.json<LabelPage>();
      tags.push(...body.items.map((l) => l.tagNo));
      expect(body.truncated).toBe(body.nextPage !== null);
      page = body.nextPage;
      pages += 1;
    }
    expect(pages).toBe(4);
    expect(tags).toHaveLength(2000);
    expect(tags[0]).toBe(`${prefix}0001`);
    expect(tags[1999]).toBe(`${prefix}2000`);
    expect(tags).toEqual([...tags].sort());
    expect(new Set(tags).size).toBe(2000);

    // One call with the default page size takes the whole batch.
    const whole = (
      await t.admin.get(`/api/assets/labels?operationId=${desks.operation.id}`)
    ).json<LabelPage>();
    expect(whole.items).toHaveLength(2000);
    expect(whole.nextPage).toBeNull();
  }, 60_000);

  it('shows a user no labels of cards they may not see, and refuses a bad id', async () => {
    const small = await batch(`LS${next()}-`, 2);
    const other = await buildSite(t.admin);
    const stranger = await buildUser(t, { roleKey: 'manager', siteId: other.id });
    const res = await stranger.get(`/api/assets/labels?operationId=${small.operation.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<LabelPage>().items).toEqual([]);
    expect((await t.admin.get('/api/assets/labels?operationId=nope')).statusCode).toBe(400);
  });
});

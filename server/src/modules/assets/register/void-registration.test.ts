import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildUser, type Site } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { AssetDetail, Category } from './schema.ts';
import { buildCategory, setApprovalKinds, type Registered } from './test-kit.ts';

let t: TestApp;
let site: Site;
let bulk: Category;

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  bulk = await buildCategory(t.admin, { tracking: 'bulk', unit: '把', lifeMonths: 180 });
  await setApprovalKinds(t, ['register']);
});
afterAll(() => t.close());

const detail = async (id: string) =>
  (await t.admin.get(`/api/assets/${id}`)).json<AssetDetail & { events: { action: string }[] }>();

async function registerPending(name: string) {
  const res = await t.admin.post('/api/assets', { siteId: site.id, categoryId: bulk.id, name });
  expect(res.statusCode, res.body).toBe(201);
  const r = res.json<Registered>();
  expect(r.assets[0]!.status).toBe('pending');
  return { opId: r.operation.id, assetId: r.assets[0]!.id };
}

describe('a registration that never took effect', () => {
  it('voids its cards when the approver refuses it: kept with their timeline, nothing starts from them', async () => {
    const { opId, assetId } = await registerPending('被驳回的椅子');
    const leader = await buildUser(t, { roleKey: 'leader' });
    const res = await leader.post(`/api/assets/operations/${opId}/reject`, { note: '无采购依据' });
    expect(res.statusCode, res.body).toBe(200);
    const card = await detail(assetId);
    expect(card.status).toBe('void');
    expect(card.openOperationId).toBeNull();
    expect(card.events.map((e) => e.action)).toContain('void');
    const lend = await t.admin.post('/api/assets/operations', {
      kind: 'assign',
      assetIds: [assetId],
    });
    expect(lend.statusCode).toBe(409);
    const edit = await t.admin.patch(`/api/assets/${assetId}`, {
      name: '改名',
      version: card.version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('作废');
  });

  it('voids its cards when the registrar withdraws it', async () => {
    const { opId, assetId } = await registerPending('撤回的椅子');
    const res = await t.admin.post(`/api/assets/operations/${opId}/cancel`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect((await detail(assetId)).status).toBe('void');
  });
});

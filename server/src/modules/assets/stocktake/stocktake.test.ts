import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import {
  assetRow,
  buildAssets,
  buildCategory,
  buildLinkedUser,
  buildRole,
} from '../operations/test-support.ts';

let t: TestApp;
let siteA: string;
let siteB: string;
let building: string;
let roomA: string;
let roomB: string;
let manager: Agent;
let approver: Agent;
let counter: Agent;
let counterB: Agent;

type Detail = {
  id: string;
  status: string;
  expectedCount: number;
  countedCount: number;
  totals: Record<string, number>;
  rooms: { location: { id: string } | null; expected: number; found: number; pending: number }[];
  operations: { id: string; kind: string; status: string }[];
};
type Scan = { outcome: string; repeated: boolean; asset: { id: string } | null };

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  siteB = (await buildSite(t.admin)).id;
  building = (await buildLocation(t.admin, { siteId: siteA })).id;
  roomA = (await buildLocation(t.admin, { siteId: siteA, parentId: building, type: 'room' })).id;
  roomB = (await buildLocation(t.admin, { siteId: siteA, parentId: building, type: 'room' })).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  approver = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
  await buildRole(t, 'st_counter', ['assets:count']);
  counter = await buildLinkedUser(t, { roleKey: 'st_counter', siteId: siteA });
  counterB = await buildLinkedUser(t, { roleKey: 'st_counter', siteId: siteB });
});
afterAll(() => t.close());

async function start(body: Record<string, unknown>) {
  const res = await manager.post('/api/assets/stocktakes', {
    name: '年度盘点',
    siteId: siteA,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}
const tagOf = async (id: string) => (await assetRow(t, id)).tag_no;
const scan = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.post(`/api/assets/stocktakes/${id}/scan`, body);

describe('starting a stock-take', () => {
  it('snapshots the non-disposed assets of the scope (building subtree, category)', async () => {
    const cat = await buildCategory(t);
    await buildAssets(t, siteA, 3, { locationId: roomA, categoryId: cat });
    await buildAssets(t, siteA, 1, { locationId: roomB, categoryId: cat, status: 'disposed' });
    await buildAssets(t, siteA, 2, { locationId: roomB }); // another category
    const st = await start({ scope: { buildingId: building, categoryId: cat } });
    expect(st).toMatchObject({ status: 'counting', expectedCount: 3, countedCount: 0 });
    expect(st.rooms).toHaveLength(1);
    expect(st.rooms[0]).toMatchObject({ location: { id: roomA }, expected: 3, pending: 3 });
  });

  it('is for managers of the site only; a place of another site is refused', async () => {
    const res = await counter.post('/api/assets/stocktakes', { name: '盘点', siteId: siteA });
    expect(res.statusCode).toBe(403);
    const other = (await buildLocation(t.admin, { siteId: siteB })).id;
    const bad = await manager.post('/api/assets/stocktakes', {
      name: '盘点',
      siteId: siteA,
      scope: { buildingId: other },
    });
    expect(bad.statusCode).toBe(400);
    const empty = await manager.post('/api/assets/stocktakes', { name: '', siteId: siteA });
    expect(empty.statusCode).toBe(400);
  });
});

describe('counting', () => {
  it('marks found or wrong place, is idempotent, answers assets outside the list', async () => {
    const cat = await buildCategory(t);
    const [a1, a2] = await buildAssets(t, siteA, 2, { locationId: roomA, categoryId: cat });
    const [outside] = await buildAssets(t, siteA, 1, { locationId: roomB });
    const st = await start({ scope: { categoryId: cat } });

    const first = await scan(counter, st.id, { tag: await tagOf(a1!), locationId: roomA });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Scan>()).toMatchObject({ outcome: 'found', repeated: false });
    const again = (
      await scan(counter, st.id, { tag: await tagOf(a1!), locationId: roomA })
    ).json<Scan>();
    expect(again).toMatchObject({ outcome: 'found', repeated: true });

    const qr = (await assetRow(t, a2!)).qr_token;
    const wrong = (await scan(counter, st.id, { qrToken: qr, locationId: roomB })).json<Scan>();
    expect(wrong.outcome).toBe('wrong_place');

    const notListed = (
      await scan(counter, st.id, { tag: await tagOf(outside!), locationId: roomA })
    ).json<Scan>();
    expect(notListed).toMatchObject({ outcome: 'not_listed', asset: { id: outside } });
    const unknown = (
      await scan(counter, st.id, { tag: 'NO-SUCH-TAG', locationId: roomA })
    ).json<Scan>();
    expect(unknown).toMatchObject({ outcome: 'unknown', asset: null });

    const detail = (await counter.get(`/api/assets/stocktakes/${st.id}`)).json<Detail>();
    expect(detail.countedCount).toBe(2);
    expect(detail.totals).toMatchObject({ found: 1, wrongPlace: 1, pending: 0 });
  });

  it('lets counters count only at their own site', async () => {
    const cat = await buildCategory(t);
    const [a] = await buildAssets(t, siteA, 1, { locationId: roomA, categoryId: cat });
    const st = await start({ scope: { categoryId: cat } });
    const res = await scan(counterB, st.id, { tag: await tagOf(a!), locationId: roomA });
    expect(res.statusCode).toBe(404);
    const mark = await approver.post(`/api/assets/stocktakes/${st.id}/lines/${a}`, {
      result: 'missing',
    });
    expect(mark.statusCode).toBe(403); // a leader reads but does not count
  });

  it('records surplus and hand marks; the variance report adds them up with values', async () => {
    const cat = await buildCategory(t);
    const ids = await buildAssets(t, siteA, 4, {
      locationId: roomA,
      categoryId: cat,
      originalValueFen: 25_000,
    });
    const st = await start({ scope: { categoryId: cat } });
    await scan(counter, st.id, { tag: await tagOf(ids[0]!), locationId: roomA });
    await scan(counter, st.id, { tag: await tagOf(ids[1]!), locationId: roomB });
    const dmg = await counter.post(`/api/assets/stocktakes/${st.id}/lines/${ids[2]}`, {
      result: 'damaged',
      note: '桌腿断裂',
    });
    expect(dmg.statusCode, dmg.body).toBe(200);
    const sur = await counter.post(`/api/assets/stocktakes/${st.id}/surplus`, {
      name: '无标签椅子',
      locationId: roomA,
    });
    expect(sur.statusCode, sur.body).toBe(201);
    const v = (await manager.get(`/api/assets/stocktakes/${st.id}/variance`)).json<{
      summary: Record<string, { count: number; valueFen?: number }>;
      lines: { total: number };
      surplus: unknown[];
    }>();
    expect(v.summary).toEqual({
      missing: { count: 1, valueFen: 25_000 },
      wrongPlace: { count: 1, valueFen: 25_000 },
      damaged: { count: 1, valueFen: 25_000 },
      surplus: { count: 1 },
    });
    expect(v.lines.total).toBe(3);
    expect(v.surplus).toHaveLength(1);
    const xlsx = await manager.get(`/api/assets/stocktakes/${st.id}/variance/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });
});

describe('closing', () => {
  it('applies the differences through operations, after their approval', async () => {
    const cat = await buildCategory(t);
    const [found, missing, moved, damaged] = await buildAssets(t, siteA, 4, {
      locationId: roomA,
      categoryId: cat,
    });
    const st = await start({ scope: { categoryId: cat } });
    await scan(counter, st.id, { tag: await tagOf(found!), locationId: roomA });
    await scan(counter, st.id, { tag: await tagOf(moved!), locationId: roomB });
    await scan(counter, st.id, {
      tag: await tagOf(damaged!),
      locationId: roomA,
      result: 'damaged',
    });

    expect((await counter.post(`/api/assets/stocktakes/${st.id}/close`, {})).statusCode).toBe(403);
    const closed = await manager.post(`/api/assets/stocktakes/${st.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const d = closed.json<Detail>();
    expect(d.status).toBe('closing');
    expect(d.operations.map((o) => o.kind).sort()).toEqual(['adjust', 'damage', 'loss']);
    expect(d.operations.every((o) => o.status === 'pending_approval')).toBe(true);
    // Nothing changed yet: the missing asset is lost only after approval.
    expect((await assetRow(t, missing!)).status).toBe('idle');
    // No more counting.
    expect(
      (await scan(counter, st.id, { tag: await tagOf(found!), locationId: roomA })).statusCode,
    ).toBe(409);

    for (const op of d.operations) {
      const res = await approver.post(`/api/assets/operations/${op.id}/approve`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = (await manager.get(`/api/assets/stocktakes/${st.id}`)).json<Detail>();
    expect(after.status).toBe('closed');
    expect((await assetRow(t, missing!)).status).toBe('lost');
    expect((await assetRow(t, damaged!)).condition).toBe('damaged');
    expect((await assetRow(t, moved!)).location_id).toBe(roomB);
    expect((await assetRow(t, found!)).location_id).toBe(roomA);
  });

  it('recovers a lost asset that was found; cancel only while counting', async () => {
    const cat = await buildCategory(t);
    const [lost] = await buildAssets(t, siteA, 1, {
      locationId: roomA,
      categoryId: cat,
      status: 'lost',
    });
    const st = await start({ scope: { categoryId: cat } });
    await scan(counter, st.id, { tag: await tagOf(lost!), locationId: roomA });
    const d = (await manager.post(`/api/assets/stocktakes/${st.id}/close`, {})).json<Detail>();
    expect(d.operations.map((o) => o.kind)).toEqual(['recover']);
    expect(d.status).toBe('closed'); // recover waits for nobody
    expect((await assetRow(t, lost!)).status).toBe('idle');
    expect((await manager.post(`/api/assets/stocktakes/${st.id}/cancel`, {})).statusCode).toBe(409);

    const other = await start({ scope: { categoryId: cat } });
    const c = await manager.post(`/api/assets/stocktakes/${other.id}/cancel`, {});
    expect(c.json<Detail>().status).toBe('cancelled');
  });

  it('lists campaigns of the sites the user sees', async () => {
    const mine = (await counter.get('/api/assets/stocktakes')).json<{ total: number }>();
    expect(mine.total).toBeGreaterThan(0);
    const none = (await counterB.get('/api/assets/stocktakes')).json<{ total: number }>();
    expect(none.total).toBe(0);
  });
});

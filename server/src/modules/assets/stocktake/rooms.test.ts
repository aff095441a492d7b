import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import {
  buildAssets,
  buildCategory,
  buildLinkedUser,
  buildRole,
} from '../operations/test-support.ts';

/*
 * The places a counter may stand in (GET /api/assets/stocktakes/:id/rooms):
 * read through the campaign, so a counter without locations:read gets the
 * scope's rooms; a counter of another site gets a 404.
 */

let t: TestApp;
let siteA: string;
let siteB: string;
let building: string;
let otherBuilding: string;
let roomA: string;
let roomB: string;
let upstairs: string;
let oldRoom: string;
let otherRoom: string;
let manager: Agent;
let builtinCounter: Agent;
let counter: Agent;
let counterB: Agent;

type Rooms = { items: { id: string; code: string; name: string; type: string }[]; total: number };

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  siteB = (await buildSite(t.admin)).id;
  building = (await buildLocation(t.admin, { siteId: siteA })).id;
  otherBuilding = (await buildLocation(t.admin, { siteId: siteA })).id;
  const room = (parentId: string, name: string) =>
    buildLocation(t.admin, { siteId: siteA, parentId, type: 'room', name });
  roomA = (await room(building, '201 库房')).id;
  roomB = (await room(building, '202 办公室')).id;
  oldRoom = (await room(building, '203 旧库房')).id;
  otherRoom = (await room(otherBuilding, '301 会议室')).id;
  // Places nest: a room two levels down is in the scope too.
  const floor = (
    await buildLocation(t.admin, { siteId: siteA, parentId: building, type: 'floor', name: '二层' })
  ).id;
  upstairs = (await room(floor, '205 档案室')).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  builtinCounter = await buildLinkedUser(t, { roleKey: 'asset_counter', siteId: siteA });
  await buildRole(t, 'rooms_counter', ['assets:count']);
  counter = await buildLinkedUser(t, { roleKey: 'rooms_counter', siteId: siteA });
  counterB = await buildLinkedUser(t, { roleKey: 'rooms_counter', siteId: siteB });
});
afterAll(() => t.close());

async function start(scope: Record<string, unknown>) {
  const res = await manager.post('/api/assets/stocktakes', {
    name: '位置盘点',
    siteId: siteA,
    scope,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const rooms = async (agent: Agent, id: string, query = '') => {
  const res = await agent.get(`/api/assets/stocktakes/${id}/rooms${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Rooms>();
};

describe('the rooms of a campaign', () => {
  it('gives a counter the rooms under the building, though the locations list refuses them', async () => {
    const cat = await buildCategory(t);
    await buildAssets(t, siteA, 2, { locationId: roomA, categoryId: cat });
    // Assets still stand in a room that is then closed: its lines keep it in the list.
    await buildAssets(t, siteA, 1, { locationId: oldRoom, categoryId: cat });
    const id = await start({ buildingId: building, categoryId: cat });
    const patch = await t.admin.patch(`/api/locations/${oldRoom}`, { active: false });
    expect(patch.statusCode, patch.body).toBe(200);

    // assets:count alone: the places are not this counter's to list.
    const direct = await counter.get(`/api/locations?under=${building}&active=true`);
    expect(direct.statusCode).toBe(403);

    const got = await rooms(counter, id);
    const ids = got.items.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([roomA, roomB, oldRoom, upstairs]));
    expect(ids).not.toContain(otherRoom);
    expect(ids).not.toContain(building);
    expect(got.total).toBe(ids.length);
    expect(got.items.find((r) => r.id === roomB)).toMatchObject({
      name: '202 办公室',
      type: 'room',
    });

    // The built-in 盘点员 role holds locations:read at its site, and gets the same here.
    const builtinDirect = await builtinCounter.get(`/api/locations?under=${building}&active=true`);
    expect(builtinDirect.statusCode, builtinDirect.body).toBe(200);
    expect(builtinDirect.json<Rooms>().items.map((r) => r.id)).toContain(roomB);
    expect((await rooms(builtinCounter, id)).items.map((r) => r.id).sort()).toEqual(ids.sort());
  });

  it('searches by name, and a limit still tells the total', async () => {
    const id = await start({ buildingId: building });
    const found = await rooms(counter, id, `?q=${encodeURIComponent('办公')}`);
    expect(found.items.map((r) => r.id)).toEqual([roomB]);
    const first = await rooms(counter, id, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThan(1);
  });

  it('includes the place itself for a campaign of one place; the whole site without a place', async () => {
    const one = await rooms(counter, await start({ locationId: roomB }));
    expect(one.items.map((r) => r.id)).toEqual([roomB]);

    const site = (await rooms(counter, await start({}))).items.map((r) => r.id);
    expect(site).toEqual(
      expect.arrayContaining([building, otherBuilding, roomA, roomB, otherRoom]),
    );
  });

  it('is a 404 for a counter of another site, and for an unknown campaign', async () => {
    const id = await start({ buildingId: building });
    const res = await counterB.get(`/api/assets/stocktakes/${id}/rooms`);
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/盘点/);
    const unknown = await counter.get(
      '/api/assets/stocktakes/00000000-0000-7000-8000-000000000000/rooms',
    );
    expect(unknown.statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildLocation, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import {
  assetRow,
  buildAssets,
  buildCategory,
  buildLinkedUser,
} from '../operations/test-support.ts';

/*
 * 盘盈入账 (surplus accepted on closing becomes cards, with or without the
 * registration's approval; nothing when the closing fails) and the built-in
 * counter role (盘点员): sees and counts its own site's campaigns, never
 * closes, never sees another site's.
 */

let t: TestApp;
let siteA: string;
let siteB: string;
let roomA: string;
let roomB: string;
let manager: Agent;
let approver: Agent;
let counter: Agent;

type Surplus = {
  id: string;
  name: string;
  card: { id: string; code: string; tagNo: string; status: string } | null;
  registered: boolean;
};
type Detail = {
  id: string;
  status: string;
  operations: { id: string; kind: string; status: string }[];
  may: { count: boolean; manage: boolean };
};

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  siteB = (await buildSite(t.admin)).id;
  roomA = (await buildLocation(t.admin, { siteId: siteA })).id;
  roomB = (await buildLocation(t.admin, { siteId: siteB })).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId: siteA });
  approver = await buildLinkedUser(t, { roleKey: 'leader', siteId: siteA });
  counter = await buildLinkedUser(t, { roleKey: 'asset_counter', siteId: siteA });
});
afterAll(() => t.close());

async function start(siteId = siteA) {
  const cat = await buildCategory(t);
  await buildAssets(t, siteId, 1, {
    locationId: siteId === siteA ? roomA : roomB,
    categoryId: cat,
  });
  const res = await t.admin.post('/api/assets/stocktakes', {
    name: '盘盈测试',
    siteId,
    scope: { categoryId: cat },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}
async function surplus(id: string, body: Record<string, unknown>) {
  const res = await counter.post(`/api/assets/stocktakes/${id}/surplus`, {
    locationId: roomA,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Surplus>();
}
const surplusList = async (id: string) =>
  (await manager.get(`/api/assets/stocktakes/${id}/variance`)).json<{ surplus: Surplus[] }>()
    .surplus;
const setRegisterApproval = (on: boolean) =>
  t.admin.patch('/api/assets/settings', {
    approvalKinds: on ? ['transfer', 'damage', 'loss', 'dispose', 'register'] : ['damage', 'loss'],
  });

describe('surplus registered on closing (盘盈入账)', () => {
  it('makes cards of the accepted entries with their name, tag, place and category', async () => {
    await setRegisterApproval(false);
    const st = await start();
    const cat = await buildCategory(t);
    const dept = (await buildDepartment(t.admin)).id;
    const tagged = await surplus(st.id, { name: '无账投影仪', tagNo: 'SUR-A-0001' });
    const plain = await surplus(st.id, { name: '无标签椅子' });
    const ignored = await surplus(st.id, { name: '纸箱' });
    // The expected asset was not counted: closing also reports it lost (an approval): still closing.
    const res = await manager.post(`/api/assets/stocktakes/${st.id}/close`, {
      registerSurplus: [
        { surplusId: tagged.id, categoryId: cat, departmentId: dept, unitPriceFen: 250_000 },
        { surplusId: plain.id, categoryId: cat },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Detail>();
    const reg = d.operations.find((o) => o.kind === 'register');
    expect(reg?.status).toBe('done');

    const list = await surplusList(st.id);
    const byId = new Map(list.map((s) => [s.id, s]));
    const a = byId.get(tagged.id)!;
    expect(a).toMatchObject({ registered: true, card: { tagNo: 'SUR-A-0001', status: 'in_use' } });
    const cardA = await assetRow(t, a.card!.id);
    expect(cardA).toMatchObject({
      name: '无账投影仪',
      category_id: cat,
      location_id: roomA,
      department_id: dept,
      original_value_fen: 250_000,
      site_id: siteA,
    });
    const b = byId.get(plain.id)!;
    expect(b.registered).toBe(true);
    expect(b.card!.tagNo).toBe(b.card!.code); // no label: the tag is the new code
    expect((await assetRow(t, b.card!.id)).status).toBe('idle');
    expect(byId.get(ignored.id)).toMatchObject({ registered: false, card: null });

    // On the cards' timeline, through the register operation.
    const events = await t.db
      .selectFrom('ast_events')
      .select(['asset_id', 'action', 'operation_id'])
      .where('asset_id', 'in', [a.card!.id, b.card!.id])
      .execute();
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.action === 'register' && e.operation_id === reg!.id)).toBe(true);
  });

  it('waits for the registration approval when the organisation requires it', async () => {
    expect((await setRegisterApproval(true)).statusCode).toBe(200);
    try {
      const st = await start();
      const cat = await buildCategory(t);
      const item = await surplus(st.id, { name: '无账书柜' });
      const d = (
        await manager.post(`/api/assets/stocktakes/${st.id}/close`, {
          registerSurplus: [{ surplusId: item.id, categoryId: cat, unitPriceFen: 80_000 }],
        })
      ).json<Detail>();
      expect(d.status).toBe('closing');
      const reg = d.operations.find((o) => o.kind === 'register')!;
      expect(reg.status).toBe('pending_approval');
      const [s] = await surplusList(st.id);
      expect(s).toMatchObject({ registered: true, card: { status: 'pending' } });
      for (const op of d.operations) {
        const ok = await approver.post(`/api/assets/operations/${op.id}/approve`, {});
        expect(ok.statusCode, ok.body).toBe(200);
      }
      const after = (await manager.get(`/api/assets/stocktakes/${st.id}`)).json<Detail>();
      expect(after.status).toBe('closed');
      expect((await assetRow(t, s!.card!.id)).status).toBe('idle');
    } finally {
      await setRegisterApproval(false);
    }
  });

  it('creates nothing when the closing fails (a tag already taken)', async () => {
    const st = await start();
    const cat = await buildCategory(t);
    const [existing] = await buildAssets(t, siteA, 1, { categoryId: cat });
    const takenTag = (await assetRow(t, existing!)).tag_no;
    // Recorded without the tag, then the label turns out to be another card's: refused on closing.
    const good = await surplus(st.id, { name: '无账凳子' });
    const clash = await surplus(st.id, { name: '重复标签' });
    await t.db
      .updateTable('ast_stocktake_surplus')
      .set({ tag_no: takenTag })
      .where('id', '=', clash.id)
      .execute();
    const before = await t.db
      .selectFrom('ast_assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await manager.post(`/api/assets/stocktakes/${st.id}/close`, {
      registerSurplus: [
        { surplusId: good.id, categoryId: cat },
        { surplusId: clash.id, categoryId: cat },
      ],
    });
    expect(res.statusCode).toBe(409);
    const after = await t.db
      .selectFrom('ast_assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const d = (await manager.get(`/api/assets/stocktakes/${st.id}`)).json<Detail>();
    expect(d).toMatchObject({ status: 'counting', operations: [] });
    expect((await surplusList(st.id)).every((s) => !s.card)).toBe(true);

    // A missing category is a field error, in the form's words.
    const bad = await manager.post(`/api/assets/stocktakes/${st.id}/close`, {
      registerSurplus: [{ surplusId: good.id }],
    });
    expect(bad.statusCode).toBe(400);
    // An entry that already is a card (its tag matched one) cannot be registered again.
    const matched = await surplus(st.id, { name: '已有卡片', tagNo: takenTag });
    expect(matched.card?.id).toBe(existing);
    const again = await manager.post(`/api/assets/stocktakes/${st.id}/close`, {
      registerSurplus: [{ surplusId: matched.id, categoryId: cat }],
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('the built-in counter role (盘点员)', () => {
  it('lists and counts its site’s campaigns, never closes, never sees another site’s', async () => {
    const mine = await start(siteA);
    const theirs = await start(siteB);
    const list = (await counter.get('/api/assets/stocktakes?status=counting&pageSize=100')).json<{
      items: { id: string }[];
    }>();
    const ids = list.items.map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);

    const d = (await counter.get(`/api/assets/stocktakes/${mine.id}`)).json<Detail>();
    expect(d.may).toMatchObject({ count: true, manage: false });
    // The counting page's calls: the places of the site, the lines, a scan.
    expect((await counter.get(`/api/locations?siteId=${siteA}`)).statusCode).toBe(200);
    expect((await counter.get(`/api/assets/stocktakes/${mine.id}/lines`)).statusCode).toBe(200);
    const scan = await counter.post(`/api/assets/stocktakes/${mine.id}/scan`, {
      tag: 'NO-SUCH-TAG',
      locationId: roomA,
    });
    expect(scan.statusCode, scan.body).toBe(200);
    await surplus(mine.id, { name: '盘点员登记' });

    expect((await counter.post(`/api/assets/stocktakes/${mine.id}/close`, {})).statusCode).toBe(
      403,
    );
    expect((await counter.get(`/api/assets/stocktakes/${theirs.id}`)).statusCode).toBe(404);
    const elsewhere = await counter.post(`/api/assets/stocktakes/${theirs.id}/scan`, {
      tag: 'NO-SUCH-TAG',
      locationId: roomB,
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});

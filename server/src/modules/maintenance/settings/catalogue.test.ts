import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { otherOrganization } from './test-support.ts';

let t: TestApp;
let dispatcher: Agent;
let other: Agent;

type Category = { id: string; code: string; name: string; sortOrder: number; active: boolean };
type Priority = {
  id: string;
  code: string;
  name: string;
  responseMinutes: number;
  completionMinutes: number;
  roundTheClock: boolean;
};
type Override = { id: string; categoryId: string; priorityId: string; responseMinutes: number };
type Problems = { error: { message: string; details: { path: string }[] } };

const put = (agent: Agent, url: string, payload: unknown) =>
  agent.request({ method: 'PUT', url, payload: payload as object });
const pathsOf = (res: { json<T>(): T }) => res.json<Problems>().error.details.map((d) => d.path);
const auditOf = async (entityId: string) =>
  t.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).execute();

beforeAll(async () => {
  t = await createTestApp();
  const site = await buildSite(t.admin);
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
  other = await otherOrganization(t, 'cat');
});
afterAll(() => t.close());

describe('categories', () => {
  it('adds one at the end, renames and retires it, audited', async () => {
    const res = await t.admin.post('/api/maintenance/categories', { code: 'glass', name: '玻璃' });
    expect(res.statusCode, res.body).toBe(201);
    const glass = res.json<Category>();
    const all = (await t.admin.get('/api/maintenance/categories')).json<Category[]>();
    expect(all.at(-1)?.code).toBe('glass');
    expect(glass.sortOrder).toBeGreaterThan(all.at(-2)!.sortOrder);

    const changed = await t.admin.patch(`/api/maintenance/categories/${glass.id}`, {
      name: '门窗玻璃',
      active: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Category>()).toMatchObject({ name: '门窗玻璃', active: false });
    expect((await auditOf(glass.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('answers 409 to a code in use, 400 with field paths to bad input', async () => {
    const dup = await t.admin.post('/api/maintenance/categories', { code: 'water', name: '水2' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Problems>().error.message).toContain('water');
    const cats = (await t.admin.get('/api/maintenance/categories')).json<Category[]>();
    const power = cats.find((c) => c.code === 'power')!;
    const clash = await t.admin.patch(`/api/maintenance/categories/${power.id}`, { code: 'water' });
    expect(clash.statusCode).toBe(409);

    const bad = await t.admin.post('/api/maintenance/categories', { code: 'a b', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad)).toEqual(expect.arrayContaining(['code', 'name']));
  });
});

describe('priorities', () => {
  it('changes a priority’s targets and adds a new one', async () => {
    const prios = (await t.admin.get('/api/maintenance/priorities')).json<Priority[]>();
    const high = prios.find((p) => p.code === 'high')!;
    const res = await t.admin.patch(`/api/maintenance/priorities/${high.id}`, {
      name: '较急',
      responseMinutes: 20,
      roundTheClock: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Priority>()).toMatchObject({
      name: '较急',
      responseMinutes: 20,
      completionMinutes: high.completionMinutes,
      roundTheClock: true,
    });
    const added = await t.admin.post('/api/maintenance/priorities', {
      code: 'planned',
      name: '计划',
      rank: 5,
      roundTheClock: false,
      responseMinutes: 1440,
      completionMinutes: 10080,
    });
    expect(added.statusCode, added.body).toBe(201);
    const again = await t.admin.post('/api/maintenance/priorities', {
      code: 'planned',
      name: '计划2',
      rank: 6,
      roundTheClock: false,
      responseMinutes: 1440,
      completionMinutes: 10080,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a completion target shorter than the response target', async () => {
    const prios = (await t.admin.get('/api/maintenance/priorities')).json<Priority[]>();
    const urgent = prios.find((p) => p.code === 'urgent')!;
    const both = await t.admin.patch(`/api/maintenance/priorities/${urgent.id}`, {
      responseMinutes: 60,
      completionMinutes: 30,
    });
    expect(both.statusCode).toBe(400);
    expect(pathsOf(both)).toEqual(['completionMinutes']);
    // Against the stored target when only one is given.
    const one = await t.admin.patch(`/api/maintenance/priorities/${urgent.id}`, {
      responseMinutes: urgent.completionMinutes + 1,
    });
    expect(one.statusCode).toBe(400);
    expect(pathsOf(one)).toEqual(['completionMinutes']);
    const zero = await t.admin.patch(`/api/maintenance/priorities/${urgent.id}`, {
      responseMinutes: 0,
    });
    expect(pathsOf(zero)).toEqual(['responseMinutes']);
  });
});

describe('SLA overrides', () => {
  it('sets, replaces, lists and removes a category × priority override', async () => {
    const cats = (await t.admin.get('/api/maintenance/categories')).json<Category[]>();
    const prios = (await t.admin.get('/api/maintenance/priorities')).json<Priority[]>();
    const elevator = cats.find((c) => c.code === 'elevator')!.id;
    const urgent = prios.find((p) => p.code === 'urgent')!.id;
    const body = {
      categoryId: elevator,
      priorityId: urgent,
      responseMinutes: 10,
      completionMinutes: 120,
    };
    const set = await put(t.admin, '/api/maintenance/sla-targets', body);
    expect(set.statusCode, set.body).toBe(200);
    const first = set.json<Override>();
    const again = await put(t.admin, '/api/maintenance/sla-targets', {
      ...body,
      responseMinutes: 5,
    });
    expect(again.json<Override>()).toMatchObject({ id: first.id, responseMinutes: 5 });
    const list = (await t.admin.get('/api/maintenance/sla-targets')).json<Override[]>();
    expect(list).toEqual([expect.objectContaining({ id: first.id, categoryName: '电梯' })]);

    const bad = await put(t.admin, '/api/maintenance/sla-targets', {
      ...body,
      completionMinutes: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad)).toEqual(['completionMinutes']);
    const missing = await put(t.admin, '/api/maintenance/sla-targets', { categoryId: 'x' });
    expect(pathsOf(missing)).toEqual(
      expect.arrayContaining(['categoryId', 'priorityId', 'responseMinutes']),
    );

    const del = await t.admin.delete(`/api/maintenance/sla-targets/${first.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await t.admin.get('/api/maintenance/sla-targets')).json()).toEqual([]);
    expect((await t.admin.delete(`/api/maintenance/sla-targets/${first.id}`)).statusCode).toBe(404);
    expect((await auditOf(first.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('settings', () => {
  it('reads and changes the settings within their bounds', async () => {
    const got = await t.admin.get('/api/maintenance/settings');
    expect(got.json()).toEqual({ autoConfirmDays: 3, excludePaused: true, warnBeforeMinutes: 30 });
    const res = await t.admin.patch('/api/maintenance/settings', {
      autoConfirmDays: 7,
      excludePaused: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ autoConfirmDays: 7, excludePaused: false, warnBeforeMinutes: 30 });
    const bad = await t.admin.patch('/api/maintenance/settings', {
      autoConfirmDays: 61,
      warnBeforeMinutes: 1441,
    });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['autoConfirmDays', 'warnBeforeMinutes']);
    const en = await t.admin.request({
      method: 'PATCH',
      url: '/api/maintenance/settings',
      payload: { autoConfirmDays: 0 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json<Problems>().error.message).toContain('1–60 days');
  });
});

describe('who may change the settings', () => {
  it('refuses a dispatcher (403)', async () => {
    const cats = (await t.admin.get('/api/maintenance/categories')).json<Category[]>();
    const calls = [
      dispatcher.post('/api/maintenance/categories', { code: 'x1', name: 'x' }),
      dispatcher.patch(`/api/maintenance/categories/${cats[0]!.id}`, { name: 'x' }),
      dispatcher.get('/api/maintenance/settings'),
      dispatcher.patch('/api/maintenance/settings', { autoConfirmDays: 5 }),
      dispatcher.get('/api/maintenance/sla-targets'),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode).toBe(403);
  });

  it('answers 404 for another organisation’s records', async () => {
    const theirs = (await other.get('/api/maintenance/categories')).json<Category[]>();
    const prios = (await other.get('/api/maintenance/priorities')).json<Priority[]>();
    const override = await put(other, '/api/maintenance/sla-targets', {
      categoryId: theirs[0]!.id,
      priorityId: prios[0]!.id,
      responseMinutes: 5,
      completionMinutes: 50,
    });
    expect(override.statusCode, override.body).toBe(200);
    expect(
      (await t.admin.patch(`/api/maintenance/categories/${theirs[0]!.id}`, { name: '改' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.admin.patch(`/api/maintenance/priorities/${prios[0]!.id}`, { name: '改' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.admin.delete(`/api/maintenance/sla-targets/${override.json<Override>().id}`))
        .statusCode,
    ).toBe(404);
    const mixed = await put(t.admin, '/api/maintenance/sla-targets', {
      categoryId: theirs[0]!.id,
      priorityId: prios[0]!.id,
      responseMinutes: 5,
      completionMinutes: 50,
    });
    expect(mixed.statusCode).toBe(404);
    // Their settings are their own.
    expect((await other.get('/api/maintenance/settings')).json()).toMatchObject({
      autoConfirmDays: 3,
    });
  });
});

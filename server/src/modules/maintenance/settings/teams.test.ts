import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { otherOrganization } from './test-support.ts';
import { orgToday } from './teams.ts';

let t: TestApp;
let site: { id: string };
let westSite: { id: string };
let tech1: Agent;
let tech2: Agent;
let tech3: Agent;
let dispatcher: Agent;
let other: Agent;
let today: string;

type Team = {
  id: string;
  name: string;
  siteId: string | null;
  active: boolean;
  members: { userId: string; displayName: string; leader: boolean }[];
};
type Duty = { day: string; userId: string; displayName: string; startTime: string };
type Rule = { id: string; categoryId: string | null; siteId: string | null; teamName: string };
type Problems = { error: { message: string; details: { path: string }[] } };

const put = (agent: Agent, url: string, payload: unknown) =>
  agent.request({ method: 'PUT', url, payload: payload as object });
const pathsOf = (res: { json<T>(): T }) => res.json<Problems>().error.details.map((d) => d.path);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function newTeam(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/maintenance/teams', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Team>();
}

beforeAll(async () => {
  t = await createTestApp();
  site = await buildSite(t.admin);
  westSite = await buildSite(t.admin);
  tech1 = await buildUser(t, { roleKey: 'technician', siteId: site.id });
  tech2 = await buildUser(t, { roleKey: 'technician', siteId: site.id });
  tech3 = await buildUser(t, { roleKey: 'technician', siteId: site.id });
  dispatcher = await buildUser(t, { roleKey: 'dispatcher', siteId: site.id });
  other = await otherOrganization(t, 'team');
  today = await orgToday(t.db, t.orgId);
});
afterAll(() => t.close());

describe('teams', () => {
  it('creates, renames, retires a team and sets its members', async () => {
    const team = await newTeam(t.admin, { name: '水电班', siteId: site.id });
    expect(team).toMatchObject({ name: '水电班', siteId: site.id, active: true, members: [] });
    const members = await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId, leader: true }, { userId: tech2.userId }],
    });
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json<Team>().members).toEqual([
      expect.objectContaining({ userId: tech1.userId, leader: true }),
      expect.objectContaining({ userId: tech2.userId, leader: false }),
    ]);
    const patched = await t.admin.patch(`/api/maintenance/teams/${team.id}`, {
      name: '水电一班',
      siteId: null,
      active: false,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Team>()).toMatchObject({ name: '水电一班', siteId: null, active: false });
    const listed = (await t.admin.get('/api/maintenance/teams')).json<Team[]>();
    const mine = listed.find((x) => x.id === team.id)!;
    expect(mine.members.map((m) => m.displayName)).toHaveLength(2);
    const activeOnly = (await t.admin.get('/api/maintenance/teams?active=true')).json<Team[]>();
    expect(activeOnly.some((x) => x.id === team.id)).toBe(false);
  });

  it('answers 409 to a name in use and 400 to bad input or members', async () => {
    await newTeam(t.admin, { name: '木工班' });
    expect((await t.admin.post('/api/maintenance/teams', { name: '木工班' })).statusCode).toBe(409);
    const bad = await t.admin.post('/api/maintenance/teams', { name: '', siteId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['name', 'siteId']);
    const team = await newTeam(t.admin, { name: '空调班' });
    const stranger = await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId }, { userId: other.userId }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(pathsOf(stranger)).toEqual(['members.1.userId']);
    const twice = await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId }, { userId: tech1.userId }],
    });
    expect(twice.statusCode).toBe(400);
  });

  it('lets a dispatcher read the teams of their site but not change them', async () => {
    const here = await newTeam(t.admin, { name: '本部班', siteId: site.id });
    const there = await newTeam(t.admin, { name: '西院班', siteId: westSite.id });
    const seen = (await dispatcher.get('/api/maintenance/teams')).json<Team[]>().map((x) => x.id);
    expect(seen).toContain(here.id);
    expect(seen).not.toContain(there.id);
    expect(
      (await dispatcher.get(`/api/maintenance/teams/${there.id}/duty?from=${today}&to=${today}`))
        .statusCode,
    ).toBe(404);
    expect((await dispatcher.post('/api/maintenance/teams', { name: '我的班' })).statusCode).toBe(
      403,
    );
    expect(
      (await dispatcher.patch(`/api/maintenance/teams/${here.id}`, { name: '改' })).statusCode,
    ).toBe(403);
    expect(
      (
        await put(dispatcher, `/api/maintenance/teams/${here.id}/duty`, {
          days: [today],
          entries: [],
        })
      ).statusCode,
    ).toBe(403);
    expect((await dispatcher.get('/api/maintenance/dispatch-rules')).statusCode).toBe(403);
    // Neither a settings manager nor a dispatcher: no teams.
    expect((await tech1.get('/api/maintenance/teams')).statusCode).toBe(403);
  });
});

describe('duty roster', () => {
  it('replaces the entries of the given days and reads a range', async () => {
    const team = await newTeam(t.admin, { name: '值班测试班' });
    await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId }, { userId: tech2.userId }],
    });
    const d1 = addDays(today, 1);
    const d2 = addDays(today, 2);
    const first = await put(t.admin, `/api/maintenance/teams/${team.id}/duty`, {
      days: [d1, d2],
      entries: [
        { day: d1, userId: tech1.userId, startTime: '08:00', endTime: '17:30' },
        { day: d1, userId: tech2.userId, startTime: '17:30', endTime: '08:00' },
        { day: d2, userId: tech2.userId, startTime: '08:00', endTime: '17:30' },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Duty[]>()).toHaveLength(3);
    // Replacing day 2 only leaves day 1 as it was.
    const second = await put(t.admin, `/api/maintenance/teams/${team.id}/duty`, {
      days: [d2],
      entries: [{ day: d2, userId: tech1.userId, startTime: '09:00', endTime: '18:00' }],
    });
    expect(second.json<Duty[]>().map((d) => d.userId)).toEqual([tech1.userId]);
    const range = await dispatcher.get(
      `/api/maintenance/teams/${team.id}/duty?from=${today}&to=${addDays(today, 7)}`,
    );
    expect(range.statusCode, range.body).toBe(200);
    expect(range.json<Duty[]>().map((d) => `${d.day} ${d.startTime}`)).toEqual([
      `${d1} 08:00`,
      `${d1} 17:30`,
      `${d2} 09:00`,
    ]);

    // Taking someone off the team takes them off its roster from today on.
    await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId }],
    });
    const after = (
      await t.admin.get(`/api/maintenance/teams/${team.id}/duty?from=${today}&to=${d2}`)
    ).json<Duty[]>();
    expect(after.every((d) => d.userId === tech1.userId)).toBe(true);
  });

  it('refuses non-members, bad times, days outside the list and long ranges', async () => {
    const team = await newTeam(t.admin, { name: '值班校验班' });
    await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId }],
    });
    const url = `/api/maintenance/teams/${team.id}/duty`;
    const outsider = await put(t.admin, url, {
      days: [today],
      entries: [{ day: today, userId: tech3.userId, startTime: '08:00', endTime: '17:00' }],
    });
    expect(outsider.statusCode).toBe(400);
    expect(pathsOf(outsider)).toEqual(['entries.0.userId']);
    const bad = await put(t.admin, url, {
      days: [today],
      entries: [
        { day: today, userId: tech1.userId, startTime: '8:00', endTime: '24:00' },
        { day: addDays(today, 1), userId: tech1.userId, startTime: '08:00', endTime: '17:00' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual([
      'entries.0.endTime',
      'entries.0.startTime',
      'entries.1.day',
    ]);
    const long = await t.admin.get(`${url}?from=${today}&to=${addDays(today, 62)}`);
    expect(long.statusCode).toBe(400);
    expect(pathsOf(long)).toEqual(['to']);
    expect((await t.admin.get(`${url}?from=${today}&to=${addDays(today, 61)}`)).statusCode).toBe(
      200,
    );
  });
});

describe('dispatch rules', () => {
  it('creates, lists, changes and deletes rules; a second rule for the same pair is 409', async () => {
    const team = await newTeam(t.admin, { name: '规则班' });
    const cats = (await t.admin.get('/api/maintenance/categories')).json<
      { id: string; code: string }[]
    >();
    const lock = cats.find((c) => c.code === 'lock')!.id;
    const furniture = cats.find((c) => c.code === 'furniture')!.id;
    const create = (body: Record<string, unknown>) =>
      t.admin.post('/api/maintenance/dispatch-rules', { teamId: team.id, ...body });
    const res = await create({ categoryId: lock, siteId: westSite.id, autoAssign: false });
    expect(res.statusCode, res.body).toBe(201);
    const rule = res.json<Rule>();
    expect(rule.teamName).toBe('规则班');
    expect((await create({ categoryId: lock, siteId: westSite.id })).statusCode).toBe(409);
    // NULL means "any": two catch-alls would clash too.
    const anyA = await create({ categoryId: null, siteId: westSite.id });
    expect(anyA.statusCode).toBe(201);
    const anyB = await create({ categoryId: null, siteId: westSite.id });
    expect(anyB.statusCode).toBe(409);
    expect(anyB.json<Problems>().error.message).toContain('派工规则');
    const moved = await t.admin.patch(`/api/maintenance/dispatch-rules/${anyA.json<Rule>().id}`, {
      categoryId: lock,
    });
    expect(moved.statusCode).toBe(409);
    const changed = await t.admin.patch(`/api/maintenance/dispatch-rules/${rule.id}`, {
      categoryId: furniture,
      autoAssign: true,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Rule>().categoryId).toBe(furniture);
    const list = (await t.admin.get('/api/maintenance/dispatch-rules')).json<Rule[]>();
    expect(list[0]?.id).toBe(rule.id); // category × site is the most specific
    const bad = await t.admin.post('/api/maintenance/dispatch-rules', { categoryId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['categoryId', 'siteId', 'teamId']);
    expect((await t.admin.delete(`/api/maintenance/dispatch-rules/${rule.id}`)).statusCode).toBe(
      200,
    );
    expect((await t.admin.delete(`/api/maintenance/dispatch-rules/${rule.id}`)).statusCode).toBe(
      404,
    );
    await t.admin.delete(`/api/maintenance/dispatch-rules/${anyA.json<Rule>().id}`);
  });

  it('answers 404 for another organisation’s teams and rules', async () => {
    const theirTeam = await newTeam(other, { name: '他院班组' });
    const rule = await other.post('/api/maintenance/dispatch-rules', {
      categoryId: null,
      siteId: null,
      teamId: theirTeam.id,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const ruleId = rule.json<Rule>().id;
    const id = theirTeam.id;
    const calls = [
      t.admin.patch(`/api/maintenance/teams/${id}`, { name: '改' }),
      put(t.admin, `/api/maintenance/teams/${id}/members`, { members: [] }),
      t.admin.get(`/api/maintenance/teams/${id}/duty?from=${today}&to=${today}`),
      put(t.admin, `/api/maintenance/teams/${id}/duty`, { days: [today], entries: [] }),
      t.admin.patch(`/api/maintenance/dispatch-rules/${ruleId}`, { autoAssign: false }),
      t.admin.delete(`/api/maintenance/dispatch-rules/${ruleId}`),
      t.admin.post('/api/maintenance/dispatch-rules', {
        categoryId: null,
        siteId: null,
        teamId: id,
      }),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    const ours = (await t.admin.get('/api/maintenance/teams')).json<Team[]>();
    expect(ours.some((x) => x.id === id)).toBe(false);
  });
});

describe('dispatch by rule and roster', () => {
  it('gives a new order to the on-duty member with the fewest open orders', async () => {
    const building = await buildLocation(t.admin, { siteId: site.id, name: '后勤楼' });
    const cats = (await t.admin.get('/api/maintenance/categories')).json<
      { id: string; code: string }[]
    >();
    const socket = cats.find((c) => c.code === 'socket')!.id;
    const team = await newTeam(t.admin, { name: '电工班', siteId: site.id });
    await put(t.admin, `/api/maintenance/teams/${team.id}/members`, {
      members: [{ userId: tech1.userId }, { userId: tech2.userId }, { userId: tech3.userId }],
    });
    // tech1 and tech2 on duty all day today; tech3 (idle) is not on duty.
    const allDay = { startTime: '00:00', endTime: '00:00' };
    const duty = await put(t.admin, `/api/maintenance/teams/${team.id}/duty`, {
      days: [today],
      entries: [
        { day: today, userId: tech1.userId, ...allDay },
        { day: today, userId: tech2.userId, ...allDay },
      ],
    });
    expect(duty.statusCode, duty.body).toBe(200);
    const rule = await t.admin.post('/api/maintenance/dispatch-rules', {
      categoryId: socket,
      siteId: site.id,
      teamId: team.id,
      autoAssign: true,
    });
    expect(rule.statusCode, rule.body).toBe(201);

    type Created = { id: string; status: string; assignee: { id: string } | null };
    const report = async () => {
      const res = await t.admin.post('/api/maintenance/work-orders', {
        locationId: building.id,
        categoryId: socket,
        description: '插座没电',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Created>();
    };
    const first = await report();
    expect(first.status).toBe('assigned');
    const busy = first.assignee!.id;
    expect([tech1.userId, tech2.userId]).toContain(busy);
    const second = await report();
    expect(second.status).toBe('assigned');
    const idle = busy === tech1.userId ? tech2.userId : tech1.userId;
    expect(second.assignee?.id).toBe(idle);
  });
});

/**
 * The organisation the maintenance benchmark runs in, made through the API
 * like an administrator would: sites, departments, buildings and rooms, and
 * the accounts that report, dispatch and repair. Only the million work orders
 * are loaded behind the server's back (see load.ts).
 */
import type { Houqin } from '../../lib/server.ts';

export const BENCH_PASSWORD = 'bench-pass-1';
/** Share of the orders at each site: one main campus, three smaller ones. */
export const SITE_WEIGHTS = [0.5, 0.25, 0.15, 0.1];
const BUILDINGS_PER_SITE = 4;
const ROOMS_PER_BUILDING = 25;
const DEPARTMENTS = 40;
const TECHNICIANS = 16;
const REPORTERS = 24;

export type Room = { id: string; siteId: string; buildingId: string };
export type Fixtures = {
  orgId: string;
  timeZone: string;
  siteIds: string[];
  rooms: Room[];
  departmentIds: string[];
  categories: { id: string; code: string }[];
  priorities: { id: string; code: string; response: number; completion: number }[];
  technicianIds: string[];
  /** Staff accounts who report for themselves (the rest are phoned in). */
  reporterIds: string[];
  dispatcherId: string;
  /** Session cookies. */
  cookies: { dispatcher: string; staff: string };
};

type Api = <T>(method: 'GET' | 'POST', url: string, body?: unknown) => Promise<T>;

function apiOf(h: Houqin): Api {
  return async <T>(method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await fetch(h.base + url, {
      method,
      headers: {
        cookie: h.cookie,
        origin: h.base,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Runs `fn` over `items`, `width` at a time (the server takes a few requests at once). */
async function inParallel<T, R>(items: T[], width: number, fn: (x: T) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('houqin_session='));
  if (!cookie) throw new Error('login set no houqin_session cookie');
  return cookie.split(';')[0]!;
}

export async function makeFixtures(h: Houqin): Promise<Fixtures> {
  const api = apiOf(h);
  const me = await api<{ organization: { id: string; timezone: string } }>('GET', '/api/me');
  const sites = await inParallel(
    SITE_WEIGHTS.map((_, i) => i),
    4,
    (i) => api<{ id: string }>('POST', '/api/sites', { code: `MB${i}`, name: `压测院区${i + 1}` }),
  );
  const departments = await inParallel(
    Array.from({ length: DEPARTMENTS }, (_, i) => i),
    4,
    (i) => api<{ id: string }>('POST', '/api/departments', { code: `MD${i}`, name: `科室${i}` }),
  );
  const buildings = await inParallel(
    sites.flatMap((s, si) =>
      Array.from({ length: BUILDINGS_PER_SITE }, (_, b) => ({
        siteId: s.id,
        code: `MB${si}-${b}`,
      })),
    ),
    4,
    async (b) => ({
      ...b,
      id: (
        await api<{ id: string }>('POST', '/api/locations', {
          siteId: b.siteId,
          type: 'building',
          code: b.code,
          name: `${b.code}楼`,
        })
      ).id,
    }),
  );
  const rooms = await inParallel(
    buildings.flatMap((b) =>
      Array.from({ length: ROOMS_PER_BUILDING }, (_, r) => ({ building: b, r })),
    ),
    4,
    async ({ building: b, r }) => ({
      siteId: b.siteId,
      buildingId: b.id,
      id: (
        await api<{ id: string }>('POST', '/api/locations', {
          siteId: b.siteId,
          parentId: b.id,
          type: 'room',
          code: `${b.code}-${r}`,
          name: `${Math.floor(r / 5) + 1}${String((r % 5) + 1).padStart(2, '0')}室`,
        })
      ).id,
    }),
  );
  const roles = await api<{ id: string; key: string }[]>('GET', '/api/roles');
  const roleId = (key: string) => roles.find((r) => r.key === key)!.id;
  const user = (username: string, role: string, siteId: string | null = null) =>
    api<{ id: string }>('POST', '/api/users', {
      username,
      password: BENCH_PASSWORD,
      displayName: username,
      grants: [{ roleId: roleId(role), siteId }],
    });
  // Passwords are hashed with scrypt: two at a time is what two cores take.
  const technicians = await inParallel(
    Array.from({ length: TECHNICIANS }, (_, i) => `mnt-tech-${i}`),
    2,
    (u) => user(u, 'technician'),
  );
  const reporters = await inParallel(
    Array.from({ length: REPORTERS }, (_, i) => `mnt-staff-${i}`),
    2,
    (u) => user(u, 'staff'),
  );
  // The dispatcher of the main campus: sees that site's orders, and those they entered.
  const dispatcher = await user('mnt-dispatcher', 'dispatcher', sites[0]!.id);
  const categories = await api<{ id: string; code: string }[]>(
    'GET',
    '/api/maintenance/categories',
  );
  const priorities = await api<
    { id: string; code: string; responseMinutes: number; completionMinutes: number }[]
  >('GET', '/api/maintenance/priorities');
  return {
    orgId: me.organization.id,
    timeZone: me.organization.timezone,
    siteIds: sites.map((s) => s.id),
    rooms,
    departmentIds: departments.map((d) => d.id),
    categories,
    priorities: priorities.map((p) => ({
      id: p.id,
      code: p.code,
      response: p.responseMinutes,
      completion: p.completionMinutes,
    })),
    technicianIds: technicians.map((t) => t.id),
    reporterIds: reporters.map((r) => r.id),
    dispatcherId: dispatcher.id,
    cookies: {
      dispatcher: await login(h.base, 'mnt-dispatcher'),
      staff: await login(h.base, 'mnt-staff-0'),
    },
  };
}

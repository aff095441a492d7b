import type { Agent, TestApp } from './test-app.ts';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

async function created<T>(
  res: { statusCode: number; body: string; json(): unknown },
  what: string,
): Promise<T> {
  if (res.statusCode !== 201) throw new Error(`create ${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export type Site = { id: string; code: string; name: string };
export type LocationDto = {
  id: string;
  siteId: string;
  parentId: string | null;
  type: string;
  code: string;
  name: string;
  path: string;
  qrToken: string;
};
export type PersonDto = {
  id: string;
  employeeNo: string;
  name: string;
  departmentId: string | null;
};
export type DepartmentDto = { id: string; code: string; name: string; parentId: string | null };

export async function buildSite(
  agent: Agent,
  overrides: Partial<{ code: string; name: string }> = {},
): Promise<Site> {
  const n = next();
  return created(
    await agent.post('/api/sites', { code: `S${n}`, name: `院区${n}`, ...overrides }),
    'site',
  );
}

export async function buildLocation(
  agent: Agent,
  overrides: { siteId: string } & Partial<{
    parentId: string | null;
    type: string;
    code: string;
    name: string;
    areaM2: number;
  }>,
): Promise<LocationDto> {
  const n = next();
  return created(
    await agent.post('/api/locations', {
      type: 'building',
      code: `L${n}`,
      name: `楼${n}`,
      ...overrides,
    }),
    'location',
  );
}

export async function buildDepartment(
  agent: Agent,
  overrides: Partial<{ code: string; name: string; parentId: string | null }> = {},
): Promise<DepartmentDto> {
  const n = next();
  return created(
    await agent.post('/api/departments', { code: `D${n}`, name: `科室${n}`, ...overrides }),
    'department',
  );
}

export async function buildPerson(
  agent: Agent,
  overrides: Partial<{
    employeeNo: string;
    name: string;
    departmentId: string | null;
    phone: string;
    email: string;
  }> = {},
): Promise<PersonDto> {
  const n = next();
  return created(
    await agent.post('/api/people', { employeeNo: `E${n}`, name: `员工${n}`, ...overrides }),
    'person',
  );
}

/**
 * A user holding built-in role `roleKey` (org-wide, or at `siteId`), signed in.
 */
export async function buildUser(
  t: TestApp,
  opts: { roleKey: string; siteId?: string | null; username?: string; password?: string },
): Promise<Agent> {
  const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
  const role = roles.find((r) => r.key === opts.roleKey);
  if (!role) throw new Error(`no role ${opts.roleKey}`);
  const username = opts.username ?? `u${next()}`;
  const password = opts.password ?? 'user-pass-123';
  await created(
    await t.admin.post('/api/users', {
      username,
      password,
      displayName: username,
      grants: [{ roleId: role.id, siteId: opts.siteId ?? null }],
    }),
    'user',
  );
  return t.login(username, password);
}

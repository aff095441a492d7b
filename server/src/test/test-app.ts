import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type RouteInfo } from '../app.ts';
import { syncBuiltinRoles } from '../platform/access/roles-service.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Db, DialectName } from '../platform/db/connect.ts';
import type { App } from '../platform/http/types.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export const ADMIN = { username: 'admin', password: 'admin-pass-1', name: '系统管理员' };

/** A signed-in client: every request carries the session cookie and a same-origin Origin. */
export type Agent = {
  userId: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: App;
  setupToken: string;
  routes: RouteInfo[];
  db: Db;
  dialect: DialectName;
  config: Config;
  testDb: TestDb;
  orgId: string;
  admin: Agent;
  login(username: string, password: string): Promise<Agent>;
  close(): Promise<void>;
};

export function agentFor(app: App, cookie: string, userId: string): Agent {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        cookie,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        ...(opts.headers ?? {}),
      },
    });
  return {
    userId,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) =>
      request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export async function loginAgent(app: App, username: string, password: string): Promise<Agent> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'houqin_session');
  if (!cookie) throw new Error('no session cookie');
  return agentFor(app, `houqin_session=${cookie.value}`, res.json<{ userId: string }>().userId);
}

/**
 * A real app on a fresh real database, already set up with one organisation
 * and a signed-in administrator. `setup: false` leaves it empty.
 */
export async function createTestApp(
  opts: { setup?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: testDb.dataDir,
    LOG_LEVEL: 'silent',
    SCHEDULER: 'off',
    ...opts.env,
  });
  const { app, routes, deps } = await buildApp({ config, handle: testDb.handle, logger: false });
  await app.ready();
  const db = testDb.handle.db;
  let orgId = '';
  let admin = undefined as unknown as Agent;
  if (opts.setup !== false) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { organization: { name: '测试医院' }, admin: ADMIN },
    });
    if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
    orgId = res.json<{ organizationId: string }>().organizationId;
    await syncBuiltinRoles(db, orgId);
    admin = await loginAgent(app, ADMIN.username, ADMIN.password);
  }
  return {
    app,
    setupToken: deps.setupToken,
    routes,
    db,
    dialect: testDb.handle.dialect,
    config,
    testDb,
    orgId,
    admin,
    login: (u, p) => loginAgent(app, u, p),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

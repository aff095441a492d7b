import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, agentFor, createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildUser } from '../../test/factories.ts';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_ANYWHERE,
  MAX_FAILURES_PER_IP,
  SESSION_IDLE_MS,
  sha256,
} from './sessions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('setup', () => {
  it('answers 409 once an organisation exists', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        organization: { name: 'X' },
        admin: { username: 'x1', password: 'password1', name: 'X' },
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect((await t.app.inject({ url: '/api/setup' })).json()).toEqual({
      needsSetup: false,
      tokenRequired: false,
    });
  });
});

describe('sign-in', () => {
  it('logs in and tells who I am, with my permissions', async () => {
    const me = await t.admin.get('/api/me');
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.username).toBe(ADMIN.username);
    expect(body.organization.name).toBe('测试医院');
    expect(body.permissions.map((p: { permission: string }) => p.permission)).toContain(
      'users:manage',
    );
  });

  it('sets an httpOnly SameSite=Lax cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ADMIN.username, password: ADMIN.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'houqin_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('answers 401 without a session and for a wrong password, in the asked language', async () => {
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ADMIN.username, password: 'wrong-one' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error.message).toBe('用户名或密码错误');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'wrong-one' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('locks an account from one address after too many failures, with 429 and Retry-After', async () => {
    await buildUser(t, { roleKey: 'staff', username: 'victim', password: 'victim-pass-1' });
    const attacker = '198.51.100.7';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: attacker,
        payload: { username: 'victim', password: 'nope-nope' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: attacker,
      payload: { username: 'victim', password: 'victim-pass-1' },
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().error.message).toMatch(/分钟后再试/);
    // The real user, elsewhere, is not locked out by the attacker.
    const real = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.9',
      payload: { username: 'victim', password: 'victim-pass-1' },
    });
    expect(real.statusCode).toBe(200);
  });

  it('counts a burst of parallel guesses in full', async () => {
    await buildUser(t, { roleKey: 'staff', username: 'burst', password: 'burst-pass-1' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '198.51.100.8',
          payload: { username: 'burst', password: 'wrong-guess' },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(
      20 - MAX_FAILURES_PER_ACCOUNT,
    );
  });

  it('lets many colleagues behind one address sign in at once', async () => {
    const n = MAX_FAILURES_PER_IP + 2;
    for (let i = 0; i < n; i++) {
      await t.admin.post('/api/users', {
        username: `nat${i}`,
        password: 'nat-pass-123',
        displayName: `护士${i}`,
      });
    }
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '198.51.100.200',
          payload: { username: `nat${i}`, password: 'nat-pass-123' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 200));
  });

  it('caps failures per account from everywhere (distributed guessing)', async () => {
    await buildUser(t, { roleKey: 'staff', username: 'spread', password: 'spread-pass-1' });
    const at = new Date().toISOString();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ANYWHERE; i++) {
      await t.db
        .insertInto('login_attempts')
        .values({
          id: crypto.randomUUID(),
          username: 'spread',
          ip: `10.9.${i >> 8}.${i & 255}`,
          success: 0,
          at,
        })
        .execute();
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.10',
      payload: { username: 'spread', password: 'spread-pass-1' },
    });
    expect(res.statusCode).toBe(429);
  });

  it('throttles one address trying many accounts', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { username: `guess${i}`, password: 'nope-nope' },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { username: ADMIN.username, password: ADMIN.password },
    });
    expect(blocked.statusCode).toBe(429);
    // Another address is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.78',
      payload: { username: ADMIN.username, password: ADMIN.password },
    });
    expect(other.statusCode).toBe(200);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const idle = await t.login(ADMIN.username, ADMIN.password);
    const idleId = sha256(idle.cookie.split('=')[1]!);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString() })
      .where('id', '=', idleId)
      .execute();
    expect((await idle.get('/api/me')).statusCode).toBe(401);
    const old = await t.login(ADMIN.username, ADMIN.password);
    const oldId = sha256(old.cookie.split('=')[1]!);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', oldId)
      .execute();
    expect((await old.get('/api/me')).statusCode).toBe(401);
    // Expired sessions are removed, not just ignored.
    expect(
      await t.db.selectFrom('sessions').select('id').where('id', 'in', [idleId, oldId]).execute(),
    ).toEqual([]);
  });

  it('logout ends the session', async () => {
    const agent = await t.login(ADMIN.username, ADMIN.password);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write from another origin', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/sites',
      headers: { origin: 'https://evil.example' },
      payload: { code: 'X1', name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie: t.admin.cookie, 'sec-fetch-site': 'cross-site' },
      payload: { code: 'X2', name: 'x' },
    });
    expect(crossSite.statusCode).toBe(403);
    // `Origin: null` (a form POST under no-referrer) passes only when the
    // browser itself says the request is same-origin.
    const nullOrigin = (site: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/sites',
        headers: { cookie: t.admin.cookie, origin: 'null', 'sec-fetch-site': site },
        payload: { code: `N-${site}`, name: 'x' },
      });
    expect((await nullOrigin('cross-site')).statusCode).toBe(403);
    expect((await nullOrigin('same-site')).statusCode).toBe(403);
    expect((await nullOrigin('same-origin')).statusCode).toBe(201);
  });
});

describe('password reset', () => {
  it('forces a change before anything else and ends old sessions', async () => {
    const user = await buildUser(t, {
      roleKey: 'manager',
      username: 'resetme',
      password: 'first-pass-1',
    });
    const res = await t.admin.post(`/api/users/${user.userId}/reset-password`, {
      password: 'temp-pass-1',
    });
    expect(res.statusCode).toBe(200);
    expect((await user.get('/api/me')).statusCode).toBe(401);
    const again = await t.login('resetme', 'temp-pass-1');
    expect((await again.get('/api/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await again.get('/api/people');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const short = await again.post('/api/auth/password', {
      currentPassword: 'temp-pass-1',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].message).toBe('密码至少 8 位');
    expect(
      (
        await again.post('/api/auth/password', {
          currentPassword: 'temp-pass-1',
          newPassword: 'final-pass-1',
        })
      ).statusCode,
    ).toBe(200);
    expect((await again.get('/api/people')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticates with Bearer, needs no Origin, and stops working when revoked', async () => {
    const created = await t.admin.post(`/api/users/${t.admin.userId}/tokens`, {
      name: '能耗采集接口',
    });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^hq_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ url: '/api/me', headers: bearer });
    expect(me.json().authVia).toBe('token');
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/departments',
      headers: bearer,
      payload: { code: 'API1', name: '接口建的科室' },
    });
    expect(write.statusCode).toBe(201);
    expect(
      (await t.admin.delete(`/api/users/${t.admin.userId}/tokens/${item.id}`)).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: bearer })).statusCode).toBe(401);
  });

  it('a garbage cookie is simply signed out', async () => {
    const ghost = agentFor(t.app, 'houqin_session=nope', 'x');
    expect((await ghost.get('/api/me')).statusCode).toBe(401);
  });
});

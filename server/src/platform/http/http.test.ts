import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { DbOrTx } from '../db/connect.ts';
import { inWrittenJoinOrder } from '../db/dialect.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('bad input gets a 4xx in the one error shape', () => {
  it('malformed JSON', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "张三",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_JSON',
      message: '请求体不是有效的 JSON',
    });
  });

  it('unknown fields and wrong types, with field paths', async () => {
    const unknown = await t.admin.post('/api/people', {
      employeeNo: 'A1',
      name: '张三',
      salary: 100,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(unknown.json().error.message).toContain('salary');
    const wrongType = await t.admin.post('/api/people', { employeeNo: 12, name: '张三' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details[0].path).toBe('employeeNo');
    const en = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      headers: { 'accept-language': 'en' },
      payload: { employeeNo: 12, name: 'x' },
    });
    expect(en.json().error.message).toMatch(/^Invalid body: employeeNo: Invalid input/);
  });

  it('bad query and path parameters', async () => {
    expect((await t.admin.get('/api/people?pageSize=100000')).statusCode).toBe(400);
    expect((await t.admin.get('/api/people?colour=red')).statusCode).toBe(400);
    const badId = await t.admin.get('/api/people/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/^路径参数有误/);
  });

  it('oversize bodies', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('NUL characters anywhere, the same on both databases', async () => {
    const body = await t.admin.post('/api/people', { employeeNo: 'N1', name: 'a\u0000b' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.details[0]).toEqual({
      path: 'name',
      message: '不能包含空字符（\\u0000）',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000b', password: 'whatever-1' },
    });
    expect(login.statusCode).toBe(400);
    expect((await t.admin.get('/api/people?q=%00')).statusCode).toBe(400);
  });

  it('unknown endpoints and unsupported content types', async () => {
    const res = await t.admin.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    const xml = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      headers: { 'content-type': 'application/xml' },
      payload: '<p/>',
    });
    expect(xml.statusCode).toBe(415);
  });
});

describe('operational endpoints', () => {
  it('health, readiness and metrics', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({
      status: 'ready',
      database: t.dialect,
    });
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('houqin_http_request_duration_seconds');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('OpenAPI 3.1 from the zod schemas, and Swagger UI', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(
      doc.paths['/api/people'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['employeeNo', 'name']);
    expect(doc.paths['/api/auth/login']).toBeDefined();
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('request ids, security headers and compression', async () => {
    const res = await t.admin.request({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'x-request-id': 'trace-123', 'accept-encoding': 'gzip' },
    });
    // A client cannot choose the request id the audit log records (no TRUST_PROXY here).
    expect(res.headers['x-request-id']).not.toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-encoding']).toBe('gzip');
    const generated = await t.app.inject({ url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('audit', () => {
  it('records who changed what, with before and after, filterable', async () => {
    const created = await t.admin.post('/api/departments', { code: 'AUD', name: '审计前' });
    const id = created.json().id;
    await t.admin.patch(`/api/departments/${id}`, { name: '审计后' });
    const log = (await t.admin.get(`/api/audit?entityType=department&entityId=${id}`)).json();
    expect(log.items).toHaveLength(2);
    const [update, create] = log.items;
    expect(update).toMatchObject({
      action: 'update',
      actorUserId: t.admin.userId,
      actorName: '系统管理员',
    });
    expect(update.before.name).toBe('审计前');
    expect(update.after.name).toBe('审计后');
    expect(update.requestId).toBeTruthy();
    expect(update.ip).toBeTruthy();
    expect(create.action).toBe('create');
  });

  it('never stores secrets', async () => {
    const res = await t.admin.post('/api/users', {
      username: 'secretive',
      password: 'very-secret-1',
      displayName: '保密',
    });
    const log = (
      await t.admin.get(`/api/audit?entityType=user&entityId=${res.json().id}&action=create`)
    ).json();
    expect(JSON.stringify(log.items)).not.toContain('very-secret-1');
    expect(JSON.stringify(log.items)).not.toContain('scrypt$');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL connections', () => {
  it('survives the server dropping idle pooled connections', async () => {
    await t.admin.get('/api/me'); // warm the pool
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid()`.execute(t.db);
    // The dropped connections emit 'error' on the pool; the process must live on.
    await new Promise((r) => setTimeout(r, 100));
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect((await t.admin.get('/api/me')).statusCode).toBe(200);
  });

  it('joins in the written order only where asked, and only for that read', async () => {
    const setting = (db: DbOrTx) =>
      sql<{ v: string }>`select current_setting('join_collapse_limit') as v`
        .execute(db)
        .then((r) => r.rows[0]!.v);
    expect(await inWrittenJoinOrder(t.db, setting)).toBe('1');
    expect(await setting(t.db)).toBe('8'); // the server's default again
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ setup: false });
});
afterAll(() => t.close());

const body = {
  organization: { name: '县人民医院', timezone: 'Asia/Shanghai' },
  admin: { username: 'boss', password: 'boss-pass-1', name: '院办主任' },
};

describe('first-run set-up', () => {
  it('from another computer needs the token printed at start', async () => {
    const status = await t.app.inject({ url: '/api/setup', remoteAddress: '192.0.2.5' });
    expect(status.json()).toEqual({ needsSetup: true, tokenRequired: true });
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      remoteAddress: '192.0.2.5',
      payload: body,
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('SETUP_TOKEN_REQUIRED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      remoteAddress: '192.0.2.5',
      headers: { 'x-setup-token': 'guess' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      remoteAddress: '192.0.2.5',
      headers: { 'x-setup-token': t.setupToken },
      payload: body,
    });
    expect(ok.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/setup' })).json()).toEqual({
      needsSetup: false,
      tokenRequired: false,
    });
    const login = await t.login('boss', 'boss-pass-1');
    const me = (await login.get('/api/me')).json();
    expect(me.organization).toMatchObject({ name: '县人民医院', timezone: 'Asia/Shanghai' });
  });
});

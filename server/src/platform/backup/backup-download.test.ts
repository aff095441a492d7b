import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The system page downloads the backup with a plain form POST (enctype
// text/plain, no fields), so the browser streams the file to disk.
describe('backup download from a form', () => {
  it('accepts an empty text/plain form POST and sets the download cookie', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/system/backup?downloadToken=tok-12345678',
      headers: { 'content-type': 'text/plain' },
      payload: '',
    });
    if (t.dialect === 'postgres') {
      expect(res.statusCode).toBe(422);
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    const cookie = res.cookies.find((c) => c.name === 'houqin_download');
    expect(cookie).toMatchObject({ value: 'tok-12345678', path: '/', maxAge: 60 });
    expect(cookie?.httpOnly).toBeFalsy(); // the page reads it
  });

  it('refuses a malformed token', async () => {
    const res = await t.admin.post('/api/system/backup?downloadToken=a;b');
    expect(res.statusCode).toBe(400);
  });

  it('refuses a form posted from another site', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/system/backup',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system page', () => {
  it('tells the version, database kind and data size to administrators only', async () => {
    const info = await t.admin.get('/api/system/info');
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ database: t.dialect, version: expect.any(String) });
    if (t.dialect === 'sqlite') expect(info.json().dataBytes).toBeGreaterThan(0);
    const manager = await buildUser(t, { roleKey: 'manager' });
    expect((await manager.get('/api/system/info')).statusCode).toBe(403);
    expect((await manager.post('/api/system/backup')).statusCode).toBe(403);
  });

  it('downloads a backup archive with the data in it (SQLite), audited', async () => {
    await buildDepartment(t.admin, { code: 'BAK', name: '备份前的科室' });
    const res = await t.admin.post('/api/system/backup');
    if (t.dialect === 'postgres') {
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('PostgreSQL');
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="houqin-.*\.tar\.gz"/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-dl-'));
    const archive = path.join(dir, 'b.tar.gz');
    fs.writeFileSync(archive, res.rawPayload);
    await tar.extract({ file: archive, cwd: dir });
    expect(fs.existsSync(path.join(dir, 'houqin.sqlite'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.counts.organizations).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
    const audit = (await t.admin.get('/api/audit?action=download_backup')).json();
    expect(audit.total).toBe(1);
  });
});

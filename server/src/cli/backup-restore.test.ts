import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../platform/backup/archive.ts';
import { createBackup } from '../platform/backup/create-backup.ts';
import { loadConfig } from '../platform/config.ts';
import { multipartBody, pdfBytes } from '../platform/files/testing.ts';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');
const SERVER_DIR = path.resolve(path.dirname(MAIN), '..');
const ADMIN = { username: 'admin', password: 'admin-pass-1', name: '管理员' };
const dirs: string[] = [];
const children = new Set<ChildProcess>();

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-backup-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The environment of a real installation on `dataDir`: SQLite, no test-only settings. */
function envFor(dataDir: string, port = 0): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'VITEST', 'NODE_ENV']) delete env[k];
  return { ...env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SCHEDULER: 'off' };
}

/** Runs a CLI command to completion. */
function cli(dataDir: string, ...args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: SERVER_DIR,
      env: envFor(dataDir),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

type Server = {
  url: string;
  call(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  login(): Promise<void>;
  stop(): Promise<void>;
};

/** `main.ts start` as a child process, as an administrator would run it. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start'], {
    cwd: SERVER_DIR,
    env: envFor(dataDir, port),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let cookie = '';
  const call: Server['call'] = (method, p, body, headers = {}) =>
    fetch(url + p, {
      method,
      headers: {
        cookie,
        origin: url,
        ...(body === undefined || Buffer.isBuffer(body)
          ? {}
          : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
  return {
    url,
    call,
    async login() {
      const res = await call('POST', '/api/auth/login', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

async function json<T>(res: Promise<Response>, status: number): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const departmentCount = async (s: Server) =>
  (await json<{ total: number }>(s.call('GET', '/api/departments?pageSize=1'), 200)).total;

/** A server with one organisation, a location and a PDF attached to it. */
async function seededServer(dataDir: string) {
  const server = await startServer(dataDir);
  await json(
    server.call('POST', '/api/setup', { organization: { name: '备份医院' }, admin: ADMIN }),
    201,
  );
  await server.login();
  const site = await json<{ id: string }>(
    server.call('POST', '/api/sites', { code: 'S1', name: '东院' }),
    201,
  );
  const loc = await json<{ id: string }>(
    server.call('POST', '/api/locations', {
      siteId: site.id,
      type: 'building',
      code: 'B1',
      name: '门诊楼',
    }),
    201,
  );
  const form = multipartBody([
    { name: 'entityType', value: 'location' },
    { name: 'entityId', value: loc.id },
    { name: 'file', filename: '消防验收.pdf', data: PDF },
  ]);
  await json(server.call('POST', '/api/attachments', form.payload, form.headers), 201);
  for (const code of ['D1', 'D2', 'D3']) {
    await json(server.call('POST', '/api/departments', { code, name: `科室${code}` }), 201);
  }
  return { server, locationId: loc.id };
}

async function readManifest(archive: string): Promise<BackupManifest> {
  const dir = tempDir();
  await tar.extract({ file: archive, cwd: dir }, ['manifest.json']);
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
}

const PDF = pdfBytes();

// SQLite only: on PostgreSQL the database is backed up with pg_dump (which
// `backup` tells the admin to use, see below), so there is nothing of ours
// to snapshot; the suite's PostgreSQL run skips these.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore, SQLite', () => {
  it(
    'snapshots a running server while writes continue and restores it intact elsewhere',
    { timeout: 180_000 },
    async () => {
      const live = tempDir();
      const { server, locationId } = await seededServer(live);
      const before = await departmentCount(server);

      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await json(
            server.call('POST', '/api/departments', {
              code: `W${written}`,
              name: `科室${written}`,
            }),
            201,
          );
          written++;
        }
      })();
      const archive = path.join(tempDir(), 'nightly.tar.gz');
      const [run, inProcess] = await Promise.all([
        cli(live, 'backup', '--out', archive),
        createBackup(loadConfig(envFor(live))),
      ]);
      const writtenDuringBackup = written;
      writing = false;
      await writer;
      const after = await departmentCount(server);
      await server.stop();

      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain('Backup written');
      expect(writtenDuringBackup).toBeGreaterThan(0);
      expect(inProcess.file).toMatch(/backups\/houqin-\d{8}-\d{6}\.tar\.gz$/);
      const manifest = await readManifest(archive);
      expect(manifest).toMatchObject({
        app: 'houqin',
        dialect: 'sqlite',
        integrityCheck: 'ok',
        counts: { organizations: 1, users: 1, attachments: 1 },
      });
      expect(manifest.schema).toMatch(/^\d{4}_/);

      const fresh = tempDir();
      const restored = await cli(fresh, 'restore', archive);
      expect(restored.code, restored.err).toBe(0);
      const again = await startServer(fresh);
      try {
        await again.login();
        const count = await departmentCount(again);
        expect(before).toBe(3);
        expect(count).toBeGreaterThanOrEqual(before);
        expect(count).toBeLessThanOrEqual(after);
        await json(again.call('GET', `/api/locations/${locationId}`), 200);
        const files = await json<{ downloadUrl: string; filename: string }[]>(
          again.call('GET', `/api/attachments?entityType=location&entityId=${locationId}`),
          200,
        );
        expect(files.map((f) => f.filename)).toEqual(['消防验收.pdf']);
        const bytes = Buffer.from(
          await (await again.call('GET', files[0]!.downloadUrl)).arrayBuffer(),
        );
        expect(bytes.equals(PDF)).toBe(true);

        // While a server holds the directory, restore refuses, even with --force.
        const locked = await cli(fresh, 'restore', archive, '--force');
        expect(locked.code).toBe(1);
        expect(locked.err).toContain('in use by another Houqin process');
      } finally {
        await again.stop();
      }

      const refused = await cli(fresh, 'restore', archive);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('--force');
      const forced = await cli(fresh, 'restore', archive, '--force');
      expect(forced.code, forced.err).toBe(0);
      const aside = fs.readdirSync(fresh).filter((n) => n.startsWith('pre-restore-'));
      expect(aside).toHaveLength(1);
      expect(fs.existsSync(path.join(fresh, aside[0]!, 'houqin.sqlite'))).toBe(true);
      expect(
        fs.readdirSync(path.join(fresh, aside[0]!, 'files'), { recursive: true }).length,
      ).toBeGreaterThan(0);
    },
  );

  it('refuses an archive without a manifest, touching nothing', { timeout: 60_000 }, async () => {
    const src = tempDir();
    fs.writeFileSync(path.join(src, 'houqin.sqlite'), 'not a database');
    const archive = path.join(src, 'fake.tar.gz');
    await tar.create({ gzip: true, file: archive, cwd: src }, ['houqin.sqlite']);
    const target = tempDir();
    const res = await cli(target, 'restore', archive);
    expect(res.code).toBe(1);
    expect(res.err).toContain('manifest.json');
    // Only the data-directory lock (kept for the next process) may be there.
    expect(fs.readdirSync(target).filter((n) => n !== 'houqin.lock')).toEqual([]);
  });
});

describe('backup on PostgreSQL', () => {
  it('refuses and explains pg_dump and what to copy for the files', async () => {
    const config = loadConfig({ DATA_DIR: tempDir(), DATABASE_URL: 'postgres://u@127.0.0.1:1/x' });
    await expect(createBackup(config)).rejects.toThrow(/pg_dump[\s\S]*files/);
  });
});

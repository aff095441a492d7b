/**
 * Process-level tests of the real server (`node --import tsx src/main.ts start`
 * as a child process, spoken to over HTTP):
 *
 * - kill -9 in the middle of concurrent writes, restart on the same data, and
 *   find every write that was acknowledged with a 201 (on SQLite, also a clean
 *   `PRAGMA integrity_check` and the stale pid lock taken over);
 * - a second process on the same SQLite data directory refuses to start;
 * - a wrong setting stops `start` with exit code 2 and a one-line message.
 *
 * Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (a fresh
 * database per test, created and dropped here like test-db.ts does).
 *
 * Every wait is bounded and says what it waited for; every child process is
 * killed in afterEach, whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE, openSqlite } from '../platform/db/connect.ts';
import { LOCK_FILE } from '../platform/db/lock.ts';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_ADMIN_URL = process.env.TEST_DATABASE_URL || undefined;
const DIALECT = PG_ADMIN_URL ? 'PostgreSQL' : 'SQLite';
const ADMIN = { username: 'admin', password: 'crash-pass-1', name: '管理员' };

/** Concurrent writers, and when to pull the plug: ~1.5 s into the load or after this many 201s. */
const WRITERS = 8;
const LOAD_MS = 1_500;
const MAX_ACKED = 3_000;
/** Fewer acknowledged writes than this would make the test prove little. */
const MIN_ACKED = 20;

// ---------------------------------------------------------------- processes

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Child = {
  proc: ChildProcess;
  exited: Promise<Exit>;
  stderr(): string;
  /** stdout and stderr interleaved, for failure messages. */
  output(): string;
};
type Server = Child & { port: number; base: string };

const children = new Set<Child>();
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const child of children) {
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
    await child.exited;
  }
  children.clear();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves `promise`, or fails after `ms` with `what` (never hangs the suite). */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `cond`; `what` is called only on failure, so it can report the state at that moment. */
async function waitFor(cond: () => boolean, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what()}`);
    await sleep(20);
  }
}

/** A port nobody listens on right now (the OS picks it; we close and reuse it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `main.ts start` with the given settings on top of this process's environment. */
function spawnMain(env: Record<string, string>): Child {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'TZ']) delete base[k];
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: SERVER_DIR,
    env: { ...base, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SCHEDULER: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let all = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (all += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    all += d.toString();
  });
  const exited = new Promise<Exit>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const child = { proc, exited, stderr: () => err, output: () => all.slice(-4000) };
  children.add(child);
  return child;
}

/** Starts the server and waits until /healthz answers (or the process dies, or 30 s pass). */
async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawnMain({ ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  let dead: Exit | undefined;
  void child.exited.then((e) => (dead = e));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (dead) throw new Error(`server exited (${JSON.stringify(dead)}):\n${child.output()}`);
    if (Date.now() > deadline)
      throw new Error(`server did not answer /healthz within 30 s:\n${child.output()}`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return { ...child, port, base };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
}

/** SIGTERM and wait for the clean shutdown (which releases the lock). */
async function stopServer(server: Server): Promise<Exit> {
  server.proc.kill('SIGTERM');
  return within(server.exited, 15_000, `server pid ${server.proc.pid} to stop on SIGTERM`);
}

// ------------------------------------------------------------------ storage

type Store = { dataDir: string; databaseUrl: string | undefined; env: Record<string, string> };

/** An empty data directory, plus an empty PostgreSQL database when TEST_DATABASE_URL is set. */
async function freshStore(): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-crash-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  if (!PG_ADMIN_URL) return { dataDir, databaseUrl: undefined, env: { DATA_DIR: dataDir } };
  const name = `houqin_crash_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  // Pushed after the data dir, so it runs first: the server is dead by then.
  cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    env: { DATA_DIR: dataDir, DATABASE_URL: `${url}` },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs read-only SQL straight on the store, bypassing the server. */
async function queryStore<T>(store: Store, text: string): Promise<T[]> {
  if (!store.databaseUrl) {
    const db = openSqlite(path.join(store.dataDir, SQLITE_FILE), true);
    try {
      return db.prepare(text).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: store.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const readLock = (dataDir: string) => fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim();

// -------------------------------------------------------------------- HTTP

/** A cookie-authenticated write; Origin must match Host or the CSRF check refuses it. */
function post(base: string, url: string, body: unknown, cookie = ''): Promise<Response> {
  return fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/** First-run set-up, then sign in; returns the session cookie. */
async function setupAndLogin(base: string): Promise<string> {
  const setup = await post(base, '/api/setup', {
    organization: { name: '崩溃测试医院' },
    admin: ADMIN,
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const login = await post(base, '/api/auth/login', {
    username: ADMIN.username,
    password: ADMIN.password,
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('houqin_session='));
  if (!cookie) throw new Error('login set no houqin_session cookie');
  return cookie.split(';')[0]!;
}

/** Every employee number the server lists, page by page. */
async function listEmployeeNos(base: string, cookie: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}/api/people?pageSize=200&page=${page}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 200) throw new Error(`list people: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { items: { employeeNo: string }[]; total: number };
    for (const p of body.items) found.add(p.employeeNo);
    if (body.items.length < 200) return found;
  }
}

type Load = {
  attempted: Set<string>;
  acked: Set<string>;
  /** Answers other than 201 while the server was alive: none are expected. */
  unexpected: string[];
  inFlight: number;
  stop(): void;
  done: Promise<void>;
};

/** `count` loops, each creating people one after another until stopped or the server dies. */
function startWriters(base: string, cookie: string, count: number): Load {
  let stopped = false;
  const load: Load = {
    attempted: new Set(),
    acked: new Set(),
    unexpected: [],
    inFlight: 0,
    stop: () => (stopped = true),
    done: Promise.resolve(),
  };
  const writer = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      const employeeNo = `K${w}-${i}`;
      load.attempted.add(employeeNo);
      load.inFlight++;
      let res: Response;
      try {
        res = await post(base, '/api/people', { employeeNo, name: `写入${w}-${i}` }, cookie);
      } catch {
        return; // the server died under this request: its fate is unknown, and allowed either way
      } finally {
        load.inFlight--;
      }
      // The status line is the acknowledgement; the body may be cut off by the kill.
      if (res.status === 201) load.acked.add(employeeNo);
      const text = await res.text().catch(() => '');
      if (res.status !== 201) load.unexpected.push(`${employeeNo}: ${res.status} ${text}`);
    }
  };
  load.done = Promise.all(Array.from({ length: count }, (_, w) => writer(w))).then(() => {});
  return load;
}

// ------------------------------------------------------------------- tests

describe(`kill -9 during concurrent writes (${DIALECT})`, () => {
  it('loses no acknowledged write and leaves a sound database', async () => {
    const store = await freshStore();
    const first = await startServer(store.env);
    const cookie = await setupAndLogin(first.base);

    const load = startWriters(first.base, cookie, WRITERS);
    const loadStart = Date.now();
    await waitFor(
      () =>
        load.acked.size >= MIN_ACKED &&
        (Date.now() - loadStart >= LOAD_MS || load.acked.size >= MAX_ACKED),
      30_000,
      () => `${MIN_ACKED} acknowledged writes (got ${load.acked.size}):\n${first.output()}`,
    );
    const inFlightAtKill = load.inFlight;
    first.proc.kill('SIGKILL');
    expect(await within(first.exited, 10_000, 'the killed server to exit')).toEqual({
      code: null,
      signal: 'SIGKILL',
    });
    load.stop();
    await within(load.done, 20_000, 'the writers to notice the dead server');
    expect(load.unexpected).toEqual([]);
    // The point of the test: requests were under way when the process died.
    expect(inFlightAtKill).toBeGreaterThan(0);
    // kill -9 runs no exit handler, so the lock is left behind, naming a dead pid.
    if (!store.databaseUrl) expect(readLock(store.dataDir)).toBe(String(first.proc.pid));

    const second = await startServer(store.env);
    if (!store.databaseUrl) expect(readLock(store.dataDir)).toBe(String(second.proc.pid));

    // Sessions live in the database, so the cookie from before the crash still works.
    const found = await listEmployeeNos(second.base, cookie);
    const lost = [...load.acked].filter((no) => !found.has(no));
    expect(lost, `${lost.length} of ${load.acked.size} acknowledged writes lost`).toEqual([]);
    const phantoms = [...found].filter((no) => !load.attempted.has(no));
    expect(phantoms).toEqual([]);
    // Committed but unanswered: at most the one request each writer had in flight.
    expect(found.size - load.acked.size).toBeLessThanOrEqual(WRITERS);

    // Each person and its audit row were written in one transaction: all or nothing.
    const unaudited = await queryStore<{ employee_no: string }>(
      store,
      `select p.employee_no from people p
         left join audit_log a
           on a.entity_type = 'person' and a.action = 'create' and a.entity_id = cast(p.id as text)
        where a.id is null`,
    );
    expect(unaudited).toEqual([]);
    if (!store.databaseUrl) {
      // On PostgreSQL only a client died; the database server's own consistency is not at stake.
      expect(await queryStore(store, 'pragma integrity_check')).toEqual([
        { integrity_check: 'ok' },
      ]);
      expect(await queryStore(store, 'pragma foreign_key_check')).toEqual([]);
    }

    const after = await post(
      second.base,
      '/api/people',
      { employeeNo: 'AFTER', name: '重启后' },
      cookie,
    );
    expect(after.status).toBe(201);
    expect(await stopServer(second)).toEqual({ code: 0, signal: null });
    if (!store.databaseUrl) expect(fs.existsSync(path.join(store.dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);
});

describe('a second process on the same SQLite data directory', () => {
  // PostgreSQL has no such lock on purpose: several app processes may share one
  // PostgreSQL database (architecture.md, "Running"), so there is nothing to refuse.
  it.skipIf(PG_ADMIN_URL !== undefined)(
    'refuses to start with a clear message',
    async () => {
      const store = await freshStore();
      const first = await startServer(store.env);
      const second = spawnMain({ ...store.env, PORT: String(await freePort()) });
      const exit = await within(
        second.exited,
        30_000,
        `the second server to give up:\n${second.output()}`,
      );
      expect(exit.signal).toBeNull();
      expect(exit.code).not.toBe(0);
      const message = second.stderr().trim();
      expect(message.split('\n'), 'one line, not a stack trace').toHaveLength(1);
      expect(message).toContain('已被另一个 Houqin 进程');
      expect(message).toContain(
        `The data directory ${store.dataDir} is in use by another Houqin process (pid ${first.proc.pid})`,
      );
      // The first server is untouched and still owns the directory.
      expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
      expect(readLock(store.dataDir)).toBe(String(first.proc.pid));
    },
    60_000,
  );
});

describe('a wrong setting', () => {
  it.each([
    ['PORT', 'abc'],
    ['TZ', 'Mars/Base'],
    ['DATABASE_URL', 'mysql://x'],
  ])(
    '%s=%s stops start with exit code 2 and one line naming it',
    async (name, value) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-config-'));
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      const child = spawnMain({ DATA_DIR: dataDir, PORT: String(await freePort()), [name]: value });
      const exit = await within(
        child.exited,
        30_000,
        `start to refuse ${name}=${value}:\n${child.output()}`,
      );
      expect(exit).toEqual({ code: 2, signal: null });
      const message = child.stderr().trim();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain(`${name}="${value}"`);
    },
    60_000,
  );
});

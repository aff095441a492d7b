/**
 * Starting what the benchmark measures: the real Houqin server on a fresh
 * data directory (and a fresh PostgreSQL database when asked), set up and
 * signed in, and the bare Fastify baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startChild, type Child } from './child.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const ADMIN = { username: 'bench', password: 'bench-pass-1', name: '压测管理员' };

/** A database to run against; for PostgreSQL, a server URL on which we may create databases. */
export type DatabaseTarget = { name: 'SQLite' } | { name: 'PostgreSQL'; adminUrl: string };

export type Houqin = Child & {
  /** Session cookie of the signed-in administrator (`houqin_session=…`). */
  cookie: string;
  /** e.g. "SQLite 3.50.4" or "PostgreSQL 15.18", for the report. */
  engine: string;
  /** The server's data directory (the SQLite file is `houqin.sqlite` in it). */
  dataDir: string;
  /** The server's own PostgreSQL database, for a scenario's bulk loading; unset on SQLite. */
  databaseUrl?: string;
};

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts `server/src/main.ts start` in production mode on a new temp data
 * directory (and a new PostgreSQL database), runs first-time set-up and signs
 * in. `stop()` also removes the directory and drops the database.
 */
export async function startHouqin(
  target: DatabaseTarget,
  extraEnv: Record<string, string> = {},
): Promise<Houqin> {
  const houqin = await startAndSignIn(target, extraEnv);
  running.add(houqin);
  return {
    ...houqin,
    async stop() {
      running.delete(houqin);
      await houqin.stop();
    },
  };
}

const running = new Set<Houqin>();

/** Stops every server still running and removes its data (for Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.allSettled([...running].map((h) => h.stop()));
  running.clear();
}

async function startAndSignIn(
  target: DatabaseTarget,
  extraEnv: Record<string, string>,
): Promise<Houqin> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-bench-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    // production: no test-only self-checks; warn: per-request info logs are
    // not what we are measuring (the pipe to this process would be).
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SCHEDULER: 'off',
    ...extraEnv,
  };
  let dropDatabase = async () => {};
  let engine = 'SQLite';
  if (target.name === 'PostgreSQL') {
    const name = `houqin_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    engine = await withAdmin(target.adminUrl, async (c) => {
      await c.query(`create database ${name}`);
      // "15.18 (Debian 15.18-0+deb12u1)" → "15.18"
      const { rows } = await c.query<{ v: string }>(
        "select current_setting('server_version') as v",
      );
      return `PostgreSQL ${rows[0]!.v.split(' ')[0]}`;
    });
    dropDatabase = async () => {
      await withAdmin(target.adminUrl, (c) =>
        c.query(`drop database if exists ${name} with (force)`),
      );
    };
    const url = new URL(target.adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }
  const cleanup = async () => {
    // BENCH_KEEP_DATA=1 leaves the data (and database) behind, to study a plan by hand.
    if (process.env.BENCH_KEEP_DATA) {
      console.log(`kept: ${dataDir}${env.DATABASE_URL ? ` and ${env.DATABASE_URL}` : ''}`);
      return;
    }
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let child: Child;
  try {
    child = await startChild({
      what: `Houqin on ${target.name}`,
      // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": to profile the server.
      args: [...serverNodeArgs(), '--import', 'tsx', 'src/main.ts', 'start'],
      cwd: path.join(ROOT, 'server'),
      env,
      readyPath: '/readyz',
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
  try {
    const cookie = await setupAndSignIn(child.base);
    if (target.name === 'SQLite') engine = `SQLite ${sqliteVersion()}`;
    return {
      ...child,
      cookie,
      engine,
      dataDir: env.DATA_DIR!,
      ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
      async stop() {
        await child.stop();
        await cleanup();
      },
    };
  } catch (err) {
    await child.stop();
    await cleanup();
    throw err;
  }
}

/** The bare Fastify baseline, in its own process. */
export function startBare(): Promise<Child> {
  return startChild({
    what: 'bare Fastify',
    args: ['--import', 'tsx', 'bench/lib/bare-server.ts'],
    cwd: ROOT,
    env: {},
    readyPath: '/bare',
  });
}

/** The SQLite library the server links (the same better-sqlite3 build). */
function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

async function post(base: string, url: string, body: unknown): Promise<Response> {
  return fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(body),
  });
}

async function setupAndSignIn(base: string): Promise<string> {
  const setup = await post(base, '/api/setup', {
    organization: { name: '压测医院' },
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

/** Extra node options for the measured server (Node refuses --cpu-prof in NODE_OPTIONS). */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

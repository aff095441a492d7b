import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type DbHandle } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

export type TestDb = {
  handle: DbHandle;
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: a SQLite file in a temp dir,
 * or, when TEST_DATABASE_URL is set, a new PostgreSQL database created on
 * that server and dropped afterwards.
 */
export async function createTestDb(): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (adminUrl) {
    name = `houqin_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const handle = connect({ databaseUrl, dataDir, poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    handle,
    dataDir,
    databaseUrl,
    async drop() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (adminUrl && name) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}

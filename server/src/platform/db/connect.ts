import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export type DialectName = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;

export type DbHandle = {
  db: Db;
  dialect: DialectName;
  /** The SQLite file, for online backups; undefined on PostgreSQL. */
  sqlitePath: string | undefined;
  close(): Promise<void>;
};

// pg returns timestamptz as Date, int8/numeric as strings and date as Date by
// default. Houqin moves instants as ISO strings and money as integer 分, the
// same shapes SQLite gives, so both dialects hand repositories identical rows.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(v + 'Z').toISOString());
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type ConnectOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
  readonly?: boolean;
  /** Where errors of idle PostgreSQL connections go (the server passes its logger). */
  onPoolError?: (err: Error) => void;
};

const defaultPoolError = (err: Error) =>
  console.error(`PostgreSQL connection lost (the pool reconnects): ${err.message}`);

export const SQLITE_FILE = 'houqin.sqlite';

/** Opens the database the configuration names: PostgreSQL when a URL is given, else SQLite in the data dir. */
export function connect(opts: ConnectOptions): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      // A stuck query or a transaction left open must not hold locks for ever.
      statement_timeout: 60_000,
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle pooled connection dropped by the server (restart, failover,
    // pgbouncer timeout) emits 'error' on the pool; unhandled, it would end
    // the process. The pool replaces the connection on the next checkout.
    pool.on('error', (err) => (opts.onPoolError ?? defaultPoolError)(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlitePath: undefined, close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, SQLITE_FILE);
  const sqlite = openSqlite(file, opts.readonly ?? false);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', sqlitePath: file, close: () => db.destroy() };
}

/**
 * WAL lets readers run beside the writer; synchronous=FULL fsyncs every commit
 * so an acknowledged write survives power loss (the crash test checks it).
 */
export function openSqlite(file: string, readonly = false): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file, { readonly, fileMustExist: readonly });
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; profiling `GET /api/me`
 * showed ~19 % of CPU in better-sqlite3's prepare. Queries come from a small
 * set of builders, so their SQL text repeats: keep the prepared statements.
 * Statements are used synchronously one at a time (the driver holds a
 * connection mutex), and SQLite re-prepares them itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqlite } from '../db/connect.ts';

/** Names inside a backup archive. */
export const MANIFEST_FILE = 'manifest.json';
export const ARCHIVE_FORMAT = 1;

/** A refusal or failure the CLI prints as is (no stack trace): the admin can act on it. */
export class BackupError extends Error {}

/** What a backup says about itself; restore checks it before touching anything. */
export type BackupManifest = {
  format: typeof ARCHIVE_FORMAT;
  app: 'houqin';
  version: string;
  createdAt: string;
  dialect: 'sqlite';
  /** The last schema migration applied in the snapshot. */
  schema: string | null;
  integrityCheck: string;
  counts: { organizations: number; users: number; attachments: number | null };
};

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = path.resolve(HERE, '../../migrations');

export function serverVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(HERE, '../../../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Migration names this code knows, to refuse a backup made by a newer Houqin. */
export function knownMigrations(): Set<string> {
  return new Set(
    fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, '')),
  );
}

/** `YYYYMMDD-HHMMSS` in the installation's time zone: admins read these names. */
export function timestamp(timeZone: string, at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
}

export type SnapshotFacts = {
  integrityCheck: string;
  migrations: string[];
  counts: BackupManifest['counts'];
};

/**
 * Opens a snapshot file (never the live database) and reads what a manifest
 * needs: `PRAGMA integrity_check`, applied migrations, and row counts.
 * `standalone` switches it out of WAL so the file is complete on its own.
 */
export function inspectSnapshot(file: string, standalone = false): SnapshotFacts {
  const db = openSqlite(file, !standalone);
  try {
    if (standalone) db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const integrityCheck = rows.map((r) => r.integrity_check).join('; ');
    const count = (table: string): number | null => {
      try {
        return Number((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
      } catch {
        return null; // table not there (an older schema)
      }
    };
    let migrations: string[] = [];
    try {
      migrations = (
        db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
      ).map((r) => r.name);
    } catch {
      migrations = [];
    }
    return {
      integrityCheck,
      migrations,
      counts: {
        organizations: count('organizations') ?? 0,
        users: count('users') ?? 0,
        attachments: count('attachments'),
      },
    };
  } finally {
    db.close();
  }
}

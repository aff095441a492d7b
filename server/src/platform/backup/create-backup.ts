import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config.ts';
import { openSqlite, SQLITE_FILE } from '../db/connect.ts';
import { FILES_DIR } from '../files/storage.ts';
import {
  ARCHIVE_FORMAT,
  BackupError,
  inspectSnapshot,
  MANIFEST_FILE,
  serverVersion,
  timestamp,
  type BackupManifest,
} from './archive.ts';

// Copy every page in one step: SQLite restarts an online backup whenever
// another connection writes between steps, so small steps under a steady
// stream of writes might never finish. One step reads one consistent
// snapshot; in WAL mode the server keeps writing meanwhile.
const ALL_PAGES = 0x7fffffff;

/** What to tell an administrator on PostgreSQL, where the database is not ours to copy. */
export function postgresBackupAdvice(config: Config): string {
  const files = path.join(config.dataDir, FILES_DIR);
  return [
    '数据库为 PostgreSQL：请用 PostgreSQL 自带工具备份数据库，并另外复制附件目录。',
    'The database is PostgreSQL: back it up with PostgreSQL tools, and copy the attachment files separately.',
    `  1. pg_dump --format=custom --file=houqin.dump "$DATABASE_URL"`,
    `  2. tar czf houqin-files.tar.gz -C ${config.dataDir} ${FILES_DIR}   (${files})`,
    'Run step 2 after step 1 finishes, so every file the dump refers to is in the copy. / 请在第 1 步完成后再做第 2 步。',
    'Restore with pg_restore --clean --dbname "$DATABASE_URL" houqin.dump and by unpacking the files into DATA_DIR.',
  ].join('\n');
}

export function defaultBackupFile(config: Config, at = new Date()): string {
  return path.join(config.dataDir, 'backups', `houqin-${timestamp(config.timeZone, at)}.tar.gz`);
}

/**
 * Writes one .tar.gz with a consistent snapshot of the SQLite database, the
 * attachment files and a manifest, while the server may be running: the
 * database is opened read-only beside it (no data-dir lock) and copied with
 * SQLite's online backup. The snapshot is taken before the files are read;
 * files are renamed into place before their rows commit, so every file the
 * snapshot refers to is on disk by then (newer files are harmless extras).
 * The archive appears under its final name only when complete.
 * Run it as the server's OS user: on a stopped server, opening the database
 * creates the -wal/-shm files, and the server must be able to open them.
 */
export async function createBackup(
  config: Config,
  outFile: string = defaultBackupFile(config),
): Promise<{ file: string; manifest: BackupManifest }> {
  if (config.databaseUrl) throw new BackupError(postgresBackupAdvice(config));
  const dbFile = path.join(config.dataDir, SQLITE_FILE);
  if (!(await fs.stat(dbFile).catch(() => null))) {
    throw new BackupError(
      `没有可备份的数据库：${dbFile} 不存在 / Nothing to back up: ${dbFile} does not exist`,
    );
  }
  const out = path.resolve(outFile);
  await fs.mkdir(path.dirname(out), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(out), '.houqin-backup-'));
  const partial = `${out}.partial`;
  try {
    const snapshot = path.join(staging, SQLITE_FILE);
    const source = openSqlite(dbFile, true);
    try {
      await source.backup(snapshot, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const facts = inspectSnapshot(snapshot, true);
    if (facts.integrityCheck !== 'ok') {
      throw new BackupError(
        `数据库完整性检查未通过，未生成备份 / The database failed its integrity check; no backup written: ${facts.integrityCheck}`,
      );
    }
    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      app: 'houqin',
      version: serverVersion(),
      createdAt: new Date().toISOString(),
      dialect: 'sqlite',
      schema: facts.migrations.at(-1) ?? null,
      integrityCheck: facts.integrityCheck,
      counts: facts.counts,
    };
    await fs.writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2));

    // The files directory is archived in place through a link, not copied.
    const files = path.join(config.dataDir, FILES_DIR);
    await fs.mkdir(files, { recursive: true });
    await fs.symlink(files, path.join(staging, FILES_DIR), 'junction');
    await tar.create(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        portable: true,
        follow: true,
        // In-flight uploads are not files yet.
        filter: (p) => !/^files\/\.tmp(\/|$)/.test(p),
      },
      [MANIFEST_FILE, SQLITE_FILE, FILES_DIR],
    );
    const fh = await fs.open(partial, 'r+');
    await fh.sync().finally(() => fh.close());
    await fs.rename(partial, out);
    return { file: out, manifest };
  } finally {
    await fs.rm(partial, { force: true });
    // Remove the link itself first, so nothing can follow it into the live files.
    await fs.unlink(path.join(staging, FILES_DIR)).catch(() => {});
    await fs.rm(staging, { recursive: true, force: true });
  }
}

import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config.ts';
import { openSqlite, SQLITE_FILE } from '../db/connect.ts';
import { lockDataDir } from '../db/lock.ts';
import { FILES_DIR } from '../files/storage.ts';
import {
  ARCHIVE_FORMAT,
  BackupError,
  inspectSnapshot,
  knownMigrations,
  MANIFEST_FILE,
  timestamp,
  type BackupManifest,
} from './archive.ts';

// The live database is three files in WAL mode; they move together, or a
// stale -wal would be replayed into the restored database.
const DB_FILES = [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`];

export type RestoreResult = {
  manifest: BackupManifest;
  /** Where the previous database and files were moved, or null if there were none. */
  previous: string | null;
  /** Attachment rows whose file is not in the archive (a damaged or hand-made archive). */
  missingFiles: number;
};

function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(
      '这不是 Houqin 备份（缺少或无法读取 manifest.json） / Not a Houqin backup: manifest.json is missing or unreadable',
    );
  }
  if (manifest.app !== 'houqin' || manifest.format !== ARCHIVE_FORMAT) {
    throw new BackupError(
      `不支持的备份格式 / Unsupported backup format: ${JSON.stringify(manifest.format)}`,
    );
  }
  if (manifest.dialect !== 'sqlite') {
    throw new BackupError('该备份不是 SQLite 备份 / This backup does not hold a SQLite database');
  }
  return manifest;
}

/** Checks the extracted snapshot: readable, intact, and not from a newer version of Houqin. */
function verifySnapshot(dir: string): void {
  const file = path.join(dir, SQLITE_FILE);
  if (!fs.existsSync(file)) {
    throw new BackupError(`备份中缺少数据库文件 / The backup has no ${SQLITE_FILE}`);
  }
  let facts;
  try {
    facts = inspectSnapshot(file);
  } catch (err) {
    throw new BackupError(
      `备份中的数据库无法打开 / The database in the backup cannot be opened: ${(err as Error).message}`,
    );
  }
  if (facts.integrityCheck !== 'ok') {
    throw new BackupError(
      `备份中的数据库已损坏 / The database in the backup is damaged: ${facts.integrityCheck}`,
    );
  }
  const known = knownMigrations();
  const unknown = facts.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new BackupError(
      `该备份来自更新版本的 Houqin（${unknown.join(', ')}），请先升级 / This backup comes from a newer Houqin (${unknown.join(', ')}); upgrade first`,
    );
  }
}

function countMissingFiles(dir: string): number {
  const db = openSqlite(path.join(dir, SQLITE_FILE), true);
  try {
    const keys = db.prepare('select storage_key from attachments').pluck().all() as string[];
    return keys.filter((k) => !fs.existsSync(path.join(dir, FILES_DIR, ...k.split('/')))).length;
  } catch {
    return 0; // no attachments table in an older schema
  } finally {
    db.close();
  }
}

/** Whether the data directory holds data that a restore would replace. */
function holdsData(dataDir: string): boolean {
  const files = path.join(dataDir, FILES_DIR);
  if (fs.existsSync(files) && fs.readdirSync(files).some((n) => n !== '.tmp')) return true;
  const dbFile = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(dbFile)) return false;
  try {
    const db = openSqlite(dbFile, true);
    try {
      return (db.prepare('select count(*) from organizations').pluck().get() as number) > 0;
    } finally {
      db.close();
    }
  } catch {
    return true; // unreadable is not "empty": leave it to --force
  }
}

/** `base`, or `base-2`, `base-3`… if an earlier restore in the same second took it. */
function freshDir(base: string): string {
  let dir = base;
  for (let n = 2; fs.existsSync(dir); n++) dir = `${base}-${n}`;
  return dir;
}

/** Moves `names` from one directory to another, returning what was moved (for rollback). */
function moveAll(names: readonly string[], from: string, to: string): string[] {
  const moved: string[] = [];
  for (const name of names) {
    if (!fs.existsSync(path.join(from, name))) continue;
    fs.mkdirSync(to, { recursive: true });
    fs.renameSync(path.join(from, name), path.join(to, name));
    moved.push(name);
  }
  return moved;
}

/**
 * Restores a backup archive into the data directory. Takes the data-dir
 * lock first, so it refuses while a server runs there. The archive is
 * unpacked and verified in a temporary directory before anything is touched;
 * the current database and files are then moved aside to
 * `pre-restore-<time>/` (never deleted) and the restored ones moved in.
 * A data directory that holds data is replaced only with `force`.
 */
export async function restoreBackup(
  config: Config,
  archive: string,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  if (config.databaseUrl) {
    throw new BackupError(
      '数据库为 PostgreSQL：请用 pg_restore 恢复数据库，并把附件解压到 DATA_DIR/files / The database is PostgreSQL: restore it with pg_restore and unpack the files into DATA_DIR/files',
    );
  }
  const file = path.resolve(archive);
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 / No such file: ${file}`);
  const release = lockDataDir(config.dataDir);
  let work = '';
  try {
    // Inside the data directory: same file system, so the final moves are renames.
    work = fs.mkdtempSync(path.join(config.dataDir, '.restore-'));
    await tar
      .extract({
        file,
        cwd: work,
        strict: true,
        // Only our three kinds of entry, and only plain files and directories.
        filter: (p, entry) =>
          (p === MANIFEST_FILE || p === SQLITE_FILE || /^files(\/|$)/.test(p)) &&
          (!('type' in entry) || entry.type === 'File' || entry.type === 'Directory'),
      })
      .catch((err: Error) => {
        throw new BackupError(`备份文件无法解压 / The archive cannot be unpacked: ${err.message}`);
      });
    const manifest = readManifest(work);
    verifySnapshot(work);
    const missingFiles = countMissingFiles(work);
    if (!opts.force && holdsData(config.dataDir)) {
      throw new BackupError(
        `数据目录 ${config.dataDir} 中已有数据；确认要替换请加 --force（现有数据会移到 pre-restore-<时间> 目录） / ` +
          `The data directory ${config.dataDir} holds data; add --force to replace it (it is moved to pre-restore-<time>, not deleted)`,
      );
    }
    const aside = freshDir(path.join(config.dataDir, `pre-restore-${timestamp(config.timeZone)}`));
    const current = [...DB_FILES, FILES_DIR];
    const movedAside = moveAll(current, config.dataDir, aside);
    try {
      if (!fs.existsSync(path.join(work, FILES_DIR))) fs.mkdirSync(path.join(work, FILES_DIR));
      moveAll([SQLITE_FILE, FILES_DIR], work, config.dataDir);
    } catch (err) {
      moveAll([SQLITE_FILE, FILES_DIR], config.dataDir, work);
      moveAll(movedAside, aside, config.dataDir);
      throw err;
    }
    return { manifest, previous: movedAside.length ? aside : null, missingFiles };
  } finally {
    if (work) fs.rmSync(work, { recursive: true, force: true });
    release();
  }
}

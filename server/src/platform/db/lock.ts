import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** Names the process that holds the data directory (information for people). */
export const LOCK_FILE = 'houqin.pid';
/** The lock itself: an exclusive SQLite lock the operating system drops when the holder dies. */
const LOCK_DB = 'houqin.lock';

export class DataDirLockedError extends Error {}

function ownerPid(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim() || '?';
  } catch {
    return '?';
  }
}

/**
 * SQLite is one process's database: a second server on the same data
 * directory would fight over the file. The lock is an exclusive transaction
 * held on a side SQLite file for the life of the process; the operating
 * system releases it when the process ends, however it ends (kill -9
 * included), so there is no stale lock to clean and no pid that may have been
 * reused. `houqin.pid` beside it only tells people who holds it.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, LOCK_FILE);
  const lockDb = new SqliteDatabase(path.join(dataDir, LOCK_DB), { timeout: 0 });
  try {
    lockDb.pragma('locking_mode = EXCLUSIVE');
    lockDb.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lockDb.close();
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    const owner = ownerPid(pidFile);
    throw new DataDirLockedError(
      `数据目录 ${dataDir} 已被另一个 Houqin 进程（pid ${owner}）使用；同一 SQLite 数据目录只能运行一个进程。` +
        ` / The data directory ${dataDir} is in use by another Houqin process (pid ${owner}); only one process may use a SQLite data directory.`,
    );
  }
  fs.writeFileSync(pidFile, String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (ownerPid(pidFile) === String(process.pid)) fs.rmSync(pidFile, { force: true });
    lockDb.close();
  };
  process.once('exit', release);
  return release;
}

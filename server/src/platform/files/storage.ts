import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../ids.ts';

/** The directory under DATA_DIR that holds every stored file (and only those). */
export const FILES_DIR = 'files';
// In-flight uploads live beside the final files, on the same file system, so
// the final step is an atomic rename: a reader never sees half a file.
const TEMP_DIR = '.tmp';
const KEY_PATTERN = /^[0-9a-f-]{36}\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/;
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

export type TempFile = { tempPath: string; size: number; sha256: string };

export function filesRoot(dataDir: string): string {
  return path.join(dataDir, FILES_DIR);
}

/**
 * Streams an upload into a temporary file, hashing it on the way. The caller
 * either commits it with `commitTemp` or drops it with `discardTemp`.
 */
export async function receiveToTemp(dataDir: string, source: Readable): Promise<TempFile> {
  const dir = path.join(filesRoot(dataDir), TEMP_DIR);
  await fs.mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `${newId()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(tempPath, { flags: 'wx' }),
    );
  } catch (err) {
    await discardTemp(tempPath);
    throw err;
  }
  return { tempPath, size, sha256: hash.digest('hex') };
}

/** Deletes a temporary upload; a missing file is not an error. */
export async function discardTemp(tempPath: string): Promise<void> {
  await fs.rm(tempPath, { force: true });
}

/**
 * Moves a received file to its permanent place `<org>/<yyyy>/<mm>/<id>` and
 * returns that storage key. The file is fsynced first so that a database row
 * committed after this never points at bytes lost in a power cut.
 */
export async function commitTemp(
  dataDir: string,
  tempPath: string,
  orgId: string,
  id: string,
  at: Date = new Date(),
): Promise<string> {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const key = `${orgId}/${yyyy}/${mm}/${id}`;
  const target = storedPath(dataDir, key);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const fh = await fs.open(tempPath, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tempPath, target);
  return key;
}

/** Removes a stored file (used when the row that would point at it was not written). */
export async function removeStored(dataDir: string, key: string): Promise<void> {
  await fs.rm(storedPath(dataDir, key), { force: true });
}

/** The absolute path of a stored file; refuses keys that are not ours (no `..` tricks). */
export function storedPath(dataDir: string, key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
  return path.join(filesRoot(dataDir), ...key.split('/'));
}

export function openStored(dataDir: string, key: string): ReadStream {
  return createReadStream(storedPath(dataDir, key));
}

/**
 * Removes temporary uploads left by a crashed process. Only old ones: on
 * PostgreSQL several processes may share the directory and be receiving now.
 */
export async function sweepStaleTemps(dataDir: string, now = Date.now()): Promise<number> {
  const dir = path.join(filesRoot(dataDir), TEMP_DIR);
  let removed = 0;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > STALE_TEMP_MS) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

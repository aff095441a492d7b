import type { FileHandle } from 'node:fs/promises';

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
// An Office file has a few dozen parts; a central directory far larger than
// this is not a document, and reading it would only cost memory.
const MAX_CENTRAL_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Where the central directory is, from the end record (ZIP64 when a writer chose it). */
async function locateCentralDirectory(
  fh: FileHandle,
  size: number,
): Promise<{ offset: number; length: number; entries: number } | null> {
  const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readAt(fh, tailStart, tailLength);
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    let entries = tail.readUInt16LE(i + 10);
    let length = tail.readUInt32LE(i + 12);
    let offset = tail.readUInt32LE(i + 16);
    if (offset === 0xffffffff || entries === 0xffff) {
      const locatorAt = i - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR_SIG) return null;
      const eocd64 = await readAt(fh, Number(tail.readBigUInt64LE(locatorAt + 8)), 56);
      if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== EOCD64_SIG) return null;
      entries = Number(eocd64.readBigUInt64LE(32));
      length = Number(eocd64.readBigUInt64LE(40));
      offset = Number(eocd64.readBigUInt64LE(48));
    }
    return { offset, length, entries };
  }
  return null;
}

/**
 * The names of the entries of a ZIP file, read from its central directory
 * (the authoritative list; local headers may be stale or absent when a
 * writer streams). Returns null for a damaged or implausible archive.
 */
export async function readZipEntryNames(fh: FileHandle): Promise<string[] | null> {
  const { size } = await fh.stat();
  if (size < EOCD_MIN) return null;
  const cd = await locateCentralDirectory(fh, size);
  if (!cd || cd.length > MAX_CENTRAL_BYTES || cd.entries > MAX_ENTRIES) return null;
  if (cd.offset + cd.length > size) return null;
  const dir = await readAt(fh, cd.offset, cd.length);
  const names: string[] = [];
  let p = 0;
  for (let n = 0; n < cd.entries; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIG) return null;
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    if (p + 46 + nameLength > dir.length) return null;
    names.push(dir.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

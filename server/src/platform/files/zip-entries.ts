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

/** Random access to the bytes of a ZIP file: a file on disk or a buffer in memory. */
export type ZipSource = {
  size: number;
  /** Up to `length` bytes at `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
};

/** A ZIP held in memory (an upload read whole), as a ZipSource. */
export function bufferZipSource(zip: Buffer): ZipSource {
  return {
    size: zip.length,
    read: async (position, length) => zip.subarray(position, position + length),
  };
}

async function fileZipSource(fh: FileHandle): Promise<ZipSource> {
  const { size } = await fh.stat();
  return {
    size,
    read: async (position, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    },
  };
}

/** One record of the central directory, with its 32-bit fields as written. */
export type ZipCentralEntry = {
  name: string;
  /** General purpose bit flags; bit 0 is encryption. */
  flags: number;
  /** 0 stored, 8 deflate; anything else is another codec. */
  method: number;
  /** 0xffffffff in the three fields below means "see the ZIP64 extra field" (not read here). */
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

/** The central directory of a ZIP file and where it sits. */
export type ZipDirectory = {
  /** Where the end-of-central-directory record starts. */
  endOffset: number;
  /**
   * Whether the end record has a field at its maximum, which by APPNOTE
   * 4.4.1.4 defers to a ZIP64 record (readers such as JSZip then look for one).
   */
  zip64: boolean;
  /** Where the central directory starts and how long it says it is. */
  offset: number;
  length: number;
  /** How many bytes the records really take, from `offset`. */
  recordsLength: number;
  entries: ZipCentralEntry[];
};

type EndRecord = {
  endOffset: number;
  zip64: boolean;
  offset: number;
  length: number;
  count: number;
};

/** Where the central directory is, from the end record (ZIP64 when a writer chose it). */
async function locateCentralDirectory(src: ZipSource): Promise<EndRecord | null> {
  const tailLength = Math.min(src.size, EOCD_MIN + MAX_COMMENT);
  const tailStart = src.size - tailLength;
  const tail = await src.read(tailStart, tailLength);
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    let count = tail.readUInt16LE(i + 10);
    let length = tail.readUInt32LE(i + 12);
    let offset = tail.readUInt32LE(i + 16);
    const zip64 =
      [4, 6, 8, 10].some((at) => tail.readUInt16LE(i + at) === 0xffff) ||
      length === 0xffffffff ||
      offset === 0xffffffff;
    if (offset === 0xffffffff || count === 0xffff) {
      const locatorAt = i - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR_SIG) return null;
      const eocd64 = await src.read(Number(tail.readBigUInt64LE(locatorAt + 8)), 56);
      if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== EOCD64_SIG) return null;
      count = Number(eocd64.readBigUInt64LE(32));
      length = Number(eocd64.readBigUInt64LE(40));
      offset = Number(eocd64.readBigUInt64LE(48));
    }
    return { endOffset: tailStart + i, zip64, offset, length, count };
  }
  return null;
}

/**
 * The central directory of a ZIP file: the authoritative list of entries
 * (local headers may be stale or absent when a writer streams). Returns null
 * for a damaged or implausible archive.
 */
export async function readZipDirectory(src: ZipSource): Promise<ZipDirectory | null> {
  if (src.size < EOCD_MIN) return null;
  const cd = await locateCentralDirectory(src);
  if (!cd || cd.length > MAX_CENTRAL_BYTES || cd.count > MAX_ENTRIES) return null;
  if (cd.offset + cd.length > src.size) return null;
  const dir = await src.read(cd.offset, cd.length);
  const entries: ZipCentralEntry[] = [];
  let p = 0;
  for (let n = 0; n < cd.count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIG) return null;
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    if (p + 46 + nameLength > dir.length) return null;
    entries.push({
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      flags: dir.readUInt16LE(p + 8),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const { endOffset, zip64, offset, length } = cd;
  return { endOffset, zip64, offset, length, recordsLength: p, entries };
}

/**
 * The names of the entries of a ZIP file, read from its central directory.
 * Returns null for a damaged or implausible archive.
 */
export async function readZipEntryNames(fh: FileHandle): Promise<string[] | null> {
  const dir = await readZipDirectory(await fileZipSource(fh));
  return dir && dir.entries.map((e) => e.name);
}

import zlib from 'node:zlib';
import { bufferZipSource, readZipDirectory, type ZipCentralEntry } from '../files/zip-entries.ts';

const LOCAL_SIG = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;

/** What unzipping an upload would cost: fine, too much (413), or not a readable zip (415). */
export type ZipVerdict = 'ok' | 'too-large' | 'unreadable';

/** One entry of an upload: its central record and where its compressed bytes lie. */
export type ZipSpan = { entry: ZipCentralEntry; at: number; start: number; end: number };

/**
 * The entries of an upload in file order, once the archive passes every
 * check that needs no inflating: a plain, unshifted central directory, no
 * ZIP64, encryption or codec other than stored/deflate, declared sizes adding
 * up to at most `budget`, and no two entries sharing compressed bytes.
 */
export async function zipSpans(
  zip: Buffer,
  budget: number,
): Promise<ZipSpan[] | Exclude<ZipVerdict, 'ok'>> {
  const dir = await readZipDirectory(bufferZipSource(zip));
  // JSZip shifts every offset when the directory does not end where its end
  // record starts (data prepended), reads records for as long as their
  // signature repeats, and follows ZIP64 records: refuse all of these, which
  // no spreadsheet program writes, rather than guess what a reader would read.
  if (
    !dir ||
    dir.zip64 ||
    dir.offset + dir.length !== dir.endOffset ||
    dir.recordsLength !== dir.length
  ) {
    return 'unreadable';
  }
  let declared = 0;
  for (const e of dir.entries) {
    // Bit 0: encrypted (JSZip refuses it; nothing here can decrypt anyway).
    if (e.flags & 1 || (e.method !== STORED && e.method !== DEFLATED)) return 'unreadable';
    if (e.compressedSize === ZIP64_MARK || e.localHeaderOffset === ZIP64_MARK) return 'unreadable';
    declared += e.uncompressedSize;
  }
  if (declared > budget) return 'too-large';

  const spans: ZipSpan[] = [];
  for (const e of dir.entries) {
    const at = e.localHeaderOffset;
    if (at + LOCAL_HEADER_BYTES > dir.offset || zip.readUInt32LE(at) !== LOCAL_SIG) {
      return 'unreadable';
    }
    // Where the data starts: after the local header's own name and extra field.
    const start = at + LOCAL_HEADER_BYTES + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > dir.offset) return 'unreadable';
    spans.push({ entry: e, at, start, end });
  }
  // Entries that share compressed bytes are how "overlapping" zip bombs reach
  // huge sizes from small files (Fifield, "A better zip bomb", 2019); real
  // archives never do it, and without it inflating costs at most one pass.
  spans.sort((a, b) => a.at - b.at);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.at < spans[i - 1]!.end) return 'unreadable';
  }
  return spans;
}

/**
 * Unzips every entry of an upload with a bounded inflater, counting bytes and
 * keeping none. A reader that inflates each entry whole before comparing its
 * size with the one the zip declares (JSZip, under exceljs's Workbook) lets a
 * 10 MB upload inflate to gigabytes. Here the declared sizes must add up to at
 * most `budget`, and each entry must inflate to exactly its declared size;
 * inflating stops one byte past it. The import reader (xlsx-rows.ts) applies
 * the same checks while it reads, in one pass.
 */
export async function checkZipInflation(zip: Buffer, budget: number): Promise<ZipVerdict> {
  const spans = await zipSpans(zip, budget);
  if (typeof spans === 'string') return spans;
  for (const span of spans) {
    const verdict = await inflateSpan(zip, span);
    if (verdict !== 'ok') return verdict;
  }
  return 'ok';
}

// Large enough that a 60 MB sheet is a few hundred chunks, small enough to stream.
const CHUNK_BYTES = 128 * 1024;

/**
 * Inflates one entry chunk by chunk, handing each chunk to `onChunk` (when
 * given) and never more than the declared size: 'too-large' as soon as it
 * passes that size, 'unreadable' when it ends short of it or is not valid
 * deflate data. `onChunk` must not throw.
 */
export function inflateSpan(
  zip: Buffer,
  { entry, start, end }: ZipSpan,
  onChunk?: (chunk: Buffer) => void,
): Promise<ZipVerdict> {
  const declared = entry.uncompressedSize;
  const data = zip.subarray(start, end);
  if (entry.method === STORED) {
    if (data.length > declared) return Promise.resolve('too-large');
    if (data.length < declared) return Promise.resolve('unreadable');
    if (onChunk) {
      for (let at = 0; at < data.length; at += CHUNK_BYTES) {
        onChunk(data.subarray(at, at + CHUNK_BYTES));
      }
    }
    return Promise.resolve('ok');
  }
  return new Promise((resolve) => {
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK_BYTES });
    let length = 0;
    let done = false;
    const finish = (verdict: ZipVerdict) => {
      if (done) return;
      done = true;
      inflater.destroy();
      resolve(verdict);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = declared - length;
      length += chunk.length;
      if (length > declared) {
        if (onChunk && room > 0) onChunk(chunk.subarray(0, room));
        finish('too-large');
      } else if (onChunk) onChunk(chunk);
    });
    inflater.on('end', () => finish(length === declared ? 'ok' : 'unreadable'));
    inflater.on('error', () => finish('unreadable'));
    inflater.end(data);
  });
}

import zlib from 'node:zlib';
import { bufferZipSource, readZipDirectory } from '../files/zip-entries.ts';

const LOCAL_SIG = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;

/** What unzipping an upload would cost: fine, too much (413), or not a readable zip (415). */
export type ZipVerdict = 'ok' | 'too-large' | 'unreadable';

/**
 * Unzips every entry of an upload with a bounded inflater, counting bytes and
 * keeping none, so that exceljs may open it afterwards. exceljs uses JSZip,
 * which inflates each entry whole before comparing its size with the one the
 * zip declares: a 10 MB upload could inflate to gigabytes. Here the declared
 * sizes must add up to at most `budget`, and each entry must inflate to
 * exactly its declared size; inflating stops one byte past it. JSZip takes
 * its entry list, offsets and sizes from the same central directory, so once
 * this passes it inflates exactly these bytes, at most `budget` in all.
 */
export async function checkZipInflation(zip: Buffer, budget: number): Promise<ZipVerdict> {
  const dir = await readZipDirectory(bufferZipSource(zip));
  // JSZip shifts every offset when the directory does not end where its end
  // record starts (data prepended), reads records for as long as their
  // signature repeats, and follows ZIP64 records: refuse all of these, which
  // no spreadsheet program writes, rather than guess what JSZip would read.
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
    // Bit 0: encrypted (JSZip refuses it; exceljs cannot decrypt anyway).
    if (e.flags & 1 || (e.method !== STORED && e.method !== DEFLATED)) return 'unreadable';
    if (e.compressedSize === ZIP64_MARK || e.localHeaderOffset === ZIP64_MARK) return 'unreadable';
    declared += e.uncompressedSize;
  }
  if (declared > budget) return 'too-large';

  const spans = [];
  for (const e of dir.entries) {
    const at = e.localHeaderOffset;
    if (at + LOCAL_HEADER_BYTES > dir.offset || zip.readUInt32LE(at) !== LOCAL_SIG) {
      return 'unreadable';
    }
    // Where JSZip starts reading: after the local header's own name and extra field.
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

  for (const { entry, start, end } of spans) {
    const data = zip.subarray(start, end);
    const size =
      entry.method === STORED
        ? data.length
        : await inflatedLength(data, entry.uncompressedSize + 1);
    if (size === null) return 'unreadable';
    if (size > entry.uncompressedSize) return 'too-large';
    if (size < entry.uncompressedSize) return 'unreadable';
  }
  return 'ok';
}

/**
 * How many bytes raw-deflate `data` inflates to, counted chunk by chunk and
 * stopped as soon as it passes `limit`; null when the data is not valid deflate.
 */
function inflatedLength(data: Buffer, limit: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflater = zlib.createInflateRaw();
    let length = 0;
    let done = false;
    const finish = (result: number | null) => {
      if (done) return;
      done = true;
      inflater.destroy();
      resolve(result);
    };
    inflater.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) finish(length);
    });
    inflater.on('end', () => finish(length));
    inflater.on('error', () => finish(null));
    inflater.end(data);
  });
}

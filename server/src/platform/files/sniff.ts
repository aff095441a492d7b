import fs from 'node:fs/promises';
import { FILE_KINDS, type FileKind } from './file-types.ts';
import { readZipEntryNames } from './zip-entries.ts';

const HEAD_BYTES = 32;
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

const startsWith = (buf: Buffer, bytes: readonly number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Buffer, start: number, end: number) => buf.toString('latin1', start, end);

/** Recognises the kinds identifiable from the first bytes alone (everything but ZIP-based Office). */
export function sniffHead(head: Buffer): FileKind | 'zip' | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return FILE_KINDS.jpeg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_KINDS.png;
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return FILE_KINDS.gif;
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return FILE_KINDS.webp;
  if (ascii(head, 0, 5) === '%PDF-') return FILE_KINDS.pdf;
  // ISO-BMFF: [box size][ftyp][major brand]…; the brand names the codec.
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(brand)) return FILE_KINDS.heic;
    if (HEIF_BRANDS.has(brand)) return FILE_KINDS.heif;
    return null;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

/**
 * Tells xlsx from docx by the parts inside the package: a workbook keeps them
 * under `xl/`, a Word document under `word/` (ECMA-376 part 2). A ZIP that is
 * neither, or claims to be both, is refused.
 */
export function officeKindOf(entryNames: readonly string[]): FileKind | null {
  const hasTypes = entryNames.includes('[Content_Types].xml');
  const xl = entryNames.some((n) => n.startsWith('xl/'));
  const word = entryNames.some((n) => n.startsWith('word/'));
  if (!hasTypes || xl === word) return null;
  return xl ? FILE_KINDS.xlsx : FILE_KINDS.docx;
}

/**
 * Detects what a stored file really is from its bytes, whatever name or
 * Content-Type the browser sent. Returns null for anything not accepted.
 */
export async function sniffFile(file: string): Promise<FileKind | null> {
  const fh = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
    const kind = sniffHead(head.subarray(0, bytesRead));
    if (kind !== 'zip') return kind;
    const names = await readZipEntryNames(fh);
    return names ? officeKindOf(names) : null;
  } finally {
    await fh.close();
  }
}

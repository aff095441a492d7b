// Test helpers for the Excel routes: build .xlsx files, send them as a
// hand-made multipart body (what a browser sends), and read answers back.
import { once } from 'node:events';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../../platform/db/connect.ts';
import type { Agent } from '../../../test/test-app.ts';
import { cellText, XLSX_MIME } from '../../../platform/excel/workbook.ts';

/** An .xlsx whose first sheet holds `rows` (row 1 = header). */
export async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field, built by hand. */
export function multipartBody(
  file: Buffer,
  filename = 'import.xlsx',
  contentType = XLSX_MIME,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----houqin${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** POSTs a file to an import endpoint as the agent. */
export function upload(
  agent: Agent,
  url: string,
  file: Buffer,
  filename?: string,
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody(file, filename);
  return agent.request({ method: 'POST', url, payload, headers });
}

export type ReadSheet = { name: string; rows: string[][]; frozen: boolean };

/** Every sheet of an .xlsx answer, as text. */
export async function readXlsx(body: Buffer): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    const columns = ws.columnCount; // computed by scanning every row: read once
    ws.eachRow((row) => {
      const values: string[] = [];
      for (let c = 1; c <= columns; c++) values.push(cellText(row.getCell(c).value));
      rows.push(values);
    });
    return { name: ws.name, rows, frozen: ws.views?.[0]?.state === 'frozen' };
  });
}

/** Rows of one of the org tables in the organisation. */
export async function countRows(
  db: Db,
  table: 'people' | 'departments' | 'locations' | 'audit_log',
  orgId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One entry of a hand-built zip: the bytes as stored, and what its headers claim. */
export type RawZipEntry = {
  name: string;
  stored: Buffer;
  /** What the headers say it unzips to. */
  size: number;
  /** 8 deflate (default), 0 stored. */
  method?: number;
  flags?: number;
};

/**
 * A zip written byte by byte from entries whose headers may lie: a real
 * writer would not let a test declare a size the data does not have.
 */
export function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, e.stored);
    centrals.push(central, name);
    offset += local.length + name.length + e.stored.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/** `length` zero bytes, raw-deflated a megabyte at a time (never held unpacked). */
export async function deflatedZeros(length: number): Promise<Buffer> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflater, 'end');
  const block = Buffer.alloc(1024 * 1024);
  for (let left = length; left > 0; left -= block.length) {
    if (!deflater.write(block.subarray(0, Math.min(left, block.length)))) {
      await once(deflater, 'drain');
    }
  }
  deflater.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * A copy of a zip whose central directory claims another unzipped size for
 * the entry `name` (the local header keeps the true one, as an attacker may).
 */
export function withDeclaredSize(
  zip: Buffer,
  name: string,
  size: (real: number) => number,
): Buffer {
  const copy = Buffer.from(zip);
  const eocd = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = copy.readUInt32LE(eocd + 16);
  for (let n = copy.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      copy.writeUInt32LE(size(copy.readUInt32LE(at + 24)), at + 24);
      return copy;
    }
    at += 46 + nameLength + copy.readUInt16LE(at + 30) + copy.readUInt16LE(at + 32);
  }
  throw new Error(`no entry ${name}`);
}

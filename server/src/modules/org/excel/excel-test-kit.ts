// Test helpers for the Excel routes: build .xlsx files, send them as a
// hand-made multipart body (what a browser sends), and read answers back.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../../platform/db/connect.ts';
import type { Agent } from '../../../test/test-app.ts';
import { cellText, XLSX_MIME } from './workbook.ts';

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

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../http/content-disposition.ts';
import {
  headerRange,
  sheetColumns,
  styleHeader,
  XLSX_MIME,
  type ExportColumn,
} from './workbook.ts';

/** One exported value per column; null leaves the cell empty. */
export type ExportValue = string | number | null;

/** What an entity's export hands to the streamer. */
export type ExportSheet = {
  /** Chinese file name without date and extension (人员), and its ASCII fallback (people). */
  fileName: { zh: string; ascii: string };
  sheetName: string;
  columns: readonly ExportColumn[];
  /** Rows in batches, read lazily from the database. */
  batches: AsyncIterable<ExportValue[][]>;
};

/** Rows already in memory (a report's few lines) as the one batch of an export. */
export async function* oneBatch(rows: ExportValue[][]): AsyncGenerator<ExportValue[][]> {
  yield rows;
}

/** Waits until the client has taken what is buffered, or has gone away. */
async function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
}

/**
 * Streams an .xlsx to the client with exceljs's WorkbookWriter: rows are
 * committed batch by batch and only the zip buffers stay in memory, so 100k
 * rows cost no more memory than 1k. The first batch is read before the
 * response starts, so a failing query still answers with a proper JSON
 * error; a failure later can only cut the download short (and is logged).
 */
export async function sendXlsxStream(
  reply: FastifyReply,
  sheet: ExportSheet,
  date: string,
): Promise<FastifyReply> {
  const batches = sheet.batches[Symbol.asyncIterator]();
  const first = await batches.next();

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = workbook.addWorksheet(sheet.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.autoFilter = headerRange(sheet.columns.length);
  ws.columns = sheetColumns(sheet.columns);
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  styleHeader(header, sheet.columns);
  header.commit();

  const pump = async () => {
    for (let step = first; !step.done; step = await batches.next()) {
      for (const values of step.value) ws.addRow(values).commit();
      await drained(out);
      if (out.destroyed) {
        // The client went away: stop reading the database.
        await batches.return?.();
        return;
      }
    }
    ws.commit();
    await workbook.commit();
  };
  pump().catch((err: unknown) => {
    reply.log.error({ err }, 'excel export failed while streaming');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });

  const name = `${sheet.fileName.zh}-${date}.xlsx`;
  const ascii = `${sheet.fileName.ascii}-${date}.xlsx`;
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition('attachment', name, ascii))
    .header('cache-control', 'no-store')
    .send(out);
}

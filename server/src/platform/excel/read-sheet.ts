import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import type { ImportErrors } from './import-errors.ts';
import { MAX_UNZIPPED_BYTES, tooLarge, unreadable } from './upload.ts';
import { cellText, type SheetColumn } from './workbook.ts';
import { checkZipInflation } from './zip-guard.ts';

/** The most data rows one import takes; larger files are refused with 413. */
export const MAX_IMPORT_ROWS = 20_000;

/**
 * How much one import may take. The defaults suit reference lists (people,
 * places); a module whose users import whole registers at once (assets:
 * 100,000 cards from the old system) passes larger ones.
 */
export type SheetLimits = { maxRows: number; maxUnzippedBytes: number };

const DEFAULT_LIMITS: SheetLimits = {
  maxRows: MAX_IMPORT_ROWS,
  maxUnzippedBytes: MAX_UNZIPPED_BYTES,
};

/**
 * One data row: its Excel row number and the text of each known column.
 * A column missing from the file is absent from `cells`; a blank cell is ''.
 */
export type SheetRow<K extends string> = { row: number; cells: Partial<Record<K, string>> };

export type ImportSheet<K extends string> = {
  rows: SheetRow<K>[];
  /** Columns the file has: an update leaves fields of absent columns alone. */
  present: ReadonlySet<K>;
};

/**
 * Header names are matched loosely, the way people retype them: without the
 * required mark (*), spaces, or a hint in brackets, so "类型*", "类型（楼栋/楼层）"
 * and "面积(m²)" find 类型 and 面积.
 */
export function headerKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
}

/**
 * Checks that unzipping an upload stays within the byte budget before any
 * of it reaches exceljs: checked here, where the bytes reach exceljs, so no
 * caller can skip it.
 */
async function checkSize(buffer: Buffer, limits: SheetLimits): Promise<void> {
  const verdict = await checkZipInflation(buffer, limits.maxUnzippedBytes);
  if (verdict === 'too-large') {
    throw tooLarge({
      zh: `文件内容过大，请分批导入（单次最多 ${limits.maxRows} 行）`,
      en: `The workbook is too large; import it in parts (at most ${limits.maxRows} rows at a time)`,
    });
  }
  if (verdict === 'unreadable') throw unreadable();
}

const tooManyRows = (maxRows: number, dataRows: string) =>
  tooLarge({
    zh: `单次最多导入 ${maxRows} 行，该文件有 ${dataRows} 行，请分批导入`,
    en: `At most ${maxRows} rows per import; this file has ${dataRows}. Split it`,
  });

/**
 * Reads the first sheet (not the 说明 sheet of our template) into rows keyed
 * by column. Row 1 is the header; blank rows are skipped, since Excel keeps
 * formatted empty rows below the data. A missing required column, or more
 * than `limits.maxRows` rows, stops here.
 *
 * The sheet is streamed (exceljs WorkbookReader), not loaded whole: about
 * three times faster and a fraction of the memory, which is what lets an
 * asset register of 100,000 rows be imported at once.
 */
export async function readImportSheet<K extends string>(
  buffer: Buffer,
  columns: readonly (SheetColumn & { key: K })[],
  errors: ImportErrors,
  limits: SheetLimits = DEFAULT_LIMITS,
): Promise<ImportSheet<K>> {
  const { maxRows } = limits;
  await checkSize(buffer, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    // Styles tell a date from a number; hyperlinks (an e-mail typed into Excel) keep their text.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const byHeader = new Map(columns.map((c) => [headerKey(c.header), c]));
  const position = new Map<K, number>();
  const rows: SheetRow<K>[] = [];
  let found = false;
  let lastRow = 0;
  try {
    for await (const sheet of reader) {
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      if (found || ws.name === '说明') {
        // Drain the sheet: the reader moves on only once it is consumed.
        for await (const _row of ws) void _row;
        continue;
      }
      found = true;
      for await (const row of ws) {
        const rowNumber = row.number;
        if (rowNumber === 1) {
          row.eachCell((cell, col) => {
            const column = byHeader.get(headerKey(cellText(cell.value)));
            if (!column) return; // extra columns (e.g. 部门名称 of an export) are ignored
            if (position.has(column.key)) {
              errors.add(1, column.header, {
                zh: `列「${column.header}」出现了多次`,
                en: `Column "${column.header}" appears more than once`,
              });
            } else position.set(column.key, col);
          });
          for (const c of columns) {
            if (c.required && !position.has(c.key)) {
              errors.add(1, c.header, {
                zh: `缺少必填列「${c.header}」，请使用导入模板`,
                en: `Required column "${c.header}" is missing; use the import template`,
              });
            }
          }
          errors.throwIfAny(0);
          continue;
        }
        lastRow = rowNumber;
        const cells: Partial<Record<K, string>> = {};
        let blank = true;
        for (const [key, col] of position) {
          const text = cellText(row.getCell(col).value);
          cells[key] = text;
          if (text !== '') blank = false;
        }
        if (blank) continue;
        if (rows.length >= maxRows) throw tooManyRows(maxRows, `${maxRows}+`);
        rows.push({ row: rowNumber, cells });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  }
  if (!found) {
    errors.add(1, '', { zh: '文件中没有工作表', en: 'The workbook has no sheet' });
    errors.throwIfAny(0);
  }
  if (position.size === 0 && lastRow === 0) {
    // An empty sheet: no header either, so every required column is missing.
    for (const c of columns) {
      if (c.required)
        errors.add(1, c.header, {
          zh: `缺少必填列「${c.header}」，请使用导入模板`,
          en: `Required column "${c.header}" is missing; use the import template`,
        });
    }
    errors.throwIfAny(0);
  }
  return { rows, present: new Set(position.keys()) };
}

/**
 * A cell's value for a field: undefined when the column is absent or a
 * required cell is blank (the schema then reports it), null for a blank
 * optional cell, which clears the field on update.
 */
export function optionalText(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === '' ? null : value;
}

import { AppError } from '../errors.ts';
import type { ImportErrors } from './import-errors.ts';
import { MAX_UNZIPPED_BYTES, tooLarge, unreadable } from './upload.ts';
import type { SheetColumn } from './workbook.ts';
import { readXlsxRows, XlsxZipError, type RowCells } from './xlsx-rows.ts';

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

const tooManyRows = (maxRows: number, dataRows: string) =>
  tooLarge({
    zh: `单次最多导入 ${maxRows} 行，该文件有 ${dataRows} 行，请分批导入`,
    en: `At most ${maxRows} rows per import; this file has ${dataRows}. Split it`,
  });

const missingColumn = (header: string) => ({
  zh: `缺少必填列「${header}」，请使用导入模板`,
  en: `Required column "${header}" is missing; use the import template`,
});

/**
 * Reads the first sheet (not the 说明 sheet of our template) into rows keyed
 * by column. Row 1 is the header; blank rows are skipped, since Excel keeps
 * formatted empty rows below the data. A missing required column, or more
 * than `limits.maxRows` rows, stops here.
 *
 * The sheet is streamed as it is unzipped (xlsx-rows.ts), not loaded whole,
 * and the zip is checked against `limits.maxUnzippedBytes` in the same pass:
 * a 100,000-row asset register reads in about a second.
 */
export async function readImportSheet<K extends string>(
  buffer: Buffer,
  columns: readonly (SheetColumn & { key: K })[],
  errors: ImportErrors,
  limits: SheetLimits = DEFAULT_LIMITS,
): Promise<ImportSheet<K>> {
  const { maxRows } = limits;
  const byHeader = new Map(columns.map((c) => [headerKey(c.header), c]));
  const position = new Map<K, number>();
  /** The key each column number feeds, once the header is read. */
  const keyAt: (K | undefined)[] = [];
  const rows: SheetRow<K>[] = [];
  let lastRow = 0;

  const readHeader = (cells: RowCells) => {
    // By column, the last of two cells at one place winning, as a sheet model would hold them.
    const byColumn = new Map<number, string>();
    for (let i = 0; i < cells.length; i++) byColumn.set(cells.cols[i]!, cells.texts[i]!);
    for (const [col, text] of [...byColumn].sort((a, b) => a[0] - b[0])) {
      const column = byHeader.get(headerKey(text));
      if (!column) continue; // extra columns (e.g. 部门名称 of an export) are ignored
      if (position.has(column.key)) {
        errors.add(1, column.header, {
          zh: `列「${column.header}」出现了多次`,
          en: `Column "${column.header}" appears more than once`,
        });
      } else position.set(column.key, col);
    }
    for (const c of columns) {
      if (c.required && !position.has(c.key)) errors.add(1, c.header, missingColumn(c.header));
    }
    errors.throwIfAny(0);
    for (const [key, col] of position) keyAt[col] = key;
  };

  const onRow = (rowNumber: number, cells: RowCells) => {
    if (rowNumber === 1) {
      readHeader(cells);
      return;
    }
    lastRow = rowNumber;
    const values: Partial<Record<K, string>> = {};
    for (const key of position.keys()) values[key] = '';
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      const key = keyAt[cells.cols[i]!];
      if (key === undefined) continue;
      values[key] = cells.texts[i]!; // never '': blank cells are not listed
      blank = false;
    }
    if (blank) return;
    if (rows.length >= maxRows) throw tooManyRows(maxRows, `${maxRows}+`);
    rows.push({ row: rowNumber, cells: values });
  };

  let found: boolean;
  try {
    found = await readXlsxRows(buffer, limits.maxUnzippedBytes, onRow);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof XlsxZipError && err.verdict === 'too-large') {
      throw tooLarge({
        zh: `文件内容过大，请分批导入（单次最多 ${maxRows} 行）`,
        en: `The workbook is too large; import it in parts (at most ${maxRows} rows at a time)`,
      });
    }
    throw unreadable();
  }
  if (!found) {
    errors.add(1, '', { zh: '文件中没有工作表', en: 'The workbook has no sheet' });
    errors.throwIfAny(0);
  }
  if (position.size === 0 && lastRow === 0) {
    // An empty sheet: no header either, so every required column is missing.
    for (const c of columns) {
      if (c.required) errors.add(1, c.header, missingColumn(c.header));
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

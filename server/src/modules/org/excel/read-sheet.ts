import ExcelJS from 'exceljs';
import type { ImportErrors } from './import-errors.ts';
import { MAX_UNZIPPED_BYTES, tooLarge, unreadable } from './upload.ts';
import { cellText, type SheetColumn } from '../../../platform/excel/workbook.ts';
import { checkZipInflation } from './zip-guard.ts';

/** The most data rows one import takes; larger files are refused with 413. */
export const MAX_IMPORT_ROWS = 20_000;

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
 * Opens an uploaded .xlsx with exceljs, after checking that unzipping it
 * stays within MAX_UNZIPPED_BYTES: checked here, where the bytes reach
 * exceljs, so no caller can skip it.
 */
async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const verdict = await checkZipInflation(buffer, MAX_UNZIPPED_BYTES);
  if (verdict === 'too-large') {
    throw tooLarge({
      zh: '文件内容过大，请分批导入（单次最多 20000 行）',
      en: 'The workbook is too large; import it in parts (at most 20,000 rows at a time)',
    });
  }
  if (verdict === 'unreadable') throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); it takes Node's at run time.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw unreadable();
  }
  return workbook;
}

/**
 * Reads the first sheet (not the 说明 sheet of our template) into rows keyed
 * by column. Row 1 is the header; blank rows are skipped, since Excel keeps
 * formatted empty rows below the data. A missing required column, or more
 * than MAX_IMPORT_ROWS rows, stops here.
 */
export async function readImportSheet<K extends string>(
  buffer: Buffer,
  columns: readonly (SheetColumn & { key: K })[],
  errors: ImportErrors,
): Promise<ImportSheet<K>> {
  const workbook = await loadWorkbook(buffer);
  const ws = workbook.worksheets.find((w) => w.name !== '说明') ?? workbook.worksheets[0];
  if (!ws) {
    errors.add(1, '', { zh: '文件中没有工作表', en: 'The workbook has no sheet' });
    errors.throwIfAny(0);
    throw new Error('unreachable');
  }
  const dataRows = ws.actualRowCount - 1;
  if (dataRows > MAX_IMPORT_ROWS) {
    throw tooLarge({
      zh: `单次最多导入 ${MAX_IMPORT_ROWS} 行，该文件有 ${dataRows} 行，请分批导入`,
      en: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${dataRows}. Split it`,
    });
  }

  const byHeader = new Map(columns.map((c) => [headerKey(c.header), c]));
  const position = new Map<K, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const found = byHeader.get(headerKey(cellText(cell.value)));
    if (!found) return; // extra columns (e.g. 部门名称 of an export) are ignored
    if (position.has(found.key)) {
      errors.add(1, found.header, {
        zh: `列「${found.header}」出现了多次`,
        en: `Column "${found.header}" appears more than once`,
      });
    } else position.set(found.key, col);
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

  const rows: SheetRow<K>[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Partial<Record<K, string>> = {};
    let blank = true;
    for (const [key, col] of position) {
      const text = cellText(row.getCell(col).value);
      cells[key] = text;
      if (text !== '') blank = false;
    }
    if (!blank) rows.push({ row: rowNumber, cells });
  });
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

import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { describeIssues, zodValidatorCompiler } from '../http/validation.ts';
import type { Lang, LocalizedText } from '../i18n.ts';

/** One problem in the file: Excel row number (the header is row 1) and column header. */
export type RowError = { row: number; column: string; message: string };

// A file of 20,000 bad rows would make a 2 MB error answer nobody reads; the
// first errors are enough to see what is wrong, the count says how much.
const MAX_LISTED = 1000;

/** The 422 answer: every row error, and the promise that nothing was written. */
export function importInvalid(errors: readonly RowError[], total: number): AppError {
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const rows = [...errors].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED);
  return new AppError(
    422,
    'IMPORT_INVALID',
    {
      zh: `导入失败：共 ${invalidRows} 行有误，未导入任何数据。请按错误明细修改后重新上传。`,
      en: `Import failed: ${invalidRows} row(s) have errors, nothing was imported. Correct them and upload again.`,
    },
    { rows, total, invalidRows, truncated: errors.length > rows.length },
  );
}

/** Collects row errors in the caller's language while a file is checked. */
export class ImportErrors {
  private readonly list: RowError[] = [];
  private readonly rows = new Set<number>();

  constructor(readonly lang: Lang) {}

  add(row: number, column: string, text: LocalizedText): void {
    this.list.push({ row, column, message: text[this.lang] });
    this.rows.add(row);
  }

  /**
   * Blank required cells, reported as such ("工号不能为空" reads better than
   * the schema's "expected string"); returns their keys so `addIssues` can
   * skip the schema's own complaint about them.
   */
  requireCells<K extends string>(
    row: number,
    cells: Partial<Record<K, string>>,
    columns: readonly { key: K; header: string; required?: boolean }[],
  ): Set<string> {
    const blank = new Set<string>();
    for (const c of columns) {
      if (c.required && !cells[c.key]) {
        this.add(row, c.header, { zh: `${c.header}不能为空`, en: `${c.header} is required` });
        blank.add(c.key);
      }
    }
    return blank;
  }

  /** Zod issues of one row; `headerOf` turns a field path into the column header. */
  addIssues(
    row: number,
    error: z.ZodError,
    headerOf: (path: string) => string,
    skip: ReadonlySet<string> = new Set(),
  ): void {
    for (const issue of describeIssues(error, this.lang)) {
      if (skip.has(issue.path)) continue;
      this.list.push({ row, column: headerOf(issue.path), message: issue.message });
      this.rows.add(row);
    }
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  get count(): number {
    return this.list.length;
  }

  /** Throws the 422 answer when anything was collected. */
  throwIfAny(total: number): void {
    if (this.list.length > 0) throw importInvalid(this.list, total);
  }
}

/**
 * Validates one row with a module's Create schema through the same compiler
 * the HTTP layer uses, so row messages read exactly like API validation
 * messages, in the caller's language.
 */
export function rowValidator<S extends z.ZodType>(schema: S) {
  const check = zodValidatorCompiler({ schema, method: 'POST', url: 'excel-import' });
  return (data: unknown): { ok: true; value: z.output<S> } | { ok: false; error: z.ZodError } => {
    const result = check(data) as { value?: z.output<S>; error?: z.ZodError };
    return result.error ? { ok: false, error: result.error } : { ok: true, value: result.value! };
  };
}

import { readJson } from '../../../platform/db/dialect.ts';
import type { ExportValue } from '../../../platform/excel/export-stream.ts';
import { headerKey } from '../../../platform/excel/read-sheet.ts';
import type { FieldDef } from './schema.ts';

/*
 * Custom fields (床位号, 屏幕尺寸 …) as sheet columns, shared by the export
 * and the import: a column is headed by the field's label, so one column
 * serves every category that has a field of that label, and a row's cell
 * belongs to the field of that label in the row's own category. Labels are
 * compared the way the import compares headers (headerKey: without *,
 * spaces or a bracketed hint), so "床位号*" still finds 床位号.
 */

/** The sheet column of the custom fields labelled `label`. */
export const customColumnKey = (label: string) => `custom:${headerKey(label)}`;

/** A category's field definitions as stored (JSON text on SQLite, jsonb on PostgreSQL). */
export function fieldDefsOf(category: { fields: unknown }): FieldDef[] {
  return readJson<FieldDef[] | null>(category.fields) ?? [];
}

export type CustomColumn = { key: string; header: string; width: number };

/**
 * One column per distinct label among these fields, in the order they come.
 * A label that reads as one of the sheet's own columns (a field called 备注)
 * gets no column: the sheet's column wins, and two columns of one name
 * would make the file impossible to import.
 */
export function customColumnsOf(
  defs: Iterable<FieldDef>,
  reservedHeaders: Iterable<string>,
): CustomColumn[] {
  const taken = new Set([...reservedHeaders].map(headerKey));
  const columns: CustomColumn[] = [];
  for (const d of defs) {
    const k = headerKey(d.label);
    if (k === '' || taken.has(k)) continue;
    taken.add(k);
    columns.push({
      key: customColumnKey(d.label),
      header: d.label,
      width: d.type === 'text' ? 16 : 12,
    });
  }
  return columns;
}

/** A stored value as a person reads it in the sheet: numbers as numbers, dates and options as text. */
export function customCell(def: FieldDef | undefined, value: unknown): ExportValue {
  if (value === null || value === undefined || value === '') return null;
  if (def?.type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'number' ? value : String(value);
}

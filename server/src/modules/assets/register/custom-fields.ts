import type { LocalizedText } from '../../../platform/i18n.ts';
import type { FieldDef } from './schema.ts';

type Value = string | number | null;

/**
 * One extra field's value checked against its definition: the value to
 * store (numbers as numbers, text trimmed), nothing for a blank optional
 * field, or the problem worded for people. The API (checkCustomFields) and
 * the Excel import (one column per field) both check through here.
 */
export function checkCustomField(
  d: FieldDef,
  raw: Value | undefined,
): { value?: string | number; problem?: LocalizedText } {
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  if (blank) {
    return d.required
      ? { problem: { zh: `${d.label}不能为空`, en: `${d.label} is required` } }
      : {};
  }
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  if (d.type === 'number') {
    const n = typeof raw === 'number' ? raw : Number(text);
    return Number.isFinite(n)
      ? { value: n }
      : { problem: { zh: `${d.label}应为数字`, en: `${d.label} must be a number` } };
  }
  if (d.type === 'date') {
    return !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))
      ? {
          problem: {
            zh: `${d.label}应为日期（YYYY-MM-DD）`,
            en: `${d.label} must be a date (YYYY-MM-DD)`,
          },
        }
      : { value: text };
  }
  if (d.type === 'select') {
    return d.options?.includes(text)
      ? { value: text }
      : {
          problem: {
            zh: `${d.label}只能选择：${(d.options ?? []).join('、')}`,
            en: `${d.label} must be one of: ${(d.options ?? []).join(', ')}`,
          },
        };
  }
  return text.length > 500
    ? { problem: { zh: `${d.label}不能超过 500 字`, en: `${d.label} may hold 500 characters` } }
    : { value: text };
}

/** A value given for a field the category does not define. */
export function unknownCustomField(name: string): LocalizedText {
  return {
    zh: `该分类没有自定义字段「${name}」`,
    en: `The category has no custom field "${name}"`,
  };
}

/**
 * Checks a card's extra fields against its category's definitions and
 * returns the values to store (numbers as numbers, blanks dropped) or the
 * problems, worded for people. Keys the category does not define are refused,
 * so a typo never hides a value nobody will see again.
 */
export function checkCustomFields(
  defs: readonly FieldDef[],
  values: Readonly<Record<string, Value>>,
): { values: Record<string, string | number>; problems: LocalizedText[] } {
  const keys = new Set(defs.map((d) => d.key));
  const problems: LocalizedText[] = [];
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(values)) {
    if (!keys.has(key)) problems.push(unknownCustomField(key));
  }
  for (const d of defs) {
    const { value, problem } = checkCustomField(d, values[d.key]);
    if (problem) problems.push(problem);
    else if (value !== undefined) out[d.key] = value;
  }
  return { values: out, problems };
}

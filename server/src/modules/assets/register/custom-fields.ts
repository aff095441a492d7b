import type { LocalizedText } from '../../../platform/i18n.ts';
import type { FieldDef } from './schema.ts';

type Value = string | number | null;

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
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const problems: LocalizedText[] = [];
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(values)) {
    if (!byKey.has(key))
      problems.push({
        zh: `该分类没有自定义字段「${key}」`,
        en: `The category has no custom field "${key}"`,
      });
  }
  for (const d of defs) {
    const raw = values[d.key];
    const blank =
      raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (d.required) problems.push({ zh: `${d.label}不能为空`, en: `${d.label} is required` });
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : String(raw);
    if (d.type === 'number') {
      const n = typeof raw === 'number' ? raw : Number(text);
      if (!Number.isFinite(n))
        problems.push({ zh: `${d.label}应为数字`, en: `${d.label} must be a number` });
      else out[d.key] = n;
    } else if (d.type === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text)))
        problems.push({
          zh: `${d.label}应为日期（YYYY-MM-DD）`,
          en: `${d.label} must be a date (YYYY-MM-DD)`,
        });
      else out[d.key] = text;
    } else if (d.type === 'select') {
      if (!d.options?.includes(text))
        problems.push({
          zh: `${d.label}只能选择：${(d.options ?? []).join('、')}`,
          en: `${d.label} must be one of: ${(d.options ?? []).join(', ')}`,
        });
      else out[d.key] = text;
    } else if (text.length > 500) {
      problems.push({ zh: `${d.label}不能超过 500 字`, en: `${d.label} may hold 500 characters` });
    } else out[d.key] = text;
  }
  return { values: out, problems };
}

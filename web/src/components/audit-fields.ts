import { formatDateTime, formatYuan } from './format.ts';

/**
 * How an audit timeline names one field of a record and shows its value.
 * A bare string is the label; `format` turns a (non-empty) value into words
 * (return null/undefined to fall back to the default display); `fields`
 * names the keys inside an object-valued field (e.g. the organisation's
 * `settings`), whose changed keys are then listed as "label · key label"
 * (or by their own labels alone with `flatten`).
 */
export type AuditField =
  | string
  | {
      label: string;
      format?: (value: unknown) => string | null | undefined;
      fields?: AuditFields;
      flatten?: boolean;
    };

/** Field key (as the API names it, camelCase; snake_case keys are matched too) → how to show it. */
export type AuditFields = Record<string, AuditField>;

/** The few words the formatting needs, in the reader's language. */
export type AuditWords = { changed: string; yes: string; no: string; none: string };

/** One changed field as the timeline shows it: "label: text". */
export type FieldChange = { key: string; label: string; text: string };

/** Bookkeeping that changes with every write and says nothing to a reader. */
const IGNORED = new Set(['updatedAt', 'updated_at', 'version']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Longest plain value shown in full; longer ones are cut (the audit page has all of it). */
const MAX_TEXT = 40;
/** Stands for "show 已更改 instead of the values". */
const SUMMARY = Symbol('summary');

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
const toCamel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const toSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isIdKey = (k: string) => k === 'id' || /(_id|Id)$/.test(k);

/** Same JSON regardless of key order (a form may send keys in another order than stored). */
function stable(v: unknown): string {
  if (Array.isArray(v)) {
    const items = v.map(stable);
    // A list of plain values is a set here (permissions, working days…): order says nothing.
    if (v.every((x) => x === null || typeof x !== 'object')) items.sort();
    return `[${items.join(',')}]`;
  }
  if (isRecord(v))
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || stable(a) === stable(b);

function specOf(fields: AuditFields, key: string) {
  const spec = fields[key] ?? fields[toCamel(key)];
  return typeof spec === 'string' ? { label: spec } : spec;
}

/**
 * The value of `key` in the "before" snapshot. Some services record the
 * stored row (snake_case) before and the API patch (camelCase) after.
 */
function beforeValue(before: Record<string, unknown>, key: string): unknown {
  if (key in before) return before[key];
  const snake = toSnake(key);
  if (snake in before) return before[snake];
  return before[toCamel(key)];
}

function show(
  key: string,
  value: unknown,
  spec: Exclude<AuditField, string> | undefined,
  words: AuditWords,
): string | typeof SUMMARY {
  if (isEmpty(value)) return words.none;
  const formatted = spec?.format?.(value);
  if (formatted !== null && formatted !== undefined) return formatted;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') {
    if (isIdKey(key) && UUID.test(value)) return SUMMARY;
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  if (Array.isArray(value)) {
    const plain = value.every(
      (v) => v === null || (typeof v !== 'object' && !(typeof v === 'string' && UUID.test(v))),
    );
    const joined = value.map((v) => String(v ?? '—')).join('、');
    return plain && joined.length <= MAX_TEXT ? joined || words.none : SUMMARY;
  }
  if (typeof value === 'object') return SUMMARY;
  return String(value);
}

/**
 * The fields an update changed, in the reader's words: "职务: — → 护士长",
 * ids and objects as "已更改". Only keys present in `after` count (updates
 * record the whole record before and the patch after). A create or a delete
 * (one side missing) lists nothing.
 */
export function describeChanges(
  before: unknown,
  after: unknown,
  fields: AuditFields,
  words: AuditWords,
  prefix = '',
): FieldChange[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const out: FieldChange[] = [];
  for (const key of Object.keys(after)) {
    if (IGNORED.has(key)) continue;
    const old = beforeValue(before, key);
    const now = after[key];
    if (now === undefined || same(old, now)) continue;
    const spec = specOf(fields, key);
    if (spec?.fields && isRecord(old) && isRecord(now)) {
      const inner = spec.flatten ? prefix : `${prefix}${spec.label} · `;
      out.push(...describeChanges(old, now, spec.fields, words, inner));
      continue;
    }
    const label = `${prefix}${spec?.label ?? key}`;
    const a = show(key, old, spec, words);
    const b = show(key, now, spec, words);
    if (a === SUMMARY || b === SUMMARY) out.push({ key, label, text: words.changed });
    else if (a !== b) out.push({ key, label, text: `${a} → ${b}` });
  }
  return out;
}

/** Formatter for flags stored as true/false or 1/0: 是/否 (or the caller's words). */
export const flagFormat =
  (yes: string, no: string) =>
  (v: unknown): string | null =>
    v === true || v === 1 ? yes : v === false || v === 0 ? no : null;

/** Formatter for codes with known names (enums); unknown codes show as they are. */
export const codeFormat =
  (names: Record<string, string>) =>
  (v: unknown): string | null =>
    typeof v === 'string' ? (names[v] ?? v) : null;

/** Formatter for money in 分: ¥1,234.50. */
export const fenFormat = (v: unknown): string | null =>
  typeof v === 'number' ? formatYuan(v) : null;

/** Link to the audit log filtered to one record (the full before/after is there). */
export const auditPageHref = (entityType: string, entityId: string) =>
  `/audit?${new URLSearchParams({ entityType, entityId }).toString()}`;

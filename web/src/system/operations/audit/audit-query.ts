import dayjs from 'dayjs';

/** The audit list's filters as they appear in the page's address. */
export const AUDIT_FILTER_KEYS = [
  'from',
  'to',
  'entityType',
  'action',
  'actorUserId',
  'entityId',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/**
 * The API's query for the address's filters. The page keeps a day range
 * (`from=2026-03-01&to=2026-03-31`, what a person picks and reads); the API
 * takes instants, so the range becomes this browser's midnight of the first
 * day up to (not including) the midnight after the last.
 */
export function toAuditQuery(
  filters: Record<string, string | number | undefined>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (key === 'from' || key === 'to') {
      // dayjs reads a bare YYYY-MM-DD as local midnight (unlike Date, which reads UTC).
      const day = /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dayjs(String(value)) : null;
      if (!day?.isValid()) continue;
      out[key] = (key === 'from' ? day : day.add(1, 'day')).startOf('day').toISOString();
    } else if (key === 'actorUserId' && !isUuid(String(value))) {
      continue; // a half-typed id would be a 400; the filter shows it as invalid
    } else out[key] = value;
  }
  return out;
}

/** `/api/audit/export.xlsx?…`: every row of the list's current filter. */
export function auditExportHref(search: URLSearchParams): string {
  const filters: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const v = search.get(key);
    if (v) filters[key] = v;
  }
  const qs = new URLSearchParams(
    Object.entries(toAuditQuery(filters)).map(([k, v]) => [k, String(v)]),
  ).toString();
  return qs ? `/api/audit/export.xlsx?${qs}` : '/api/audit/export.xlsx';
}

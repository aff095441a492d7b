import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse, Me } from '../../../app/api-models.ts';
import type { manageTexts } from './texts.ts';

export type Stats = ApiResponse<'/api/maintenance/stats', 'get'>;
export type Figures = Stats['totals'];
export type GroupRow = Stats['byGroup'][number];
export type GroupBy = Stats['groupBy'];
/** Days in the organisation's calendar, both included: `2026-01-01` … `2026-12-31`. */
export type Range = { from: string; to: string };

export type Tx = (typeof manageTexts)['zh-CN'];

const pad = (n: number) => String(n).padStart(2, '0');

export function yearRange(year: number): Range {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * What this year is compared with: the whole of last year for a past year,
 * and for the year under way the same days of last year (1 January to
 * today's date), since a year that is not over yet would always look smaller
 * than a whole one. 29 February becomes the 28th.
 */
export function comparedRange(year: number, today = new Date()): Range & { partial: boolean } {
  if (year < today.getFullYear()) return { ...yearRange(year - 1), partial: false };
  const m = today.getMonth() + 1;
  const d = m === 2 && today.getDate() === 29 ? 28 : today.getDate();
  return { from: `${year - 1}-01-01`, to: `${year - 1}-${pad(m)}-${pad(d)}`, partial: true };
}

export function statsKey(range: Range, siteId: string | undefined, groupBy: GroupBy) {
  return ['maintenance', 'stats', range.from, range.to, siteId ?? null, groupBy] as const;
}

export function fetchStats(range: Range, siteId: string | undefined, groupBy: GroupBy) {
  return unwrap(
    api.GET('/api/maintenance/stats', {
      // Only the days: the API refuses unknown parameters (a Range may carry more).
      params: { query: { from: range.from, to: range.to, siteId, groupBy } },
    }),
  );
}

/** The workbook of GET /api/maintenance/stats/export.xlsx for the dashboard's year and site. */
export function statsExportHref(range: Range, siteId: string | undefined): string {
  const q = new URLSearchParams({ from: range.from, to: range.to });
  if (siteId) q.set('siteId', siteId);
  return `/api/maintenance/stats/export.xlsx?${q.toString()}`;
}

/**
 * Whether the export needs a site chosen first: someone who may export at
 * some sites only, but reads more, would get a refusal for all sites.
 */
export function exportNeedsSite(me: Me): boolean {
  const exp = me.permissions.find((p) => p.permission === 'maintenance:export');
  const read = me.permissions.find((p) => p.permission === 'maintenance:read');
  if (!exp || exp.orgWide || !read) return false;
  return read.orgWide || read.sites.some((s) => !exp.sites.includes(s));
}

/** A duration in words: "45 分钟", "3 小时 20 分", "2 天 4 小时". */
export function durationText(tx: Tx, minutes: number | null): string {
  if (minutes === null) return tx.dashboard.none;
  if (minutes < 60) return tx.duration.minutes(Math.round(minutes * 10) / 10);
  const whole = Math.round(minutes);
  if (whole < 24 * 60) return tx.duration.hours(Math.floor(whole / 60), whole % 60);
  const hours = Math.round(whole / 60);
  return tx.duration.days(Math.floor(hours / 24), hours % 24);
}

/** A share of 0–1 as the API gives it (three decimals), as a percentage: 0.857 → "85.7%". */
export function percentText(tx: Tx, share: number | null): string {
  return share === null ? tx.dashboard.none : `${Math.round(share * 1000) / 10}%`;
}

/** Relative change (0.12 = 12 % more); null when there is nothing to compare with. */
export function relativeChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / before;
}

/** The difference of two shares in percentage points (0.92 vs 0.88 → 4). */
export function pointsChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round((now - before) * 1000) / 10;
}

/** "+12%", "−3.5%", "0%": a signed figure with one decimal at most. */
export function signed(n: number, unit = ''): string {
  const r = Math.round(n * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r)}${unit}`;
}

/** The 12 months of a year's `byGroup` (keys `YYYY-MM`), by month number 1–12. */
export function byMonthNumber(rows: GroupRow[] | undefined): Map<number, GroupRow> {
  return new Map((rows ?? []).map((r) => [Number(r.key?.slice(5)), r]));
}

/** Where a category's orders of the year are listed: the dispatch list, filtered. */
export function dispatchHref(
  filter: Record<string, string>,
  range: Range,
  siteId: string | undefined,
): string {
  const q = new URLSearchParams({ ...filter, from: range.from, to: range.to });
  if (siteId) q.set('siteId', siteId);
  return `/maintenance/dispatch?${q.toString()}`;
}

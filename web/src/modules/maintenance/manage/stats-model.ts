import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import type { manageTexts } from './texts.ts';

export type Stats = ApiResponse<'/api/maintenance/stats', 'get'>;
export type Figures = Stats['totals'];
export type GroupRow = Stats['byGroup'][number];
export type GroupBy = Stats['groupBy'];

type Tx = (typeof manageTexts)['zh-CN'];

export function fetchStats(year: number, siteId: string | undefined, groupBy: GroupBy) {
  return unwrap(
    api.GET('/api/maintenance/stats', {
      params: { query: { from: `${year}-01-01`, to: `${year}-12-31`, siteId, groupBy } },
    }),
  );
}

/** A duration in words: "45 分钟", "3 小时 20 分", "2 天 4 小时". */
export function durationText(tx: Tx, minutes: number | null): string {
  if (minutes === null) return tx.dashboard.none;
  if (minutes < 60) return tx.duration.minutes(minutes);
  const whole = Math.round(minutes);
  if (whole < 24 * 60) return tx.duration.hours(Math.floor(whole / 60), whole % 60);
  return tx.duration.days(Math.floor(whole / 1440), Math.round((whole % 1440) / 60));
}

/** A share of 0–1 as the API gives it (three decimals), as a percentage: 0.857 → "85.7%". */
export function percentText(tx: Tx, share: number | null): string {
  return share === null ? tx.dashboard.none : `${Math.round(share * 1000) / 10}%`;
}

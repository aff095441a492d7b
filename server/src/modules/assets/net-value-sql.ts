import { sql, type RawBuilder } from 'kysely';
import { monthIndex } from './depreciation.ts';

/*
 * A card's net (book) value on a date as a SQL expression over `a`
 * (ast_assets), for both dialects, so that reports sum it in the database
 * instead of reading every card into Node: the idle pool sums, sorts and
 * pages its groups by it, and the register on a date (register/reports.ts)
 * sums it per department.
 *
 * It is depreciation.ts's straight-line rule written out (the same integer
 * arithmetic, in 分):
 *   - no depreciation unless method = 'straight_line', a life > 0 and a start
 *     date (in-service, else purchase);
 *   - residual = round(original × residual_bp / 10000), depreciable =
 *     max(0, original − residual), monthly = floor(depreciable / life);
 *   - months booked by `asOf` = month(asOf) − month(start) (当月增加当月不提):
 *     none → 0, the whole life or more → depreciable, else monthly × months.
 * Values are never negative (original ≥ 0, 0 ≤ residual_bp), so integer
 * division truncating (both dialects) is floor, and (x + 5000) / 10000 is
 * Math.round. `net-value-sql.test.ts` checks it against depreciation.ts card
 * by card on both databases; change both together.
 */
export function netValueSql(asOf: string): RawBuilder<number> {
  const start = sql`cast(coalesce(a.in_service_date, a.purchase_date) as text)`;
  const startMonth = sql`(cast(substr(${start}, 1, 4) as integer) * 12 + cast(substr(${start}, 6, 2) as integer) - 1)`;
  const months = sql`(${sql.lit(monthIndex(asOf))} - ${startMonth})`;
  const residual = sql`((a.original_value_fen * a.residual_bp + 5000) / 10000)`;
  const depreciable = sql`(case when a.original_value_fen - ${residual} > 0 then a.original_value_fen - ${residual} else 0 end)`;
  return sql<number>`(a.original_value_fen - (case
    when a.depreciation_method <> 'straight_line' or a.life_months is null or a.life_months <= 0
      or coalesce(a.in_service_date, a.purchase_date) is null or ${months} <= 0 then 0
    when ${months} >= a.life_months then ${depreciable}
    else (${depreciable} / a.life_months) * ${months}
  end))`;
}

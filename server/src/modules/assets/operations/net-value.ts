import { netValue } from '../depreciation.ts';
import type { AstAssetsTable } from '../tables.ts';

type Valued = Pick<
  AstAssetsTable,
  | 'original_value_fen'
  | 'depreciation_method'
  | 'life_months'
  | 'residual_bp'
  | 'in_service_date'
  | 'purchase_date'
>;

/** The net (book) value of an asset on a date: what an operation puts at stake. */
export function assetNetValue(a: Valued, asOf: string): number {
  return netValue(
    {
      originalValueFen: Number(a.original_value_fen),
      method: a.depreciation_method,
      lifeMonths: a.life_months,
      residualBp: a.residual_bp,
      startDate: a.in_service_date ?? a.purchase_date,
    },
    asOf,
  );
}

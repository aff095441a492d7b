import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';

/** What a completed order takes from a store, and what it cost. */
export type StockDrawInput = {
  siteId: string;
  workOrderId: string;
  workOrderNumber: string;
  /** The order's category name, kept by the stores for "consumption by category". */
  categoryName: string;
  departmentId: string | null;
  lines: { storeId: string; itemId: string; quantity: number }[];
};
export type StockDrawn = {
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
  unitCostFen: number;
  valueFen: number;
};
export type StockDraw = (tx: DbOrTx, actor: Actor, input: StockDrawInput) => Promise<StockDrawn[]>;

let provider: StockDraw | null = null;

/**
 * The stores (assets module) draw spare parts for a completed order. The
 * dependency points from assets to maintenance (assets also creates repair
 * orders through maintenance/index.ts), so instead of importing the stores
 * here, the assets module hands its function in when it loads.
 */
export function provideStockDraw(draw: StockDraw): void {
  provider = draw;
}

export function stockDraw(): StockDraw | null {
  return provider;
}

import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import { idlePoolAll, type IdleTotals } from './idle-pool.ts';
import type { IdlePoolFilter, IdlePoolSort } from './schema.ts';

/** How the sheet names conditions (使用状况), as the register's export does. */
const CONDITION_LABELS: Record<string, string> = {
  good: '良好',
  fair: '一般',
  poor: '较差',
  damaged: '损坏',
};

const yuan = (fen: number) => fen / 100;

const figures = (s: IdleTotals): ExportValue[] => [
  s.count,
  s.quantity,
  yuan(s.netValueFen),
  yuan(s.originalValueFen),
];

/**
 * 闲置资产 as .xlsx: every group of the pool (same filters, sites and order as
 * the page, not only one page of it), then a 合计 row. Groups are categories ×
 * conditions, so a few thousand rows at most: read in one query.
 */
export async function idlePoolExport(
  db: DbOrTx,
  actor: Actor,
  q: IdlePoolFilter & IdlePoolSort,
): Promise<{ sheet: ExportSheet; today: string }> {
  const pool = await idlePoolAll(db, actor, q);
  const rows: ExportValue[][] = [
    ...pool.groups.map((g) => [
      g.category.name,
      CONDITION_LABELS[g.condition] ?? g.condition,
      ...figures(g),
    ]),
    ['合计', null, ...figures(pool.totals)],
  ];
  async function* batches() {
    yield rows;
  }
  return {
    today: pool.today,
    sheet: {
      fileName: { zh: '闲置资产', ascii: 'idle-assets' },
      sheetName: '闲置资产',
      columns: [
        { key: 'category', header: '资产分类', width: 20 },
        { key: 'condition', header: '使用状况', width: 10 },
        { key: 'count', header: '卡片数', width: 10 },
        { key: 'quantity', header: '数量', width: 10 },
        { key: 'net', header: `净值（元，${pool.today}）`, width: 18 },
        { key: 'original', header: '原值（元）', width: 16 },
      ],
      batches: batches(),
    },
  };
}

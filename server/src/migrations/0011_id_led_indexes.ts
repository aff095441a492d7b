import type { Kysely } from 'kysely';

/**
 * SQLite plans without statistics, so an equality on org_id looks as
 * selective as one on any other column. A lookup "this organisation's rows of
 * one parent" (labour lines of a work order, lines of an operation, stock of
 * a store) then tied between the parent's index and an (org_id, other id)
 * index, SQLite took the latter and read every row of the organisation: the
 * work-order detail read 13,000 labour lines per request on the demo data
 * (6.5 ms, growing with the years). These indexes now lead with their id and
 * keep org_id second: lookups by that id with the org still use them, and
 * the org alone no longer competes. index-choice.test.ts keeps it so.
 *
 * The breaches' (org, breached_at) index had no reader; it tied with the
 * (work order, kind) key the same way. A breach report by date adds the index
 * it needs.
 */
const REORDERED: [table: string, index: string, lead: string][] = [
  ['mnt_labour', 'mnt_labour_user_ix', 'user_id'],
  ['mnt_team_members', 'mnt_team_members_user_ix', 'user_id'],
  ['ast_operation_lines', 'ast_op_lines_asset_ix', 'asset_id'],
  ['st_stock', 'st_stock_item_ix', 'item_id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, index, lead] of REORDERED) {
    await db.schema.dropIndex(index).execute();
    await db.schema.createIndex(index).on(table).columns([lead, 'org_id']).execute();
  }
  await db.schema.dropIndex('mnt_sla_breaches_org_ix').execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
